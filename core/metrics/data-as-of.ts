import { readOptionalDate, type SqlDriver } from '../store/sql-driver.ts';

/**
 * How fresh the numbers are: the oldest "last successful sync" among the stores in scope (the
 * data is complete up to at least then). Null when one of them has never synced.
 */
export async function dataAsOf(sql: SqlDriver, storeIds: readonly string[]): Promise<Date | null> {
  if (storeIds.length === 0) return null;
  const rows = await sql.all<{ store_id: string; last: unknown }>(
    `SELECT s."id" AS store_id, (SELECT MAX(r."finished_at") FROM "sync_runs" r WHERE r."store_id" = s."id" AND r."status" = 'succeeded') AS last
       FROM "stores" s WHERE s."id" IN (${storeIds.map(() => '?').join(', ')})`,
    storeIds,
  );
  let oldest: Date | null = null;
  for (const row of rows) {
    const last = readOptionalDate(row.last);
    if (!last) return null;
    if (!oldest || last < oldest) oldest = last;
  }
  return oldest;
}
