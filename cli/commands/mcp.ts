import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { openDatabase } from '../../core/store/open-database.ts';
import { buildServer } from '../../mcp-server/build-server.ts';
import type { CommandHandler } from '../main.ts';
import { mcpDepsFor } from '../mcp-deps.ts';

/**
 * `helloword mcp`: the tools over stdin/stdout for a client that starts us (Claude Desktop,
 * Cursor, …). stdout carries only the protocol; everything else goes to stderr.
 */
export const mcpCommand: CommandHandler = async (ctx) => {
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    const server = buildServer(mcpDepsFor(ctx, db));
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve();
      process.stdin.once('end', () => resolve());
    });
    await server.connect(transport);
    ctx.log.info('MCP server on stdio ready');
    await closed;
    await server.close();
    return 0;
  } finally {
    await db.close();
  }
};
