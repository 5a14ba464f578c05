import { demoCase, orderTime, type StorePlan, type TruthCase } from '../../sandbox/demo-scenario.ts';
import { shopifyLastChange } from './render-shopify.ts';

/**
 * A store's orders by update time, and the cases each order holds, built once per store: the
 * orders query lists orders by `updatedAt`, and an order's cases decide when it last changed.
 * Kept as typed arrays (about 20 bytes an order), so large demo stores stay small.
 *
 * Shopify holds a case the way Shopify can: a return always; a refund or a cancellation only
 * once it happened (a Refund is money sent back; an order is cancelled or not), at most one
 * cancellation per order, and no separate refund on a cancelled order (its refund is the
 * cancellation's). Demo cases Shopify cannot hold are not served.
 */
export interface ShopifyOrderIndex {
  /** Order numbers sorted by (updatedAt, number). */
  orders: Int32Array;
  times: Float64Array;
  /** Cases of order j: caseList[caseStart[j] .. caseStart[j + 1]). */
  caseStart: Int32Array;
  caseList: Int32Array;
}

export function buildShopifyOrderIndex(plan: StorePlan): ShopifyOrderIndex {
  // Only each held case's number, order and last change are kept while building: the cases
  // themselves (each with its order) would be hundreds of MB for a demo scaled to a million cases.
  const held: { order: number[]; index: number[]; changed: number[] } = { order: [], index: [], changed: [] };
  const hold = (c: TruthCase) => {
    held.order.push(c.order.index);
    held.index.push(c.index);
    held.changed.push(shopifyLastChange(c));
  };
  const cancelled = new Set<number>();
  const refunds: typeof held = { order: [], index: [], changed: [] };
  for (let i = 0; i < plan.cases; i++) {
    const c = demoCase(plan, i);
    if (c.kind === 'return') hold(c);
    else if (c.kind === 'refund' && c.status === 'completed') {
      refunds.order.push(c.order.index);
      refunds.index.push(c.index);
      refunds.changed.push(shopifyLastChange(c));
    } else if (c.kind === 'cancellation' && c.status === 'completed' && !cancelled.has(c.order.index)) {
      cancelled.add(c.order.index);
      hold(c);
    }
  }
  refunds.order.forEach((j, k) => {
    if (cancelled.has(j)) return;
    held.order.push(j);
    held.index.push(refunds.index[k] ?? 0);
    held.changed.push(refunds.changed[k] ?? 0);
  });

  const caseStart = new Int32Array(plan.orders + 1);
  for (const j of held.order) caseStart[j + 1] = (caseStart[j + 1] ?? 0) + 1;
  for (let j = 0; j < plan.orders; j++) caseStart[j + 1] = (caseStart[j + 1] ?? 0) + (caseStart[j] ?? 0);
  const caseList = new Int32Array(caseStart[plan.orders] ?? 0);
  const fill = caseStart.slice(0, plan.orders);
  const updated = Float64Array.from({ length: plan.orders }, (_, j) => orderTime(plan, j));
  held.order.forEach((j, k) => {
    caseList[fill[j] ?? 0] = held.index[k] ?? 0;
    fill[j] = (fill[j] ?? 0) + 1;
    updated[j] = Math.max(updated[j] ?? 0, held.changed[k] ?? 0);
  });
  // An order's cases in case order.
  for (let j = 0; j < plan.orders; j++) if ((caseStart[j + 1] ?? 0) - (caseStart[j] ?? 0) > 1) caseList.subarray(caseStart[j], caseStart[j + 1]).sort();
  const orders = Int32Array.from({ length: plan.orders }, (_, j) => j).sort((a, b) => (updated[a] ?? 0) - (updated[b] ?? 0) || a - b);
  return { orders, times: Float64Array.from(orders, (j) => updated[j] ?? 0), caseStart, caseList };
}

/** The cases order j holds, in case order. */
export function casesOfOrder(index: ShopifyOrderIndex, plan: StorePlan, j: number): TruthCase[] {
  const out: TruthCase[] = [];
  for (let k = index.caseStart[j] ?? 0; k < (index.caseStart[j + 1] ?? 0); k++) out.push(demoCase(plan, index.caseList[k] ?? 0));
  return out;
}

/** The first position in the sorted list after (time, order): where the page after a cursor starts. */
export function positionAfter(index: ShopifyOrderIndex, time: number, order: number): number {
  let lo = 0;
  let hi = index.orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = index.times[mid] ?? 0;
    const j = index.orders[mid] ?? 0;
    if (t < time || (t === time && j <= order)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
