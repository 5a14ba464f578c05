import { inSlices, placeholders } from './insert-rows.ts';
import type { SqlDriver, SqlRow } from './sql-driver.ts';

/**
 * The rows of one store whose `keyColumn` is among `keys`, with the columns asked for. Used by
 * the bulk upserts to split a page into new, changed and unchanged records in one round trip
 * per 500 keys.
 */
export async function selectExisting<T extends SqlRow>(
  tx: SqlDriver,
  table: string,
  storeId: string,
  keyColumn: string,
  keys: readonly string[],
  columns: readonly string[],
): Promise<T[]> {
  const rows: T[] = [];
  const cols = columns.map((c) => `"${c}"`).join(', ');
  await inSlices(keys, 500, async (slice) => {
    rows.push(
      ...(await tx.all<T>(`SELECT ${cols} FROM "${table}" WHERE "store_id" = ? AND "${keyColumn}" IN (${placeholders(slice.length)})`, [storeId, ...slice])),
    );
  });
  return rows;
}

/** id and content fingerprint of the stored rows, by their platform key: enough to partition a page. */
export async function selectExistingHashes(
  tx: SqlDriver,
  table: string,
  storeId: string,
  keyColumn: string,
  keys: readonly string[],
): Promise<Map<string, { id: number; hash: string }>> {
  const rows = await selectExisting<Record<string, unknown>>(tx, table, storeId, keyColumn, keys, ['id', keyColumn, 'content_hash']);
  return new Map(rows.map((r) => [String(r[keyColumn]), { id: Number(r.id), hash: String(r.content_hash) }]));
}
