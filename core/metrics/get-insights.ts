import { type Reason, SIZE_REASONS } from '../domain/taxonomy.ts';
import { readInt } from '../store/sql-driver.ts';
import { agentPerformance } from './agent-performance.ts';
import { caseWhere } from './case-filters.ts';
import type { MetricDeps } from './metric-deps.ts';
import { rankSkus } from './rank-skus.ts';
import { ratio, refundRate } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';

export const INSIGHT_KINDS = ['size_chart', 'quality_check', 'packaging', 'refund_rate_outlier', 'return_policy', 'claim_burst', 'slow_agent'] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export interface Insight {
  kind: InsightKind;
  /** What to do, in a sentence. */
  recommendation: string;
  /** The SKU, store or agent it is about. */
  subject: string;
  /** The numbers behind it. */
  evidence: Record<string, number | string | null>;
  confidence: 'high' | 'medium' | 'low';
}

const DAY = 86_400_000;
const pct = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);
const CHANGE_OF_MIND: readonly Reason[] = ['no_longer_needed', 'ordered_by_mistake', 'better_price'];

/** Thresholds of the rules, in one place so the evidence can quote them. */
export const INSIGHT_RULES = {
  minCasesPerSku: 10,
  sizeShare: 0.4,
  damageShare: 0.25,
  spikeDays: 14,
  spikeFactor: 3,
  spikeMinCases: 5,
  outlierFactor: 2,
  outlierMinUnits: 30,
  outlierMinRate: 0.08,
  changeOfMindShare: 0.3,
  claimDays: 10,
  claimFactor: 3,
  claimMinCases: 5,
  slowFactor: 3,
  slowMinCases: 10,
} as const;

/**
 * Deterministic rules that turn the numbers into recommendations with their evidence: a size
 * chart for size-heavy SKUs, a quality check for a defect spike, packaging for damage in
 * transit, a look at refund-rate outliers, a policy for repeated change-of-mind returns, fast
 * answers to a burst of claims, and a slow agent. Each states how confident it is.
 */
