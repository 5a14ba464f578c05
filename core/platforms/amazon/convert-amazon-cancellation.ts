import type { CaseRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import type { Converted } from '../convert-records.ts';
import { toMinor } from '../money.ts';
import type { AmazonOrder, AmazonOrderItem } from './amazon-schemas.ts';
import { amazonDeepLink } from './amazon-spec.ts';
import { mapAmazonCancellationStatus } from './map-amazon-status.ts';

/** The raw reason recorded for an order nobody asked to cancel: the seller (or Amazon) did. */
export const NOT_BUYER_REQUESTED = 'not buyer-requested';

/**
 * A cancelled order and its items → a cancellation case keyed by the order id (an order is
 * cancelled once). When an item carries `BuyerRequestedCancel.IsBuyerRequestedCancel = "true"`,
 * the buyer asked and `BuyerCancelReason` is their words, classified like any customer text;
 * otherwise the seller cancelled, which we read as the seller being unable to fulfil.
 */
export function convertAmazonCancellation(
  order: AmazonOrder,
  items: readonly AmazonOrderItem[],
  context: { marketplaceId: string | null },
): Converted<CaseRecord> {
  const unmapped: string[] = [];
  const status = mapAmazonCancellationStatus(order.OrderStatus);
  if (!status.mapped) unmapped.push(`status:${order.OrderStatus}`);
  const request = items.find((i) => i.BuyerRequestedCancel?.IsBuyerRequestedCancel === 'true')?.BuyerRequestedCancel ?? null;
  const text = request?.BuyerCancelReason?.trim() || null;
  const reason = request ? resolveReason({ value: 'other', mapped: true, raw: text }, text) : ({ reason: 'seller_cannot_fulfil', source: 'platform' } as const);
  const currency = order.OrderTotal?.CurrencyCode ?? items.find((i) => i.ItemPrice?.CurrencyCode)?.ItemPrice?.CurrencyCode ?? 'USD';
  const updated = new Date(order.LastUpdateDate);
  const done = status.value === 'completed' || status.value === 'rejected';
  return {
    unmapped,
    record: {
      kind: 'cancellation',
      platformCaseId: order.AmazonOrderId,
      type: 'refund_only',
      status: status.value,
      rawStatus: order.OrderStatus,
      reason: reason.reason,
      rawReason: request ? text : NOT_BUYER_REQUESTED,
      customerText: text,
      reasonSource: reason.source,
      platformOrderId: order.AmazonOrderId,
      // Amazon keeps no request time on the order; its last update is when the cancellation happened.
      requestedAt: updated,
      closedAt: done ? updated : null,
      currency,
      requestedMinor: toMinor(order.OrderTotal?.Amount, currency),
      deepLink: amazonDeepLink(context.marketplaceId, 'order', order.AmazonOrderId),
      lines: items
        .filter((i) => i.SellerSKU || i.ASIN)
        .map((i) => ({
          lineKey: i.OrderItemId,
          sellerSku: i.SellerSKU ?? null,
          platformListingId: i.ASIN ?? null,
          quantity: i.QuantityOrdered ?? 1,
          amountMinor: toMinor(i.ItemPrice?.Amount, i.ItemPrice?.CurrencyCode ?? currency),
          currency: i.ItemPrice?.CurrencyCode ?? currency,
        })),
    },
  };
}
