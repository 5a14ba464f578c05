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
  const byOrder = new Map<number, TruthCase[]>();
  const add = (c: TruthCase) => {
    const list = byOrder.get(c.order.index);
    if (list) list.push(c);
    else byOrder.set(c.order.index, [c]);
  };
  const refunds: TruthCase[] = [];
  for (let i = 0; i < plan.cases; i++) {
    const c = demoCase(plan, i);
    if (c.kind === 'return') add(c);
    else if (c.kind === 'refund' && c.status === 'completed') refunds.push(c);
    else if (c.kind === 'cancellation' && c.status === 'completed' && !byOrder.get(c.order.index)?.some((o) => o.kind === 'cancellation')) add(c);
  }
  for (const c of refunds) if (!byOrder.get(c.order.index)?.some((o) => o.kind === 'cancellation')) add(c);

  const caseStart = new Int32Array(plan.orders + 1);
  for (let j = 0; j < plan.orders; j++) caseStart[j + 1] = (caseStart[j] ?? 0) + (byOrder.get(j)?.length ?? 0);
  const caseList = new Int32Array(caseStart[plan.orders] ?? 0);
  const updated = new Float64Array(plan.orders);
  for (let j = 0; j < plan.orders; j++) {
    const list = (byOrder.get(j) ?? []).sort((a, b) => a.index - b.index);
    list.forEach((c, k) => {
      caseList[(caseStart[j] ?? 0) + k] = c.index;
    });
    updated[j] = Math.max(orderTime(plan, j), ...list.map(shopifyLastChange));
  }
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
