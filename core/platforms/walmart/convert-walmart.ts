import type { CaseRecord, OrderRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { CaseStatus, CaseType } from '../../domain/taxonomy.ts';
import type { Converted } from '../convert-records.ts';
import { normaliseCode } from '../lookup-code.ts';
import { toMinor } from '../money.ts';
import { mapWalmartReason } from './map-walmart-reason.ts';
import { mapWalmartReturnStatus } from './map-walmart-status.ts';
import type { WalmartOrder, WalmartReturn } from './walmart-schemas.ts';

const TYPES: Readonly<Record<string, CaseType>> = { REFUND: 'return_and_refund', REPLACEMENT: 'replacement' };

/** A return order → one case whose lines are the returned order lines. */
export function convertWalmartReturn(ret: WalmartReturn): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const currency = ret.totalRefundAmount?.currencyUnit ?? 'USD';
  const amount = toMinor(ret.totalRefundAmount?.currencyAmount, currency);
  const lines = ret.returnOrderLines;
  const events = lines.flatMap((l) => l.returnTrackingDetail ?? []).sort((a, b) => (a.sequenceNo ?? 0) - (b.sequenceNo ?? 0));
  const lineStatuses = lines.map((l) => {
    const last = (l.returnTrackingDetail ?? []).reduce<{ sequenceNo?: number | null; eventTag?: string | null } | null>(
      (best, e) => (!best || (e.sequenceNo ?? 0) >= (best.sequenceNo ?? 0) ? e : best),
      null,
    );
    const mapped = mapWalmartReturnStatus(l.status, { lastEventTag: last?.eventTag ?? null });
    if (!mapped.mapped) unmapped.push(`status:${l.status}`);
    return mapped.value;
  });
  // The return is done when every line is; withdrawn when every line was; otherwise under way.
  const status: CaseStatus = lineStatuses.every((s) => s === 'cancelled')
    ? 'cancelled'
    : lineStatuses.every((s) => s === 'completed' || s === 'cancelled')
      ? 'completed'
      : 'approved';
  const first = lines[0];
  const platformReason = mapWalmartReason(first?.returnReason);
  if (!platformReason.mapped) unmapped.push(`reason:${first?.returnReason}`);
  const reason = resolveReason(platformReason, null);
  const refundEvent = events.findLast((e) => e.eventTag === 'REFUND_ISSUED');
  const refundedAt = status === 'completed' && refundEvent?.eventTime ? new Date(refundEvent.eventTime) : null;
  const closedTimes = lines.map((l) => (l.status === 'COMPLETED' && l.statusTime ? Date.parse(l.statusTime) : Number.NaN)).filter((t) => !Number.isNaN(t));
  const rawType = ret.returnType ?? 'REFUND';
  if (!TYPES[rawType]) unmapped.push(`type:${rawType}`);
  return {
    unmapped,
    record: {
      kind: 'return',
      platformCaseId: ret.returnOrderId,
      type: TYPES[rawType] ?? 'return_and_refund',
      status,
      rawStatus: lines.map((l) => l.status ?? '?').join(','),
      reason: reason.reason,
      rawReason: first?.returnReason ?? null,
      customerText: null,
      reasonSource: reason.source,
      platformOrderId: first?.purchaseOrderId ?? ret.customerOrderId ?? null,
      requestedAt: new Date(ret.returnOrderDate),
      closedAt: status === 'completed' || status === 'cancelled' ? (closedTimes.length ? new Date(Math.max(...closedTimes)) : null) : null,
      refundedAt,
      currency,
      requestedMinor: amount,
      refundedMinor: refundedAt ? amount : null,
      deepLink: `https://seller.walmart.com/order-management/returns?returnOrderId=${encodeURIComponent(ret.returnOrderId)}`,
      lines: lines.map((l) => ({
        lineKey: String(l.returnOrderLineNumber),
        sellerSku: l.item?.sku || `walmart-return-${ret.returnOrderId}`,
        quantity: l.quantity?.measurementValue ?? 1,
        amountMinor: lines.length === 1 ? amount : null,
        currency,
      })),
    },
  };
}

