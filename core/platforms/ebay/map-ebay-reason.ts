import type { Reason } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

/** Post-Order `ReturnReasonEnum`, cancellation reasons and Fulfillment payment-dispute reasons. */
export const EBAY_REASONS: Readonly<Record<string, Reason>> = {
  WRONG_SIZE: 'size_fit',
  DEFECTIVE_ITEM: 'quality_defective',
  EXPIRED_ITEM: 'quality_defective',
  NOT_AS_DESCRIBED: 'not_as_described',
  DIFFERENT_FROM_LISTING: 'not_as_described',
  ARRIVED_DAMAGED: 'damaged_in_transit',
  ORDERED_DIFFERENT_ITEM: 'wrong_item',
  MISSING_PARTS: 'missing_parts',
  NO_LONGER_NEED_ITEM: 'no_longer_needed',
  RETURNING_GIFT: 'no_longer_needed',
  ORDERED_ACCIDENTALLY: 'ordered_by_mistake',
  ORDERED_WRONG_ITEM: 'ordered_by_mistake',
  FOUND_BETTER_PRICE: 'better_price',
  ARRIVED_LATE: 'arrived_late',
  FAKE_OR_COUNTERFEIT: 'counterfeit',
  OUT_OF_STOCK: 'seller_cannot_fulfil',
  OUT_OF_STOCK_OR_CANNOT_FULFILL: 'seller_cannot_fulfil',
  CUSTOMIZED: 'other',
  IN_STORE_RETURN: 'other',
  VALET_DELIVERY_ISSUES: 'other',
  VALET_UNAVAILABLE: 'other',
  NO_REASON: 'other',
  OTHER: 'other',
  // Payment disputes (Fulfillment API).
  ITEM_NOT_RECEIVED: 'not_received',
  SIGNIFICANTLY_NOT_AS_DESCRIBED: 'not_as_described',
  FRAUD: 'fraud_unauthorized',
  COUNTERFEIT: 'counterfeit',
  TRANSACTION_ISSUE: 'other',
  CREDIT_NOT_PROCESSED: 'other',
  DUPLICATE_AMOUNT: 'other',
  INCORRECT_AMOUNT: 'other',
};

export function mapEbayReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(EBAY_REASONS, raw, 'other');
}

/**
 * Post-Order `CancelReasonEnum` (GET /post-order/v2/cancellation/search `cancelReason`). Kept apart
 * from EBAY_REASONS: a cancellation's codes never appear on returns, and vice versa.
 */
export const EBAY_CANCEL_REASONS: Readonly<Record<string, Reason>> = {
  ORDER_MISTAKE: 'ordered_by_mistake',
  FOUND_CHEAPER_PRICE: 'better_price',
  PRICE_TOO_HIGH: 'better_price',
  WONT_ARRIVE_IN_TIME: 'arrived_late',
  OUT_OF_STOCK_OR_CANNOT_FULFILL: 'seller_cannot_fulfil',
  // The seller cancelling because the buyer asked says nothing of why the buyer asked.
  BUYER_ASKED_CANCEL: 'other',
  ADDRESS_ISSUE: 'other',
  BUYER_CANCEL_OR_ADDRESS_ISSUE: 'other',
  ORDER_UNPAID: 'other',
  OTHER: 'other',
};

export function mapEbayCancelReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(EBAY_CANCEL_REASONS, raw, 'other');
}
