import { readInt, readOptionalBigInt, type SqlValue } from '../store/sql-driver.ts';
import { type CaseFilters, caseWhere, orderLineWhere } from './case-filters.ts';
import { DISPUTE_KINDS, IS_REFUND_SQL } from './definitions.ts';
import { convertTotal, loadFxTable } from './fx-table.ts';
import type { MetricDeps } from './metric-deps.ts';
import { ratio } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';
import { epochSlot } from './sql-dialect.ts';
import { addToDate, formatWallDate, isoWeekday, parseWallDate, startOfDay, type WallDate } from './zoned-time.ts';

export const TREND_METRICS = ['cases', 'refund_rate', 'refunded_amount', 'disputes', 'units_sold'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const BUCKETS = ['day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface TrendPoint {
  /** First day of the bucket in the team time zone (weeks start on Monday). */
  bucket: string;
  from: string;
  to: string;
  value: number | null;
  /** The numerator and denominator behind a rate. */
  numerator?: number;
  denominator?: number;
}

/**
 * Every time zone offset is a multiple of 15 minutes: counting in 15-minute slots lets any zone's
 * days be summed exactly. When every bucket edge falls on a whole hour or day (most zones), the
 * slots are that long instead: fewer groups for the database to keep, same sums.
 */
const SLOT_SIZES_MS = [86_400_000, 3_600_000, 15 * 60_000] as const;

function slotFor(list: readonly { from: Date; to: Date }[]): number {
  return SLOT_SIZES_MS.find((size) => list.every((b) => b.from.getTime() % size === 0 && b.to.getTime() % size === 0)) ?? 15 * 60_000;
}

function buckets(period: Period, bucket: Bucket): { label: string; from: Date; to: Date }[] {
  const first = parseWallDate(period.firstDay);
  const last = parseWallDate(period.lastDay);
  if (!first || !last) return [];
  let start: WallDate =
    bucket === 'day' ? first : bucket === 'week' ? addToDate(first, 1 - isoWeekday(first), 'day') : { year: first.year, month: first.month, day: 1 };
  const out: { label: string; from: Date; to: Date }[] = [];
  while (formatWallDate(start) <= period.lastDay) {
    const next = addToDate(start, 1, bucket === 'day' ? 'day' : bucket === 'week' ? 'day' : 'month');
    const end = bucket === 'week' ? addToDate(start, 7, 'day') : next;
    const from = startOfDay(start, period.timeZone);
    const to = startOfDay(end, period.timeZone);
    // The first and last buckets are clipped to the period.
    out.push({
      label: formatWallDate(start),
      from: new Date(Math.max(from.getTime(), period.from.getTime())),
      to: new Date(Math.min(to.getTime(), period.to.getTime())),
    });
    start = end;
  }
  return out;
}

/** Sums per-slot values into buckets (slots are sorted; so are buckets). */
function intoBuckets(slots: Map<number, number>, list: { from: Date; to: Date }[], slotMs: number): number[] {
  const sums = list.map(() => 0);
  for (const [slot, value] of slots) {
    const ms = slot * slotMs;
    const i = list.findIndex((b) => ms >= b.from.getTime() && ms < b.to.getTime());
    if (i >= 0) sums[i] = (sums[i] ?? 0) + value;
  }
  return sums;
}

/**
 * Any of the main numbers by day, week or month in the team time zone. Cases count by request
 * date; refunded amounts by refund date; rates divide by units sold in the same bucket.
 */
export async function getTrend(
  deps: MetricDeps,
  input: { metric: TrendMetric; bucket: Bucket; period: Period; filters: Omit<CaseFilters, 'period' | 'dateBasis'> },
): Promise<TrendPoint[]> {
  const list = buckets(input.period, input.bucket);
  const slotMs = slotFor(list);
  const engine = deps.sql.engine;
  const FROM = {
    cases: '"cases" c',
    // Joined to the lines rather than a subquery per case: one pass over both.
    case_lines: '"cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"',
    order_lines: '"order_lines" ol',
  } as const;
  const sumBySlot = async (column: string, from: keyof typeof FROM, select: string, extra: string, params: SqlValue[]) => {
    const slot = epochSlot(engine, `${from === 'order_lines' ? 'ol' : 'c'}."${column}"`, slotMs);
    const rows = await deps.sql.all<{ slot: unknown; v: unknown }>(
      `SELECT ${slot} AS slot, ${select} AS v FROM ${FROM[from]} WHERE ${extra} GROUP BY ${slot}`,
      params,
    );
    return new Map(rows.map((r) => [readInt(r.slot), Number(r.v ?? 0)]));
  };
  const caseScope = (extraFilters: Partial<CaseFilters>, basis: 'request_date' | 'refund_date' = 'request_date') =>
    caseWhere({ ...input.filters, ...extraFilters, period: input.period, dateBasis: basis }, 'c', engine);
  const soldSlots = async () => {
    const where = orderLineWhere({ period: input.period, stores: input.filters.stores, skus: input.filters.skus });
    return sumBySlot('ordered_at', 'order_lines', 'SUM(ol."quantity")', where.sql, where.params);
  };
  const points = (values: (number | null)[], extra?: (i: number) => Partial<TrendPoint>) =>
    list.map((b, i) => ({ bucket: b.label, from: b.from.toISOString(), to: b.to.toISOString(), value: values[i] ?? null, ...extra?.(i) }));

  switch (input.metric) {
    case 'cases':
    case 'disputes': {
      const w = caseScope(input.metric === 'disputes' ? { kinds: DISPUTE_KINDS } : {});
      return points(intoBuckets(await sumBySlot('requested_at', 'cases', 'count(*)', w.sql, w.params), list, slotMs));
    }
    case 'units_sold':
      return points(intoBuckets(await soldSlots(), list, slotMs));
    case 'refund_rate': {
      const w = caseScope({});
      const refunded = intoBuckets(
        await sumBySlot('requested_at', 'case_lines', 'SUM(cl."quantity")', `${IS_REFUND_SQL} AND ${w.sql}`, w.params),
        list,
        slotMs,
      );
      const sold = intoBuckets(await soldSlots(), list, slotMs);
      return points(
        refunded.map((r, i) => ratio(r, sold[i] ?? 0)),
        (i) => ({ numerator: refunded[i] ?? 0, denominator: sold[i] ?? 0 }),
      );
    }
    case 'refunded_amount': {
      const w = caseScope({}, 'refund_date');
      const slot = epochSlot(engine, 'c."refunded_at"', slotMs);
      const rows = await deps.sql.all<{ slot: unknown; currency: string; minor: unknown }>(
        `SELECT ${slot} AS slot, c."currency" AS currency, SUM(c."refunded_minor") AS minor FROM "cases" c
          WHERE c."refunded_minor" IS NOT NULL AND ${w.sql} GROUP BY ${slot}, c."currency"`,
        w.params,
      );
      const fx = await loadFxTable(deps.sql);
      const perBucket = list.map(() => [] as { currency: string; day: string; minor: bigint }[]);
      for (const r of rows) {
        const ms = readInt(r.slot) * slotMs;
        const i = list.findIndex((b) => ms >= b.from.getTime() && ms < b.to.getTime());
        if (i >= 0) perBucket[i]?.push({ currency: r.currency, day: new Date(ms).toISOString().slice(0, 10), minor: readOptionalBigInt(r.minor) ?? 0n });
      }
      return points(perBucket.map((parts) => convertTotal(parts, fx, deps.reportingCurrency).amount));
    }
  }
}
