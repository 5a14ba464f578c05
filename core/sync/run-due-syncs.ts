import type { Waiter } from '../platforms/http/token-bucket.ts';
import { readDate } from '../store/sql-driver.ts';
import { connectorsForStores, type StoreRow } from './connectors-for-stores.ts';
import type { ResourceSyncResult, SyncDeps } from './sync-store-resource.ts';
import { syncStores } from './sync-stores.ts';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 15;

interface DueRow {
  id: string;
  platform: string;
  marketplace: string | null;
  credentials_ref: string | null;
  sync_interval_minutes: number | null;
  last_started: unknown;
  [key: string]: unknown;
}

/** Stores whose last sync started at least their interval ago (15 minutes unless the store says otherwise), or never. */
export async function findDueStores(deps: Pick<SyncDeps, 'sql' | 'now'>): Promise<StoreRow[]> {
  const rows = await deps.sql.all<DueRow>(
    `SELECT s."id", s."platform", s."marketplace", s."credentials_ref", s."sync_interval_minutes", (SELECT max(r."started_at") FROM "sync_runs" r WHERE r."store_id" = s."id") AS last_started
     FROM "stores" s ORDER BY s."id"`,
  );
  const now = deps.now().getTime();
  return rows
    .filter((r) => r.last_started === null || now - readDate(r.last_started).getTime() >= (r.sync_interval_minutes ?? DEFAULT_SYNC_INTERVAL_MINUTES) * 60_000)
    .map((r) => ({ id: r.id, platform: r.platform, marketplace: r.marketplace, credentialsRef: r.credentials_ref }));
}

/**
 * What the scheduler runs every minute: sync the stores that are due. Every instance may call
 * it; the database locks make sure a store × resource is synced by one of them at a time.
 */
export async function runDueSyncs(
  deps: SyncDeps & { waiter: Waiter; random: () => number; fetch?: typeof fetch; credentials?: ReadonlyMap<string, Readonly<Record<string, string>>> },
): Promise<ResourceSyncResult[]> {
  const due = await findDueStores(deps);
  if (due.length === 0) return [];
  const { toSync } = connectorsForStores(due, deps);
  return syncStores({ stores: toSync }, deps);
}