export async function getInsights(deps: MetricDeps, input: { storeIds: readonly string[] | undefined; period: Period }): Promise<Insight[]> {
  const R = INSIGHT_RULES;
  const { storeIds, period } = input;
  const out: Insight[] = [];

  // Per SKU × reason among returns and refunds.
  const where = caseWhere({ stores: storeIds, period, kinds: ['return', 'refund'] });
  const rows = await deps.sql.all<{ sku: string; reason: Reason; n: unknown }>(
    `SELECT cl."seller_sku" AS sku, c."reason" AS reason, COUNT(DISTINCT c."id") AS n FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
      WHERE ${where.sql} GROUP BY cl."seller_sku", c."reason"`,
    where.params,
  );
  const bySku = new Map<string, Map<Reason, number>>();
  for (const r of rows) {
    const m = bySku.get(r.sku) ?? new Map<Reason, number>();
    m.set(r.reason, readInt(r.n));
    bySku.set(r.sku, m);
  }
  let allReturns = 0;
  let changeOfMind = 0;
  for (const [sku, reasons] of bySku) {
    const total = [...reasons.values()].reduce((a, b) => a + b, 0);
    allReturns += total;
    changeOfMind += CHANGE_OF_MIND.reduce((a, r) => a + (reasons.get(r) ?? 0), 0);
    if (total < R.minCasesPerSku) continue;
    const size = SIZE_REASONS.reduce((a, r) => a + (reasons.get(r) ?? 0), 0);
    const small = reasons.get('size_too_small') ?? 0;
    const large = reasons.get('size_too_large') ?? 0;
    if (size / total >= R.sizeShare) {
      const direction = small > 2 * large ? 'runs small' : large > 2 * small ? 'runs large' : 'fits inconsistently';
      out.push({
        kind: 'size_chart',
        subject: sku,
        recommendation: `${sku} ${direction}: fix the size chart and the listing's fit note${direction === 'runs small' ? ' (suggest sizing up)' : direction === 'runs large' ? ' (suggest sizing down)' : ''}.`,
        evidence: {
          return_cases: total,
          size_cases: size,
          size_share: pct(size / total),
          too_small: small,
          too_large: large,
          threshold: pct(R.sizeShare),
        },
        confidence: total >= 30 && size / total >= 0.5 ? 'high' : 'medium',
      });
    }
    const damaged = reasons.get('damaged_in_transit') ?? 0;
    if (damaged / total >= R.damageShare && damaged >= 5) {
      out.push({
        kind: 'packaging',
        subject: sku,
        recommendation: `${sku} arrives damaged too often: improve its packaging (inner protection, box strength) or check the carrier.`,
        evidence: { return_cases: total, damaged_in_transit: damaged, damaged_share: pct(damaged / total), threshold: pct(R.damageShare) },
        confidence: damaged >= 15 ? 'high' : 'medium',
      });
    }
  }
  const comShare = ratio(changeOfMind, allReturns);
  if (comShare !== null && allReturns >= 50 && comShare >= R.changeOfMindShare) {
    out.push({
      kind: 'return_policy',
      subject: 'all stores in scope',
      recommendation:
        'Many returns are changes of mind (no longer needed, ordered by mistake, better price elsewhere): consider a restocking fee or shorter window where the platform allows it, and clearer listings.',
      evidence: { return_cases: allReturns, change_of_mind: changeOfMind, share: pct(comShare), threshold: pct(R.changeOfMindShare) },
      confidence: allReturns >= 200 ? 'high' : 'medium',
    });
  }

  // Defect spike: quality complaints in the last days of the period against the SKU's earlier pace.
  const spikeStart = new Date(period.to.getTime() - R.spikeDays * DAY);
  const earlierDays = Math.max(1, (spikeStart.getTime() - period.from.getTime()) / DAY);
  const quality = caseWhere({ stores: storeIds, period, kinds: ['return', 'refund', 'claim'], reasons: ['quality_defective', 'not_as_described'] });
  const spikeRows = await deps.sql.all<{ sku: string; recent: unknown; earlier: unknown }>(
    `SELECT cl."seller_sku" AS sku, SUM(CASE WHEN c."requested_at" >= ? THEN 1 ELSE 0 END) AS recent, SUM(CASE WHEN c."requested_at" < ? THEN 1 ELSE 0 END) AS earlier
       FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id" WHERE ${quality.sql} GROUP BY cl."seller_sku"`,
    [spikeStart, spikeStart, ...quality.params],
  );
  for (const r of spikeRows) {
    const recent = readInt(r.recent);
    const earlier = readInt(r.earlier);
    const expected = (earlier / earlierDays) * R.spikeDays;
    if (recent >= R.spikeMinCases && recent >= R.spikeFactor * Math.max(expected, 1)) {
      out.push({
        kind: 'quality_check',
        subject: r.sku,
        recommendation: `${r.sku}: defect complaints jumped in the last ${R.spikeDays} days — hold and inspect the current batch, and contact the supplier.`,
        evidence: {
          last_days: R.spikeDays,
          recent_quality_cases: recent,
          expected_at_earlier_pace: Math.round(expected * 10) / 10,
          earlier_quality_cases: earlier,
        },
        confidence: recent >= 15 ? 'high' : 'medium',
      });
    }
  }

  // Refund-rate outliers against the overall rate.
  const overall = await refundRate(deps, { storeIds, period });
  if (overall.rate_by_units !== null) {
    const ranked = await rankSkus(deps, { storeIds, period, by: 'refund_rate', minUnits: R.outlierMinUnits, limit: 10 });
    for (const s of ranked.skus) {
      if (s.refund_rate === null || s.refund_rate < R.outlierMinRate || s.refund_rate < R.outlierFactor * overall.rate_by_units) continue;
      out.push({
        kind: 'refund_rate_outlier',
        subject: s.seller_sku,
        recommendation: `${s.seller_sku} is refunded ${Math.round(s.refund_rate / overall.rate_by_units)}× as often as your average: check its listing and reviews; fix or de-list it, and hold restocking until then.`,
        evidence: { units_sold: s.units_sold, refunded_units: s.refunded_units, refund_rate: pct(s.refund_rate), overall_rate: pct(overall.rate_by_units) },
        confidence: s.units_sold >= 100 ? 'high' : 'medium',
      });
    }
  }

  // A burst of claims in a store: the last days against its earlier pace.
  const claimStart = new Date(period.to.getTime() - R.claimDays * DAY);
  const claimWhere = caseWhere({ stores: storeIds, period, kinds: ['claim'] });
  const claimRows = await deps.sql.all<{ store: string; recent: unknown; earlier: unknown }>(
    `SELECT c."store_id" AS store, SUM(CASE WHEN c."requested_at" >= ? THEN 1 ELSE 0 END) AS recent, SUM(CASE WHEN c."requested_at" < ? THEN 1 ELSE 0 END) AS earlier
       FROM "cases" c WHERE ${claimWhere.sql} GROUP BY c."store_id"`,
    [claimStart, claimStart, ...claimWhere.params],
  );
  const claimEarlierDays = Math.max(1, (claimStart.getTime() - period.from.getTime()) / DAY);
  for (const r of claimRows) {
    const recent = readInt(r.recent);
    const expected = (readInt(r.earlier) / claimEarlierDays) * R.claimDays;
    if (recent >= R.claimMinCases && recent >= R.claimFactor * Math.max(expected, 1)) {
      out.push({
        kind: 'claim_burst',
        subject: r.store,
        recommendation: `${r.store}: a burst of claims in the last ${R.claimDays} days — answer each before its deadline with tracking and evidence, and look for the common order, SKU or carrier.`,
        evidence: { last_days: R.claimDays, recent_claims: recent, expected_at_earlier_pace: Math.round(expected * 10) / 10 },
        confidence: recent >= 15 ? 'high' : 'medium',
      });
    }
  }

  // An agent much slower than the team.
  const agents = (await agentPerformance(deps, { storeIds, period })).agents.filter((a) => a.median_handling_hours !== null && a.decided >= R.slowMinCases);
  const medians = agents.map((a) => a.median_handling_hours ?? 0).sort((a, b) => a - b);
  const teamMedian = medians[Math.floor((medians.length - 1) / 2)] ?? null;
  if (teamMedian !== null && agents.length >= 2) {
    for (const a of agents) {
      const others = agents.filter((x) => x !== a).map((x) => x.median_handling_hours ?? 0);
      const othersMax = Math.max(...others);
      if ((a.median_handling_hours ?? 0) >= R.slowFactor * Math.max(othersMax, 0.1)) {
        out.push({
          kind: 'slow_agent',
          subject: a.assignee,
          recommendation: `${a.assignee} takes far longer to decide cases than the rest of the team: look at their queue, training or workload.`,
          evidence: { median_handling_hours: a.median_handling_hours, slowest_other_median_hours: othersMax, cases_decided: a.decided },
          confidence: a.decided >= 30 ? 'high' : 'medium',
        });
      }
    }
  }
  return out;
}
