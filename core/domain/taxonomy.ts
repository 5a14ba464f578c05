// The unified after-sales vocabulary (DESIGN "The unified model"). Every platform value maps
// into these lists; the raw value is always kept beside the unified one.

export const PLATFORMS = ['amazon', 'ebay', 'shopify', 'walmart', 'wish'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CASE_KINDS = ['return', 'refund', 'cancellation', 'inquiry', 'claim', 'chargeback'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_TYPES = ['refund_only', 'return_and_refund', 'replacement', 'exchange'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['requested', 'approved', 'rejected', 'completed', 'cancelled', 'escalated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REASONS = [
  'size_too_small',
  'size_too_large',
  'size_fit',
  'quality_defective',
  'not_as_described',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'no_longer_needed',
  'ordered_by_mistake',
  'better_price',
  'arrived_late',
  'not_received',
  'counterfeit',
  'fraud_unauthorized',
  'seller_cannot_fulfil',
  'other',
] as const;
export type Reason = (typeof REASONS)[number];

/** "Size complaints" are these three reasons (DESIGN). */
export const SIZE_REASONS: readonly Reason[] = ['size_too_small', 'size_too_large', 'size_fit'];

/** Where a case's unified reason came from. */
export const REASON_SOURCES = ['platform', 'text', 'fallback'] as const;
export type ReasonSource = (typeof REASON_SOURCES)[number];

export const MEMBER_ROLES = ['viewer', 'agent', 'supervisor', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
