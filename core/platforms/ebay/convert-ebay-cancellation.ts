import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import { buyerKey } from '../buyer-key.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import { ebayListingId } from './convert-ebay-order.ts';
import type { EbayCancellation } from './ebay-schemas.ts';
import { mapEbayCancelReason } from './map-ebay-reason.ts';
import { mapEbayCancellationStatus } from './map-ebay-status.ts';

/** A Post-Order cancellation request → a cancellation case on its order (`legacyOrderId`). */
export function convertEbayCancellation(cancel: EbayCancellation, options: { site: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = cancel.cancelStatus ?? 'CANCEL_REQUESTED';
  const status = mapEbayCancellationStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const platformReason = mapEbayCancelReason(cancel.cancelReason);
  if (!platformReason.mapped) unmapped.push(`reason:${cancel.cancelReason}`);
  const reason = resolveReason(platformReason, null);
  const currency = cancel.requestRefundAmount?.currency?.toUpperCase() ?? 'USD';
  const amount = toMinor(cancel.requestRefundAmount?.value, currency);
  const closedAt = cancel.cancelCloseDate?.value ? new Date(cancel.cancelCloseDate.value) : null;
  const refunded = status.value === 'completed';
  const items = cancel.lineItems ?? [];
  return {
    unmapped,
    record: {
      kind: 'cancellation',
      platformCaseId: cancel.cancelId,
      type: 'refund_only',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: cancel.cancelReason ?? null,
      reasonSource: reason.source,
      platformOrderId: cancel.legacyOrderId ?? null,
      requestedAt: new Date(cancel.cancelRequestDate.value),
      closedAt,
      refundedAt: refunded ? closedAt : null,
      respondBy: cancel.sellerResponseDueDate?.value ? new Date(cancel.sellerResponseDueDate.value) : null,
      currency,
      requestedMinor: amount,
      refundedMinor: refunded ? amount : null,
      buyerKey: buyerKey('ebay', cancel.buyerLoginName),
      deepLink: `https://www.${options.site}/sh/ord/details?orderid=${encodeURIComponent(cancel.legacyOrderId ?? '')}`,
      // The search may leave out the line items (the FULL detail has them); the order then stands for them.
      lines: items.map((item, k) => ({
        lineKey: item.transactionId ?? item.itemId ?? `${cancel.cancelId}-${k + 1}`,
        platformListingId: item.itemId ? ebayListingId(item.itemId) : null,
        sellerSku: item.itemId ? null : `ebay-cancel-${cancel.cancelId}-${k + 1}`,
        quantity: item.cancelQuantity ?? 1,
        amountMinor: items.length === 1 ? amount : null,
        currency,
      })),
    },
  };
}
