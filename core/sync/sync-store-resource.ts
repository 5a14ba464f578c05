import { hostname } from 'node:os';
import { AppError } from '../errors/app-error.ts';
import type { Log } from '../logging/create-logger.ts';
import type { PlatformConnector, Resource } from '../platforms/spec.ts';
import { acquireLock, releaseLock } from '../store/locks.ts';
import type { SqlDriver } from '../store/sql-driver.ts';
import { readSyncCursor, writeSyncCursor } from '../store/sync-cursors.ts';
import { upsertCases } from '../store/upsert-cases.ts';
import { type StoreRef, upsertOrders } from '../store/upsert-orders.ts';
import { upsertSkus } from '../store/upsert-skus.ts';
import { emptyCounts, finishSyncRun, type SyncRunCounts, startSyncRun } from './record-sync-run.ts';

export interface SyncDeps {
  sql: SqlDriver;
  log: Log;
  now: () => Date;
  /** Who holds the sync lock: unique per process. */
  holder?: string;
}

export interface ResourceSyncResult {
  storeId: string;
  resource: Resource;
  /** `locked`: another process is syncing this store × resource right now; nothing was done. */
  status: 'succeeded' | 'failed' | 'locked';
  counts: SyncRunCounts;
  runId: number | null;
  error: AppError | null;
}

// A sync renews its lease on every page; a crashed holder's lease runs out after this long.
const LOCK_TTL_MS = 10 * 60_000;
const DEFAULT_HOLDER = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/**
 * Syncs one resource of one store from its last committed position: each page is written in one
 * transaction together with its cursor, so a crash between pages resumes with nothing lost or
 * written twice. Never overlaps with another sync of the same store × resource, in this
 * process or another. A failure is recorded on the run and returned, never thrown, so the
 * other stores carry on.
 */
export async function syncStoreResource(
  input: {
    store: StoreRef;
    resource: Resource;
    connector: PlatformConnector;
    signal?: AbortSignal;
    /** Called after each committed page with the run's counts so far (for progress displays). */
    onPage?: (counts: Readonly<SyncRunCounts>) => void;
  },
  deps: SyncDeps,
): Promise<ResourceSyncResult> {
  const { store, resource, connector } = input;
  const holder = deps.holder ?? DEFAULT_HOLDER;
  const lockName = `sync:${store.id}:${resource}`;
  const counts = emptyCounts();
  const result = (status: ResourceSyncResult['status'], runId: number | null, error: AppError | null): ResourceSyncResult => ({
    storeId: store.id,
    resource,
    status,
    counts,
    runId,
    error,
  });

  if (!(await acquireLock(deps.sql, { name: lockName, holder, ttlMs: LOCK_TTL_MS, now: deps.now() }))) {
    deps.log.info({ store: store.id, resource }, 'sync skipped: another process is syncing this store');
    return result('locked', null, null);
  }
  const started = deps.now();
  const t0 = performance.now();
  const runId = await startSyncRun(deps.sql, store.id, resource, started);
  let error: AppError | null = null;
  try {
    let cursor = await readSyncCursor(deps.sql, store.id, resource);
    for (;;) {
      if (input.signal?.aborted) throw new AppError('INTERNAL', `The sync of ${store.id} ${resource} was stopped; it resumes from the last saved page.`);
      const page = await connector.fetchPage({ resource, cursor, now: deps.now(), signal: input.signal });
      const written = await deps.sql.transaction(async (tx) => {
        const now = { now: deps.now };
        // SKUs first: cases of the same page resolve their listings against them.
        if (page.skus?.length) await upsertSkus(tx, store.id, page.skus, now);
        const orders = page.orders?.length ? await upsertOrders(tx, store, page.orders, now) : null;
        const cases = page.cases?.length ? await upsertCases(tx, store, page.cases, now) : null;
        // A listing no synced SKU names is written under its listing id and counted as unmapped.
        for (const listing of cases?.unresolvedListings ?? []) page.unmapped[`sku:${listing}`] = (page.unmapped[`sku:${listing}`] ?? 0) + 1;
        await writeSyncCursor(tx, store.id, resource, page.next, deps.now());
        // SKU pairs are a by-product of orders; the counts are about orders and cases.
        return [orders, cases];
      });
      for (const w of written) {
        if (!w) continue;
        counts.created += w.created;
        counts.updated += w.updated;
        counts.unchanged += w.unchanged;
      }
      cursor = page.next;
      counts.pages++;
      counts.fetched += (page.orders?.length ?? 0) + (page.cases?.length ?? 0) + page.skipped;
      counts.skipped += page.skipped;
      counts.rateLimitWaits += page.rateLimitWaits ?? 0;
      for (const [value, n] of Object.entries(page.unmapped)) {
        counts.unmapped += n;
        counts.unmappedValues[value] = (counts.unmappedValues[value] ?? 0) + n;
      }
      input.onPage?.(counts);
      if (!page.hasMore) break;
      // Give the event loop a turn between pages: from an in-process sandbox nothing else would
      // run (no real I/O), starving timers, bots and the garbage collector's idle work.
      await new Promise((resolve) => setImmediate(resolve));
      // Renew the lease; losing it (this process stalled past its lease) means another took over.
      if (!(await acquireLock(deps.sql, { name: lockName, holder, ttlMs: LOCK_TTL_MS, now: deps.now() }))) {
        throw new AppError(
          'LOCKED',
          `Another HelloWord took over the sync of ${store.id} ${resource} while this one was paused; it carries on from the saved page.`,
        );
      }
    }
  } catch (caught) {
    error = AppError.from(caught);
    counts.errors++;
    counts.lastError = error.userMessage;
    deps.log.warn({ store: store.id, resource, code: error.code, err: error.cause ?? error }, `sync of ${store.id} ${resource} failed: ${error.userMessage}`);
  } finally {
    await finishSyncRun(deps.sql, runId, {
      status: error ? 'failed' : 'succeeded',
      counts,
      finishedAt: deps.now(),
      durationMs: performance.now() - t0,
    });
    await releaseLock(deps.sql, lockName, holder);
  }
  return result(error ? 'failed' : 'succeeded', runId, error);
}
