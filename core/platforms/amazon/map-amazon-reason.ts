import type { Reason } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped, normaliseCode } from '../lookup-code.ts';

/**
 * Return reasons of the FBA returns report (`reason`) and the MFN returns report (`Return
 * Reason`; `CR-<FBA code>` and `AMZ-PG-*` codes), and payment-adjustment reasons of refunds.
 */
export const AMAZON_REASONS: Readonly<Record<string, Reason>> = {
  APPAREL_TOO_SMALL: 'size_too_small',
  AMZ_PG_APP_TOO_SMALL: 'size_too_small',
  APPAREL_TOO_LARGE: 'size_too_large',
  AMZ_PG_APP_TOO_LARGE: 'size_too_large',
  POOR_FIT: 'size_fit',
  DEFECTIVE: 'quality_defective',
  QUALITY_UNACCEPTABLE: 'quality_defective',
  AMZ_PG_BAD_ITEM: 'quality_defective',
  NOT_AS_DESCRIBED: 'not_as_described',
  AMZ_PG_BAD_DESC: 'not_as_described',
  NOT_COMPATIBLE: 'not_as_described',
  PART_NOT_COMPATIBLE: 'not_as_described',
  DAMAGED_BY_CARRIER: 'damaged_in_transit',
  DAMAGED_BY_FC: 'damaged_in_transit',
  AMZ_PG_DAMAGED: 'damaged_in_transit',
  DIFFERENT_PRODUCT: 'wrong_item',
  MISSING_PARTS: 'missing_parts',
  UNWANTED_ITEM: 'no_longer_needed',
  APPAREL_STYLE: 'no_longer_needed',
  AMZ_PG_APP_STYLE: 'no_longer_needed',
  DID_NOT_LIKE_COLOR: 'no_longer_needed',
  DID_NOT_LIKE_FABRIC: 'no_longer_needed',
  MISORDERED: 'ordered_by_mistake',
  ORDERED_WRONG_ITEM: 'ordered_by_mistake',
  FOUND_BETTER_PRICE: 'better_price',
  MISSED_ESTIMATED_DELIVERY: 'arrived_late',
  NEVER_ARRIVED: 'not_received',
  UNAUTHORIZED_PURCHASE: 'fraud_unauthorized',
  SWITCHEROO: 'fraud_unauthorized',
  NO_REASON_GIVEN: 'other',
  UNKNOWN_OTHER_REASON: 'other',
  EXTRA_ITEM: 'other',
  EXCESSIVE_INSTALLATION: 'other',
  UND_UNKNOWN: 'other',
  // Payment adjustment reasons (refunds issued by the seller).
  NOINVENTORY: 'seller_cannot_fulfil',
  COULDNOTSHIP: 'seller_cannot_fulfil',
  PRODUCTOUTOFSTOCK: 'seller_cannot_fulfil',
  DIFFERENTITEM: 'wrong_item',
  UNDELIVERABLE: 'not_received',
  CUSTOMERRETURN: 'other',
  CUSTOMERCANCEL: 'other',
  GENERALADJUSTMENT: 'other',
  OTHER: 'other',
};

export function mapAmazonReason(raw: string | null | undefined): Mapped<Reason> {
  if (raw) {
    const code = normaliseCode(raw).replace(/^CR_/, '');
    // Families the reports extend over time: every UNDELIVERABLE_* is a parcel that never arrived,
    // every DID_NOT_LIKE_* a change of mind.
    if (code.startsWith('UNDELIVERABLE_')) return { value: 'not_received', mapped: true, raw };
    if (code.startsWith('DID_NOT_LIKE_')) return { value: 'no_longer_needed', mapped: true, raw };
    return { ...lookupCode(AMAZON_REASONS, code, 'other'), raw };
  }
  return lookupCode(AMAZON_REASONS, raw, 'other');
}
