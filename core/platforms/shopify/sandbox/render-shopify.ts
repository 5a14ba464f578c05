import { classifyReasonText } from '../../../domain/classify-reason-text.ts';
import type { CaseStatus, Reason } from '../../../domain/taxonomy.ts';
import { fromMinor } from '../../money.ts';
import type { TruthCase, TruthOrder } from '../../sandbox/demo-scenario.ts';
import { mapShopifyReason } from '../map-shopify-reason.ts';

// How a Shopify shop would record each unified reason. Returns have ten reason codes (the
// deprecated `ReturnReason` enum); the rest is "Other" plus the customer's note. The handles
// of `returnReasonDefinition` are written as the enum in kebab case (the real handle names of
// these ten were not confirmed).
const RETURN_CODES: Readonly<Record<Reason, string>> = {
  size_too_small: 'SIZE_TOO_SMALL',
  size_too_large: 'SIZE_TOO_LARGE',
  size_fit: 'OTHER',
  quality_defective: 'DEFECTIVE',
  not_as_described: 'NOT_AS_DESCRIBED',
  damaged_in_transit: 'DEFECTIVE',
  wrong_item: 'WRONG_ITEM',
  missing_parts: 'OTHER',
  no_longer_needed: 'UNWANTED',
  ordered_by_mistake: 'OTHER',
  better_price: 'OTHER',
  arrived_late: 'OTHER',
  not_received: 'OTHER',
  counterfeit: 'OTHER',
  fraud_unauthorized: 'OTHER',
  seller_cannot_fulfil: 'OTHER',
  other: 'OTHER',
};

/** What a customer (on a return) or the staff (on a refund) writes when no code says it. */
const NOTES: Readonly<Record<Reason, string | null>> = {
  size_too_small: 'Runs small',
  size_too_large: 'Runs large',
  size_fit: "Doesn't fit",
  quality_defective: 'Stopped working',
  not_as_described: 'Not as pictured',
  damaged_in_transit: 'Arrived broken',
  wrong_item: 'Sent the wrong item',
  missing_parts: 'Parts missing',
  no_longer_needed: 'Changed my mind',
  ordered_by_mistake: 'Ordered by mistake',
  better_price: 'Found a better price',
  arrived_late: 'Arrived late',
  not_received: 'Never arrived',
  counterfeit: 'Looks fake',
  fraud_unauthorized: null,
  seller_cannot_fulfil: null,
  other: null,
};

// Shopify returns are never escalated: an escalated truth return is still open.
const RETURN_STATUSES: Readonly<Record<CaseStatus, string>> = {
  requested: 'REQUESTED',
  approved: 'OPEN',
  escalated: 'OPEN',
  rejected: 'DECLINED',
  completed: 'CLOSED',
  cancelled: 'CANCELED',
};

const DISPUTE_REASONS: Partial<Record<Reason, string>> = {
  fraud_unauthorized: 'FRAUDULENT',
  not_received: 'PRODUCT_NOT_RECEIVED',
  not_as_described: 'PRODUCT_UNACCEPTABLE',
};

const money = (minor: number, currency: string) => ({ shopMoney: { amount: fromMinor(minor, currency), currencyCode: currency } });
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const returnCode = (c: TruthCase) => (c.reasonInTextOnly ? 'OTHER' : RETURN_CODES[c.reason]);
/** The customer's note on a return: their own words, or the reason in words when no code says it. */
const returnNote = (c: TruthCase) => c.customerText ?? (returnCode(c) === 'OTHER' ? NOTES[c.reason] : null);
const refundNote = (c: TruthCase) => c.customerText ?? NOTES[c.reason];

/** Which of a store's demo cases Shopify can hold, and where they sit (see the sandbox's index). */
export const SHOPIFY_CASE_KINDS = ['return', 'refund', 'cancellation'] as const;

