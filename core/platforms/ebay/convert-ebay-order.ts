import type { OrderRecord, SkuRecord } from '../../domain/records.ts';
import { buyerKey } from '../buyer-key.ts';
import { toMinor } from '../money.ts';
import type { EbayOrder } from './ebay-schemas.ts';

/** eBay's listing id for a line: the item, plus the variation when the listing has several. */
export function ebayListingId(itemId: string, variationId?: string | null): string {
  return variationId ? `${itemId}:${variationId}` : itemId;
}

/**
 * A Fulfillment API order → our order with its lines, and the SKUs its lines name (eBay's
 * listing id ↔ the seller's SKU), which later resolve the item ids of returns.
 */
export function convertEbayOrder(order: EbayOrder): { order: OrderRecord; skus: SkuRecord[] } {
  const currency = order.pricingSummary?.total?.currency ?? order.lineItems?.find((l) => l.lineItemCost?.currency)?.lineItemCost?.currency ?? 'USD';
  const lines = (order.lineItems ?? []).map((l) => {
    const listing = l.legacyItemId ? ebayListingId(l.legacyItemId, l.legacyVariationId) : null;
    return {
      platformLineId: l.lineItemId,
      // A listing without a custom label (SKU) is known by its item id.
      sellerSku: l.sku || listing || l.lineItemId,
      quantity: l.quantity ?? 1,
      amountMinor: toMinor(l.lineItemCost?.value, l.lineItemCost?.currency ?? currency) ?? 0n,
      currency: l.lineItemCost?.currency ?? currency,
      listing,
      title: l.title ?? null,
    };
  });
  const skus: SkuRecord[] = lines
    .filter((l) => l.listing !== null)
    .map((l) => ({ platformListingId: l.listing as string, sellerSku: l.sellerSku, title: l.title }));
  return {
    order: {
      platformOrderId: order.orderId,
      orderedAt: new Date(order.creationDate),
      rawStatus: order.orderFulfillmentStatus ?? null,
      currency,
      totalMinor: toMinor(order.pricingSummary?.total?.value, currency) ?? lines.reduce((s, l) => s + l.amountMinor, 0n),
      buyerKey: buyerKey('ebay', order.buyer?.username),
      lines: lines.map(({ listing: _listing, title: _title, ...line }) => line),
    },
    skus,
  };
}
