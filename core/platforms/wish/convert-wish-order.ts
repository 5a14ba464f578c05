import type { CaseRecord, OrderRecord, SkuRecord } from '../../domain/records.ts';
import { resolveReason } from '../../domain/resolve-reason.ts';
import { toMinor } from '../money.ts';
import { mapWishReason } from './map-wish-reason.ts';
import { mapWishOrderStatus } from './map-wish-status.ts';
import type { WishOrder } from './wish-schemas.ts';
import { wishOrderLink } from './wish-spec.ts';

export interface ConvertedWishOrder {
  order: OrderRecord;
  /** Wish's product id ↔ the seller's SKU: tickets name only the product. */
  skus: SkuRecord[];
  /** One completed refund case per entry of `refunds[]`. */
  refunds: CaseRecord[];
}

/** The case id of the k-th refund (by time, from 1) of an order: Wish gives refunds no id of their own. */
export const wishRefundCaseId = (orderId: string, k: number) => `${orderId}:refund:${k}`;

/**
 * A Wish order → our order (one line: a Wish order is one product variation), the product ↔ SKU
 * pair, and its refunds as refund cases. Wish shows refunds only once made, so each is completed
 * at its `refund_time`; there is no request to see before that.
 */
export function convertWishOrder(order: WishOrder): { record: ConvertedWishOrder; unmapped: string[] } {
  const unmapped: string[] = [];
  const state = mapWishOrderStatus(order.state);
  if (!state.mapped) unmapped.push(`state:${order.state}`);
  const product = order.product_information;
  const payment = order.order_payment?.general_payment_details;
  const currency = payment?.product_price?.currency_code ?? order.refunds?.find((r) => r.refund_amount?.currency_code)?.refund_amount?.currency_code ?? 'USD';
  const quantity = payment?.product_quantity ?? 1;
  const amountMinor = (toMinor(payment?.product_price?.amount, currency) ?? 0n) * BigInt(quantity);
  const sellerSku = product?.sku || product?.variation_id || `wish-order-${order.id}`;
  const orderedAt = new Date(order.released_at ?? order.updated_at);

  const refunds = [...(order.refunds ?? [])]
    .map((r, i) => ({ r, i, at: r.refund_time ? Date.parse(r.refund_time) : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.at) ? 0 : a.at) - (Number.isNaN(b.at) ? 0 : b.at) || a.i - b.i)
    .map(({ r }, k): CaseRecord => {
      const reason = mapWishReason(r.refund_reason);
      if (!reason.mapped) unmapped.push(`reason:${r.refund_reason}`);
      const refundCurrency = r.refund_amount?.currency_code ?? currency;
      const refunded = toMinor(r.refund_amount?.amount, refundCurrency);
      const at = r.refund_time ? new Date(r.refund_time) : new Date(order.updated_at);
      const resolved = resolveReason(reason, null);
      return {
        kind: 'refund',
        platformCaseId: wishRefundCaseId(order.id, k + 1),
        type: 'refund_only',
        status: 'completed',
        rawStatus: order.state ?? 'REFUNDED',
        reason: resolved.reason,
        rawReason: r.refund_reason ?? null,
        // refund_reason_note is a note *to* the buyer, not the buyer's words: not customer text.
        customerText: null,
        reasonSource: resolved.source,
        platformOrderId: order.id,
        requestedAt: at,
        closedAt: at,
        refundedAt: at,
        currency: refundCurrency,
        requestedMinor: refunded,
        refundedMinor: refunded,
        deepLink: wishOrderLink(order.id),
        lines: [{ lineKey: order.id, sellerSku, quantity, amountMinor: refunded, currency: refundCurrency }],
      };
    });

  return {
    unmapped,
    record: {
      order: {
        platformOrderId: order.id,
        orderedAt,
        rawStatus: order.state ?? null,
        currency,
        totalMinor: amountMinor,
        lines: [{ platformLineId: order.id, sellerSku, quantity, amountMinor, currency }],
      },
      skus:
        product?.id && product.sku
          ? [{ platformListingId: product.id, sellerSku: product.sku, title: product.name ?? null, size: product.size ?? null, color: product.color ?? null }]
          : [],
      refunds,
    },
  };
}
