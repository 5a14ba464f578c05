import { readInt, readOptionalDate, type SqlDriver } from '../store/sql-driver.ts';

export interface StoreSyncStatus {
  store_id: string;
  name: string;
  platform: string;
  is_demo: boolean;
  last_success: string | null;
  /** Minutes since the last successful sync; null when it never succeeded. */
  lag_minutes: number | null;
  /** status: running, succeeded, failed, partial, or interrupted (marked running, but its process stopped). */
  last_run: { resource: string; status: string; started_at: string; finished_at: string | null; error: string | null } | null;
  /** Over the last 24 hours. */
  failed_runs_24h: number;
  rate_limit_waits_24h: number;
  skipped_records_24h: number;
  /** Platform values our tables did not know in the latest run of each resource, with how often they were seen. */
  unmapped_values: Record<string, number>;
}

const DAY_MS = 86_400_000;

/** Per store: when it last synced successfully, how far behind it is, errors, rate limits and unmapped values. */
export async function syncStatus(deps: { sql: SqlDriver; now: () => Date }, input: { storeIds: readonly string[] | undefined }): Promise<StoreSyncStatus[]> {
  const now = deps.now();
  const since = new Date(now.getTime() - DAY_MS);
  const storeFilter = input.storeIds ? ` WHERE s."id" IN (${input.storeIds.map(() => '?').join(', ')})` : '';
  const stores = await deps.sql.all<Record<string, unknown>>(
    `SELECT s."id", s."name", s."platform", s."is_demo",
            (SELECT MAX(r."finished_at") FROM "sync_runs" r WHERE r."store_id" = s."id" AND r."status" = 'succeeded') AS last_success,
            (SELECT count(*) FROM "sync_runs" r WHERE r."store_id" = s."id" AND r."status" = 'failed' AND r."started_at" >= ?) AS failed,
            (SELECT COALESCE(SUM(r."rate_limit_waits"), 0) FROM "sync_runs" r WHERE r."store_id" = s."id" AND r."started_at" >= ?) AS waits,
            (SELECT COALESCE(SUM(r."skipped"), 0) FROM "sync_runs" r WHERE r."store_id" = s."id" AND r."started_at" >= ?) AS skipped
       FROM "stores" s${storeFilter} ORDER BY s."id"`,
    [since, since, since, ...(input.storeIds ?? [])],
  );
  // The latest run of each store × resource, for all the stores in one query.
  const latest = await deps.sql.all<Record<string, unknown>>(
    `SELECT r."store_id", r."resource", r."status", r."started_at", r."finished_at", r."last_error", r."unmapped_values" FROM "sync_runs" r
      WHERE r."id" IN (SELECT MAX(x."id") FROM "sync_runs" x${storeFilter.replace('s."id"', 'x."store_id"')} GROUP BY x."store_id", x."resource")
      ORDER BY r."started_at" DESC, r."id" DESC`,
    input.storeIds ?? [],
  );
  const out: StoreSyncStatus[] = [];
  for (const s of stores) {
    const id = String(s.id);
    const runs = latest.filter((r) => r.store_id === id);
    const unmapped: Record<string, number> = {};
    for (const r of runs) {
      const raw = r.unmapped_values;
      const values = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, number> | null;
      for (const [k, v] of Object.entries(values ?? {})) unmapped[k] = (unmapped[k] ?? 0) + Number(v);
    }
    const last = runs[0];
    // A run still marked running whose lease is gone was cut off (the process stopped mid-sync);
    // the next sync resumes from its last committed page.
    let lastStatus = last ? String(last.status) : null;
    if (last && lastStatus === 'running') {
      const [lease] = await deps.sql.all('SELECT 1 AS held FROM "locks" WHERE "name" = ? AND "expires_at" > ?', [`sync:${id}:${String(last.resource)}`, now]);
      if (!lease) lastStatus = 'interrupted';
    }
    const lastSuccess = readOptionalDate(s.last_success);
    out.push({
      store_id: id,
      name: String(s.name),
      platform: String(s.platform),
      is_demo: s.is_demo === true || s.is_demo === 1 || s.is_demo === 1n,
      last_success: lastSuccess?.toISOString() ?? null,
      lag_minutes: lastSuccess ? Math.max(0, Math.round((now.getTime() - lastSuccess.getTime()) / 60_000)) : null,
      last_run: last
        ? {
            resource: String(last.resource),
            status: lastStatus ?? String(last.status),
            started_at: readOptionalDate(last.started_at)?.toISOString() ?? '',
            finished_at: readOptionalDate(last.finished_at)?.toISOString() ?? null,
            error: last.last_error === null ? null : String(last.last_error),
          }
        : null,
      failed_runs_24h: readInt(s.failed),
      rate_limit_waits_24h: readInt(s.waits),
      skipped_records_24h: readInt(s.skipped),
      unmapped_values: unmapped,
    });
  }
  return out;
}