/** When a case last changed its order (an order's `updatedAt` is the latest of these). */
export function shopifyLastChange(c: TruthCase): number {
  return (c.closedAt ?? c.decidedAt ?? c.requestedAt).getTime();
}

export const lineItemId = (order: TruthOrder, lineId: string) => `gid://shopify/LineItem/${10_000_000_000 + order.index * 10 + Number(lineId.split('-')[1])}`;
const numberOf = (gid: string) => Number(gid.slice(gid.lastIndexOf('/') + 1));
export const refundId = (c: TruthCase) => `gid://shopify/Refund/${numberOf(c.platformCaseId)}`;

function renderLineRef(c: TruthCase) {
  return { id: lineItemId(c.order, c.line.lineId), sku: c.line.sellerSku };
}

/** A Return with its one line, as the orders query reads it. */
export function renderShopifyReturn(c: TruthCase, position: number): Record<string, unknown> {
  const code = returnCode(c);
  const decided = c.status !== 'requested' && c.status !== 'rejected' && c.decidedAt;
  const closed = (c.status === 'completed' || c.status === 'cancelled' || c.status === 'rejected') && c.closedAt;
  return {
    id: c.platformCaseId,
    name: `#${1000 + c.order.index}-R${position + 1}`,
    status: RETURN_STATUSES[c.status],
    createdAt: c.requestedAt.toISOString(),
    requestApprovedAt: decided ? decided.toISOString() : null,
    closedAt: closed ? closed.toISOString() : null,
    totalQuantity: c.line.quantity,
    decline: c.status === 'rejected' ? { reason: 'RETURN_PERIOD_ENDED', note: null } : null,
    returnLineItems: {
      nodes: [
        {
          id: `gid://shopify/ReturnLineItem/${numberOf(c.platformCaseId)}`,
          quantity: c.line.quantity,
          returnReason: code,
          returnReasonDefinition: { handle: code.toLowerCase().replaceAll('_', '-') },
          returnReasonNote: '',
          customerNote: returnNote(c),
          withCodeDiscountedTotalPriceSet: money(c.requestedMinor, c.currency),
          fulfillmentLineItem: { lineItem: renderLineRef(c) },
        },
      ],
    },
  };
}

/** The refunds an order holds for its cases: a return's (naming it), a bare refund's, a cancellation's. */
export function renderShopifyRefunds(cases: readonly TruthCase[]): Record<string, unknown>[] {
  return cases.flatMap((c) => {
    if (c.refundedMinor === null || c.status !== 'completed') return [];
    const at = (c.refundedAt ?? c.closedAt ?? c.requestedAt).toISOString();
    return [
      {
        id: refundId(c),
        createdAt: at,
        note: c.kind === 'refund' ? refundNote(c) : null,
        return: c.kind === 'return' ? { id: c.platformCaseId } : null,
        totalRefundedSet: money(c.refundedMinor, c.currency),
        refundLineItems: {
          nodes: c.kind === 'cancellation' ? [] : [{ quantity: c.line.quantity, lineItem: renderLineRef(c), subtotalSet: money(c.refundedMinor, c.currency) }],
        },
      },
    ];
  });
}

/**
 * An order as the orders query reads it, with the cases Shopify holds on it: returns, refunds,
 * and at most one cancellation. `brokenReturn` says which returns to send without an id.
 */
