import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import type { ShipmentEvent } from './amazon-schemas.ts';
import { amazonDeepLink } from './amazon-spec.ts';

export type FinanceKind = 'refund' | 'claim' | 'chargeback';

/** Which list of `FinancialEvents` holds each kind. */
export const FINANCE_LISTS = {
  refund: 'RefundEventList',
  claim: 'GuaranteeClaimEventList',
  chargeback: 'ChargebackEventList',
} as const satisfies Record<FinanceKind, string>;

const EVENT_NAMES: Readonly<Record<FinanceKind, string>> = { refund: 'RefundEvent', claim: 'GuaranteeClaimEvent', chargeback: 'ChargebackEvent' };

/**
 * An A-to-z claim is keyed by its order: Amazon allows one claim per order, and the key is all
 * the returns report (open claim) and the GuaranteeClaimEvent (granted claim) have in common, so
 * the event moves the open claim to completed instead of adding a second case.
 */
export const claimCaseId = (amazonOrderId: string) => `${amazonOrderId}:claim`;

/**
 * A refund or chargeback event has no id of its own. `AmazonOrderId:kind:OrderAdjustmentItemId` (the
 * lowest of the event's adjustment items; the posted date when it has none) is stable — the same
 * event read again in an overlapping window maps to the same case — and keeps two partial refunds
 * of one order apart, which an order id alone would merge.
 */
export function financeCaseId(event: ShipmentEvent, kind: FinanceKind): string {
  if (kind === 'claim') return claimCaseId(event.AmazonOrderId);
  const ids = (event.ShipmentItemAdjustmentList ?? []).map((i) => i.OrderAdjustmentItemId).filter((id): id is string => !!id);
  const anchor = ids.length ? [...ids].sort()[0] : new Date(event.PostedDate).toISOString();
  return `${event.AmazonOrderId}:${kind}:${anchor}`;
}

/**
 * A refund, A-to-z guarantee claim or chargeback event → a case. The event is money that moved:
 * a debit (negative Principal) is a refund paid or a claim/chargeback decided for the buyer
 * (completed); a credit is one reversed in the seller's favour (rejected). Events carry no reason,
 * so the reason is `other`; the money is the Principal charges, as positive minor units.
 */
export function convertFinancialEvent(event: ShipmentEvent, kind: FinanceKind, context: { marketplaceId: string | null }): Converted<CaseRecord> {
  const items = event.ShipmentItemAdjustmentList ?? [];
  const principal = items.flatMap((i) => (i.ItemChargeAdjustmentList ?? []).filter((c) => c.ChargeType === 'Principal'));
  const currency = principal.find((c) => c.ChargeAmount?.CurrencyCode)?.ChargeAmount?.CurrencyCode ?? 'USD';
  const lineAmount = (item: (typeof items)[number]) =>
    (item.ItemChargeAdjustmentList ?? [])
      .filter((c) => c.ChargeType === 'Principal')
      .reduce((sum, c) => sum + (toMinor(c.ChargeAmount?.CurrencyAmount, c.ChargeAmount?.CurrencyCode ?? currency) ?? 0n), 0n);
  const net = items.reduce((sum, item) => sum + lineAmount(item), 0n);
  const reversed = net > 0n;
  const posted = new Date(event.PostedDate);
  const reason = resolveReason({ value: 'other', mapped: true, raw: null }, null);
  const amount = reversed ? net : -net;
  return {
    unmapped: [],
    record: {
      kind,
      platformCaseId: financeCaseId(event, kind),
      type: 'refund_only',
      status: reversed ? 'rejected' : 'completed',
      rawStatus: reversed ? `${EVENT_NAMES[kind]} (reversal)` : EVENT_NAMES[kind],
      reason: reason.reason,
      rawReason: null,
      reasonSource: reason.source,
      platformOrderId: event.AmazonOrderId,
      requestedAt: posted,
      closedAt: posted,
      refundedAt: reversed ? null : posted,
      currency,
      requestedMinor: amount,
      refundedMinor: reversed ? null : amount,
      deepLink: amazonDeepLink(context.marketplaceId, kind === 'refund' ? 'order' : kind, event.AmazonOrderId),
      lines: items
        .filter((i) => i.SellerSKU)
        .map((i, k) => {
          const minor = lineAmount(i);
          return {
            lineKey: i.OrderAdjustmentItemId ?? `${i.SellerSKU}#${k + 1}`,
            sellerSku: i.SellerSKU as string,
            quantity: i.QuantityShipped ?? 1,
            amountMinor: minor < 0n ? -minor : minor,
            currency,
          };
        }),
    },
  };
}
