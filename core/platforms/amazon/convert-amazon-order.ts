import type { OrderRecord, SkuRecord } from '../../domain/records.ts';
import { toMinor } from '../money.ts';
import type { AmazonOrderRow } from './amazon-schemas.ts';

/**
 * The rows of one order in the all-orders report (one row per item) → our order with its lines,
 * and the ASIN ↔ SKU pairs they name (which resolve returns or events that only carry an ASIN).
 * `item-price` is the row's total for its quantity. The report has no order-item id, so a line
 * is known by its SKU (or ASIN), numbered when an order lists the same SKU twice.
 */
export function convertAmazonOrderRows(rows: readonly AmazonOrderRow[]): { order: OrderRecord; skus: SkuRecord[] } {
  const first = rows[0];
  if (!first) throw new Error('an order needs at least one row');
  const currency = rows.find((r) => r.currency)?.currency ?? 'USD';
  const seen = new Map<string, number>();
  const lines = rows.map((r) => {
    const base = r.sku || r.asin || `amazon-${first['amazon-order-id']}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      platformLineId: n === 1 ? base : `${base}#${n}`,
      sellerSku: base,
      quantity: Number(r.quantity ?? 0) || 0,
      amountMinor: toMinor(r['item-price'], r.currency ?? currency) ?? 0n,
      currency: r.currency ?? currency,
    };
  });
  const skus: SkuRecord[] = rows.filter((r) => r.asin && r.sku).map((r) => ({ platformListingId: r.asin as string, sellerSku: r.sku as string }));
  return {
    order: {
      platformOrderId: first['amazon-order-id'],
      orderedAt: new Date(first['purchase-date']),
      rawStatus: first['order-status'] ?? null,
      currency,
      totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0n),
      lines,
    },
    skus,
  };
}

/** Report rows grouped by order, in report order (an order's items are adjacent in the report). */
export function groupOrderRows(rows: readonly AmazonOrderRow[]): AmazonOrderRow[][] {
  const groups = new Map<string, AmazonOrderRow[]>();
  for (const r of rows) {
    const group = groups.get(r['amazon-order-id']);
    if (group) group.push(r);
    else groups.set(r['amazon-order-id'], [r]);
  }
  return [...groups.values()];
}
