import cron from 'node-cron';
import type { Log } from '../../core/logging/create-logger.ts';
import type { Waiter } from '../../core/platforms/http/token-bucket.ts';
import type { SqlDriver } from '../../core/store/sql-driver.ts';
import { runDueSyncs } from '../../core/sync/run-due-syncs.ts';

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * The embedded scheduler: every minute, sync the stores that are due (each store's interval,
 * 15 minutes by default). A tick that is still running when the next one comes is skipped, and
 * the database locks keep several instances from syncing the same store at once.
 */
export function startScheduler(deps: {
  sql: SqlDriver;
  log: Log;
  now: () => Date;
  waiter: Waiter;
  random: () => number;
  fetch: typeof fetch;
  credentials: ReadonlyMap<string, Readonly<Record<string, string>>>;
}): Scheduler {
  const task = cron.schedule(
    '* * * * *',
    async () => {
      const results = await runDueSyncs(deps);
      for (const r of results.filter((x) => x.status === 'failed'))
        deps.log.warn({ store: r.storeId, resource: r.resource }, r.error?.userMessage ?? 'sync failed');
      if (results.length) deps.log.info({ runs: results.length, failed: results.filter((r) => r.status === 'failed').length }, 'scheduled sync finished');
    },
    { name: 'sync-due-stores', noOverlap: true },
  );
  task.on('execution:failed', (ctx) => deps.log.error({ err: ctx.execution?.error }, 'the scheduled sync failed'));
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}
