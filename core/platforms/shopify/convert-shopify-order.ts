import type { z } from 'zod';
import type { CaseRecord, OrderRecord } from '../../domain/records.ts';
import { buyerKey } from '../buyer-key.ts';
import { toMinor } from '../money.ts';
import { convertShopifyCancellation, convertShopifyRefund, convertShopifyReturn, type OrderContext } from './convert-shopify-cases.ts';
import { type ShopifyOrder, ShopifyRefund, ShopifyReturn } from './shopify-schemas.ts';
import { adminHandle, numericId } from './shopify-spec.ts';

/** An order with the after-sales cases it carries, and what could not be read of them. */
export interface ConvertedOrder {
  order: OrderRecord;
  cases: CaseRecord[];
  /** Returns or refunds of the order that could not be read (each reported through `onSkip`). */
  skipped: number;
}

export interface OrderOptions {
  shop: string;
  /** Called for each nested record left out, with what it was and why. */
  onSkip(what: 'return' | 'refund', issues: unknown): void;
  /** Called when the order has more lines or returns than one query reads (the caps of the query). */
  onTruncated(orderId: string): void;
}

/**
 * An Admin API order → our order with its lines, plus its cases:
 * - each return is a return case; the refunds whose `return` names it are its money, not cases;
 * - a refund without a return, made when or after the order was cancelled, is the money of the
 *   cancellation; any other refund without a return is a refund case;
 * - a cancelled order (`cancelledAt`) is one cancellation case.
 */
export function convertShopifyOrder(raw: ShopifyOrder, options: OrderOptions): { record: ConvertedOrder; unmapped: string[] } {
  const currency = raw.currencyCode ?? raw.totalPriceSet?.shopMoney?.currencyCode ?? 'USD';
  const lines = (raw.lineItems?.nodes ?? []).map((l) => ({
    platformLineId: l.id,
    // A custom item or a variant without a SKU is known by its line id.
    sellerSku: l.sku || `shopify-line-${numericId(l.id)}`,
    quantity: l.quantity ?? 1,
    amountMinor: toMinor(l.originalTotalSet?.shopMoney?.amount, l.originalTotalSet?.shopMoney?.currencyCode ?? currency) ?? 0n,
    currency: l.originalTotalSet?.shopMoney?.currencyCode ?? currency,
  }));
  const order: OrderRecord = {
    platformOrderId: raw.id,
    orderedAt: new Date(raw.createdAt),
    rawStatus: raw.cancelledAt ? 'CANCELLED' : (raw.displayFulfillmentStatus ?? null),
    currency,
    totalMinor: toMinor(raw.totalPriceSet?.shopMoney?.amount, currency) ?? lines.reduce((s, l) => s + l.amountMinor, 0n),
    buyerKey: buyerKey('shopify', raw.customer?.id),
    lines,
  };

  if (raw.lineItems?.pageInfo?.hasNextPage || raw.returns?.pageInfo?.hasNextPage) options.onTruncated(raw.id);
  let skipped = 0;
  const parse = <S extends z.ZodType>(what: 'return' | 'refund', schema: S, items: readonly unknown[]): z.output<S>[] =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      if (parsed.success) return [parsed.data];
      skipped++;
      options.onSkip(what, parsed.error.issues.slice(0, 3));
      return [];
    });
  const returns = parse('return', ShopifyReturn, raw.returns?.nodes ?? []);
  const refunds = parse('refund', ShopifyRefund, raw.refunds ?? []);

  const context: OrderContext = {
    orderId: raw.id,
    currency,
    buyerKey: order.buyerKey ?? null,
    deepLink: `https://admin.shopify.com/store/${adminHandle(options.shop)}/orders/${numericId(raw.id)}`,
  };
  const cancelledMs = raw.cancelledAt ? Date.parse(raw.cancelledAt) : Number.NaN;
  const ofCancellation = refunds.filter((r) => !r.return?.id && !Number.isNaN(cancelledMs) && Date.parse(r.createdAt) >= cancelledMs);
  const converted = [
    ...returns.map((ret) =>
      convertShopifyReturn(
        ret,
        context,
        refunds.filter((r) => r.return?.id === ret.id),
      ),
    ),
    ...refunds.filter((r) => !r.return?.id && !ofCancellation.includes(r)).map((r) => convertShopifyRefund(r, context)),
    ...(raw.cancelledAt ? [convertShopifyCancellation(raw, context, order, ofCancellation)] : []),
  ];
  return {
    record: { order, cases: converted.map((c) => c.record), skipped },
    unmapped: converted.flatMap((c) => c.unmapped),
  };
}
