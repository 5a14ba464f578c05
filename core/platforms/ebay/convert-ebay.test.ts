import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertEbayCancellation } from './convert-ebay-cancellation.ts';
import { convertEbayDispute } from './convert-ebay-dispute.ts';
import { convertEbayCase, convertEbayInquiry } from './convert-ebay-inquiry.ts';
import { convertEbayOrder } from './convert-ebay-order.ts';
import { convertEbayReturn } from './convert-ebay-return.ts';
import {
  EbayCancellation,
  EbayCancellationPage,
  EbayCase,
  EbayCasePage,
  EbayDisputePage,
  EbayInquiry,
  EbayInquiryPage,
  EbayOrder,
  EbayOrderPage,
  EbayPaymentDispute,
  EbayReturn,
  EbayReturnPage,
} from './ebay-schemas.ts';

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

describe('eBay INR inquiries', () => {
  const [open, closed] = (EbayInquiryPage.parse(fixture('ebay-inquiry-search.json')).members ?? []).map((m) =>
    convertEbayInquiry(EbayInquiry.parse(m), { site: 'ebay.com' }),
  );

  it('an inquiry waiting for the seller is a requested "not received" case on the listing, with its deadline', () => {
    expect(open?.unmapped).toEqual([]);
    expect(open?.record).toMatchObject({
      kind: 'inquiry',
      platformCaseId: '5200112233',
      type: 'refund_only',
      status: 'requested',
      rawStatus: 'WAITING_SELLER_RESPONSE',
      reason: 'not_received',
      rawReason: 'ITEM_NOT_RECEIVED',
      reasonSource: 'platform',
      platformOrderId: null,
      requestedAt: new Date('2025-05-08T09:15:00.000Z'),
      closedAt: null,
      respondBy: new Date('2025-05-11T09:15:00.000Z'),
      currency: 'USD',
      requestedMinor: 2499n,
      lines: [{ lineKey: '2345678901001', platformListingId: '256789012345', sellerSku: null, quantity: 1, amountMinor: 2499n, currency: 'USD' }],
    });
    expect(JSON.stringify(open?.record, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain('jane_b');
  });

  it('a closed inquiry is completed when it last changed; string ids read the same as numbers', () => {
    expect(closed?.record).toMatchObject({
      platformCaseId: '5200112299',
      status: 'completed',
      closedAt: new Date('2025-04-25T16:30:00.000Z'),
      respondBy: null,
      requestedMinor: 3950n,
      lines: [{ lineKey: '2345678955001', platformListingId: '256789099999' }],
    });
  });

  it('an unknown inquiry status is kept raw and reported; a record without its id is refused', () => {
    const odd = convertEbayInquiry(EbayInquiry.parse({ inquiryId: 1, inquiryStatusEnum: 'ON_APPEAL', creationDate: { value: '2025-05-01T00:00:00Z' } }), {
      site: 'ebay.com',
    });
    expect(odd.unmapped).toEqual(['status:ON_APPEAL']);
    expect(odd.record).toMatchObject({ status: 'requested', rawStatus: 'ON_APPEAL', lines: [{ lineKey: '1', sellerSku: 'ebay-inquiry-1' }] });
    expect(EbayInquiry.safeParse({ inquiryStatusEnum: 'OPEN', creationDate: { value: '2025-05-01T00:00:00Z' } }).success).toBe(false);
  });
});

describe('eBay Money Back Guarantee cases', () => {
  const [open, closed] = (EbayCasePage.parse(fixture('ebay-case-search.json')).members ?? []).map((m) =>
    convertEbayCase(EbayCase.parse(m), { site: 'ebay.com' }),
  );

  it('an open case is an escalated claim with the seller’s response deadline; the summary gives no reason', () => {
    expect(open?.unmapped).toEqual([]);
    expect(open?.record).toMatchObject({
      kind: 'claim',
      platformCaseId: '5100445566',
      status: 'escalated',
      rawStatus: 'WAITING_CS',
      reason: 'other',
      rawReason: null,
      reasonSource: 'fallback',
      platformOrderId: null,
      requestedAt: new Date('2025-05-12T11:00:00.000Z'),
      respondBy: new Date('2025-05-15T11:00:00.000Z'),
      closedAt: null,
      requestedMinor: 2499n,
      lines: [{ lineKey: '2345678901001', platformListingId: '256789012345', quantity: 1 }],
    });
  });

  it('a closed case is completed, without a deadline', () => {
    expect(closed?.record).toMatchObject({ status: 'completed', respondBy: null, closedAt: new Date('2025-04-09T12:00:00.000Z'), requestedMinor: 3950n });
  });

  it('reads caseType when eBay sends it: an INR case is "not received"', () => {
    const inr = convertEbayCase(EbayCase.parse({ caseId: '9', caseType: 'ITEM_NOT_RECEIVED', creationDate: { value: '2025-05-01T00:00:00Z' } }), {
      site: 'ebay.com',
    });
    expect(inr.record).toMatchObject({ reason: 'not_received', rawReason: 'ITEM_NOT_RECEIVED', reasonSource: 'platform', status: 'escalated' });
  });
});

describe('eBay cancellations', () => {
  const [asked, refunded] = (EbayCancellationPage.parse(fixture('ebay-cancellation-search.json')).cancellations ?? []).map((c) =>
    convertEbayCancellation(EbayCancellation.parse(c), { site: 'ebay.com' }),
  );

  it('a buyer’s request waiting for the seller: requested, on its order, with the seller’s deadline', () => {
    expect(asked?.unmapped).toEqual([]);
    expect(asked?.record).toMatchObject({
      kind: 'cancellation',
      platformCaseId: '5000000123',
      type: 'refund_only',
      status: 'requested',
      rawStatus: 'CANCEL_REQUESTED',
      reason: 'ordered_by_mistake',
      rawReason: 'ORDER_MISTAKE',
      reasonSource: 'platform',
      platformOrderId: '12-10934-55231',
      requestedAt: new Date('2025-04-25T18:00:00.000Z'),
      respondBy: new Date('2025-04-28T18:00:00.000Z'),
      closedAt: null,
      requestedMinor: 2499n,
      refundedMinor: null,
      lines: [{ lineKey: '2345678901001', platformListingId: '256789012345', sellerSku: null, quantity: 1, amountMinor: 2499n, currency: 'USD' }],
    });
  });

  it('closed with a refund: completed and refunded at the close; no line items means no case lines', () => {
    expect(refunded?.record).toMatchObject({
      status: 'completed',
      reason: 'seller_cannot_fulfil',
      platformOrderId: '03-11877-40012',
      closedAt: new Date('2025-04-19T10:00:00.000Z'),
      refundedAt: new Date('2025-04-19T10:00:00.000Z'),
      refundedMinor: 3950n,
      respondBy: null,
      lines: [],
    });
  });

  it('an unknown cancel reason or status is kept raw and reported', () => {
    const odd = convertEbayCancellation(
      EbayCancellation.parse({ cancelId: 'x1', cancelStatus: 'CANCEL_ON_HOLD', cancelReason: 'ALIENS', cancelRequestDate: { value: '2025-05-01T00:00:00Z' } }),
      { site: 'ebay.com' },
    );
    expect(odd.unmapped).toEqual(['status:CANCEL_ON_HOLD', 'reason:ALIENS']);
    expect(odd.record).toMatchObject({ status: 'requested', reason: 'other', reasonSource: 'fallback', rawReason: 'ALIENS' });
    expect(EbayCancellation.safeParse({ cancelId: null, cancelRequestDate: 'yesterday' }).success).toBe(false);
  });
});
