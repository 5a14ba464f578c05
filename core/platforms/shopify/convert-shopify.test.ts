import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertShopifyDispute } from './convert-shopify-dispute.ts';
import { type ConvertedOrder, convertShopifyOrder } from './convert-shopify-order.ts';
import { GraphqlEnvelope, ShopifyDispute, ShopifyDisputesData, ShopifyOrder, ShopifyOrdersData } from './shopify-schemas.ts';

const fixture = (name: string) => readFixture(import.meta.url, name);
const shop = 'helloword-demo.myshopify.com';

function convertPage() {
  const envelope = GraphqlEnvelope.parse(fixture('shopify-orders.json'));
  const nodes = ShopifyOrdersData.parse(envelope.data).orders.nodes;
  const skips: string[] = [];
  const orders = nodes.map((n) =>
    convertShopifyOrder(ShopifyOrder.parse(n), { shop, onSkip: (what) => skips.push(what), onTruncated: () => skips.push('truncated') }),
  );
  return { envelope, orders, skips };
}

describe('Shopify orders', () => {
  const { envelope, orders, skips } = convertPage();
  const [requested, closed, cancelled, colour] = orders.map((o) => o.record) as [ConvertedOrder, ConvertedOrder, ConvertedOrder, ConvertedOrder];

  it('reads the cost of the query and the bucket', () => {
    expect(envelope.extensions?.cost).toEqual({
      requestedQueryCost: 952,
      actualQueryCost: 87,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1913, restoreRate: 100 },
    });
  });

  it('turns an order into our order with its lines; a line without a SKU is known by its line id', () => {
    expect(closed.order).toMatchObject({
      platformOrderId: 'gid://shopify/Order/5498',
      orderedAt: new Date('2025-04-20T14:00:00Z'),
      rawStatus: 'FULFILLED',
      currency: 'USD',
      totalMinor: 6498n,
      lines: [
        { platformLineId: 'gid://shopify/LineItem/9880', sellerSku: 'JKT-RAIN-L', quantity: 2, amountMinor: 5998n, currency: 'USD' },
        { platformLineId: 'gid://shopify/LineItem/9881', sellerSku: 'shopify-line-9881', quantity: 1, amountMinor: 500n, currency: 'USD' },
      ],
    });
    expect(closed.order.buyerKey).toMatch(/^[\w-]{16}$/);
    expect(cancelled.order).toMatchObject({ rawStatus: 'CANCELLED', buyerKey: null });
  });

  it('a requested return keeps the size reason of its code and the customer’s note', () => {
    expect(orders[0]?.unmapped).toEqual([]);
    expect(requested.cases).toEqual([
      {
        kind: 'return',
        platformCaseId: 'gid://shopify/Return/945000959',
        type: 'return_and_refund',
        status: 'requested',
        rawStatus: 'REQUESTED',
        reason: 'size_too_small',
        rawReason: 'size-too-small',
        customerText: 'Need a L',
        reasonSource: 'platform',
        platformOrderId: 'gid://shopify/Order/5501',
        requestedAt: new Date('2025-05-02T10:11:12Z'),
        decidedAt: null,
        closedAt: null,
        refundedAt: null,
        currency: 'USD',
        requestedMinor: 2499n,
        refundedMinor: null,
        buyerKey: requested.order.buyerKey,
        deepLink: 'https://admin.shopify.com/store/helloword-demo/orders/5501',
        lines: [{ lineKey: 'gid://shopify/ReturnLineItem/677', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 2499n, currency: 'USD' }],
      },
    ]);
  });

  it('a refund naming its return is that return’s money; a refund without one is a refund case of its own', () => {
    const [ret, refund] = closed.cases;
    expect(closed.cases).toHaveLength(2);
    expect(ret).toMatchObject({
      kind: 'return',
      status: 'completed',
      reason: 'quality_defective',
      customerText: 'zip broken',
      decidedAt: new Date('2025-04-25T11:30:00Z'),
      closedAt: new Date('2025-05-03T12:00:00Z'),
      refundedAt: new Date('2025-05-03T12:00:00Z'),
      requestedMinor: 5998n,
      refundedMinor: 5998n,
      // The {} node (an unverified return line item) is left out.
      lines: [{ lineKey: 'gid://shopify/ReturnLineItem/678', sellerSku: 'JKT-RAIN-L', quantity: 2, amountMinor: 5998n, currency: 'USD' }],
    });
    expect(refund).toMatchObject({
      kind: 'refund',
      platformCaseId: 'gid://shopify/Refund/985',
      type: 'refund_only',
      status: 'completed',
      rawStatus: 'REFUNDED',
      reason: 'arrived_late',
      reasonSource: 'text',
      customerText: 'Parcel arrived late, refunded the shipping',
      requestedAt: new Date('2025-04-23T16:20:00Z'),
      refundedAt: new Date('2025-04-23T16:20:00Z'),
      refundedMinor: 500n,
      lines: [],
    });
  });

  it('a cancelled order is one cancellation case, and the refund made at cancellation is its money (not a refund case)', () => {
    expect(cancelled.cases).toEqual([
      expect.objectContaining({
        kind: 'cancellation',
        platformCaseId: 'gid://shopify/Order/5490',
        status: 'cancelled',
        rawStatus: 'CANCELLED',
        reason: 'seller_cannot_fulfil',
        rawReason: 'INVENTORY',
        reasonSource: 'platform',
        requestedAt: new Date('2025-04-18T10:00:00Z'),
        refundedAt: new Date('2025-04-18T10:00:01Z'),
        requestedMinor: 1450n,
        refundedMinor: 1450n,
        lines: [{ lineKey: 'gid://shopify/LineItem/9850', sellerSku: 'MUG-12OZ', quantity: 1, amountMinor: 1450n, currency: 'USD' }],
      }),
    ]);
  });

  it('an unknown reason handle is reported unmapped while the enum still gives the reason; a broken return is skipped, its order kept', () => {
    expect(orders[3]?.unmapped).toEqual(['reason:color-too-bright']);
    expect(colour.cases).toHaveLength(1);
    expect(colour.cases[0]).toMatchObject({ status: 'approved', reason: 'no_longer_needed', rawReason: 'color-too-bright', reasonSource: 'platform' });
    expect(colour.skipped).toBe(1);
    expect(skips).toEqual(['return']);
  });

  it('rejects an order without its id or creation time (the sync skips and counts it)', () => {
    expect(ShopifyOrder.safeParse({ id: null, createdAt: 42 }).success).toBe(false);
  });
});

