import { describe, expect, it } from 'vitest';
import { caseEventsForChange, type TrackedCaseFields } from './case-events-for-change.ts';

const before: TrackedCaseFields = {
  status: 'requested',
  reason: 'other',
  type: 'return_and_refund',
  requestedMinor: 2500n,
  refundedMinor: null,
  assignee: null,
};
const next = {
  status: 'requested' as const,
  reason: 'other' as const,
  type: 'return_and_refund' as const,
  requestedMinor: 2500n,
  refundedMinor: null,
  assignee: null,
  decidedAt: null,
  closedAt: null,
  refundedAt: null,
};
const seenAt = new Date('2026-12-02T10:00:00Z');

describe('caseEventsForChange', () => {
  it('dates an approval at the platform’s decision time', () => {
    const decidedAt = new Date('2026-12-01T08:00:00Z');
    expect(caseEventsForChange(before, { ...next, status: 'approved', decidedAt }, seenAt)).toEqual([
      { type: 'status_changed', at: decidedAt, fromValue: 'requested', toValue: 'approved', detail: null },
    ]);
  });

  it('records each followed field that moved', () => {
    const events = caseEventsForChange(before, { ...next, reason: 'size_too_small', assignee: 'mia', requestedMinor: 2000n }, seenAt);
    expect(events.map((e) => [e.type, e.fromValue, e.toValue])).toEqual([
      ['reason_changed', 'other', 'size_too_small'],
      ['amount_changed', '2500', '2000'],
      ['assigned', null, 'mia'],
    ]);
  });

  it('still records an update when only other platform details changed', () => {
    expect(caseEventsForChange(before, next, seenAt)).toEqual([
      { type: 'updated', at: seenAt, fromValue: null, toValue: null, detail: { note: 'platform details changed' } },
    ]);
  });
});
