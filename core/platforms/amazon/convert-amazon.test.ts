import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../testing/read-fixture.ts';
import { AmazonOrder, AmazonOrderRow, AmazonReturnRow, FinancialEventsPage, OrderItemsPage, OrdersPage, ShipmentEvent } from './amazon-schemas.ts';
import { amazonBaseUrl, amazonDeepLink, amazonRegion } from './amazon-spec.ts';
import { parseTsv } from './amazon-tsv.ts';
import { convertAmazonCancellation } from './convert-amazon-cancellation.ts';
import { convertFinancialEvent, financeCaseId } from './convert-amazon-finance.ts';
import { convertAmazonOrderRows, groupOrderRows } from './convert-amazon-order.ts';
import { convertAmazonReturn } from './convert-amazon-return.ts';

const fixture = (name: string) => readFixture(import.meta.url, name);
const tsv = (name: string) => parseTsv(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const us = { marketplaceId: 'ATVPDKIKX0DER' };

describe('Amazon MFN returns report', () => {
  const rows = tsv('amazon-returns-report.tsv');
  const [small, claimed, refunded] = rows.map((r) => convertAmazonReturn(AmazonReturnRow.parse(r), us));

  it('reads the flat file by its header (CRLF lines, empty cells left out)', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ 'Order ID': '113-4410283-1592231', 'Return Reason': 'AMZ-PG-APP-TOO-SMALL', 'Order Amount': '19.99' });
    expect(rows[0]).not.toHaveProperty('Refunded Amount');
    expect(rows[2]?.['Refunded Amount']).toBe('39.98');
  });

  it('an approved return without a refund is approved; AMZ-PG-APP-TOO-SMALL is too small', () => {
    expect(small?.unmapped).toEqual([]);
    expect(small?.record).toHaveLength(1);
    expect(small?.record[0]).toMatchObject({
      kind: 'return',
      platformCaseId: 'DJ1XPkq5RRMA',
      type: 'return_and_refund',
      status: 'approved',
      rawStatus: 'Approved',
      reason: 'size_too_small',
      rawReason: 'AMZ-PG-APP-TOO-SMALL',
      reasonSource: 'platform',
      platformOrderId: '113-4410283-1592231',
      requestedAt: new Date('2025-04-11'),
      closedAt: null,
      refundedMinor: null,
      requestedMinor: 1999n,
      deepLink: 'https://sellercentral.amazon.com/gp/returns/list/v2?searchType=orderId&keywordSearch=113-4410283-1592231',
      lines: [{ lineKey: 'TS-BLK-M', sellerSku: 'TS-BLK-M', platformListingId: 'B07XJ8C8F5', quantity: 1, amountMinor: 1999n, currency: 'USD' }],
    });
  });

  it('an A-to-Z Claim on a return escalates it and adds the open claim, keyed by the order', () => {
    const [ret, claim] = claimed?.record ?? [];
    expect(ret).toMatchObject({
      kind: 'return',
      status: 'escalated',
      rawStatus: 'Approved (A-to-Z Claim)',
      reason: 'quality_defective',
      rawReason: 'CR-DEFECTIVE',
    });
    expect(claim).toMatchObject({
      kind: 'claim',
      platformCaseId: '114-0283317-5529042:claim',
      status: 'escalated',
      rawStatus: 'A-to-Z Claim',
      reason: 'other',
      reasonSource: 'fallback',
      requestedMinor: 1450n,
      deepLink: 'https://sellercentral.amazon.com/gp/guarantee-claims/home.html?orderId=114-0283317-5529042',
    });
  });

  it('a refunded amount completes the return; an unknown reason code is kept raw and counted', () => {
    expect(refunded?.unmapped).toEqual(['reason:CR-SOMETHING_NEW']);
    expect(refunded?.record[0]).toMatchObject({
      status: 'completed',
      reason: 'other',
      rawReason: 'CR-SOMETHING_NEW',
      reasonSource: 'fallback',
      refundedMinor: 3998n,
      refundedAt: new Date('2025-04-03'),
      closedAt: new Date('2025-04-03'),
      lines: [{ sellerSku: 'TS-WHT-L', quantity: 2, amountMinor: 3998n }],
    });
  });

  it('a row without an RMA id or a readable date does not parse (it is skipped)', () => {
    expect(AmazonReturnRow.safeParse({ ...rows[0], 'Amazon RMA ID': '' }).success).toBe(false);
    expect(AmazonReturnRow.safeParse({ ...rows[0], 'Return request date': 'n/a' }).success).toBe(false);
  });
});

describe('Amazon all-orders report', () => {
  it('groups item rows into orders with their lines and the ASIN ↔ SKU pairs', () => {
    const groups = groupOrderRows(tsv('amazon-orders-report.tsv').map((r) => AmazonOrderRow.parse(r)));
    const [first, cancelled] = groups.map(convertAmazonOrderRows);
    expect(first?.order).toEqual({
      platformOrderId: '113-4410283-1592231',
      orderedAt: new Date('2025-04-02T18:22:31Z'),
      rawStatus: 'Shipped',
      currency: 'USD',
      totalMinor: 4899n,
      lines: [
        { platformLineId: 'TS-BLK-M', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 1999n, currency: 'USD' },
        { platformLineId: 'MUG-12OZ', sellerSku: 'MUG-12OZ', quantity: 2, amountMinor: 2900n, currency: 'USD' },
      ],
    });
    expect(first?.skus).toEqual([
      { platformListingId: 'B07XJ8C8F5', sellerSku: 'TS-BLK-M' },
      { platformListingId: 'B08MUG12OZ', sellerSku: 'MUG-12OZ' },
    ]);
    expect(cancelled?.order).toMatchObject({ platformOrderId: '114-0283317-5529042', rawStatus: 'Cancelled', totalMinor: 1450n });
  });
});

