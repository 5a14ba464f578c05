import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import type { Database } from '../core/store/open-database.ts';
import type { CommandContext } from './main.ts';

/** What the sync needs from a command: the database, the clock, real waiting, the network, and the stores' credentials. */
export function syncDepsFor(ctx: CommandContext, db: Database, credentials: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map()) {
  return { sql: db.sql, log: ctx.log, now: ctx.now, waiter: realWaiter, random: Math.random, fetch: globalThis.fetch, credentials };
}
