import type { CaseKind, CaseStatus, Reason } from '../../../domain/taxonomy.ts';
import { fromMinor } from '../../money.ts';
import { demoListingId } from '../../sandbox/demo-catalog.ts';
import type { TruthCase, TruthOrder } from '../../sandbox/demo-scenario.ts';

// How Amazon's MFN returns report would say each unified reason (`CR-<FBA code>` or `AMZ-PG-*`).
// Amazon has no code for counterfeit or for the seller being unable to ship.
const RETURN_CODES: Readonly<Record<Reason, readonly string[]>> = {
  size_too_small: ['AMZ-PG-APP-TOO-SMALL', 'CR-APPAREL_TOO_SMALL'],
  size_too_large: ['AMZ-PG-APP-TOO-LARGE', 'CR-APPAREL_TOO_LARGE'],
  size_fit: ['CR-POOR_FIT'],
  quality_defective: ['CR-DEFECTIVE', 'AMZ-PG-BAD-ITEM', 'CR-QUALITY_UNACCEPTABLE'],
  not_as_described: ['AMZ-PG-BAD-DESC', 'CR-NOT_AS_DESCRIBED'],
  damaged_in_transit: ['AMZ-PG-DAMAGED', 'CR-DAMAGED_BY_CARRIER'],
  wrong_item: ['CR-DIFFERENT_PRODUCT'],
  missing_parts: ['CR-MISSING_PARTS'],
  no_longer_needed: ['CR-UNWANTED_ITEM', 'AMZ-PG-APP-STYLE'],
  ordered_by_mistake: ['CR-ORDERED_WRONG_ITEM', 'CR-MISORDERED'],
  better_price: ['CR-FOUND_BETTER_PRICE'],
  arrived_late: ['CR-MISSED_ESTIMATED_DELIVERY'],
  not_received: ['CR-UNDELIVERABLE_UNKNOWN'],
  counterfeit: ['CR-UNKNOWN_OTHER_REASON'],
  fraud_unauthorized: ['CR-UNAUTHORIZED_PURCHASE'],
  seller_cannot_fulfil: ['CR-NO_REASON_GIVEN'],
  other: ['CR-UNKNOWN_OTHER_REASON', 'UND-UNKNOWN'],
};
// The report has no comment column: a buyer who wrote "runs small" picked "didn't fit" (POOR_FIT).
const TEXT_ONLY_CODE = 'CR-POOR_FIT';

const RETURN_STATUSES: Readonly<Record<CaseStatus, { status: string; claim: boolean }>> = {
  requested: { status: 'Pending', claim: false },
  approved: { status: 'Approved', claim: false },
  completed: { status: 'Approved', claim: false },
  rejected: { status: 'Rejected', claim: false },
  cancelled: { status: 'Canceled', claim: false },
  // A return escalates on Amazon only by the buyer filing an A-to-z claim on it.
  escalated: { status: 'Approved', claim: true },
};

/** The buyer's words in `BuyerCancelReason` for each reason a buyer cancels for. */
const CANCEL_TEXTS: Partial<Record<Reason, string>> = {
  ordered_by_mistake: 'Order placed by mistake',
  no_longer_needed: 'No longer needed',
  better_price: 'Found a better price elsewhere',
  arrived_late: 'Delivery took too long',
};

export interface AmazonExpected {
  kind: CaseKind;
  status: CaseStatus;
  reason: Reason;
}

/** Where Amazon shows a demo case: a returns-report row, a financial event, a cancelled order — or nowhere. */
export function amazonSource(c: TruthCase): 'report' | 'events' | 'orders' | null {
  if (c.kind === 'return' || (c.kind === 'claim' && c.status === 'escalated')) return 'report';
  if ((c.kind === 'refund' || c.kind === 'claim' || c.kind === 'chargeback') && c.status === 'completed' && c.refundedAt) return 'events';
  if (c.kind === 'cancellation' && c.status === 'completed') return 'orders';
  return null;
}

/** The unified reason of the return code a row carries for this case. */
const reportReason = (c: TruthCase): Reason =>
  c.reasonInTextOnly ? 'size_fit' : c.reason === 'counterfeit' || c.reason === 'seller_cannot_fulfil' ? 'other' : c.reason;

/**
 * What the database can know of a demo case through Amazon's APIs (none, one or two cases):
 * returns from the report (every status; reasons as Amazon codes them). A return with an A-to-z
 * claim (`A-to-Z Claim = Y`) is escalated, and its open claim is a claim case of its own; Amazon
 * names no claim reason. A granted claim, a paid refund or a chargeback decided for the buyer is a
 * financial event (no reason). A rejected claim or chargeback, or a refund not yet paid, shows
 * nowhere. Cancellations show once the order is cancelled (a request Amazon refused or the buyer
 * withdrew leaves a shipped order).
 */
