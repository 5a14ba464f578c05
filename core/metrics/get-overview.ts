import type { Reason } from '../domain/taxonomy.ts';
import { readInt } from '../store/sql-driver.ts';
import { caseWhere } from './case-filters.ts';
import { DISPUTE_KINDS, PENDING_STATUSES } from './definitions.ts';
import type { ConvertedTotal } from './fx-table.ts';
import { loadFxTable } from './fx-table.ts';
import type { MetricDeps } from './metric-deps.ts';
import { type RefundRate, ratio, refundRate, unitsSold } from './refund-rate.ts';
import { refundedAmount } from './refunded-amount.ts';
import { type Period, type PeriodOutput, periodOutput, previousPeriod, resolvePeriod } from './resolve-period.ts';

export interface Compared<T> {
  current: T;
  previous: T;
  previous_period: PeriodOutput;
}

export interface Overview {
  refund_rate: { last_7_days: Compared<RefundRate> & { period: PeriodOutput }; last_30_days: Compared<RefundRate> & { period: PeriodOutput } };
  pending: { total: number; by_kind: Record<string, number>; by_status: Record<string, number> };
  dispute_rate: Compared<{ disputes: number; orders: number; rate: number | null }>;
  reasons: { reason: Reason; cases: number; share: number }[];
  refunded_amount: Compared<ConvertedTotal>;
}

type SoldIn = (period: Period) => Promise<{ units: number; orders: number }>;

async function disputeRate(deps: MetricDeps, storeIds: readonly string[] | undefined, period: Period, soldIn: SoldIn) {
  const where = caseWhere({ stores: storeIds, period, kinds: DISPUTE_KINDS });
  const [row] = await deps.sql.all(`SELECT count(*) AS n FROM "cases" c WHERE ${where.sql}`, where.params);
  const { orders } = await soldIn(period);
  const disputes = readInt(row?.n);
  return { disputes, orders, rate: ratio(disputes, orders) };
}

/** The numbers a team looks at first (DEFINITIONS: refund_rate_*, pending, dispute_rate, reason_distribution, refunded_amount). */
export async function getOverview(deps: MetricDeps, input: { storeIds: readonly string[] | undefined; period: Period }): Promise<Overview> {
  const now = deps.now();
  const { storeIds, period } = input;
  // Units and orders sold per period, read once: the 30-day refund rate and the dispute rate of
  // the default period divide by the same orders (the sold scan is the largest read here).
  const sold = new Map<string, Promise<{ units: number; orders: number }>>();
  const soldIn: SoldIn = (p) => {
    const key = `${p.from.getTime()}-${p.to.getTime()}`;
    let found = sold.get(key);
    if (!found) {
      found = unitsSold(deps, { storeIds, period: p });
      sold.set(key, found);
    }
    return found;
  };
  const rateOver = async (preset: 'last_7_days' | 'last_30_days') => {
    const p = resolvePeriod({ preset }, now, deps.timeZone);
    const prev = previousPeriod(p);
    return {
      period: periodOutput(p),
      current: await refundRate(deps, { storeIds, period: p, sold: soldIn(p) }),
      previous: await refundRate(deps, { storeIds, period: prev, sold: soldIn(prev) }),
      previous_period: periodOutput(prev),
    };
  };

  const pendingWhere = caseWhere({ stores: storeIds, statuses: PENDING_STATUSES });
  const pendingRows = await deps.sql.all<{ kind: string; status: string; n: unknown }>(
    `SELECT c."kind" AS kind, c."status" AS status, count(*) AS n FROM "cases" c WHERE ${pendingWhere.sql} GROUP BY c."kind", c."status"`,
    pendingWhere.params,
  );
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const r of pendingRows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + readInt(r.n);
    byStatus[r.status] = (byStatus[r.status] ?? 0) + readInt(r.n);
  }

  const reasonWhere = caseWhere({ stores: storeIds, period });
  const reasonRows = await deps.sql.all<{ reason: Reason; n: unknown }>(
    `SELECT c."reason" AS reason, count(*) AS n FROM "cases" c WHERE ${reasonWhere.sql} GROUP BY c."reason" ORDER BY count(*) DESC, c."reason"`,
    reasonWhere.params,
  );
  const totalCases = reasonRows.reduce((sum, r) => sum + readInt(r.n), 0);

  const fx = await loadFxTable(deps.sql);
  const prev = previousPeriod(period);
  return {
    refund_rate: { last_7_days: await rateOver('last_7_days'), last_30_days: await rateOver('last_30_days') },
    pending: { total: Object.values(byKind).reduce((a, b) => a + b, 0), by_kind: byKind, by_status: byStatus },
    dispute_rate: {
      current: await disputeRate(deps, storeIds, period, soldIn),
      previous: await disputeRate(deps, storeIds, prev, soldIn),
      previous_period: periodOutput(prev),
    },
    reasons: reasonRows.map((r) => ({ reason: r.reason, cases: readInt(r.n), share: ratio(readInt(r.n), totalCases) ?? 0 })),
    refunded_amount: {
      current: await refundedAmount(deps, fx, { storeIds, period }),
      previous: await refundedAmount(deps, fx, { storeIds, period: prev }),
      previous_period: periodOutput(prev),
    },
  };
}
