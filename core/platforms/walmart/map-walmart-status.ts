import type { CaseStatus } from '../../domain/taxonomy.ts';
import { lookupCode, type Mapped, normaliseCode } from '../lookup-code.ts';

// Walmart authorises buyer returns itself, so a return starts approved.
const RETURN_LINE_STATUSES: Readonly<Record<string, CaseStatus>> = {
  INITIATED: 'approved',
  DELIVERED: 'approved',
  COMPLETED: 'completed',
};

/** A return line's `status`; a COMPLETED line whose last event is RETURN_CANCELLED was withdrawn. */
export function mapWalmartReturnStatus(raw: string | null | undefined, signals: { lastEventTag: string | null }): Mapped<CaseStatus> {
  const mapped = lookupCode(RETURN_LINE_STATUSES, raw, 'approved');
  if (mapped.value === 'completed' && signals.lastEventTag && normaliseCode(signals.lastEventTag) === 'RETURN_CANCELLED')
    return { ...mapped, value: 'cancelled' };
  return mapped;
}
