import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.ts';

// SQLite allows 32,766 bound values per statement and PostgreSQL 65,535; stay well under both.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

/**
 * Multi-row INSERT in chunks, optionally returning columns of the inserted rows. One statement
 * text per chunk size, so SQLite's prepared-statement cache and PostgreSQL's parser reuse them.
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
  const perChunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tail = options.returning ? ` RETURNING ${options.returning.map((c) => `"${c}"`).join(', ')}` : '';
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const sql = head + Array.from({ length: chunk.length }, () => tuple).join(', ') + tail;
    const params = chunk.flat();
    if (options.returning) out.push(...(await tx.all<T>(sql, params)));
    else await tx.run(sql, params);
  }
  return out;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** Runs `fn` over `items` in slices, for IN lists that must stay under the parameter limit. */
export async function inSlices<T>(items: readonly T[], size: number, fn: (slice: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}
