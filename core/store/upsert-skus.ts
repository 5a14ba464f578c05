import { SkuRecord } from '../domain/records.ts';
import { contentHash } from './content-hash.ts';
import { insertRows, updateByIdSql } from './insert-rows.ts';
import { type Hashed, partitionByHash } from './partition-by-hash.ts';
import { selectExistingHashes } from './select-existing.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { lastByKey, type WriteSummary } from './write-summary.ts';

type Sku = ReturnType<typeof SkuRecord.parse>;
const DATA = ['seller_sku', 'title', 'category', 'variant', 'size', 'color', 'content_hash'] as const;
const UPDATE_SQL = updateByIdSql('skus', DATA);

const values = (s: Sku, hash: string | null): SqlValue[] => [s.sellerSku, s.title, s.category, s.variant, s.size, s.color, hash];

/** Creates or updates one store's SKUs by platform listing id, in one transaction. */
export async function upsertSkus(db: SqlDriver, storeId: string, skus: readonly SkuRecord[], deps: { now: () => Date }): Promise<WriteSummary> {
  const byKey = lastByKey(
    skus.map((s) => SkuRecord.parse(s)),
    (s) => s.platformListingId,
  );
  const hashed: Hashed<Sku>[] = [...byKey].map(([key, record]) => ({ key, record, hash: contentHash(values(record, null)) }));
  return db.transaction(async (tx) => {
    const existing = await selectExistingHashes(tx, 'skus', storeId, 'platform_listing_id', [...byKey.keys()]);
    const { fresh, changed, unchanged } = partitionByHash(hashed, existing);
    const now = deps.now();
    await insertRows(
      tx,
      'skus',
      ['store_id', 'platform_listing_id', ...DATA, 'created_at', 'updated_at'],
      fresh.map(({ key, record, hash }) => [storeId, key, ...values(record, hash), now, now]),
    );
    for (const { record, hash, existing: e } of changed) {
      await tx.run(UPDATE_SQL, [...values(record, hash), now, e.id]);
    }
    return { created: fresh.length, updated: changed.length, unchanged };
  });
}
