import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.ts';

// SQLite allows 32,766 bound values per statement and PostgreSQL 65,535; stay well under both.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

/**
 * INSERT of many rows, optionally returning `id` and inserted columns of the new rows (in no
 * guaranteed order on PostgreSQL: match them by key). PostgreSQL gets
 * multi-row statements (one round trip per 500 rows); SQLite, which has no round trip, gets one
 * cached prepared statement run per row, measured twice as fast as multi-row VALUES there.
 */
export async function insertRows<T extends SqlRow = SqlRow>(
  tx: SqlDriver,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  options: { returning?: readonly string[] } = {},
): Promise<T[]> {
  const out: T[] = [];
  if (rows.length === 0) return out;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tail = options.returning ? ` RETURNING ${options.returning.map((c) => `"${c}"`).join(', ')}` : '';
  if (tx.engine === 'sqlite') {
    // RETURNING makes each SQLite insert ~50% slower; the new ids alone are enough, and the
    // other returned columns are the ones we just inserted.
    if (!options.returning) return tx.each<T>(head + tuple, rows);
    const ids = await tx.insertEach(head + tuple, rows);
    const picks = options.returning.map((c) => [c, columns.indexOf(c)] as const);
    return rows.map((row, i) => Object.fromEntries(picks.map(([c, at]) => [c, c === 'id' ? ids[i] : row[at]])) as T);
  }
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const sql = head + Array.from({ length: chunk.length }, () => tuple).join(', ') + tail;
    const params = chunk.flat();
    if (options.returning) out.push(...(await tx.all<T>(sql, params)));
    else await tx.run(sql, params);
  }
  return out;
}

/** `UPDATE "table" SET "a" = ?, …, "updated_at" = ? WHERE "id" = ?`: built once per table, run per changed row. */
export function updateByIdSql(table: string, columns: readonly string[]): string {
  return `UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')}, "updated_at" = ? WHERE "id" = ?`;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Runs `fn` over `items` in slices, for IN lists that must stay under the parameter limit. */
export async function inSlices<T>(items: readonly T[], size: number, fn: (slice: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}
