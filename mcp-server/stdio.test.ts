import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, it } from 'vitest';
import { useSmallDataset } from '../core/metrics/__fixtures__/small-dataset.ts';
import { describeEachEngine } from '../core/testing/test-databases.ts';
import { TOOLS } from '../core/tools/registry.ts';

const BIN = fileURLToPath(new URL('../bin/helloword.js', import.meta.url));

describeEachEngine('helloword mcp over stdio', (engine) => {
  const data = useSmallDataset(engine);

  it('a client that starts `helloword mcp` lists and calls the tools; stdout carries only the protocol', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: data.url, HELLOWORD_NOW: '2026-12-04T10:00:00Z', HELLOWORD_TZ: 'Asia/Shanghai', LOG_LEVEL: 'info' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (c) => {
      stderr += String(c);
    });
    const client = new Client({ name: 'stdio-test', version: '1' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
      const r = await client.callTool({ name: 'list_disputes', arguments: {} });
      expect((r.structuredContent as { disputes: { platform_case_id: string; hours_to_respond: number }[] }).disputes).toMatchObject([
        { platform_case_id: 'C5', hours_to_respond: 38 },
      ]);
    } finally {
      await client.close();
    }
    // Logs went to stderr, so they could not corrupt the protocol on stdout.
    expect(stderr).toContain('MCP server on stdio ready');
  });
});
