import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { CaseStatus, CaseType } from '../../domain/taxonomy.ts';
import type { Converted } from '../convert-records.ts';
import { normaliseCode } from '../lookup-code.ts';
import { toMinor } from '../money.ts';
import type { AmazonReturnRow } from './amazon-schemas.ts';
import { amazonDeepLink } from './amazon-spec.ts';
import { claimCaseId } from './convert-amazon-finance.ts';
import { mapAmazonReason } from './map-amazon-reason.ts';
import { mapAmazonReturnStatus } from './map-amazon-status.ts';

// The report's Resolution: what the buyer gets back.
const RESOLUTIONS: Readonly<Record<string, CaseType>> = {
  STANDARDREFUND: 'return_and_refund',
  REFUND: 'return_and_refund',
  REPLACEMENT: 'replacement',
  EXCHANGE: 'exchange',
};

const yes = (value: string | null | undefined) => /^(y|yes|true)$/i.test((value ?? '').trim());
const parseDate = (value: string | null | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : null);

/**
 * A row of the MFN returns report → a return case keyed by its Amazon RMA ID, and — while the
 * buyer's A-to-z claim on it is open (`A-to-Z Claim = Y`, nothing refunded yet) — that claim as a
 * claim case. No API lists open A-to-z claims; this flag is the only place Amazon shows them.
 * A refunded amount above zero means the return is done. The report carries no buyer comment, so
 * the reason is the return reason code.
 */
export function convertAmazonReturn(row: AmazonReturnRow, context: { marketplaceId: string | null }): Converted<CaseRecord[]> {
  const unmapped: string[] = [];
  const currency = row['Currency code'] || 'USD';
  const refunded = toMinor(row['Refunded Amount'], currency);
  const rawStatus = row['Return request status'] ?? '';
  const mapped = mapAmazonReturnStatus(rawStatus, { refundedMinor: refunded });
  if (!mapped.mapped) unmapped.push(`status:${rawStatus}`);
  const claimed = yes(row['A-to-Z Claim']);
  const status: CaseStatus = claimed && mapped.value !== 'completed' ? 'escalated' : mapped.value;

  const rawReason = row['Return Reason'] ?? null;
  const platformReason = mapAmazonReason(rawReason);
  if (!platformReason.mapped) unmapped.push(`reason:${rawReason}`);
  const reason = resolveReason(platformReason, null);

  const resolution = row.Resolution ?? 'StandardRefund';
  const type = RESOLUTIONS[normaliseCode(resolution).replaceAll('_', '')];
  if (!type) unmapped.push(`resolution:${resolution}`);

  const requestedAt = new Date(row['Return request date']);
  const delivered = parseDate(row['Return delivery date']);
  const done = status === 'completed' || status === 'cancelled' || status === 'rejected';
  const sku = row['Merchant SKU'] || null;
  const asin = row.ASIN || null;
  const requested = toMinor(row['Order Amount'], currency);
  const line = {
    lineKey: sku ?? (asin as string),
    sellerSku: sku,
    platformListingId: asin,
    quantity: Number(row['Return quantity'] ?? 1) || 1,
    amountMinor: refunded !== null && refunded > 0n ? refunded : requested,
    currency,
  };
  const returnCase: CaseRecord = {
    kind: 'return',
    platformCaseId: row['Amazon RMA ID'],
    type: type ?? 'return_and_refund',
    status,
    // The raw status as Amazon says it, with the claim flag that changed our reading of it.
    rawStatus: claimed ? `${rawStatus} (A-to-Z Claim)` : rawStatus,
    reason: reason.reason,
    rawReason,
    reasonSource: reason.source,
    platformOrderId: row['Order ID'],
    requestedAt,
    // The report has no decision or refund time; the return's delivery back is the closest it says.
    closedAt: done ? (delivered ?? requestedAt) : null,
    refundedAt: status === 'completed' && refunded !== null ? (delivered ?? requestedAt) : null,
    currency,
    requestedMinor: requested,
    refundedMinor: refunded !== null && refunded > 0n ? refunded : null,
    deepLink: amazonDeepLink(context.marketplaceId, 'return', row['Order ID']),
    lines: sku || asin ? [line] : [],
  };
  if (status !== 'escalated') return { unmapped, record: [returnCase] };
  const claimReason = resolveReason({ value: 'other', mapped: true, raw: null }, null);
  const claim: CaseRecord = {
    kind: 'claim',
    platformCaseId: claimCaseId(row['Order ID']),
    type: 'refund_only',
    status: 'escalated',
    rawStatus: 'A-to-Z Claim',
    // The report names the return's reason, not the claim's; Amazon gives no claim reason.
    reason: claimReason.reason,
    reasonSource: claimReason.source,
    platformOrderId: row['Order ID'],
    requestedAt,
    currency,
    requestedMinor: requested,
    deepLink: amazonDeepLink(context.marketplaceId, 'claim', row['Order ID']),
    lines: sku || asin ? [line] : [],
  };
  return { unmapped, record: [returnCase, claim] };
}
