import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertEbayDispute } from './convert-ebay-dispute.ts';
import { convertEbayOrder } from './convert-ebay-order.ts';
import { convertEbayReturn } from './convert-ebay-return.ts';
import { EbayDisputePage, EbayOrder, EbayOrderPage, EbayPaymentDispute, EbayReturn, EbayReturnPage } from './ebay-schemas.ts';

const fixture = (name: string) => readFixture(import.meta.url, name);

describe('eBay returns', () => {
  const members = EbayReturnPage.parse(fixture('ebay-return-search.json')).members ?? [];
  const [first, second] = members.map((m) => convertEbayReturn(EbayReturn.parse(m), { site: 'ebay.com' }));

  it('reads the size direction from the buyer’s comment when eBay only says WRONG_SIZE', () => {
    expect(first?.unmapped).toEqual([]);
    expect(first?.record).toMatchObject({
      kind: 'return',
      platformCaseId: '5312345678',
      type: 'return_and_refund',
      status: 'requested',
      rawStatus: 'RETURN_REQUESTED',
      reason: 'size_too_small',
      rawReason: 'WRONG_SIZE',
      reasonSource: 'text',
      customerText: 'Runs small',
      platformOrderId: '12-10934-55231',
      requestedAt: new Date('2025-05-02T10:11:12.000Z'),
      respondBy: new Date('2025-05-05T10:11:12.000Z'),
      currency: 'USD',
      requestedMinor: 2499n,
      refundedMinor: null,
      deepLink: 'https://www.ebay.com/rt/ReturnDetails?returnId=5312345678',
      lines: [{ lineKey: '2345678901001', platformListingId: '256789012345', sellerSku: null, quantity: 1, amountMinor: 2499n, currency: 'USD' }],
    });
    expect(first?.record.buyerKey).toMatch(/^[\w-]{16}$/);
    expect(JSON.stringify(first?.record, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('jane_b');
  });

  it('maps a shipped damaged-item return', () => {
    expect(second?.record).toMatchObject({
      status: 'approved',
      reason: 'damaged_in_transit',
      reasonSource: 'platform',
      requestedMinor: 3950n,
      customerText: null,
    });
  });

  it('keeps an unknown state and reason raw, falls back, and reports them as unmapped', () => {
    const odd = EbayReturn.parse({
      ...(members[1] as object),
      state: 'RETURN_ON_HOLD',
      creationInfo: { ...(members[1] as { creationInfo: object }).creationInfo, reason: 'ALIEN_ABDUCTION' },
    });
    const converted = convertEbayReturn(odd, { site: 'ebay.com' });
    expect(converted.unmapped).toEqual(['status:RETURN_ON_HOLD', 'reason:ALIEN_ABDUCTION']);
    expect(converted.record).toMatchObject({
      status: 'requested',
      rawStatus: 'RETURN_ON_HOLD',
      reason: 'other',
      reasonSource: 'fallback',
      rawReason: 'ALIEN_ABDUCTION',
    });
  });

  it('rejects a record without its id or creation date (the sync skips and counts it)', () => {
    expect(EbayReturn.safeParse({ orderId: 'x', creationInfo: {} }).success).toBe(false);
  });
});

describe('eBay orders', () => {
  it('turns an order into our order, its lines and the listing ↔ SKU pairs', () => {
    const [raw] = EbayOrderPage.parse(fixture('ebay-orders.json')).orders ?? [];
    const { order, skus } = convertEbayOrder(EbayOrder.parse(raw));
    expect(order).toMatchObject({
      platformOrderId: '12-10934-55231',
      orderedAt: new Date('2025-04-25T14:03:11.000Z'),
      rawStatus: 'FULFILLED',
      currency: 'USD',
      totalMinor: 2499n,
      lines: [{ platformLineId: '10052341234001', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 2499n, currency: 'USD' }],
    });
    expect(skus).toEqual([{ platformListingId: '256789012345', sellerSku: 'TS-BLK-M', title: 'Crew T-Shirt Black M' }]);
  });
});

describe('eBay payment disputes', () => {
  it('become chargebacks with their deadline; an open one needs the seller', () => {
    const [open, closed] = (EbayDisputePage.parse(fixture('ebay-payment-disputes.json')).paymentDisputeSummaries ?? []).map((d) =>
      convertEbayDispute(EbayPaymentDispute.parse(d)),
    );
    expect(open?.unmapped).toEqual([]);
    expect(open?.record).toMatchObject({
      kind: 'chargeback',
      platformCaseId: '5098765432',
      type: 'refund_only',
      status: 'escalated',
      rawStatus: 'ACTION_NEEDED',
      reason: 'not_received',
      platformOrderId: '12-10934-55231',
      requestedAt: new Date('2025-05-06T08:30:00.000Z'),
      respondBy: new Date('2025-05-16T08:30:00.000Z'),
      requestedMinor: 2499n,
      lines: [],
    });
    expect(closed?.record).toMatchObject({ status: 'completed', reason: 'fraud_unauthorized', closedAt: new Date('2025-04-20T10:00:00.000Z') });
  });
});