/** A purchase order → our order with its lines (product charges only; taxes and shipping aside). */
export function convertWalmartOrder(order: WalmartOrder): OrderRecord {
  const lines = order.orderLines.orderLine.map((l) => {
    const product = (l.charges?.charge ?? []).filter((c) => (c.chargeType ?? 'PRODUCT') === 'PRODUCT');
    const currency = product.find((c) => c.chargeAmount?.currency)?.chargeAmount?.currency ?? 'USD';
    const amountMinor = product.reduce((sum, c) => sum + (toMinor(c.chargeAmount?.amount, currency) ?? 0n), 0n);
    return {
      platformLineId: String(l.lineNumber),
      sellerSku: l.item?.sku || `walmart-line-${order.purchaseOrderId}-${l.lineNumber}`,
      quantity: Number(l.orderLineQuantity?.amount ?? 1),
      amountMinor,
      currency,
    };
  });
  const currency = lines[0]?.currency ?? 'USD';
  return {
    platformOrderId: order.purchaseOrderId,
    orderedAt: new Date(typeof order.orderDate === 'number' ? order.orderDate : /^\d+$/.test(order.orderDate) ? Number(order.orderDate) : order.orderDate),
    rawStatus: order.orderLines.orderLine[0]?.orderLineStatuses?.orderLineStatus?.[0]?.status ?? null,
    currency,
    totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0n),
    lines,
  };
}

const epoch = (v: number | string | null | undefined): Date | null => {
  if (v === null || v === undefined || v === '') return null;
  const d = new Date(typeof v === 'number' || /^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/**
 * The cancellations in a purchase order: Walmart has no cancellation request to list; a line
 * (or part of one) in status "Cancelled" is the cancellation, done when Walmart shows it. One
 * case per cancelled line, keyed by purchase order and line number.
 */
export function convertWalmartCancellations(order: WalmartOrder): Converted<CaseRecord>[] {
  const orderedAt = epoch(order.orderDate) ?? new Date(0);
  const out: Converted<CaseRecord>[] = [];
  for (const line of order.orderLines.orderLine) {
    const cancelled = (line.orderLineStatuses?.orderLineStatus ?? []).filter((s) => s.status && normaliseCode(s.status) === 'CANCELLED');
    if (cancelled.length === 0) continue;
    const unmapped: string[] = [];
    const rawReason = cancelled.find((s) => s.cancellationReason)?.cancellationReason ?? null;
    const platformReason = mapWalmartReason(rawReason);
    if (!platformReason.mapped) unmapped.push(`reason:${rawReason}`);
    const reason = resolveReason(platformReason, null);
    const product = (line.charges?.charge ?? []).filter((c) => (c.chargeType ?? 'PRODUCT') === 'PRODUCT');
    const currency = product.find((c) => c.chargeAmount?.currency)?.chargeAmount?.currency ?? 'USD';
    const lineAmount = product.reduce((sum, c) => sum + (toMinor(c.chargeAmount?.amount, currency) ?? 0n), 0n);
    const lineQuantity = Number(line.orderLineQuantity?.amount ?? 1) || 1;
    const quantity = cancelled.reduce((sum, s) => sum + (Number(s.statusQuantity?.amount ?? 0) || 0), 0) || lineQuantity;
    const amount = quantity >= lineQuantity ? lineAmount : (lineAmount * BigInt(quantity)) / BigInt(lineQuantity);
    const at = epoch(line.statusDate) ?? orderedAt;
    out.push({
      unmapped,
      record: {
        kind: 'cancellation',
        platformCaseId: `${order.purchaseOrderId}-${line.lineNumber}`,
        type: 'refund_only',
        status: 'completed',
        rawStatus: 'Cancelled',
        reason: reason.reason,
        rawReason,
        reasonSource: reason.source,
        platformOrderId: order.purchaseOrderId,
        requestedAt: at,
        closedAt: at,
        currency,
        requestedMinor: amount,
        deepLink: `https://seller.walmart.com/orders/manage-orders?orderGroups=All&poNumber=${encodeURIComponent(order.purchaseOrderId)}`,
        lines: [
          {
            lineKey: String(line.lineNumber),
            sellerSku: line.item?.sku || `walmart-line-${order.purchaseOrderId}-${line.lineNumber}`,
            quantity,
            amountMinor: amount,
            currency,
          },
        ],
      },
    });
  }
  return out;
}

/** One purchase order from an orders page: the order, and its cancelled lines as cancellation cases. */
export function convertWalmartOrderWithCancellations(order: WalmartOrder): Converted<{ order: OrderRecord; cancellations: CaseRecord[] }> {
  const cancellations = convertWalmartCancellations(order);
  return {
    record: { order: convertWalmartOrder(order), cancellations: cancellations.map((c) => c.record) },
    unmapped: cancellations.flatMap((c) => c.unmapped),
  };
}
