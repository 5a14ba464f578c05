import { PLATFORM_NAMES, parsePlatform } from '../../core/domain/parse-platform.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { connectorsForStores } from '../../core/sync/connectors-for-stores.ts';
import { syncStores } from '../../core/sync/sync-stores.ts';
import type { CommandHandler } from '../main.ts';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { createSyncProgressPrinter } from '../print-sync-progress.ts';
import { syncDepsFor } from '../sync-deps.ts';

export const syncCommand: CommandHandler = async (ctx) => {
  const platformFlag = ctx.flags.platform;
  const platform = typeof platformFlag === 'string' ? parsePlatform(platformFlag) : null;
  if (typeof platformFlag === 'string' && !platform)
    throw new AppError('BAD_INPUT', `--platform "${platformFlag}" is not a platform HelloWord knows; use one of ${PLATFORM_NAMES}.`);
  const storeFlag = typeof ctx.flags.store === 'string' ? ctx.flags.store : null;

  const { db, configured } = await openConfiguredDatabase(ctx);
  try {
    const stores = await db.prisma.store.findMany({ orderBy: { id: 'asc' } });
    if (storeFlag && !stores.some((s) => s.id === storeFlag)) {
      throw new AppError('BAD_INPUT', `--store "${storeFlag}": there is no such store. Stores here: ${stores.map((s) => s.id).join(', ') || 'none yet'}.`);
    }
    const chosen = stores.filter((s) => (!storeFlag || s.id === storeFlag) && (!platform || s.platform === platform));
    const deps = syncDepsFor(ctx, db, configured.credentials);
    const { toSync, notSyncable } = connectorsForStores(chosen, deps);
    if (toSync.length === 0) {
      const why = stores.length === 0 ? 'There are no stores yet. Try HelloWord with sample stores: helloword demo' : 'No store matches.';
      ctx.stdout.write(ctx.json ? `${JSON.stringify({ runs: [], notSyncable })}\n` : `${why}\n`);
      return 0;
    }
    const results = await syncStores({ stores: toSync, onProgress: createSyncProgressPrinter(process.stderr) }, deps);
    if (ctx.json) {
      ctx.stdout.write(
        `${JSON.stringify({ runs: results.map((r) => ({ store: r.storeId, resource: r.resource, status: r.status, ...r.counts, error: r.error?.userMessage ?? null })), notSyncable })}\n`,
      );
    } else {
      for (const r of results.filter((x) => x.status !== 'succeeded')) {
        ctx.stdout.write(
          r.status === 'locked'
            ? `${r.storeId} ${r.resource}: another sync is running; skipped.\n`
            : `${r.storeId} ${r.resource} FAILED: ${r.error?.userMessage}\n`,
        );
      }
      if (notSyncable.length) {
        ctx.stdout.write(`Not synced (no connector or credentials for them here; see README, "Connecting your stores"): ${notSyncable.join(', ')}\n`);
      }
      ctx.stdout.write(`Synced ${results.filter((r) => r.status === 'succeeded').length} of ${results.length} store resources.\n`);
    }
    return results.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    await db.close();
  }
};
