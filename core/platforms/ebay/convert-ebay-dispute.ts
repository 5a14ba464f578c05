import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import { buyerKey } from '../buyer-key.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import type { EbayPaymentDispute } from './ebay-schemas.ts';
import { mapEbayReason } from './map-ebay-reason.ts';
import { mapEbayPaymentDisputeStatus } from './map-ebay-status.ts';

/** A payment dispute (the buyer went to their bank or PayPal) → a chargeback case with its response deadline. */
export function convertEbayDispute(dispute: EbayPaymentDispute): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = dispute.paymentDisputeStatus ?? 'OPEN';
  const status = mapEbayPaymentDisputeStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const platformReason = mapEbayReason(dispute.reason);
  if (!platformReason.mapped) unmapped.push(`reason:${dispute.reason}`);
  const reason = resolveReason(platformReason, null);
  const currency = dispute.amount?.currency ?? 'USD';
  const amount = toMinor(dispute.amount?.value, currency);
  return {
    unmapped,
    record: {
      kind: 'chargeback',
      platformCaseId: dispute.paymentDisputeId,
      type: 'refund_only',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: dispute.reason ?? null,
      reasonSource: reason.source,
      platformOrderId: dispute.orderId ?? null,
      requestedAt: new Date(dispute.openDate),
      closedAt: dispute.closedDate ? new Date(dispute.closedDate) : null,
      respondBy: dispute.respondByDate ? new Date(dispute.respondByDate) : null,
      currency,
      requestedMinor: amount,
      buyerKey: buyerKey('ebay', dispute.buyerUsername),
      deepLink: `https://www.ebay.com/sh/ord/details?orderid=${encodeURIComponent(dispute.orderId ?? '')}`,
      // A dispute concerns the whole order: no lines of its own; SKU questions join through the order.
      lines: [],
    },
  };
}