describe('Shopify disputes', () => {
  const nodes = ShopifyDisputesData.parse(GraphqlEnvelope.parse(fixture('shopify-disputes.json')).data).disputes.nodes;
  const [open, won] = nodes.map((d) => convertShopifyDispute(ShopifyDispute.parse(d), { shop }));

  it('an open dispute is escalated with its evidence deadline (end of that day, UTC) and links to its order', () => {
    expect(open?.unmapped).toEqual([]);
    expect(open?.record).toEqual({
      kind: 'chargeback',
      platformCaseId: 'gid://shopify/ShopifyPaymentsDispute/90000012',
      type: 'refund_only',
      status: 'escalated',
      rawStatus: 'NEEDS_RESPONSE',
      reason: 'not_received',
      rawReason: 'PRODUCT_NOT_RECEIVED',
      reasonSource: 'platform',
      platformOrderId: 'gid://shopify/Order/5501',
      requestedAt: new Date('2025-05-06T08:30:00Z'),
      closedAt: null,
      respondBy: new Date('2025-05-16T23:59:59Z'),
      currency: 'USD',
      requestedMinor: 2499n,
      deepLink: 'https://admin.shopify.com/store/helloword-demo/orders/5501',
      lines: [],
    });
  });

  it('a won dispute is completed on the day it was finalised; without an order it links to the payments page (address unconfirmed)', () => {
    expect(won?.record).toMatchObject({
      status: 'completed',
      rawStatus: 'WON',
      reason: 'fraud_unauthorized',
      closedAt: new Date('2025-04-20T00:00:00Z'),
      platformOrderId: null,
      deepLink: 'https://admin.shopify.com/store/helloword-demo/payments/dispute/90000017',
    });
  });

  it('keeps an unknown status raw and reports it', () => {
    const odd = convertShopifyDispute(ShopifyDispute.parse({ ...(nodes[0] as object), status: 'PREARBITRATION' }), { shop });
    expect(odd.unmapped).toEqual(['status:PREARBITRATION']);
    expect(odd.record).toMatchObject({ status: 'escalated', rawStatus: 'PREARBITRATION' });
  });
});
