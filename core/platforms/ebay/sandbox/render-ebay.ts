import type { Reason } from '../../../domain/taxonomy.ts';
import { fromMinor } from '../../money.ts';
import { demoListingId } from '../../sandbox/demo-catalog.ts';
import type { TruthCase, TruthOrder } from '../../sandbox/demo-scenario.ts';

// How eBay would say each unified reason. eBay has no code for the direction of a size problem
// (only WRONG_SIZE), so the buyer's comment carries it, as on the real site.
const REASON_CODES: Readonly<Record<Reason, string>> = {
  size_too_small: 'WRONG_SIZE',
  size_too_large: 'WRONG_SIZE',
  size_fit: 'WRONG_SIZE',
  quality_defective: 'DEFECTIVE_ITEM',
  not_as_described: 'NOT_AS_DESCRIBED',
  damaged_in_transit: 'ARRIVED_DAMAGED',
  wrong_item: 'ORDERED_DIFFERENT_ITEM',
  missing_parts: 'MISSING_PARTS',
  no_longer_needed: 'NO_LONGER_NEED_ITEM',
  ordered_by_mistake: 'ORDERED_ACCIDENTALLY',
  better_price: 'FOUND_BETTER_PRICE',
  arrived_late: 'ARRIVED_LATE',
  not_received: 'OTHER',
  counterfeit: 'FAKE_OR_COUNTERFEIT',
  fraud_unauthorized: 'OTHER',
  seller_cannot_fulfil: 'OUT_OF_STOCK',
  other: 'OTHER',
};

const STATES: Readonly<Record<TruthCase['status'], string>> = {
  requested: 'RETURN_REQUESTED',
  approved: 'ITEM_SHIPPED',
  rejected: 'RETURN_REJECTED',
  completed: 'CLOSED',
  cancelled: 'CLOSED',
  escalated: 'ESCALATED',
};

const money = (minor: number, currency: string) => ({ value: Number(fromMinor(minor, currency)), currency });
const iso = (d: Date | null) => (d ? { value: d.toISOString() } : undefined);

/** A Fulfillment API order, as `GET /sell/fulfillment/v1/order` lists it. */
export function renderEbayOrder(order: TruthOrder): Record<string, unknown> {
  return {
    orderId: order.platformOrderId,
    legacyOrderId: `${order.index}-${order.index}`,
    creationDate: order.orderedAt.toISOString(),
    lastModifiedDate: order.orderedAt.toISOString(),
    orderFulfillmentStatus: 'FULFILLED',
    orderPaymentStatus: 'PAID',
    buyer: { username: `buyer_${(order.index * 2654435761) % 99991}` },
    pricingSummary: { total: { value: fromMinor(order.totalMinor, order.currency), currency: order.currency } },
    lineItems: order.lines.map((l) => ({
      lineItemId: `${10_000_000_000 + order.index}${l.lineId.split('-')[1]}`,
      legacyItemId: demoListingId('ebay', l.sellerSku),
      sku: l.sellerSku,
      title: l.sellerSku,
      quantity: l.quantity,
      lineItemCost: { value: fromMinor(l.amountMinor, order.currency), currency: order.currency },
      lineItemFulfillmentStatus: 'FULFILLED',
    })),
  };
}

/** A Post-Order return, as `GET /post-order/v2/return/search` lists it. */
export function renderEbayReturn(c: TruthCase): Record<string, unknown> {
  const sizeWords = c.reason === 'size_too_small' ? 'Runs small' : c.reason === 'size_too_large' ? 'Runs large' : null;
  const comment = c.customerText ?? sizeWords;
  const refunded = c.refundedMinor !== null && c.status === 'completed';
  return {
    returnId: c.platformCaseId,
    orderId: c.order.platformOrderId,
    buyerLoginName: `buyer_${(c.order.index * 2654435761) % 99991}`,
    sellerLoginName: 'helloword_demo',
    currentType: c.type === 'return_and_refund' ? 'MONEY_BACK' : 'REPLACEMENT',
    state: STATES[c.status],
    status: STATES[c.status],
    creationInfo: {
      item: {
        itemId: demoListingId('ebay', c.line.sellerSku),
        transactionId: `${c.order.index}${c.line.lineId.split('-')[1]}`,
        returnQuantity: c.line.quantity,
      },
      type: 'MONEY_BACK',
      reason: c.reasonInTextOnly ? 'OTHER' : REASON_CODES[c.reason],
      reasonType: c.reason === 'no_longer_needed' || c.reason === 'ordered_by_mistake' || c.reason === 'better_price' ? 'REMORSE' : 'SNAD',
      ...(comment ? { comments: { content: comment } } : {}),
      creationDate: { value: c.requestedAt.toISOString() },
    },
    sellerTotalRefund: {
      estimatedRefundAmount: money(c.requestedMinor, c.currency),
      ...(refunded && c.refundedMinor !== null ? { actualRefundAmount: money(c.refundedMinor, c.currency) } : {}),
    },
    ...(c.status === 'requested'
      ? {
          sellerResponseDue: {
            activityDue: 'SELLER_APPROVE_REQUEST',
            respondByDate: { value: new Date(c.requestedAt.getTime() + 3 * 86_400_000).toISOString() },
          },
        }
      : {}),
    ...(c.closedAt ? { closeInfo: { returnCloseDate: iso(c.closedAt) } } : {}),
  };
}

const DISPUTE_REASONS: Partial<Record<Reason, string>> = {
  fraud_unauthorized: 'FRAUD',
  not_received: 'ITEM_NOT_RECEIVED',
  not_as_described: 'SIGNIFICANTLY_NOT_AS_DESCRIBED',
  counterfeit: 'COUNTERFEIT',
};

/** A payment dispute, as `GET /sell/fulfillment/v1/payment_dispute_summary` lists it. */
export function renderEbayDispute(c: TruthCase): Record<string, unknown> {
  const open = c.status === 'escalated' || c.status === 'requested' || c.status === 'approved';
  return {
    paymentDisputeId: c.platformCaseId,
    orderId: c.order.platformOrderId,
    buyerUsername: `buyer_${(c.order.index * 2654435761) % 99991}`,
    amount: { value: fromMinor(c.requestedMinor, c.currency), currency: c.currency },
    reason: DISPUTE_REASONS[c.reason] ?? 'TRANSACTION_ISSUE',
    paymentDisputeStatus: open ? (c.index % 2 ? 'ACTION_NEEDED' : 'OPEN') : 'CLOSED',
    openDate: c.requestedAt.toISOString(),
    ...(c.closedAt ? { closedDate: c.closedAt.toISOString() } : {}),
    ...(c.respondBy ? { respondByDate: c.respondBy.toISOString() } : {}),
  };
}

/** What a correct connector makes of a demo dispute: eBay only says open or closed, and names four reasons. */
export function ebayDisputeExpected(c: TruthCase): { status: TruthCase['status']; reason: Reason } {
  const open = c.status === 'escalated' || c.status === 'requested' || c.status === 'approved';
  return { status: open ? 'escalated' : 'completed', reason: DISPUTE_REASONS[c.reason] ? c.reason : 'other' };
}