export function amazonExpected(c: TruthCase): AmazonExpected[] {
  const openClaim: AmazonExpected = { kind: 'claim', status: 'escalated', reason: 'other' };
  switch (amazonSource(c)) {
    case 'report':
      return c.kind === 'claim'
        ? [{ kind: 'return', status: 'escalated', reason: reportReason(c) }, openClaim]
        : [{ kind: 'return', status: c.status, reason: reportReason(c) }, ...(c.status === 'escalated' ? [openClaim] : [])];
    case 'events':
      return [{ kind: c.kind, status: 'completed', reason: 'other' }];
    case 'orders':
      return [{ kind: 'cancellation', status: 'completed', reason: c.reason }];
    default:
      return [];
  }
}

/** When Amazon posts a case's financial event: when the money moved. */
export const postedAt = (c: TruthCase): number => (c.refundedAt ?? c.closedAt ?? c.requestedAt).getTime();
/** When a cancelled order was last updated: when the cancellation was carried out. */
export const cancelledAt = (c: TruthCase): number => (c.closedAt ?? c.decidedAt ?? c.requestedAt).getTime();

const day = (d: Date) => d.toISOString().slice(0, 10);
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const amount = (minor: number, currency: string) => fromMinor(minor, currency);

export const RETURN_COLUMNS = [
  'Order ID',
  'Order date',
  'Return request date',
  'Return request status',
  'Amazon RMA ID',
  'Merchant RMA ID',
  'Label type',
  'Label cost',
  'Currency code',
  'Return carrier',
  'Tracking ID',
  'Label to be paid by',
  'A-to-Z Claim',
  'Is prime',
  'ASIN',
  'Merchant SKU',
  'Item Name',
  'Return quantity',
  'Return Reason',
  'In policy',
  'Return type',
  'Resolution',
  'Invoice number',
  'Return delivery date',
  'Order Amount',
  'Order quantity',
  'SafeT Action reason',
  'SafeT claim id',
  'SafeT claim state',
  'SafeT claim creation time',
  'SafeT claim reimbursement amount',
  'Refunded Amount',
] as const;

/** A return as a row of GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE (values in RETURN_COLUMNS order). */
export function renderAmazonReturnRow(c: TruthCase): Record<(typeof RETURN_COLUMNS)[number], string> {
  // An open A-to-z claim shows as the claimed return: approved, with the claim flag.
  const state = c.kind === 'claim' ? RETURN_STATUSES.escalated : RETURN_STATUSES[c.status];
  const codes = RETURN_CODES[c.reason];
  const code = c.reasonInTextOnly ? TEXT_ONLY_CODE : (codes[c.index % codes.length] ?? 'CR-UNKNOWN_OTHER_REASON');
  const refunded = c.status === 'completed' && c.refundedMinor !== null;
  return {
    'Order ID': c.order.platformOrderId,
    'Order date': day(c.order.orderedAt),
    'Return request date': day(c.requestedAt),
    'Return request status': state.status,
    'Amazon RMA ID': c.kind === 'claim' ? `DC${c.index.toString(36).toUpperCase().padStart(7, '0')}RRMA` : c.platformCaseId,
    'Merchant RMA ID': '',
    'Label type': 'AmazonUnPaidLabel',
    'Label cost': '',
    'Currency code': c.currency,
    'Return carrier': 'USPS',
    'Tracking ID': `9400${String(100_000_000 + c.index)}`,
    'Label to be paid by': 'Customer',
    'A-to-Z Claim': state.claim ? 'Y' : 'N',
    'Is prime': c.index % 3 === 0 ? 'Y' : 'N',
    ASIN: demoListingId('amazon', c.line.sellerSku),
    'Merchant SKU': c.line.sellerSku,
    'Item Name': c.line.sellerSku,
    'Return quantity': String(c.line.quantity),
    'Return Reason': code,
    'In policy': 'Y',
    'Return type': 'C-Returns',
    Resolution: c.type === 'return_and_refund' ? 'StandardRefund' : c.type === 'replacement' ? 'Replacement' : 'Exchange',
    'Invoice number': '',
    'Return delivery date': c.closedAt && refunded ? day(c.closedAt) : '',
    'Order Amount': amount(c.requestedMinor, c.currency),
    'Order quantity': String(c.line.quantity),
    'SafeT Action reason': '',
    'SafeT claim id': '',
    'SafeT claim state': '',
    'SafeT claim creation time': '',
    'SafeT claim reimbursement amount': '',
    'Refunded Amount': refunded && c.refundedMinor !== null ? amount(c.refundedMinor, c.currency) : '',
  };
}

export const ORDER_COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'url',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
] as const;

