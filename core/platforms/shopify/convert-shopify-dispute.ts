import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import { mapShopifyReason } from './map-shopify-reason.ts';
import { mapShopifyDisputeStatus } from './map-shopify-status.ts';
import type { ShopifyDispute } from './shopify-schemas.ts';
import { adminHandle, numericId } from './shopify-spec.ts';

/**
 * `evidenceDueBy` and `finalizedOn` are dates without a time. A deadline is kept as the end of
 * that day in UTC (the shop's time zone is not in the answer); a finalisation as its start.
 */
const dateOnly = (value: string | null | undefined, endOfDay: boolean) => {
  if (!value) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T${endOfDay ? '23:59:59' : '00:00:00'}Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A Shopify Payments dispute (chargeback or inquiry) → a chargeback case with its evidence deadline. */
export function convertShopifyDispute(dispute: ShopifyDispute, options: { shop: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = dispute.status ?? 'UNKNOWN';
  const status = mapShopifyDisputeStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const rawReason = dispute.reasonDetails?.reason ?? null;
  const platformReason = mapShopifyReason(rawReason);
  if (!platformReason.mapped) unmapped.push(`reason:${rawReason}`);
  const reason = resolveReason(platformReason, null);
  const currency = dispute.amount?.currencyCode ?? 'USD';
  const handle = adminHandle(options.shop);
  const orderId = dispute.order?.id ?? null;
  return {
    unmapped,
    record: {
      kind: 'chargeback',
      platformCaseId: dispute.id,
      type: 'refund_only',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason,
      reasonSource: reason.source,
      platformOrderId: orderId,
      requestedAt: new Date(dispute.initiatedAt),
      closedAt: dateOnly(dispute.finalizedOn, false),
      respondBy: dateOnly(dispute.evidenceDueBy, true),
      currency,
      requestedMinor: toMinor(dispute.amount?.amount, currency),
      // The order page shows its dispute; the payments page address is a guess for orderless ones.
      deepLink: orderId
        ? `https://admin.shopify.com/store/${handle}/orders/${numericId(orderId)}`
        : `https://admin.shopify.com/store/${handle}/payments/dispute/${numericId(dispute.id)}`,
      // A dispute is about a charge, not lines: SKU questions join through its order.
      lines: [],
    },
  };
}