export function renderShopifyOrder(order: TruthOrder, cases: readonly TruthCase[], brokenReturn: (c: TruthCase) => boolean): Record<string, unknown> {
  const cancellation = cases.find((c) => c.kind === 'cancellation');
  const returns = cases.filter((c) => c.kind === 'return');
  const updatedMs = Math.max(order.orderedAt.getTime(), ...cases.map(shopifyLastChange));
  return {
    id: order.platformOrderId,
    name: `#${1000 + order.index}`,
    createdAt: order.orderedAt.toISOString(),
    updatedAt: new Date(updatedMs).toISOString(),
    cancelledAt: cancellation ? new Date(shopifyLastChange(cancellation)).toISOString() : null,
    cancelReason: cancellation ? (cancellation.reason === 'seller_cannot_fulfil' ? 'INVENTORY' : 'CUSTOMER') : null,
    currencyCode: order.currency,
    displayFulfillmentStatus: cancellation ? 'UNFULFILLED' : 'FULFILLED',
    customer: { id: `gid://shopify/Customer/${7_000_000_000 + ((order.index * 2654435761) % 99991)}` },
    totalPriceSet: money(order.totalMinor, order.currency),
    lineItems: {
      pageInfo: { hasNextPage: false },
      nodes: order.lines.map((l) => ({
        id: lineItemId(order, l.lineId),
        sku: l.sellerSku,
        quantity: l.quantity,
        originalTotalSet: money(l.amountMinor, order.currency),
      })),
    },
    returns: {
      pageInfo: { hasNextPage: false },
      nodes: returns.map((c, k) => (brokenReturn(c) ? { ...renderShopifyReturn(c, k), id: null, createdAt: 42 } : renderShopifyReturn(c, k))),
    },
    refunds: renderShopifyRefunds(cases),
  };
}

/** A Shopify Payments dispute. Open ones alternate between needing a response and under review. */
export function renderShopifyDispute(c: TruthCase): Record<string, unknown> {
  const status =
    c.status === 'escalated' || c.status === 'requested' || c.status === 'approved'
      ? c.index % 2
        ? 'NEEDS_RESPONSE'
        : 'UNDER_REVIEW'
      : c.status === 'rejected'
        ? 'WON'
        : c.index % 3
          ? 'LOST'
          : 'ACCEPTED';
  return {
    id: c.platformCaseId,
    status,
    type: 'CHARGEBACK',
    amount: { amount: fromMinor(c.requestedMinor, c.currency), currencyCode: c.currency },
    reasonDetails: { reason: DISPUTE_REASONS[c.reason] ?? 'GENERAL', networkReasonCode: '4837' },
    initiatedAt: c.requestedAt.toISOString(),
    evidenceDueBy: c.respondBy ? dateOnly(c.respondBy) : null,
    evidenceSentOn: c.decidedAt && status !== 'NEEDS_RESPONSE' ? dateOnly(c.decidedAt) : null,
    finalizedOn: c.closedAt && status !== 'NEEDS_RESPONSE' && status !== 'UNDER_REVIEW' ? dateOnly(c.closedAt) : null,
    order: { id: c.order.platformOrderId },
  };
}

/** A code's unified reason when specific, else what the note says, else other. */
const fromCodeOrText = (code: string | null, text: string | null): Reason => {
  const mapped = code ? mapShopifyReason(code).value : 'other';
  return mapped !== 'other' ? mapped : (classifyReasonText(text) ?? 'other');
};

/**
 * What a correct Shopify connector makes of a demo case the sandbox serves: Shopify has ten
 * return reasons and none for a refund, cancels orders rather than deciding requests, and says
 * only whether a dispute is open or done.
 */
export function shopifyExpected(c: TruthCase): { status: CaseStatus; reason: Reason } {
  switch (c.kind) {
    case 'return':
      return { status: c.status === 'escalated' ? 'approved' : c.status, reason: fromCodeOrText(returnCode(c), returnNote(c)) };
    case 'refund':
      return { status: 'completed', reason: fromCodeOrText(null, refundNote(c)) };
    case 'cancellation':
      return { status: 'cancelled', reason: c.reason === 'seller_cannot_fulfil' ? 'seller_cannot_fulfil' : 'other' };
    default: {
      const open = c.status === 'escalated' || c.status === 'requested' || c.status === 'approved';
      return { status: open ? 'escalated' : 'completed', reason: DISPUTE_REASONS[c.reason] ? c.reason : 'other' };
    }
  }
}
