import type { CaseStatus, Reason } from '../../../domain/taxonomy.ts';
import { fromMinor } from '../../money.ts';
import type { TruthCase, TruthOrder } from '../../sandbox/demo-scenario.ts';

// How Walmart would say each unified reason. Walmart has one code for every size problem and
// none for counterfeit or fraud; a return carries no customer comment.
const REASON_CODES: Readonly<Record<Reason, string>> = {
  size_too_small: 'WRONG_SIZE/POOR_FIT',
  size_too_large: 'WRONG_SIZE/POOR_FIT',
  size_fit: 'WRONG_SIZE/POOR_FIT',
  quality_defective: 'DEFECTIVE',
  not_as_described: 'NOT_AS_DESCRIBED',
  damaged_in_transit: 'DAMAGED',
  wrong_item: 'INCORRECT_ITEM',
  missing_parts: 'MISSING_PARTS',
  no_longer_needed: 'NO_LONGER_WANTED',
  ordered_by_mistake: 'DUPLICATE_ITEM',
  better_price: 'LOWER_PRICE',
  arrived_late: 'ARRIVED_LATE',
  not_received: 'LOST_IN_TRANSIT',
  counterfeit: 'AUTO_RETURN',
  fraud_unauthorized: 'AUTO_RETURN',
  seller_cannot_fulfil: 'AUTO_RETURN',
  other: 'AUTO_RETURN',
};

// Walmart authorises returns itself and has no rejection: a refused return ends withdrawn.
const LINE_STATES: Readonly<Record<CaseStatus, { status: string; events: string[]; expected: CaseStatus }>> = {
  requested: { status: 'INITIATED', events: ['RETURN_INITIATED'], expected: 'approved' },
  approved: { status: 'DELIVERED', events: ['RETURN_INITIATED', 'DELIVERED_AT_RETURN_CENTER'], expected: 'approved' },
  escalated: { status: 'INITIATED', events: ['RETURN_INITIATED', 'RETURN_IN_TRANSIT'], expected: 'approved' },
  completed: { status: 'COMPLETED', events: ['RETURN_INITIATED', 'DELIVERED_AT_RETURN_CENTER', 'REFUND_ISSUED'], expected: 'completed' },
  cancelled: { status: 'COMPLETED', events: ['RETURN_INITIATED', 'RETURN_CANCELLED'], expected: 'cancelled' },
  rejected: { status: 'COMPLETED', events: ['RETURN_INITIATED', 'RETURN_CANCELLED'], expected: 'cancelled' },
};

// Walmart's cancellationReason for a demo cancellation: the seller's own reasons, or the buyer asked.
const cancellationReason = (c: TruthCase) => (c.reason === 'seller_cannot_fulfil' ? 'SELLER_CANCEL_OUT_OF_STOCK' : 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL');

/**
 * What a correct Walmart connector makes of a demo return or cancellation (Walmart cannot say
 * everything the truth knows). A cancellation is a line Walmart shows Cancelled: always done, and
 * its reason is only "out of stock" or "the customer asked".
 */
export function walmartExpected(c: TruthCase): { status: CaseStatus; reason: Reason } {
  if (c.kind === 'cancellation') return { status: 'completed', reason: c.reason === 'seller_cannot_fulfil' ? 'seller_cannot_fulfil' : 'other' };
  const code = REASON_CODES[c.reason];
  const reason: Reason = code === 'WRONG_SIZE/POOR_FIT' ? 'size_fit' : code === 'AUTO_RETURN' ? 'other' : c.reason;
  return { status: LINE_STATES[c.status].expected, reason };
}

/** When a return last changed: what `returnLastModifiedStartDate` filters on. */
export function walmartLastModified(c: TruthCase): number {
  return (c.closedAt ?? c.decidedAt ?? c.requestedAt).getTime();
}

export const walmartPurchaseOrderId = (index: number) => `10${String(index).padStart(13, '0')}`;

export function renderWalmartReturn(c: TruthCase): Record<string, unknown> {
  const state = LINE_STATES[c.status];
  const times = [c.requestedAt, c.decidedAt ?? c.requestedAt, c.closedAt ?? c.decidedAt ?? c.requestedAt];
  return {
    returnOrderId: c.platformCaseId,
    customerOrderId: c.order.platformOrderId,
    returnOrderDate: c.requestedAt.toISOString(),
    totalRefundAmount: { currencyAmount: Number(fromMinor(c.requestedMinor, c.currency)), currencyUnit: c.currency },
    returnChannel: { channelName: 'ONLINE' },
    returnType: c.type === 'return_and_refund' ? 'REFUND' : 'REPLACEMENT',
    returnOrderLines: [
      {
        returnOrderLineNumber: 1,
        purchaseOrderId: walmartPurchaseOrderId(c.order.index),
        purchaseOrderLineNumber: Number(c.line.lineId.split('-')[1]),
        returnReason: REASON_CODES[c.reason],
        item: { sku: c.line.sellerSku, productName: c.line.sellerSku },
        quantity: { unitOfMeasure: 'EACH', measurementValue: c.line.quantity },
        refundChannel: 'SELLER_AUTO_REFUND',
        status: state.status,
        statusTime: new Date(walmartLastModified(c)).toISOString(),
        returnTrackingDetail: state.events.map((eventTag, i) => ({
          sequenceNo: i + 1,
          eventTag,
          eventDescription: eventTag.replaceAll('_', ' ').toLowerCase(),
          eventTime: (times[i] ?? c.requestedAt).toISOString(),
        })),
      },
    ],
  };
}

/** A purchase order; `cancelled` holds the demo cancellation of a line, by line number ("1", "2", …). */
export function renderWalmartOrder(order: TruthOrder, cancelled?: ReadonlyMap<string, TruthCase>): Record<string, unknown> {
  return {
    purchaseOrderId: walmartPurchaseOrderId(order.index),
    customerOrderId: order.platformOrderId,
    orderDate: order.orderedAt.getTime(),
    orderLines: {
      orderLine: order.lines.map((l, k) => ({
        lineNumber: String(k + 1),
        item: { productName: l.sellerSku, sku: l.sellerSku },
        charges: {
          charge: [
            {
              chargeType: 'PRODUCT',
              chargeName: 'ItemPrice',
              chargeAmount: { currency: order.currency, amount: Number(fromMinor(l.amountMinor, order.currency)) },
            },
          ],
        },
        orderLineQuantity: { unitOfMeasure: 'EACH', amount: String(l.quantity) },
        ...lineStatus(l.quantity, order.orderedAt, cancelled?.get(String(k + 1))),
      })),
    },
  };
}

function lineStatus(quantity: number, orderedAt: Date, cancellation: TruthCase | undefined): Record<string, unknown> {
  const statusQuantity = { unitOfMeasure: 'EACH', amount: String(quantity) };
  if (!cancellation) {
    return { statusDate: orderedAt.getTime(), orderLineStatuses: { orderLineStatus: [{ status: 'Shipped', statusQuantity }] } };
  }
  return {
    statusDate: cancellation.requestedAt.getTime(),
    orderLineStatuses: { orderLineStatus: [{ status: 'Cancelled', cancellationReason: cancellationReason(cancellation), statusQuantity }] },
  };
}
