import type { CaseLineRecord, CaseRecord, OrderRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { Reason } from '../../domain/taxonomy.ts';
import type { Converted } from '../convert-records.ts';
import type { Mapped } from '../lookup-code.ts';
import { toMinor } from '../money.ts';
import { mapShopifyReason } from './map-shopify-reason.ts';
import { mapShopifyReturnStatus } from './map-shopify-status.ts';
import { type ShopifyOrder, type ShopifyRefund, type ShopifyReturn, ShopifyReturnLineItem } from './shopify-schemas.ts';
import { numericId } from './shopify-spec.ts';

/** What every case of one order shares. */
export interface OrderContext {
  orderId: string;
  currency: string;
  buyerKey: string | null;
  /** The order page in the Shopify admin; returns and refunds live on it. */
  deepLink: string;
}

const latest = (times: readonly string[]) => (times.length ? new Date(Math.max(...times.map((t) => Date.parse(t)))) : null);

/** The sum of refunds' shop-currency totals; null when there are none. */
function refunded(refunds: readonly ShopifyRefund[], currency: string): { minor: bigint | null; at: Date | null } {
  if (refunds.length === 0) return { minor: null, at: null };
  const minor = refunds.reduce(
    (sum, r) => sum + (toMinor(r.totalRefundedSet?.shopMoney?.amount, r.totalRefundedSet?.shopMoney?.currencyCode ?? currency) ?? 0n),
    0n,
  );
  return { minor, at: latest(refunds.map((r) => r.createdAt)) };
}

/**
 * A return line's reason: the reason definition's handle (the newer, finer library) when our
 * table knows it, else the deprecated `returnReason` enum. A handle we do not know is still
 * reported as unmapped, so new handles show up in sync status.
 */
function returnReason(line: ShopifyReturnLineItem | undefined, unmapped: string[]): { platform: Mapped<Reason>; raw: string | null } {
  const handle = line?.returnReasonDefinition?.handle ?? null;
  const byHandle = handle ? mapShopifyReason(handle) : null;
  if (handle && !byHandle?.mapped) unmapped.push(`reason:${handle}`);
  if (byHandle?.mapped) return { platform: byHandle, raw: handle };
  const byEnum = mapShopifyReason(line?.returnReason);
  if (!byEnum.mapped) unmapped.push(`reason:${line?.returnReason}`);
  return { platform: byEnum, raw: handle ?? line?.returnReason ?? null };
}

/** A return → a return case; the refunds that name it give its refunded amount and time. */
export function convertShopifyReturn(ret: ShopifyReturn, order: OrderContext, refunds: readonly ShopifyRefund[]): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = ret.status ?? 'UNKNOWN';
  const status = mapShopifyReturnStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  // Nodes that are not a ReturnLineItem (an unverified item) carry none of these fields.
  const items = (ret.returnLineItems?.nodes ?? []).flatMap((n) => {
    const parsed = ShopifyReturnLineItem.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
  const first = items[0];
  const reasonCode = returnReason(first, unmapped);
  const text = first?.customerNote?.trim() || first?.returnReasonNote?.trim() || null;
  const reason = resolveReason(reasonCode.platform, text);
  const amounts = items.map((l) => toMinor(l.withCodeDiscountedTotalPriceSet?.shopMoney?.amount, order.currency));
  const money = refunded(refunds, order.currency);
  return {
    unmapped,
    record: {
      kind: 'return',
      platformCaseId: ret.id,
      type: 'return_and_refund',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: reasonCode.raw,
      customerText: text,
      reasonSource: reason.source,
      platformOrderId: order.orderId,
      requestedAt: new Date(ret.createdAt),
      decidedAt: ret.requestApprovedAt ? new Date(ret.requestApprovedAt) : null,
      closedAt: ret.closedAt ? new Date(ret.closedAt) : null,
      refundedAt: money.at,
      currency: order.currency,
      requestedMinor: amounts.some((a) => a !== null) ? amounts.reduce<bigint>((s, a) => s + (a ?? 0n), 0n) : null,
      refundedMinor: money.minor,
      buyerKey: order.buyerKey,
      deepLink: order.deepLink,
      lines: items.map((l, k) => ({
        lineKey: l.id,
        sellerSku: l.fulfillmentLineItem?.lineItem?.sku || `shopify-line-${numericId(l.fulfillmentLineItem?.lineItem?.id ?? l.id)}`,
        quantity: l.quantity ?? 1,
        amountMinor: amounts[k] ?? null,
        currency: order.currency,
      })),
    },
  };
}

/**
 * A refund that belongs to no return (and not to a cancellation) → a refund case. Shopify keeps
 * no reason for it: only the staff's note, which the text rules may read a reason from.
 */
export function convertShopifyRefund(refund: ShopifyRefund, order: OrderContext): Converted<CaseRecord> {
  const text = refund.note?.trim() || null;
  const reason = resolveReason({ value: 'other', mapped: true, raw: null }, text);
  const money = refunded([refund], order.currency);
  const at = new Date(refund.createdAt);
  const lines: CaseLineRecord[] = (refund.refundLineItems?.nodes ?? []).map((l, k) => ({
    lineKey: l.lineItem?.id ?? `${refund.id}#${k}`,
    sellerSku: l.lineItem?.sku || `shopify-line-${numericId(l.lineItem?.id ?? `${refund.id}-${k}`)}`,
    quantity: l.quantity ?? 1,
    amountMinor: toMinor(l.subtotalSet?.shopMoney?.amount, order.currency),
    currency: order.currency,
  }));
  return {
    unmapped: [],
    record: {
      kind: 'refund',
      platformCaseId: refund.id,
      type: 'refund_only',
      // A Refund exists once the money was sent back: there is no requested or declined refund.
      status: 'completed',
      rawStatus: 'REFUNDED',
      reason: reason.reason,
      rawReason: null,
      customerText: text,
      reasonSource: reason.source,
      platformOrderId: order.orderId,
      requestedAt: at,
      closedAt: at,
      refundedAt: at,
      currency: order.currency,
      requestedMinor: money.minor,
      refundedMinor: money.minor,
      buyerKey: order.buyerKey,
      deepLink: order.deepLink,
      lines,
    },
  };
}

/** A cancelled order → a cancellation case (status per platform-apis §7: `Order.cancelledAt` → cancelled). */
export function convertShopifyCancellation(
  raw: ShopifyOrder,
  order: OrderContext,
  record: OrderRecord,
  refunds: readonly ShopifyRefund[],
): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const platform = mapShopifyReason(raw.cancelReason);
  if (!platform.mapped) unmapped.push(`reason:${raw.cancelReason}`);
  const reason = resolveReason(platform, null);
  const at = new Date(raw.cancelledAt ?? raw.createdAt);
  const money = refunded(refunds, order.currency);
  return {
    unmapped,
    record: {
      kind: 'cancellation',
      // One cancellation per order: the order is its id.
      platformCaseId: raw.id,
      type: 'refund_only',
      status: 'cancelled',
      rawStatus: 'CANCELLED',
      reason: reason.reason,
      rawReason: raw.cancelReason ?? null,
      reasonSource: reason.source,
      platformOrderId: order.orderId,
      requestedAt: at,
      closedAt: at,
      refundedAt: money.at,
      currency: order.currency,
      requestedMinor: BigInt(record.totalMinor),
      refundedMinor: money.minor,
      buyerKey: order.buyerKey,
      deepLink: order.deepLink,
      lines: record.lines.map((l) => ({
        lineKey: l.platformLineId,
        sellerSku: l.sellerSku,
        quantity: l.quantity,
        amountMinor: BigInt(l.amountMinor),
        currency: l.currency,
      })),
    },
  };
}