/** An order's items as rows of GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL. */
export function renderAmazonOrderRows(order: TruthOrder, cancelled: boolean, salesChannel: string): Record<(typeof ORDER_COLUMNS)[number], string>[] {
  const when = order.orderedAt.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return order.lines.map((l) => ({
    'amazon-order-id': order.platformOrderId,
    'merchant-order-id': '',
    'purchase-date': when,
    'last-updated-date': when,
    'order-status': cancelled ? 'Cancelled' : 'Shipped',
    'fulfillment-channel': 'Merchant',
    'sales-channel': salesChannel,
    'order-channel': '',
    url: '',
    'ship-service-level': 'Standard',
    'product-name': l.sellerSku,
    sku: l.sellerSku,
    asin: demoListingId('amazon', l.sellerSku),
    'item-status': cancelled ? 'Cancelled' : 'Shipped',
    quantity: String(l.quantity),
    currency: order.currency,
    'item-price': amount(l.amountMinor, order.currency),
    'item-tax': '0.00',
    'shipping-price': '0.00',
    'shipping-tax': '0.00',
    'gift-wrap-price': '',
    'gift-wrap-tax': '',
    'item-promotion-discount': '',
    'ship-promotion-discount': '',
    'ship-city': '',
    'ship-state': '',
    'ship-postal-code': '',
    'ship-country': order.currency === 'EUR' ? 'DE' : 'US',
    'promotion-ids': '',
    'is-business-order': 'false',
    'purchase-order-number': '',
    'price-designation': '',
  }));
}

/** A refund, claim or chargeback as the ShipmentEvent of its financial events list. */
export function renderShipmentEvent(c: TruthCase, marketplaceName: string): Record<string, unknown> {
  const money = (minor: number) => ({ CurrencyCode: c.currency, CurrencyAmount: -Number(amount(minor, c.currency)) });
  const refunded = c.refundedMinor ?? c.requestedMinor;
  return {
    AmazonOrderId: c.order.platformOrderId,
    SellerOrderId: c.order.platformOrderId,
    MarketplaceName: marketplaceName,
    PostedDate: isoSeconds(postedAt(c)),
    ShipmentItemAdjustmentList: [
      {
        SellerSKU: c.line.sellerSku,
        OrderAdjustmentItemId: String(53_000_000_000_000 + c.index),
        QuantityShipped: c.line.quantity,
        ItemChargeAdjustmentList: [
          { ChargeType: 'Principal', ChargeAmount: money(refunded) },
          { ChargeType: 'Tax', ChargeAmount: money(0) },
        ],
        ...(c.kind === 'refund' ? { ItemFeeAdjustmentList: [{ FeeType: 'RefundCommission', FeeAmount: money(Math.round(refunded * 0.03)) }] } : {}),
      },
    ],
  };
}

/** A cancelled order as getOrders lists it (cancelled orders carry no OrderTotal). */
export function renderCancelledOrder(c: TruthCase, marketplaceId: string, salesChannel: string): Record<string, unknown> {
  return {
    AmazonOrderId: c.order.platformOrderId,
    SellerOrderId: c.order.platformOrderId,
    PurchaseDate: isoSeconds(c.order.orderedAt.getTime()),
    LastUpdateDate: isoSeconds(cancelledAt(c)),
    OrderStatus: 'Canceled',
    FulfillmentChannel: 'MFN',
    SalesChannel: salesChannel,
    OrderType: 'StandardOrder',
    NumberOfItemsShipped: 0,
    NumberOfItemsUnshipped: 0,
    PaymentMethod: 'Other',
    MarketplaceId: marketplaceId,
    IsPrime: false,
    IsBusinessOrder: false,
  };
}

/** The items of an order (getOrderItems); a buyer's cancel request is on every item it covers. */
export function renderOrderItems(order: TruthOrder, cancellation: TruthCase | null): Record<string, unknown>[] {
  const text = cancellation ? (CANCEL_TEXTS[cancellation.reason] ?? null) : null;
  return order.lines.map((l, k) => ({
    ASIN: demoListingId('amazon', l.sellerSku),
    SellerSKU: l.sellerSku,
    OrderItemId: String(60_000_000_000_000 + order.index * 10 + k),
    Title: l.sellerSku,
    QuantityOrdered: l.quantity,
    QuantityShipped: 0,
    ItemPrice: { CurrencyCode: order.currency, Amount: amount(l.amountMinor, order.currency) },
    BuyerRequestedCancel: text ? { IsBuyerRequestedCancel: 'true', BuyerCancelReason: text } : { IsBuyerRequestedCancel: 'false', BuyerCancelReason: '' },
  }));
}

/** The order index in an Amazon demo order id (its last block is 1,000,000 + index). */
export function demoOrderIndex(amazonOrderId: string): number | null {
  const m = /-(\d{7})$/.exec(amazonOrderId);
  return m ? Number(m[1]) - 1_000_000 : null;
}
