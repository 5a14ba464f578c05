import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { readFixture } from '../../testing/read-fixture.ts';
import { convertRecords } from '../convert-records.ts';
import { convertWishOrder } from './convert-wish-order.ts';
import { convertWishTicket } from './convert-wish-ticket.ts';
import { WishEnvelope, WishOrder, WishTicket } from './wish-schemas.ts';

const data = (name: string) => WishEnvelope.parse(readFixture(import.meta.url, name)).data as unknown[];
const context = { log: createSilentLogger(), store: 'wish-main', resource: 'test' };

describe('Wish orders', () => {
  const converted = convertRecords(data('wish-orders.json'), WishOrder, convertWishOrder, context);
  const [refunded, partial, onHold] = converted.records;

  it('a Wish order is one line of one product; its product id names the SKU; no buyer data is kept', () => {
    expect(refunded?.order).toEqual({
      platformOrderId: '5e8b1f0c2a3b4c0001a1b2c3',
      orderedAt: new Date('2025-04-20T08:00:00.000Z'),
      rawStatus: 'REFUNDED',
      currency: 'USD',
      totalMinor: 999n,
      lines: [{ platformLineId: '5e8b1f0c2a3b4c0001a1b2c3', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 999n, currency: 'USD' }],
    });
    expect(refunded?.skus).toEqual([
      { platformListingId: '5d1a2b3c4d5e6f0001a1b2c3', sellerSku: 'TS-BLK-M', title: 'Crew T-Shirt', size: 'M', color: 'black' },
    ]);
    expect(partial?.order).toMatchObject({ totalMinor: 2500n, lines: [{ quantity: 2, amountMinor: 2500n }] });
  });

  it('each refund is a completed refund case at its refund_time; ITEM_DOES_NOT_FIT is a size problem of unknown direction', () => {
    expect(refunded?.refunds).toEqual([
      {
        kind: 'refund',
        platformCaseId: '5e8b1f0c2a3b4c0001a1b2c3:refund:1',
        type: 'refund_only',
        status: 'completed',
        rawStatus: 'REFUNDED',
        reason: 'size_fit',
        rawReason: 'ITEM_DOES_NOT_FIT',
        customerText: null,
        reasonSource: 'platform',
        platformOrderId: '5e8b1f0c2a3b4c0001a1b2c3',
        requestedAt: new Date('2025-05-02T03:04:05.000Z'),
        closedAt: new Date('2025-05-02T03:04:05.000Z'),
        refundedAt: new Date('2025-05-02T03:04:05.000Z'),
        currency: 'USD',
        requestedMinor: 999n,
        refundedMinor: 999n,
        deepLink: 'https://merchant.wish.com/order/5e8b1f0c2a3b4c0001a1b2c3',
        lines: [{ lineKey: '5e8b1f0c2a3b4c0001a1b2c3', sellerSku: 'TS-BLK-M', quantity: 1, amountMinor: 999n, currency: 'USD' }],
      },
    ]);
  });

  it('several refunds of one order are numbered by time, whatever order Wish lists them in; an unknown reason is kept and counted', () => {
    expect(partial?.refunds.map((r) => [r.platformCaseId, r.refundedMinor, r.reason, r.rawReason, r.reasonSource])).toEqual([
      ['5e8b1f0c2a3b4c0001a1b2d4:refund:1', 300n, 'other', 'ITEM_LOST_IN_SPACE', 'fallback'],
      ['5e8b1f0c2a3b4c0001a1b2d4:refund:2', 1250n, 'damaged_in_transit', 'ITEM_IS_DAMAGED', 'platform'],
    ]);
    expect(partial?.refunds.every((r) => r.status === 'completed' && r.rawStatus === 'SHIPPED')).toBe(true);
    expect(onHold?.refunds).toEqual([]);
    expect(onHold?.order.rawStatus).toBe('ON_HOLD');
    expect(converted.unmapped).toEqual({ 'reason:ITEM_LOST_IN_SPACE': 1, 'state:ON_HOLD': 1 });
  });

  it('a record without a readable id is skipped and counted, the page carries on', () => {
    expect(converted.records).toHaveLength(3);
    expect(converted.skipped).toBe(1);
  });
});

describe('Wish tickets', () => {
  const converted = convertRecords(data('wish-tickets.json'), WishTicket, (t) => convertWishTicket(t, { currency: 'USD' }), context);
  const [open, closed, odd] = converted.records;

  it('a ticket awaiting the merchant is a requested inquiry; its reason, order, product and the buyer’s words are kept', () => {
    expect(open).toEqual({
      kind: 'inquiry',
      platformCaseId: '5f1a2b3c4d5e6f0001a1b2c3',
      type: 'refund_only',
      status: 'requested',
      rawStatus: 'AWAITING_MERCHANT',
      reason: 'not_received',
      rawReason: 'ITEM_NEVER_ARRIVED',
      customerText: 'Package never arrived',
      reasonSource: 'platform',
      platformOrderId: '5e8b1f0c2a3b4c0001a1b2c3',
      requestedAt: new Date('2025-05-06T09:00:00.000Z'),
      decidedAt: null,
      closedAt: null,
      currency: 'USD',
      deepLink: 'https://merchant.wish.com/ticket/5f1a2b3c4d5e6f0001a1b2c3',
      lines: [{ lineKey: '5e8b1f0c2a3b4c0001a1b2c3', platformListingId: '5d1a2b3c4d5e6f0001a1b2c3', sellerSku: null, quantity: 1, currency: 'USD' }],
    });
  });

  it('a closed ticket is completed at closed_at; reason OTHER takes the reason from the buyer’s first message (Chinese too)', () => {
    expect(closed).toMatchObject({
      status: 'completed',
      rawStatus: 'CLOSED',
      reason: 'size_too_small',
      rawReason: 'OTHER',
      reasonSource: 'text',
      customerText: '偏小，建议买大一码',
      decidedAt: new Date('2025-05-02T10:00:00.000Z'),
      closedAt: new Date('2025-05-04T12:00:00.000Z'),
    });
  });

  it('an unknown state falls back to requested and is counted; a ticket without an order or product still gets a line', () => {
    expect(odd).toMatchObject({ status: 'requested', rawStatus: 'AWAITING_SOMEONE', reason: 'other', reasonSource: 'fallback', platformOrderId: null });
    expect(odd?.lines).toEqual([
      { lineKey: '5f1a2b3c4d5e6f0001a1b2e5', platformListingId: null, sellerSku: 'wish-ticket-5f1a2b3c4d5e6f0001a1b2e5', quantity: 1, currency: 'USD' },
    ]);
    expect(converted.unmapped).toEqual({ 'status:AWAITING_SOMEONE': 1 });
  });
});
