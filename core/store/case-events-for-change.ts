import type { CaseRecord } from '../domain/records.ts';

type Case = Required<
  Pick<CaseRecord, 'status' | 'reason' | 'type' | 'requestedMinor' | 'refundedMinor' | 'assignee' | 'decidedAt' | 'closedAt' | 'refundedAt'>
>;

/** The fields of a stored case that the timeline follows. */
export interface TrackedCaseFields {
  status: string;
  reason: string;
  type: string;
  requestedMinor: bigint | null;
  refundedMinor: bigint | null;
  assignee: string | null;
}

export interface CaseEventDraft {
  type: string;
  at: Date;
  fromValue: string | null;
  toValue: string | null;
  detail: Record<string, unknown> | null;
}

const str = (v: bigint | string | null) => (v === null ? null : String(v));

/** When a status was reached, as far as the platform tells us; otherwise when we saw it. */
function statusTime(next: Case, seenAt: Date): Date {
  switch (next.status) {
    case 'approved':
    case 'rejected':
      return next.decidedAt ?? seenAt;
    case 'completed':
    case 'cancelled':
      return next.closedAt ?? next.refundedAt ?? seenAt;
    default:
      return seenAt;
  }
}

/**
 * The timeline entries for a case whose platform record changed. Always at least one entry, so
 * every update the sync writes is visible on the case.
 */
export function caseEventsForChange(previous: TrackedCaseFields, next: Case, seenAt: Date): CaseEventDraft[] {
  const events: CaseEventDraft[] = [];
  const add = (type: string, from: string | null, to: string | null, at = seenAt) => events.push({ type, at, fromValue: from, toValue: to, detail: null });
  if (previous.status !== next.status) add('status_changed', previous.status, next.status, statusTime(next, seenAt));
  if (previous.reason !== next.reason) add('reason_changed', previous.reason, next.reason);
  if (previous.type !== next.type) add('type_changed', previous.type, next.type);
  if (previous.requestedMinor !== next.requestedMinor) add('amount_changed', str(previous.requestedMinor), str(next.requestedMinor));
  if (previous.refundedMinor !== next.refundedMinor)
    add('refund_amount_changed', str(previous.refundedMinor), str(next.refundedMinor), next.refundedAt ?? seenAt);
  if (previous.assignee !== next.assignee) add('assigned', previous.assignee, next.assignee);
  if (events.length === 0) events.push({ type: 'updated', at: seenAt, fromValue: null, toValue: null, detail: { note: 'platform details changed' } });
  return events;
}
