import { type CaseFilters, caseWhere } from '../metrics/case-filters.ts';
import { CASE_COLUMNS_SQL, linesOf } from '../metrics/search-cases.ts';
import { readInt, type SqlDriver, type SqlRow } from '../store/sql-driver.ts';
import type { CaseLine } from './case-columns.ts';
import { DEFAULT_CHUNK_SIZE } from './report-definition.ts';

/**
 * The cases matching `filters`, in case-number order, read `chunkSize` at a time by keyset
 * (id > last id seen), so a million cases never sit in memory and each query stays an index
 * range scan however deep the export gets (OFFSET would rescan everything before it).
 */
export async function* streamCases(
  sql: SqlDriver,
  filters: CaseFilters,
  options: { chunkSize?: number | undefined } = {},
): AsyncGenerator<{ row: SqlRow; lines: CaseLine[] }> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const where = caseWhere(filters);
  let after = 0;
  for (;;) {
    const rows = await sql.all(`SELECT ${CASE_COLUMNS_SQL} FROM "cases" c WHERE c."id" > ? AND ${where.sql} ORDER BY c."id" LIMIT ?`, [
      after,
      ...where.params,
      chunkSize,
    ]);
    if (rows.length === 0) return;
    const ids = rows.map((r) => readInt(r.id));
    const lines = await linesOf(sql, ids);
    for (const [i, row] of rows.entries()) yield { row, lines: lines.get(ids[i] ?? 0) ?? [] };
    if (rows.length < chunkSize) return;
    after = ids[ids.length - 1] ?? after;
  }
}
