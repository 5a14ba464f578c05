import type { Database } from '../core/store/open-database.ts';
import type { McpDeps } from '../mcp-server/build-server.ts';
import { loadPrompts } from '../mcp-server/load-prompts.ts';
import type { CommandContext } from './main.ts';
import { PACKAGE_VERSION } from './package-version.ts';
import { toolDepsFor } from './tool-deps.ts';

/** The tool dependencies plus what the MCP server needs (stdio or HTTP), with the prompts read once at start-up. */
export function mcpDepsFor(ctx: CommandContext, db: Database): McpDeps {
  return { ...toolDepsFor(ctx, db), version: PACKAGE_VERSION, prompts: loadPrompts() };
}
