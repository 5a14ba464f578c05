import type { CaseKind, CaseStatus, Reason } from '../../../domain/taxonomy.ts';
import { fromMinor } from '../../money.ts';
import { demoSku } from '../../sandbox/demo-catalog.ts';
import type { TruthCase, TruthOrder } from '../../sandbox/demo-scenario.ts';
import { hashString } from '../../sandbox/prng.ts';

// How Wish would say each unified reason, and what a correct connector makes of it. Wish has one
// code for every size problem, none for buyer's remorse about price or a mistaken order, and an
// order's refunds carry no words of the buyer.
const REFUND_REASONS: Readonly<Record<Reason, readonly [code: string, expected: Reason]>> = {
  size_too_small: ['ITEM_DOES_NOT_FIT', 'size_fit'],
  size_too_large: ['ITEM_DOES_NOT_FIT', 'size_fit'],
  size_fit: ['ITEM_DOES_NOT_FIT', 'size_fit'],
  quality_defective: ['ITEM_IS_POOR_QUALITY', 'quality_defective'],
  not_as_described: ['ITEM_DOES_NOT_MATCH_LISTING', 'not_as_described'],
  damaged_in_transit: ['ITEM_IS_DAMAGED', 'damaged_in_transit'],
  wrong_item: ['RECEIVED_WRONG_ITEM', 'wrong_item'],
  missing_parts: ['INCOMPLETE_ORDER', 'missing_parts'],
  no_longer_needed: ['ITEM_DID_NOT_MEET_EXPECTATIONS', 'no_longer_needed'],
  ordered_by_mistake: ['RECEIVED_NOTE_FROM_MERCHANT', 'other'],
  better_price: ['RECEIVED_NOTE_FROM_MERCHANT', 'other'],
  arrived_late: ['SHIPPING_TAKING_TOO_LONG', 'arrived_late'],
  not_received: ['ITEM_MARKED_DELIVERED_BUT_DID_NOT_ARRIVE', 'not_received'],
  counterfeit: ['ITEM_IS_COUNTERFEIT', 'counterfeit'],
  fraud_unauthorized: ['MERCHANT_REPORTED_BUYER_FRAUD', 'fraud_unauthorized'],
  seller_cannot_fulfil: ['UNABLE_TO_SHIP', 'seller_cannot_fulfil'],
  other: ['MERCHANT_REPORTED_ORDER', 'other'],
};

// A ticket's refund_reason (the Ticket schema's own enum).
const TICKET_REASONS: Readonly<Record<Reason, readonly [code: string, expected: Reason]>> = {
  ...REFUND_REASONS,
  quality_defective: ['ITEM_DOES_NOT_WORK_AS_DESCRIBED', 'not_as_described'],
  no_longer_needed: ['USER_NO_LONGER_WANTS_ITEM', 'no_longer_needed'],
  ordered_by_mistake: ['USER_PLACED_ORDER_BY_MISTAKE', 'ordered_by_mistake'],
  not_received: ['ITEM_NEVER_ARRIVED', 'not_received'],
  other: ['OTHER', 'other'],
};

// A ticket's state says who acts next; a refused or withdrawn ticket is simply closed.
const TICKET_STATES: Readonly<Record<CaseStatus, { state: string; closedBy?: string; expected: CaseStatus }>> = {
  requested: { state: 'AWAITING_MERCHANT', expected: 'requested' },
  approved: { state: 'AWAITING_USER', expected: 'approved' },
  escalated: { state: 'AWAITING_WISH', expected: 'escalated' },
  completed: { state: 'CLOSED', closedBy: 'MERCHANT', expected: 'completed' },
  rejected: { state: 'PERMANENTLY_CLOSED', closedBy: 'WISH_SUPPORT', expected: 'completed' },
  cancelled: { state: 'CLOSED', closedBy: 'USER', expected: 'completed' },
};

/**
 * What a correct Wish connector makes of a demo case, or null when Wish cannot show it: Wish has
 * no refund requests, only refunds made, so a refund not (yet) paid is invisible.
 */
export function wishExpected(c: TruthCase): { kind: CaseKind; status: CaseStatus; reason: Reason } | null {
  if (c.kind === 'refund')
    return c.status === 'completed' && c.refundedAt ? { kind: 'refund', status: 'completed', reason: REFUND_REASONS[c.reason][1] } : null;
  if (c.kind === 'inquiry') return { kind: 'inquiry', status: TICKET_STATES[c.status].expected, reason: TICKET_REASONS[c.reason][1] };
  return null;
}

/** Whether a demo refund shows on its Wish order (it was paid). */
export const isWishRefund = (c: TruthCase) => c.kind === 'refund' && c.status === 'completed' && c.refundedAt !== null;

/** Line k (from 0) of demo order j as a Wish key: a Wish order is one product, so each line is an order. */
export const lineKey = (j: number, k: number) => j * 4 + k;
export const lineOfCase = (c: TruthCase) => Number(c.line.lineId.split('-')[1]) - 1;

