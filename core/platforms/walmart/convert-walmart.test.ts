import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertWalmartOrder, convertWalmartReturn } from './convert-walmart.ts';
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
