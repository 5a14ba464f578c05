import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { CaseType } from '../../domain/taxonomy.ts';
import { buyerKey } from '../buyer-key.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import { ebayListingId } from './convert-ebay-order.ts';
import type { EbayReturn } from './ebay-schemas.ts';
import { mapEbayReason } from './map-ebay-reason.ts';
import { mapEbayReturnStatus } from './map-ebay-status.ts';

const TYPES: Readonly<Record<string, CaseType>> = { MONEY_BACK: 'return_and_refund', REPLACEMENT: 'replacement' };

/** A Post-Order return → our case. The item id resolves to the seller's SKU in the store. */
export function convertEbayReturn(ret: EbayReturn, options: { site: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const refund = ret.sellerTotalRefund;
  const currency = refund?.actualRefundAmount?.currency ?? refund?.estimatedRefundAmount?.currency ?? 'USD';
  const refundedMinor = toMinor(refund?.actualRefundAmount?.value, currency);
  const requestedMinor = toMinor(refund?.estimatedRefundAmount?.value, currency);
  const rawStatus = ret.state ?? ret.status ?? 'UNKNOWN';
  const status = mapEbayReturnStatus(rawStatus, { refunded: refundedMinor !== null && refundedMinor > 0n });
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const platformReason = mapEbayReason(ret.creationInfo.reason);
  if (!platformReason.mapped) unmapped.push(`reason:${ret.creationInfo.reason}`);
  const text = ret.creationInfo.comments?.content?.trim() || null;
  const reason = resolveReason(platformReason, text);
  const rawType = ret.currentType ?? ret.creationInfo.type ?? 'MONEY_BACK';
  const type = TYPES[rawType];
  if (!type) unmapped.push(`type:${rawType}`);
  const requestedAt = new Date(ret.creationInfo.creationDate.value);
  const closedAt = ret.closeInfo?.returnCloseDate?.value ? new Date(ret.closeInfo.returnCloseDate.value) : null;
  const item = ret.creationInfo.item;
  return {
    unmapped,
    record: {
      kind: 'return',
      platformCaseId: ret.returnId,
      type: type ?? 'return_and_refund',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: ret.creationInfo.reason ?? null,
      customerText: text,
      reasonSource: reason.source,
      platformOrderId: ret.orderId ?? null,
      requestedAt,
      closedAt,
      refundedAt: refundedMinor !== null && refundedMinor > 0n ? closedAt : null,
      respondBy: ret.sellerResponseDue?.respondByDate?.value ? new Date(ret.sellerResponseDue.respondByDate.value) : null,
      currency,
      requestedMinor,
      refundedMinor,
      buyerKey: buyerKey('ebay', ret.buyerLoginName),
      deepLink: `https://www.${options.site}/rt/ReturnDetails?returnId=${encodeURIComponent(ret.returnId)}`,
      lines: [
        {
          lineKey: item?.transactionId ?? item?.itemId ?? ret.returnId,
          platformListingId: item?.itemId ? ebayListingId(item.itemId) : null,
          sellerSku: item?.itemId ? null : `ebay-return-${ret.returnId}`,
          quantity: item?.returnQuantity ?? 1,
          amountMinor: requestedMinor,
          currency,
        },
      ],
    },
  };
}
