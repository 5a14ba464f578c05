import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { addToDate, formatWallDate, isoWeekday, parseWallDate, startOfDay, type WallDate, wallClock } from './zoned-time.ts';

export const PERIOD_PRESETS = [
  'today',
  'yesterday',
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'last_7_days',
  'last_30_days',
  'last_90_days',
  'last_180_days',
  'this_year',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What a person or a model asks for: a named preset, or explicit dates (both inclusive, in the team time zone). */
export interface PeriodRequest {
  preset?: PeriodPreset | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A period as every output states it: concrete instants, the calendar dates they cover, the zone. */
export interface Period {
  preset: PeriodPreset | null;
  /** First instant in the period. */
  from: Date;
  /** First instant after the period (exclusive end). */
  to: Date;
  /** First and last calendar day covered, in `timeZone`. */
  firstDay: string;
  lastDay: string;
  days: number;
  timeZone: string;
}

export const PeriodOutput = z.object({
  preset: z.enum(PERIOD_PRESETS).nullable(),
  from: z.string().describe('First instant in the period (ISO, UTC)'),
  to: z.string().describe('First instant after the period (ISO, UTC; exclusive)'),
  first_day: z.string(),
  last_day: z.string(),
  days: z.number().int(),
  time_zone: z.string(),
});
export type PeriodOutput = z.output<typeof PeriodOutput>;

export function periodOutput(p: Period): PeriodOutput {
  return {
    preset: p.preset,
    from: p.from.toISOString(),
    to: p.to.toISOString(),
    first_day: p.firstDay,
    last_day: p.lastDay,
    days: p.days,
    time_zone: p.timeZone,
  };
}

function span(first: WallDate, lastInclusive: WallDate, timeZone: string, preset: PeriodPreset | null): Period {
  const next = addToDate(lastInclusive, 1, 'day');
  const days = Math.round((Date.UTC(next.year, next.month - 1, next.day) - Date.UTC(first.year, first.month - 1, first.day)) / 86_400_000);
  return {
    preset,
    from: startOfDay(first, timeZone),
    to: startOfDay(next, timeZone),
    firstDay: formatWallDate(first),
    lastDay: formatWallDate(lastInclusive),
    days,
    timeZone,
  };
}

/**
 * Turns a preset or explicit dates into instants in the team time zone. "last_7_days" is today
 * and the six days before it; weeks start on Monday; `to` is inclusive of its whole day.
 */
export function resolvePeriod(request: PeriodRequest, now: Date, timeZone: string, fallback: PeriodPreset = 'last_30_days'): Period {
  const today: WallDate = wallClock(now, timeZone);
  if (request.from !== undefined || request.to !== undefined) {
    if (request.preset) throw new AppError('BAD_INPUT', 'Give either a period preset or from/to dates, not both.');
    const from = request.from === undefined ? null : parseWallDate(request.from);
    const to = request.to === undefined ? today : parseWallDate(request.to);
    if (!from) throw new AppError('BAD_INPUT', `"from" must be a date like 2026-11-01 (got ${JSON.stringify(request.from ?? null)}).`);
    if (!to) throw new AppError('BAD_INPUT', `"to" must be a date like 2026-11-30 (got ${JSON.stringify(request.to)}).`);
    if (formatWallDate(from) > formatWallDate(to)) throw new AppError('BAD_INPUT', `"from" (${request.from}) is after "to" (${formatWallDate(to)}).`);
    return span(from, to, timeZone, null);
  }
  const preset = request.preset ?? fallback;
  const monday = addToDate(today, 1 - isoWeekday(today), 'day');
  const monthStart = { ...today, day: 1 };
  switch (preset) {
    case 'today':
      return span(today, today, timeZone, preset);
    case 'yesterday': {
      const y = addToDate(today, -1, 'day');
      return span(y, y, timeZone, preset);
    }
    case 'this_week':
      return span(monday, addToDate(monday, 6, 'day'), timeZone, preset);
    case 'last_week':
      return span(addToDate(monday, -7, 'day'), addToDate(monday, -1, 'day'), timeZone, preset);
    case 'this_month':
      return span(monthStart, addToDate(addToDate(monthStart, 1, 'month'), -1, 'day'), timeZone, preset);
    case 'last_month': {
      const first = addToDate(monthStart, -1, 'month');
      return span(first, addToDate(monthStart, -1, 'day'), timeZone, preset);
    }
    case 'this_year':
      return span({ year: today.year, month: 1, day: 1 }, { year: today.year, month: 12, day: 31 }, timeZone, preset);
    case 'last_7_days':
    case 'last_30_days':
    case 'last_90_days':
    case 'last_180_days': {
      const n = Number(preset.split('_')[1]);
      return span(addToDate(today, -(n - 1), 'day'), today, timeZone, preset);
    }
  }
}

/** The period just before, for comparison: the previous calendar week/month/year, or as many days before. */
export function previousPeriod(p: Period): Period {
  const first = parseWallDate(p.firstDay);
  if (!first) throw new Error(`bad period day ${p.firstDay}`);
  const unit = p.preset === 'this_month' || p.preset === 'last_month' ? 'month' : p.preset === 'this_year' ? 'year' : null;
  if (unit) {
    const start = addToDate(first, -1, unit);
    return span(start, addToDate(first, -1, 'day'), p.timeZone, null);
  }
  return span(addToDate(first, -p.days, 'day'), addToDate(first, -1, 'day'), p.timeZone, null);
}