describe('Amazon financial events', () => {
  const events = FinancialEventsPage.parse(fixture('amazon-financial-events.json')).payload.FinancialEvents;
  const one = (list: unknown[] | null | undefined) => ShipmentEvent.parse(list?.[0]);

  it('a refund event is a completed refund of its Principal (tax aside), as positive minor units', () => {
    const { record } = convertFinancialEvent(one(events.RefundEventList), 'refund', us);
    expect(record).toMatchObject({
      kind: 'refund',
      platformCaseId: '113-4410283-1592231:refund:53621712345678',
      type: 'refund_only',
      status: 'completed',
      rawStatus: 'RefundEvent',
      reason: 'other',
      platformOrderId: '113-4410283-1592231',
      requestedAt: new Date('2025-04-14T08:12:03Z'),
      refundedAt: new Date('2025-04-14T08:12:03Z'),
      refundedMinor: 1999n,
      currency: 'USD',
      deepLink: 'https://sellercentral.amazon.com/orders-v3/order/113-4410283-1592231',
      lines: [{ lineKey: '53621712345678', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 1999n, currency: 'USD' }],
    });
  });

  it('a guarantee claim event is the granted A-to-z claim of its order (the same case as the open claim)', () => {
    const { record } = convertFinancialEvent(one(events.GuaranteeClaimEventList), 'claim', us);
    expect(record).toMatchObject({ kind: 'claim', platformCaseId: '114-0283317-5529042:claim', status: 'completed', refundedMinor: 1450n });
  });

  it('a chargeback credited back to the seller is rejected', () => {
    const { record } = convertFinancialEvent(one(events.ChargebackEventList), 'chargeback', us);
    expect(record).toMatchObject({
      kind: 'chargeback',
      status: 'rejected',
      rawStatus: 'ChargebackEvent (reversal)',
      requestedMinor: 3998n,
      refundedMinor: null,
      refundedAt: null,
      deepLink: 'https://sellercentral.amazon.com/gp/chargebacks/home.html?orderId=111-9988776-1234567',
    });
  });

  it('an event without adjustment item ids is keyed by its posted date', () => {
    const event = ShipmentEvent.parse({ AmazonOrderId: '113-1', PostedDate: '2025-04-14T08:12:03Z', ShipmentItemAdjustmentList: [] });
    expect(financeCaseId(event, 'chargeback')).toBe('113-1:chargeback:2025-04-14T08:12:03.000Z');
    expect(ShipmentEvent.safeParse({ AmazonOrderId: null, PostedDate: 'n/a' }).success).toBe(false);
  });
});

describe('Amazon cancelled orders', () => {
  const [buyer, seller] = (OrdersPage.parse(fixture('amazon-orders-canceled.json')).payload.Orders ?? []).map((o) => AmazonOrder.parse(o));
  const items = OrderItemsPage.parse(fixture('amazon-order-items.json')).payload.OrderItems;

  it('a buyer-requested cancellation takes its reason from the buyer’s words', () => {
    if (!buyer) throw new Error('fixture');
    const { record, unmapped } = convertAmazonCancellation(buyer, items, us);
    expect(unmapped).toEqual([]);
    expect(record).toMatchObject({
      kind: 'cancellation',
      platformCaseId: '114-0283317-5529042',
      status: 'completed',
      rawStatus: 'Canceled',
      reason: 'ordered_by_mistake',
      reasonSource: 'text',
      rawReason: 'Order placed by mistake',
      customerText: 'Order placed by mistake',
      requestedAt: new Date('2025-04-05T08:00:00Z'),
      closedAt: new Date('2025-04-05T08:00:00Z'),
      requestedMinor: null,
      lines: [{ lineKey: '68828574383266', sellerSku: 'MUG-12OZ', platformListingId: 'B08MUG12OZ', quantity: 1, amountMinor: 1450n, currency: 'USD' }],
    });
  });

  it('an order cancelled without a buyer request is the seller unable to fulfil; an unknown status is counted', () => {
    if (!seller) throw new Error('fixture');
    expect(convertAmazonCancellation(seller, [], us).record).toMatchObject({
      reason: 'seller_cannot_fulfil',
      reasonSource: 'platform',
      rawReason: 'not buyer-requested',
      requestedMinor: 4500n,
    });
    expect(convertAmazonCancellation({ ...seller, OrderStatus: 'OnHold' }, [], us).unmapped).toEqual(['status:OnHold']);
  });
});

describe('Amazon marketplaces', () => {
  it('picks the regional host and the Seller Central site of a marketplace', () => {
    expect(amazonBaseUrl(amazonRegion('ATVPDKIKX0DER'))).toBe('https://sellingpartnerapi-na.amazon.com');
    expect(amazonBaseUrl(amazonRegion('A1PA6795UKMFR9'))).toBe('https://sellingpartnerapi-eu.amazon.com');
    expect(amazonBaseUrl(amazonRegion('A1VC38T7YXB528'))).toBe('https://sellingpartnerapi-fe.amazon.com');
    expect(amazonDeepLink('A1PA6795UKMFR9', 'order', '302-1-2')).toBe('https://sellercentral.amazon.de/orders-v3/order/302-1-2');
  });
});
