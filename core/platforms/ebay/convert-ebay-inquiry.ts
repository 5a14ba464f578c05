import type { CaseLineRecord, CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { CaseStatus } from '../../domain/taxonomy.ts';
import { buyerKey } from '../buyer-key.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import { ebayListingId } from './convert-ebay-order.ts';
import type { EbayCase, EbayInquiry } from './ebay-schemas.ts';
import { mapEbayReason } from './map-ebay-reason.ts';
import { mapEbayCaseStatus, mapEbayInquiryStatus } from './map-ebay-status.ts';

const CLOSED: readonly CaseStatus[] = ['completed', 'rejected', 'cancelled'];

/**
 * The line an inquiry or case is about. Their search summaries name no order, only the listing
 * (item id) and the sale (transaction id); the item id resolves to the seller's SKU in the store.
 */
function summaryLine(prefix: string, id: string, itemId: string | null, transactionId: string | null, amount: bigint | null, currency: string) {
  const line: CaseLineRecord = {
    lineKey: transactionId ?? itemId ?? id,
    platformListingId: itemId ? ebayListingId(itemId) : null,
    sellerSku: itemId ? null : `ebay-${prefix}-${id}`,
    quantity: 1,
    amountMinor: amount,
    currency,
  };
  return line;
}

/** An Item Not Received inquiry → an inquiry case. The search gives no reason code: an INR inquiry is one. */
export function convertEbayInquiry(inquiry: EbayInquiry, options: { site: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = inquiry.inquiryStatusEnum ?? 'OPEN';
  const status = mapEbayInquiryStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const reason = resolveReason(mapEbayReason('ITEM_NOT_RECEIVED'), null);
  const currency = inquiry.claimAmount?.currency ?? 'USD';
  const amount = toMinor(inquiry.claimAmount?.value, currency);
  const closedAt = CLOSED.includes(status.value) && inquiry.lastModifiedDate?.value ? new Date(inquiry.lastModifiedDate.value) : null;
  return {
    unmapped,
    record: {
      kind: 'inquiry',
      platformCaseId: inquiry.inquiryId,
      type: 'refund_only',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: 'ITEM_NOT_RECEIVED',
      reasonSource: reason.source,
      platformOrderId: null,
      requestedAt: new Date(inquiry.creationDate.value),
      closedAt,
      respondBy: inquiry.respondByDate?.value ? new Date(inquiry.respondByDate.value) : null,
      currency,
      requestedMinor: amount,
      buyerKey: buyerKey('ebay', inquiry.buyer),
      deepLink: `https://www.${options.site}/ItemNotReceived/${encodeURIComponent(inquiry.inquiryId)}`,
      lines: [summaryLine('inquiry', inquiry.inquiryId, inquiry.itemId, inquiry.transactionId, amount, currency)],
    },
  };
}

/**
 * A Money Back Guarantee case → a claim with the seller's deadline. The summary carries no reason;
 * `caseType` (ITEM_NOT_RECEIVED | RETURN), when present, says at least whether the item arrived.
 */
export function convertEbayCase(c: EbayCase, options: { site: string }): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const rawStatus = c.caseStatusEnum ?? 'OPEN';
  const status = mapEbayCaseStatus(rawStatus);
  if (!status.mapped) unmapped.push(`status:${rawStatus}`);
  const rawReason = c.caseType === 'ITEM_NOT_RECEIVED' ? 'ITEM_NOT_RECEIVED' : null;
  const reason = resolveReason(mapEbayReason(rawReason), null);
  const currency = c.claimAmount?.currency ?? 'USD';
  const amount = toMinor(c.claimAmount?.value, currency);
  const closedAt = CLOSED.includes(status.value) && c.lastModifiedDate?.value ? new Date(c.lastModifiedDate.value) : null;
  return {
    unmapped,
    record: {
      kind: 'claim',
      platformCaseId: c.caseId,
      type: 'refund_only',
      status: status.value,
      rawStatus,
      reason: reason.reason,
      rawReason: c.caseType ?? null,
      reasonSource: reason.source,
      platformOrderId: null,
      requestedAt: new Date(c.creationDate.value),
      closedAt,
      respondBy: c.respondByDate?.value ? new Date(c.respondByDate.value) : null,
      currency,
      requestedMinor: amount,
      buyerKey: buyerKey('ebay', c.buyer),
      deepLink: `https://www.${options.site}/rsc/case/${encodeURIComponent(c.caseId)}`,
      lines: [summaryLine('case', c.caseId, c.itemId, c.transactionId, amount, currency)],
    },
  };
}
