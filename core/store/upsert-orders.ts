import { OrderRecord } from '../domain/records.ts';
import type { Platform } from '../domain/taxonomy.ts';
import { contentHash } from './content-hash.ts';
import { inSlices, insertRows, placeholders, updateByIdSql } from './insert-rows.ts';
import { type Hashed, partitionByHash } from './partition-by-hash.ts';
import { selectExistingHashes } from './select-existing.ts';
import type { SqlDriver, SqlValue } from './sql-driver.ts';
import { lastByKey, type WriteSummary } from './write-summary.ts';

type Order = ReturnType<typeof OrderRecord.parse>;
export interface StoreRef {
  id: string;
  platform: Platform;
}

const DATA = ['platform', 'ordered_at', 'raw_status', 'currency', 'total_minor', 'units', 'buyer_key', 'content_hash'] as const;
const UPDATE_SQL = updateByIdSql('orders', DATA);
const LINE_COLUMNS = ['order_id', 'store_id', 'platform_line_id', 'seller_sku', 'quantity', 'amount_minor', 'currency', 'ordered_at'] as const;

function normalise(input: OrderRecord): Order {
  const order = OrderRecord.parse(input);
  return { ...order, lines: [...lastByKey(order.lines, (l) => l.platformLineId).values()] };
}

const units = (o: Order) => o.lines.reduce((n, l) => n + l.quantity, 0);
const values = (store: StoreRef, o: Order, hash: string | null): SqlValue[] => [
  store.platform,
  o.orderedAt,
  o.rawStatus,
  o.currency,
  o.totalMinor,
  units(o),
  o.buyerKey,
  hash,
];
const lineRows = (storeId: string, orderId: number, o: Order): SqlValue[][] =>
  o.lines.map((l) => [orderId, storeId, l.platformLineId, l.sellerSku, l.quantity, l.amountMinor, l.currency, o.orderedAt]);

/**
 * Creates or updates one store's orders and their lines by platform order id. Pass a transaction
 * (`tx`) to commit the page together with its sync cursor; a plain driver gets its own.
 */
export async function upsertOrders(db: SqlDriver, store: StoreRef, orders: readonly OrderRecord[], deps: { now: () => Date }): Promise<WriteSummary> {
  const byKey = lastByKey(orders.map(normalise), (o) => o.platformOrderId);
  const hashed: Hashed<Order>[] = [...byKey].map(([key, record]) => ({
    key,
    record,
    hash: contentHash([...values(store, record, null), ...lineRows(store.id, 0, record).flat()]),
  }));
  return db.transaction(async (tx) => {
    const existing = await selectExistingHashes(tx, 'orders', store.id, 'platform_order_id', [...byKey.keys()]);
    const { fresh, changed, unchanged } = partitionByHash(hashed, existing);
    const now = deps.now();

    const inserted = await insertRows<{ id: number; platform_order_id: string }>(
      tx,
      'orders',
      ['store_id', 'platform_order_id', ...DATA, 'created_at', 'updated_at'],
      fresh.map(({ key, record, hash }) => [store.id, key, ...values(store, record, hash), now, now]),
      { returning: ['id', 'platform_order_id'] },
    );
    const newIds = new Map(inserted.map((r) => [r.platform_order_id, r.id]));
    const lines: SqlValue[][] = [];
    for (const { key, record } of fresh) lines.push(...lineRows(store.id, newIds.get(key) as number, record));

    for (const { record, hash, existing: e } of changed) {
      await tx.run(UPDATE_SQL, [...values(store, record, hash), now, e.id]);
      lines.push(...lineRows(store.id, e.id, record));
    }
    await inSlices(
      changed.map((c) => c.existing.id),
      500,
      async (ids) => void (await tx.run(`DELETE FROM "order_lines" WHERE "order_id" IN (${placeholders(ids.length)})`, ids)),
    );
    await insertRows(tx, 'order_lines', LINE_COLUMNS, lines);
    return { created: fresh.length, updated: changed.length, unchanged };
  });
}
