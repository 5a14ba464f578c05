import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../domain/taxonomy.ts';
import { mapAmazonCancellationStatus, mapAmazonReturnStatus } from './amazon/map-amazon-status.ts';
import {
  mapEbayCancellationStatus,
  mapEbayCaseStatus,
  mapEbayInquiryStatus,
  mapEbayPaymentDisputeStatus,
  mapEbayReturnStatus,
} from './ebay/map-ebay-status.ts';
import type { Mapped } from './lookup-code.ts';
import { mapShopifyDisputeStatus, mapShopifyReturnStatus } from './shopify/map-shopify-status.ts';
import { mapWalmartReturnStatus } from './walmart/map-walmart-status.ts';
import { mapWishOrderStatus, mapWishTicketStatus } from './wish/map-wish-status.ts';

// The platform enums of reference/platform-apis.md §1–§5, with the unified status of §7.
const CASES: [string, (raw: string) => Mapped<CaseStatus>, Record<string, CaseStatus>][] = [
  [
    'eBay return (not refunded)',
    (raw) => mapEbayReturnStatus(raw, { refunded: false }),
    {
      INITIAL: 'requested',
      RETURN_REQUESTED: 'requested',
      RMA_PENDING: 'requested',
      PARTIAL_REFUND_REQUESTED: 'requested',
      RETURN_REQUESTED_TIMEOUT: 'escalated',
      ITEM_READY_TO_SHIP: 'approved',
      RETURN_LABEL_PENDING: 'approved',
      RETURN_LABEL_REQUESTED: 'approved',
      RETURN_LABEL_PENDING_TIMEOUT: 'escalated',
      ITEM_SHIPPED: 'approved',
      ITEM_DELIVERED: 'approved',
      REFUND_INITIATED: 'approved',
      AUTO_REFUND_INITIATED: 'approved',
      REFUND_FAILED: 'approved',
      REFUND_TIMEOUT: 'escalated',
      RETURN_REJECTED: 'rejected',
      PARTIAL_REFUND_DECLINED: 'rejected',
      REFUND_SENT_PENDING_CONFIRMATION: 'completed',
      PARTIAL_REFUNDED: 'completed',
      LESS_THAN_A_FULL_REFUND_ISSUED: 'completed',
      ITEM_KEPT: 'completed',
      REFUND_AS_PAYOUT_INITIATED: 'completed',
      REPLACEMENT_SHIPPED: 'approved',
      REPLACEMENT_DELIVERED: 'completed',
      CLOSED: 'cancelled',
      ESCALATED: 'escalated',
      READY_FOR_SHIPPING: 'approved',
    },
  ],
  ['eBay return (refunded)', (raw) => mapEbayReturnStatus(raw, { refunded: true }), { CLOSED: 'completed' }],
  [
    'eBay inquiry',
    mapEbayInquiryStatus,
    {
      OPEN: 'requested',
      PENDING: 'requested',
      WAITING_BUYER_RESPONSE: 'approved',
      WAITING_SELLER_RESPONSE: 'requested',
      CLOSED: 'completed',
      CLOSED_WITH_ESCALATION: 'escalated',
      CS_CLOSED: 'completed',
      OTHER: 'requested',
    },
  ],
  [
    'eBay case',
    mapEbayCaseStatus,
    {
      OPEN: 'escalated',
      WAITING_DELIVERY: 'escalated',
      WAITING_CS: 'escalated',
      ON_HOLD: 'escalated',
      REFUND_AGREED_BUT_FAILED: 'escalated',
      CLOSED: 'completed',
      CS_CLOSED: 'completed',
      OTHER: 'escalated',
    },
  ],
  [
    'eBay cancellation',
    mapEbayCancellationStatus,
    {
      CANCEL_REQUESTED: 'requested',
      CANCEL_PENDING: 'approved',
      CANCEL_REJECTED: 'rejected',
      CANCEL_CLOSED_WITH_REFUND: 'completed',
      CANCEL_CLOSED_NO_REFUND: 'cancelled',
      CANCEL_CLOSED_UNKNOWN_REFUND: 'cancelled',
      CANCEL_CLOSED_FOR_COMMITMENT: 'cancelled',
      INVALID: 'cancelled',
    },
  ],
  ['eBay payment dispute', mapEbayPaymentDisputeStatus, { OPEN: 'escalated', ACTION_NEEDED: 'escalated', CLOSED: 'completed' }],
  ['Shopify return', mapShopifyReturnStatus, { REQUESTED: 'requested', OPEN: 'approved', DECLINED: 'rejected', CLOSED: 'completed', CANCELED: 'cancelled' }],
  [
    'Shopify dispute',
    mapShopifyDisputeStatus,
    { NEEDS_RESPONSE: 'escalated', UNDER_REVIEW: 'escalated', ACCEPTED: 'completed', WON: 'completed', LOST: 'completed', CHARGE_REFUNDED: 'completed' },
  ],
  [
    'Walmart return line',
    (raw) => mapWalmartReturnStatus(raw, { lastEventTag: 'REFUND_ISSUED' }),
    { INITIATED: 'approved', DELIVERED: 'approved', COMPLETED: 'completed' },
  ],
  [
    'Walmart return line (withdrawn)',
    (raw) => mapWalmartReturnStatus(raw, { lastEventTag: 'RETURN_CANCELLED' }),
    { COMPLETED: 'cancelled', INITIATED: 'approved' },
  ],
  ['Wish order', mapWishOrderStatus, { REFUNDED: 'completed', REQUIRE_REVIEW: 'requested', APPROVED: 'approved', SHIPPED: 'approved', DECLINED: 'rejected' }],
  [
    'Wish ticket',
    mapWishTicketStatus,
    { AWAITING_MERCHANT: 'requested', AWAITING_USER: 'approved', AWAITING_WISH: 'escalated', CLOSED: 'completed', PERMANENTLY_CLOSED: 'completed' },
  ],
  ['Amazon return report', (raw) => mapAmazonReturnStatus(raw, { refundedMinor: null }), { Approved: 'approved', Closed: 'completed', Rejected: 'rejected' }],
  ['Amazon return report (refunded)', (raw) => mapAmazonReturnStatus(raw, { refundedMinor: 1999n }), { Approved: 'completed' }],
  [
    'Amazon cancellation request',
    mapAmazonCancellationStatus,
    { Canceled: 'completed', Pending: 'requested', Unshipped: 'requested', Shipped: 'rejected', PartiallyShipped: 'rejected', Unfulfillable: 'completed' },
  ],
];

describe('platform statuses → the unified status', () => {
  it.each(CASES)('%s', (_name, map, expected) => {
    const actual = Object.fromEntries(Object.keys(expected).map((raw) => [raw, map(raw)]));
    expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([raw, value]) => [raw, { value, mapped: true, raw }])));
  });

  it.each(CASES)('%s: an unknown status is kept raw and flagged unmapped', (_name, map) => {
    const out = map('SOMETHING_EBAY_ADDS_NEXT_YEAR');
    expect(out.mapped).toBe(false);
    expect(out.raw).toBe('SOMETHING_EBAY_ADDS_NEXT_YEAR');
  });
});
