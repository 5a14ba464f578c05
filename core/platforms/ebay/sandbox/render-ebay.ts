import type { CaseStatus, Reason } from '../../../domain/taxonomy.ts';
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

const DAY = 86_400_000;
const buyerOf = (c: TruthCase) => `buyer_${(c.order.index * 2654435761) % 99991}`;
const transactionOf = (c: TruthCase) => `${c.order.index}${c.line.lineId.split('-')[1]}`;
const lastChange = (c: TruthCase) => c.closedAt ?? c.decidedAt ?? c.requestedAt;

// InquiryStatusEnum for each unified status. eBay has no rejected or withdrawn inquiry: both end closed.
const INQUIRY_STATUSES: Readonly<Record<CaseStatus, string>> = {
  requested: 'WAITING_SELLER_RESPONSE',
  approved: 'WAITING_BUYER_RESPONSE',
  completed: 'CLOSED',
  rejected: 'CS_CLOSED',
  cancelled: 'CLOSED',
  escalated: 'CLOSED_WITH_ESCALATION',
};

/** What inquiry and case summaries share: both describe a buyer's dispute about one item. */
const buyerDisputeSummary = (c: TruthCase) => ({
  itemId: demoListingId('ebay', c.line.sellerSku),
  transactionId: transactionOf(c),
  buyer: buyerOf(c),
  seller: 'helloword_demo',
  claimAmount: money(c.requestedMinor, c.currency),
  creationDate: { value: c.requestedAt.toISOString() },
  lastModifiedDate: { value: lastChange(c).toISOString() },
});

/** An INR inquiry, as `GET /post-order/v2/inquiry/search` lists it (InquirySummaryType). */
export function renderEbayInquiry(c: TruthCase): Record<string, unknown> {
  const status = c.status === 'requested' && c.index % 2 ? 'OPEN' : INQUIRY_STATUSES[c.status];
  return {
    inquiryId: c.platformCaseId,
    inquiryStatusEnum: status,
    ...buyerDisputeSummary(c),
    ...(c.status === 'requested' ? { respondByDate: { value: new Date(c.requestedAt.getTime() + 3 * DAY).toISOString() } } : {}),
  };
}

const OPEN_CASE_STATUSES = ['OPEN', 'WAITING_CS', 'WAITING_DELIVERY', 'ON_HOLD'] as const;

/** A Money Back Guarantee case, as `GET /post-order/v2/casemanagement/search` lists it (CaseSummaryType). */
export function renderEbayCase(c: TruthCase): Record<string, unknown> {
  const open = c.status === 'escalated' || c.status === 'requested' || c.status === 'approved';
  return {
    // CaseSummaryType types the id as an integer.
    caseId: Number(c.platformCaseId),
    caseStatusEnum: open ? OPEN_CASE_STATUSES[c.index % OPEN_CASE_STATUSES.length] : c.status === 'rejected' ? 'CS_CLOSED' : 'CLOSED',
    ...buyerDisputeSummary(c),
    ...(open && c.respondBy ? { respondByDate: { value: c.respondBy.toISOString() } } : {}),
  };
}

// CancelReasonEnum for each demo cancellation reason. eBay has no code for "no longer needed":
// the buyer asks and the seller cancels.
const CANCEL_REASONS: Partial<Record<Reason, string>> = {
  ordered_by_mistake: 'ORDER_MISTAKE',
  better_price: 'FOUND_CHEAPER_PRICE',
  arrived_late: 'WONT_ARRIVE_IN_TIME',
  seller_cannot_fulfil: 'OUT_OF_STOCK_OR_CANNOT_FULFILL',
};

// CancelStatusEnum and CancelStateEnum per unified status. A cancellation never escalates on eBay:
// a stuck one is one whose refund is still pending.
const CANCEL_STATES: Readonly<Record<CaseStatus, { status: string; state: string; expected: CaseStatus }>> = {
  requested: { status: 'CANCEL_REQUESTED', state: 'APPROVAL_PENDING', expected: 'requested' },
  approved: { status: 'CANCEL_PENDING', state: 'REFUND_PENDING', expected: 'approved' },
  escalated: { status: 'CANCEL_PENDING', state: 'REFUND_FAILED_RETRY', expected: 'approved' },
  rejected: { status: 'CANCEL_REJECTED', state: 'CLOSED', expected: 'rejected' },
  completed: { status: 'CANCEL_CLOSED_WITH_REFUND', state: 'CLOSED', expected: 'completed' },
  cancelled: { status: 'CANCEL_CLOSED_NO_REFUND', state: 'CLOSED', expected: 'cancelled' },
};

/** A cancellation request, as `GET /post-order/v2/cancellation/search` lists it (CancelSummary). */
export function renderEbayCancellation(c: TruthCase): Record<string, unknown> {
  const state = CANCEL_STATES[c.status];
  const reason = CANCEL_REASONS[c.reason];
  return {
    cancelId: c.platformCaseId,
    marketplaceId: c.currency === 'GBP' ? 'EBAY_GB' : 'EBAY_US',
    legacyOrderId: c.order.platformOrderId,
    requestorType: reason === 'OUT_OF_STOCK_OR_CANNOT_FULFILL' ? 'SELLER' : 'BUYER',
    cancelReason: reason ?? 'BUYER_ASKED_CANCEL',
    cancelState: state.state,
    cancelStatus: state.status,
    paymentStatus: 'PAID',
    buyerLoginName: buyerOf(c),
    requestRefundAmount: money(c.requestedMinor, c.currency),
    cancelRequestDate: { value: c.requestedAt.toISOString() },
    ...(c.status === 'requested' ? { sellerResponseDueDate: { value: new Date(c.requestedAt.getTime() + 3 * DAY).toISOString() } } : {}),
    ...(state.state === 'CLOSED' && c.closedAt ? { cancelCloseDate: { value: c.closedAt.toISOString() } } : {}),
    lineItems: [
      { itemId: demoListingId('ebay', c.line.sellerSku), transactionId: transactionOf(c), itemTitle: c.line.sellerSku, cancelQuantity: c.line.quantity },
    ],
  };
}

/**
 * What a correct connector makes of any demo case of an eBay store: returns say everything; an
 * inquiry is always "not received"; a case summary gives no reason and only open or closed; a
 * cancellation has no "no longer needed" and never escalates; disputes as ebayDisputeExpected.
 */
export function ebayExpected(c: TruthCase): { status: CaseStatus; reason: Reason } {
  switch (c.kind) {
    case 'chargeback':
      return ebayDisputeExpected(c);
    case 'inquiry':
      return {
        status: c.status === 'rejected' || c.status === 'cancelled' ? 'completed' : c.status,
        reason: 'not_received',
      };
    case 'claim':
      return { status: c.status === 'escalated' || c.status === 'requested' || c.status === 'approved' ? 'escalated' : 'completed', reason: 'other' };
    case 'cancellation':
      return { status: CANCEL_STATES[c.status].expected, reason: CANCEL_REASONS[c.reason] ? c.reason : 'other' };
    default:
      return { status: c.status, reason: c.reason };
  }
}
