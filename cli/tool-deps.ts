import type { Database } from '../core/store/open-database.ts';
import type { ToolDeps } from '../core/tools/tool-definition.ts';
import type { CommandContext } from './main.ts';

/** What the tools need from a command: the database, the process clock, the team's time zone and currency. */
export function toolDepsFor(ctx: CommandContext, db: Database): ToolDeps {
  return { sql: db.sql, now: ctx.now, timeZone: ctx.config.timeZone, reportingCurrency: ctx.config.reportingCurrency };
}
