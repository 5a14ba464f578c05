import type { Reason } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

/** Wish `RefundReason` (all 22 values of API v3). */
export const WISH_REASONS: Readonly<Record<string, Reason>> = {
  ITEM_DOES_NOT_FIT: 'size_fit',
  ITEM_IS_POOR_QUALITY: 'quality_defective',
  ITEM_DOES_NOT_MATCH_LISTING: 'not_as_described',
  ITEM_DOES_NOT_WORK_AS_DESCRIBED: 'not_as_described',
  PRODUCT_LISTING_MISSING_INFO: 'not_as_described',
  ITEM_IS_DAMAGED: 'damaged_in_transit',
  EMPTY_PACKAGE: 'damaged_in_transit',
  RECEIVED_WRONG_ITEM: 'wrong_item',
  WRONG_COLOR: 'wrong_item',
  INCOMPLETE_ORDER: 'missing_parts',
  ITEM_DID_NOT_MEET_EXPECTATIONS: 'no_longer_needed',
  SHIPPING_TAKING_TOO_LONG: 'arrived_late',
  ITEM_MARKED_DELIVERED_BUT_DID_NOT_ARRIVE: 'not_received',
  ITEM_RETURNED_TO_SENDER: 'not_received',
  MERCHANT_SENT_TO_WRONG_ADDRESS: 'not_received',
  REPLACEMENT_NEVER_RECEIVED: 'not_received',
  ITEM_IS_COUNTERFEIT: 'counterfeit',
  MERCHANT_REPORTED_BUYER_FRAUD: 'fraud_unauthorized',
  UNABLE_TO_SHIP: 'seller_cannot_fulfil',
  MERCHANT_OUT_OF_STOCK: 'seller_cannot_fulfil',
  RECEIVED_NOTE_FROM_MERCHANT: 'other',
  MERCHANT_REPORTED_ORDER: 'other',
};

export function mapWishReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(WISH_REASONS, raw, 'other');
}

/**
 * A ticket's `refund_reason` (Ticket schema of the v3 Tickets API): partly the order codes above,
 * plus a few of its own. Kept apart from WISH_REASONS, which lists the order `RefundReason` enum.
 */
const TICKET_ONLY_REASONS: Readonly<Record<string, Reason>> = {
  ITEM_NEVER_ARRIVED: 'not_received',
  USER_NO_LONGER_WANTS_ITEM: 'no_longer_needed',
  USER_PLACED_ORDER_BY_MISTAKE: 'ordered_by_mistake',
  OTHER: 'other',
};
export const WISH_TICKET_REASONS: Readonly<Record<string, Reason>> = { ...WISH_REASONS, ...TICKET_ONLY_REASONS };

export function mapWishTicketReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(WISH_TICKET_REASONS, raw, 'other');
}