/** The Wish order id of a demo order's line: 24 hex digits (an object id), increasing with (order, line). */
export function wishOrderId(order: TruthOrder, k: number): string {
  return `5e8c${order.platformOrderId.slice(4, 12)}${lineKey(order.index, k).toString(16).padStart(12, '0')}`;
}

/** A fixed 24-hex-digit object id for a text, as Wish's ids are. */
const objectId = (prefix: string, text: string) => `${prefix}${hashString(text).toString(16).padStart(8, '0')}`.padEnd(24, '0');
export const wishProductId = (sellerSku: string) => objectId('60', `wish:product:${sellerSku}`);
const wishVariationId = (sellerSku: string) => objectId('61', `wish:variation:${sellerSku}`);

/** When a Wish order last changed: its release, or its last refund. */
export function wishOrderUpdatedAt(order: TruthOrder, refunds: readonly TruthCase[]): number {
  return Math.max(order.orderedAt.getTime(), ...refunds.map((r) => r.refundedAt?.getTime() ?? 0));
}

/** When a ticket last changed: what `updated_at_min` filters on. */
export function wishTicketUpdatedAt(c: TruthCase): number {
  return (c.closedAt ?? c.decidedAt ?? c.requestedAt).getTime();
}

const money = (minor: number, currency: string) => ({ amount: Number(fromMinor(minor, currency)), currency_code: currency });

/** Line k of a demo order as Wish lists it (`GET /api/v3/orders`), with the paid refunds on that line. */
export function renderWishOrder(order: TruthOrder, k: number, refunds: readonly TruthCase[]): Record<string, unknown> {
  const line = order.lines[k];
  if (!line) throw new Error(`demo order ${order.index} has no line ${k}`);
  const sku = demoSku(line.sellerSku);
  const refunded = refunds.reduce((s, r) => s + (r.refundedMinor ?? 0), 0);
  const released = order.orderedAt.toISOString();
  return {
    id: wishOrderId(order, k),
    transaction_id: order.platformOrderId,
    state: refunds.length > 0 && refunded >= line.amountMinor ? 'REFUNDED' : 'SHIPPED',
    released_at: released,
    updated_at: new Date(wishOrderUpdatedAt(order, refunds)).toISOString(),
    product_information: {
      id: wishProductId(sku.sellerSku),
      variation_id: wishVariationId(sku.sellerSku),
      sku: sku.sellerSku,
      name: sku.title,
      ...(sku.size ? { size: sku.size } : {}),
      ...(sku.color ? { color: sku.color } : {}),
    },
    order_payment: {
      general_payment_details: {
        product_quantity: line.quantity,
        product_price: money(line.amountMinor / line.quantity, order.currency),
        payment_total: money(Math.round(line.amountMinor * 0.85), order.currency),
      },
    },
    fulfillment_records: [{ event_type: 'ORDER_RELEASED', event_time: released }],
    fulfillment_order_types: [],
    refunds: [...refunds]
      .sort((a, b) => (a.refundedAt?.getTime() ?? 0) - (b.refundedAt?.getTime() ?? 0) || a.index - b.index)
      .map((r) => {
        const [code] = REFUND_REASONS[r.reason];
        return {
          refund_time: r.refundedAt?.toISOString(),
          refund_amount: money(r.refundedMinor ?? 0, r.currency),
          merchant_responsible_amount: money(r.refundedMinor ?? 0, r.currency),
          refund_reason: code,
          refund_source: code === 'UNABLE_TO_SHIP' ? 'MERCHANT' : 'CUSTOMER',
        };
      }),
  };
}

const OPENING_WORDS: Partial<Record<Reason, string>> = {
  not_received: 'Where is my order? It has not arrived.',
  arrived_late: 'My order is taking too long to ship.',
};

/** A demo inquiry as a Wish customer ticket (`GET /api/v3/tickets`). */
export function renderWishTicket(c: TruthCase): Record<string, unknown> {
  const state = TICKET_STATES[c.status];
  const [code] = TICKET_REASONS[c.reason];
  const replies: Record<string, unknown>[] = [
    { message: c.customerText ?? OPENING_WORDS[c.reason] ?? 'I have a question about my order.', replied_at: c.requestedAt.toISOString(), sender: 'USER' },
  ];
  if (c.decidedAt) replies.push({ message: 'Thank you for your patience, we are looking into it.', replied_at: c.decidedAt.toISOString(), sender: 'MERCHANT' });
  return {
    id: c.platformCaseId,
    type: 'ORDER',
    sub_label: code,
    subject: c.reason === 'arrived_late' ? 'Shipping is taking too long' : 'Item not received',
    state: state.state,
    opened_at: c.requestedAt.toISOString(),
    updated_at: new Date(wishTicketUpdatedAt(c)).toISOString(),
    resolution_info: state.closedBy && c.closedAt ? { closed_at: c.closedAt.toISOString(), closed_by: state.closedBy } : {},
    orders: [{ id: wishOrderId(c.order, lineOfCase(c)) }],
    products: [{ id: wishProductId(c.line.sellerSku) }],
    buyer_info: { locale: 'en' },
    replies,
    merchant_id: '5d30f60e0a6fc464f4f376b0',
    refund_reason: code,
  };
}
