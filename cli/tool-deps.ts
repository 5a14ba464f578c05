import type { Database } from '../core/store/open-database.ts';
import type { ToolDeps } from '../core/tools/tool-definition.ts';
import type { McpDeps } from '../mcp-server/build-server.ts';
import { loadPrompts } from '../mcp-server/load-prompts.ts';
import type { CommandContext } from './main.ts';
import { PACKAGE_VERSION } from './package-version.ts';

/** What the tools need from a command: the database, the process clock, the team's time zone and currency. */
export function toolDepsFor(ctx: CommandContext, db: Database): ToolDeps {
  return { sql: db.sql, now: ctx.now, timeZone: ctx.config.timeZone, reportingCurrency: ctx.config.reportingCurrency };
}

/** The same for the MCP server (stdio or HTTP), with the prompts read once at start-up. */
export function mcpDepsFor(ctx: CommandContext, db: Database): McpDeps {
  return { ...toolDepsFor(ctx, db), version: PACKAGE_VERSION, prompts: loadPrompts() };
}
