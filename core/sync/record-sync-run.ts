import type { SqlDriver } from '../store/sql-driver.ts';

export interface SyncRunCounts {
  pages: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  unmapped: number;
  unmappedValues: Record<string, number>;
  errors: number;
  lastError: string | null;
  rateLimitWaits: number;
}

export function emptyCounts(): SyncRunCounts {
  return {
    pages: 0,
    fetched: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    unmapped: 0,
    unmappedValues: {},
    errors: 0,
    lastError: null,
    rateLimitWaits: 0,
  };
}

/** Opens the record of one sync of a store × resource; `finishSyncRun` closes it. */
export async function startSyncRun(db: SqlDriver, storeId: string, resource: string, startedAt: Date): Promise<number> {
  const [row] = await db.all<{ id: number }>(
    `INSERT INTO "sync_runs" ("store_id", "resource", "started_at", "status") VALUES (?, ?, ?, 'running') RETURNING "id"`,
    [storeId, resource, startedAt],
  );
  if (!row) throw new Error('sync_runs insert returned no id');
  return Number(row.id);
}

export async function finishSyncRun(
  db: SqlDriver,
  runId: number,
  outcome: { status: 'succeeded' | 'failed' | 'partial'; counts: SyncRunCounts; finishedAt: Date; durationMs: number },
): Promise<void> {
  const c = outcome.counts;
  await db.run(
    `UPDATE "sync_runs" SET "status" = ?, "finished_at" = ?, "duration_ms" = ?, "pages" = ?, "fetched" = ?, "created" = ?, "updated" = ?, "unchanged" = ?,
       "skipped" = ?, "unmapped" = ?, "unmapped_values" = ?, "errors" = ?, "last_error" = ?, "rate_limit_waits" = ? WHERE "id" = ?`,
    [
      outcome.status,
      outcome.finishedAt,
      Math.round(outcome.durationMs),
      c.pages,
      c.fetched,
      c.created,
      c.updated,
      c.unchanged,
      c.skipped,
      c.unmapped,
      Object.keys(c.unmappedValues).length ? JSON.stringify(c.unmappedValues) : null,
      c.errors,
      c.lastError,
      c.rateLimitWaits,
      runId,
    ],
  );
}
