import type { Reason } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped } from '../lookup-code.ts';

/**
 * `ReturnReason` (and the handles of `ReturnReasonDefinition`, which normalise to the same
 * codes), `Order.cancelReason` and `ShopifyPaymentsDisputeReason`.
 */
export const SHOPIFY_REASONS: Readonly<Record<string, Reason>> = {
  SIZE_TOO_SMALL: 'size_too_small',
  SIZE_TOO_LARGE: 'size_too_large',
  DEFECTIVE: 'quality_defective',
  NOT_AS_DESCRIBED: 'not_as_described',
  WRONG_ITEM: 'wrong_item',
  UNWANTED: 'no_longer_needed',
  STYLE: 'no_longer_needed',
  COLOR: 'no_longer_needed',
  OTHER: 'other',
  UNKNOWN: 'other',
  // Order.cancelReason
  INVENTORY: 'seller_cannot_fulfil',
  CUSTOMER: 'other',
  DECLINED: 'other',
  FRAUD: 'fraud_unauthorized',
  STAFF: 'other',
  // ShopifyPaymentsDisputeReason
  PRODUCT_NOT_RECEIVED: 'not_received',
  PRODUCT_UNACCEPTABLE: 'not_as_described',
  FRAUDULENT: 'fraud_unauthorized',
  UNRECOGNIZED: 'fraud_unauthorized',
  DEBIT_NOT_AUTHORIZED: 'fraud_unauthorized',
  BANK_CANNOT_PROCESS: 'other',
  CREDIT_NOT_PROCESSED: 'other',
  CUSTOMER_INITIATED: 'other',
  DUPLICATE: 'other',
  GENERAL: 'other',
  INCORRECT_ACCOUNT_DETAILS: 'other',
  INSUFFICIENT_FUNDS: 'other',
  NONCOMPLIANT: 'other',
  SUBSCRIPTION_CANCELLED: 'other',
};

export function mapShopifyReason(raw: string | null | undefined): Mapped<Reason> {
  return lookupCode(SHOPIFY_REASONS, raw, 'other');
}
