import { describe, expect, it } from 'vitest';
import { previousPeriod, resolvePeriod } from './resolve-period.ts';

const at = (iso: string) => new Date(iso);

describe('resolvePeriod', () => {
  it('starts "today" at midnight in the team time zone, not in UTC', () => {
    // 2026-12-04 01:30 in Shanghai is still 12-03 in UTC.
    const p = resolvePeriod({ preset: 'today' }, at('2026-12-03T17:30:00Z'), 'Asia/Shanghai');
    expect(p).toMatchObject({ firstDay: '2026-12-04', lastDay: '2026-12-04', days: 1 });
    expect(p.from.toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('counts last_7_days as today and the six days before', () => {
    const p = resolvePeriod({ preset: 'last_7_days' }, at('2026-12-04T10:00:00Z'), 'Asia/Shanghai');
    expect([p.firstDay, p.lastDay, p.days]).toEqual(['2026-11-28', '2026-12-04', 7]);
    expect(previousPeriod(p)).toMatchObject({ firstDay: '2026-11-21', lastDay: '2026-11-27', days: 7 });
  });

  it('gives calendar months across a year change, and the month before for comparison', () => {
    const p = resolvePeriod({ preset: 'last_month' }, at('2027-01-15T12:00:00Z'), 'UTC');
    expect([p.firstDay, p.lastDay, p.days]).toEqual(['2026-12-01', '2026-12-31', 31]);
    expect(previousPeriod(p)).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30', days: 30 });
    const march = resolvePeriod({ preset: 'this_month' }, at('2027-03-31T12:00:00Z'), 'UTC');
    expect(previousPeriod(march)).toMatchObject({ firstDay: '2027-02-01', lastDay: '2027-02-28' });
  });

  it('has a 23-hour day when clocks go forward (Berlin, 2026-03-29)', () => {
    const p = resolvePeriod({ from: '2026-03-29', to: '2026-03-29' }, at('2026-04-10T00:00:00Z'), 'Europe/Berlin');
    expect(p.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('starts weeks on Monday', () => {
    // 2026-12-04 is a Friday.
    const p = resolvePeriod({ preset: 'this_week' }, at('2026-12-04T10:00:00Z'), 'UTC');
    expect([p.firstDay, p.lastDay]).toEqual(['2026-11-30', '2026-12-06']);
    expect(resolvePeriod({ preset: 'last_week' }, at('2026-12-04T10:00:00Z'), 'UTC')).toMatchObject({ firstDay: '2026-11-23', lastDay: '2026-11-29' });
  });

  it('refuses impossible dates, reversed ranges and a preset with dates, saying what to give', () => {
    const now = at('2026-12-04T10:00:00Z');
    expect(() => resolvePeriod({ from: '2026-02-30' }, now, 'UTC')).toThrow('"from" must be a date like 2026-11-01 (got "2026-02-30").');
    expect(() => resolvePeriod({ from: '2026-12-05', to: '2026-12-01' }, now, 'UTC')).toThrow('"from" (2026-12-05) is after "to" (2026-12-01).');
    expect(() => resolvePeriod({ preset: 'today', from: '2026-12-01' }, now, 'UTC')).toThrow('either a period preset or from/to dates');
  });
});
