import { classifyReasonText } from './classify-reason-text.ts';
import type { Reason, ReasonSource } from './taxonomy.ts';

export interface ResolvedReason {
  reason: Reason;
  source: ReasonSource;
}

const SIZE_DIRECTIONS: readonly Reason[] = ['size_too_small', 'size_too_large'];

/**
 * Combines the platform's reason code (already mapped) with the customer's free text:
 * - a specific platform reason stands (source `platform`);
 * - a generic one (`other`, or a code we do not know) takes the reason the text gives (`text`);
 * - `size_fit` ("wrong size", direction unknown) is refined to too small / too large when the
 *   text says which (`text`);
 * - with neither, the case is `other` (`fallback`).
 */
export function resolveReason(platform: { value: Reason; mapped: boolean; raw: string | null }, customerText: string | null | undefined): ResolvedReason {
  const generic = platform.value === 'other' || !platform.mapped;
  if (!generic && platform.value !== 'size_fit') return { reason: platform.value, source: 'platform' };
  const fromText = classifyReasonText(customerText);
  if (platform.value === 'size_fit' && platform.mapped) {
    return fromText && SIZE_DIRECTIONS.includes(fromText) ? { reason: fromText, source: 'text' } : { reason: 'size_fit', source: 'platform' };
  }
  if (fromText) return { reason: fromText, source: 'text' };
  return platform.raw !== null && platform.mapped ? { reason: 'other', source: 'platform' } : { reason: 'other', source: 'fallback' };
}
