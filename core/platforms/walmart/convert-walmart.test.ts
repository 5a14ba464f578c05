import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertWalmartCancellations, convertWalmartOrder, convertWalmartReturn } from './convert-walmart.ts';
import { WalmartOrder, WalmartOrderPage, WalmartReturn, WalmartReturnPage } from './walmart-schemas.ts';

const fixture = (name: string) => readFixture(import.meta.url, name);

describe('Walmart returns', () => {
  const [open, done] = (WalmartReturnPage.parse(fixture('walmart-returns.json')).returnOrders ?? []).map((r) => convertWalmartReturn(WalmartReturn.parse(r)));

  it('an initiated return is approved (Walmart authorises returns itself); WRONG_SIZE/POOR_FIT is a size problem of unknown direction', () => {
    expect(open?.unmapped).toEqual([]);
    expect(open?.record).toMatchObject({
      kind: 'return',
      platformCaseId: '101234567890123',
      type: 'return_and_refund',
      status: 'approved',
      rawStatus: 'INITIATED',
      reason: 'size_fit',
      rawReason: 'WRONG_SIZE/POOR_FIT',
      reasonSource: 'platform',
      platformOrderId: '108876543210987',
      requestedAt: new Date('2025-05-03T14:22:10.000Z'),
      requestedMinor: 2198n,
      refundedMinor: null,
      lines: [{ lineKey: '1', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 2198n, currency: 'USD' }],
    });
  });

  it('a completed return with REFUND_ISSUED is refunded at that event', () => {
    expect(done?.record).toMatchObject({
      status: 'completed',
      reason: 'damaged_in_transit',
      refundedMinor: 3450n,
      refundedAt: new Date('2025-04-27T12:00:00.000Z'),
    });
  });
});

describe('Walmart orders', () => {
  it('takes product charges as the line amount and keeps no buyer contact data', () => {
    const [raw] = WalmartOrderPage.parse(fixture('walmart-orders.json')).list?.elements?.order ?? [];
    const order = convertWalmartOrder(WalmartOrder.parse(raw));
    expect(order).toEqual({
      platformOrderId: '108876543210987',
      orderedAt: new Date(1745942400000),
      rawStatus: 'Shipped',
      currency: 'USD',
      totalMinor: 2198n,
      lines: [{ platformLineId: '1', sellerSku: 'TS-BLK-M', quantity: 2, amountMinor: 2198n, currency: 'USD' }],
    });
  });
});

describe('Walmart cancellations (cancelled order lines)', () => {
  const [raw] = WalmartOrderPage.parse(fixture('walmart-orders-cancelled.json')).list?.elements?.order ?? [];
  const [partial, whole, ...rest] = convertWalmartCancellations(WalmartOrder.parse(raw));

  it('one case per cancelled line; a shipped line is none', () => {
    expect(rest).toEqual([]);
    expect(partial?.unmapped).toEqual([]);
    expect(whole?.unmapped).toEqual([]);
  });

  it('a partly cancelled line: the cancelled quantity and its share of the amount, out of stock is the seller’s failure', () => {
    expect(partial?.record).toMatchObject({
      kind: 'cancellation',
      platformCaseId: '108876543219999-1',
      type: 'refund_only',
      status: 'completed',
      rawStatus: 'Cancelled',
      reason: 'seller_cannot_fulfil',
      rawReason: 'SELLER_CANCEL_OUT_OF_STOCK',
      reasonSource: 'platform',
      platformOrderId: '108876543219999',
      requestedAt: new Date(1746115200000),
      closedAt: new Date(1746115200000),
      currency: 'USD',
      requestedMinor: 1099n,
      lines: [{ lineKey: '1', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 1099n, currency: 'USD' }],
    });
  });

  it('a customer-requested cancellation names no reason of its own', () => {
    expect(whole?.record).toMatchObject({
      platformCaseId: '108876543219999-2',
      reason: 'other',
      rawReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
      reasonSource: 'platform',
      requestedMinor: 1250n,
      lines: [{ lineKey: '2', sellerSku: 'MUG-12OZ', quantity: 1 }],
    });
  });

  it('an unknown cancellation reason is kept raw and reported', () => {
    const order = WalmartOrder.parse(raw);
    const line = order.orderLines.orderLine[1];
    const status = line?.orderLineStatuses?.orderLineStatus?.[0];
    if (status) status.cancellationReason = 'SELLER_CANCEL_HOLIDAY';
    const [, odd] = convertWalmartCancellations(order);
    expect(odd?.unmapped).toEqual(['reason:SELLER_CANCEL_HOLIDAY']);
    expect(odd?.record).toMatchObject({ reason: 'other', reasonSource: 'fallback', rawReason: 'SELLER_CANCEL_HOLIDAY' });
  });
});
