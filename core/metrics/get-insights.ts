import { type Reason, SIZE_REASONS } from '../domain/taxonomy.ts';
import { readInt } from '../store/sql-driver.ts';
import { agentPerformance } from './agent-performance.ts';
import { caseWhere } from './case-filters.ts';
import type { MetricDeps } from './metric-deps.ts';
import { rankSkus, skuUnits } from './rank-skus.ts';
import { ratio } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';
import { countZ, shareZ } from './z-score.ts';

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
  /** Standard errors above the norm before a share or a count is called out (about 1 in 700 by chance). */
  minZ: 3,
  /** From this many standard errors on, the finding is "high" confidence. */
  highZ: 5,
  minDirectionShare: 0.25,
  spikeDays: 14,
  spikeMinCases: 5,
  outlierMinUnits: 30,
  outlierFactor: 1.5,
  changeOfMindShare: 0.3,
  claimDays: 10,
  claimMinCases: 5,
  slowFactor: 3,
  slowMinCases: 10,
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;
const confidenceOf = (z: number): Insight['confidence'] => (z >= INSIGHT_RULES.highZ ? 'high' : 'medium');

/**
 * A count in the last days of the period against the pace of the days before: how many were
 * expected, how unusual the count is, and whether it is a burst (enough cases, at least twice
 * the expected number, and well above it).
 */
function againstEarlierPace(recent: number, earlier: number, window: { earlierDays: number; days: number; minCases: number }) {
  const expected = (earlier / window.earlierDays) * window.days;
  const z = countZ(recent, expected);
  return { expected, z, burst: recent >= window.minCases && recent >= 2 * expected && z >= INSIGHT_RULES.minZ };
}

/**
 * Deterministic rules that turn the numbers into recommendations with their evidence: a size
 * chart for size-heavy SKUs, a quality check for a defect spike, packaging for damage in
 * transit, a look at refund-rate outliers, a policy for repeated change-of-mind returns, fast
 * answers to a burst of claims, and a slow agent. A SKU is only called out when its share is
 * well above the norm of the other SKUs (a z-score, so 7 of 10 is noise and 30 of 48 is not);
 * each finding says how confident it is.
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
  const count = (m: Map<Reason, number>, reasons: readonly Reason[]) => reasons.reduce((a, r) => a + (m.get(r) ?? 0), 0);
  const totalOf = (m: Map<Reason, number>) => [...m.values()].reduce((a, b) => a + b, 0);

  // The norms: shares among SKUs that get size complaints at all (sized goods), and among all SKUs.
  const sized = [...bySku.values()].filter((m) => count(m, SIZE_REASONS) > 0);
  const sizedTotal = sized.reduce((a, m) => a + totalOf(m), 0);
  const norm = {
    small: sizedTotal ? sized.reduce((a, m) => a + (m.get('size_too_small') ?? 0), 0) / sizedTotal : 0,
    large: sizedTotal ? sized.reduce((a, m) => a + (m.get('size_too_large') ?? 0), 0) / sizedTotal : 0,
    size: sizedTotal ? sized.reduce((a, m) => a + count(m, SIZE_REASONS), 0) / sizedTotal : 0,
  };
  let allReturns = 0;
  let changeOfMind = 0;
  let damagedAll = 0;
  for (const m of bySku.values()) {
    allReturns += totalOf(m);
    changeOfMind += count(m, CHANGE_OF_MIND);
    damagedAll += m.get('damaged_in_transit') ?? 0;
  }
  const damageNorm = allReturns ? damagedAll / allReturns : 0;

  for (const [sku, reasons] of [...bySku].sort(([a], [b]) => a.localeCompare(b))) {
    const total = totalOf(reasons);
    if (total < R.minCasesPerSku) continue;
    const small = reasons.get('size_too_small') ?? 0;
    const large = reasons.get('size_too_large') ?? 0;
    const size = count(reasons, SIZE_REASONS);
    const zSmall = shareZ(small, total, norm.small);
    const zLarge = shareZ(large, total, norm.large);
    const zSize = shareZ(size, total, norm.size);
    const direction =
      zSmall >= R.minZ && small / total >= R.minDirectionShare
        ? { words: 'runs small', advice: ' (suggest sizing up)', z: zSmall }
        : zLarge >= R.minZ && large / total >= R.minDirectionShare
          ? { words: 'runs large', advice: ' (suggest sizing down)', z: zLarge }
          : zSize >= R.minZ
            ? { words: 'fits inconsistently', advice: '', z: zSize }
            : null;
    if (direction) {
      out.push({
        kind: 'size_chart',
        subject: sku,
        recommendation: `${sku} ${direction.words}: fix the size chart and the listing's fit note${direction.advice}.`,
        evidence: {
          return_cases: total,
          size_cases: size,
          size_share: pct(size / total),
          too_small: small,
          too_large: large,
          norm_size_share: pct(norm.size),
          norm_too_small_share: pct(norm.small),
          z_score: round2(direction.z),
        },
        confidence: confidenceOf(direction.z),
      });
    }
    const damaged = reasons.get('damaged_in_transit') ?? 0;
    const zDamage = shareZ(damaged, total, damageNorm);
    if (damaged >= 5 && zDamage >= R.minZ) {
      out.push({
        kind: 'packaging',
        subject: sku,
        recommendation: `${sku} arrives damaged too often: improve its packaging (inner protection, box strength) or check the carrier.`,
        evidence: {
          return_cases: total,
          damaged_in_transit: damaged,
          damaged_share: pct(damaged / total),
          norm_damaged_share: pct(damageNorm),
          z_score: round2(zDamage),
        },
        confidence: confidenceOf(zDamage),
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
    const { expected, burst } = againstEarlierPace(recent, earlier, { earlierDays, days: R.spikeDays, minCases: R.spikeMinCases });
    if (burst) {
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

  // Refund-rate outliers against the overall rate. The overall units are the sums of the
  // per-SKU ones (every line has a SKU), so both come from one read of each table.
  const units = await skuUnits(deps, { storeIds, period });
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const overallRate = ratio(sum(units.refunded), sum(units.sold));
  if (overallRate !== null) {
    const norm = overallRate;
    const ranked = await rankSkus(deps, { storeIds, period, by: 'refund_rate', minUnits: R.outlierMinUnits, limit: 50 }, units);
    for (const s of ranked.skus) {
      const z = shareZ(s.refunded_units, s.units_sold, norm);
      if (s.refund_rate === null || s.refund_rate < R.outlierFactor * norm || z < R.minZ) continue;
      out.push({
        kind: 'refund_rate_outlier',
        subject: s.seller_sku,
        recommendation: `${s.seller_sku} is refunded ${round2(s.refund_rate / norm)}× as often as your average: check its listing and reviews; fix or de-list it, and hold restocking until then.`,
        evidence: { units_sold: s.units_sold, refunded_units: s.refunded_units, refund_rate: pct(s.refund_rate), overall_rate: pct(norm), z_score: round2(z) },
        confidence: confidenceOf(z),
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
    const { expected, z, burst } = againstEarlierPace(recent, readInt(r.earlier), {
      earlierDays: claimEarlierDays,
      days: R.claimDays,
      minCases: R.claimMinCases,
    });
    if (burst) {
      out.push({
        kind: 'claim_burst',
        subject: r.store,
        recommendation: `${r.store}: a burst of claims in the last ${R.claimDays} days — answer each before its deadline with tracking and evidence, and look for the common order, SKU or carrier.`,
        evidence: { last_days: R.claimDays, recent_claims: recent, expected_at_earlier_pace: round2(expected), z_score: round2(z) },
        confidence: confidenceOf(z),
      });
    }
  }

  // An agent much slower than the team.
  const agents = (await agentPerformance(deps, { storeIds, period })).agents.filter((a) => a.median_handling_hours !== null && a.decided >= R.slowMinCases);
  if (agents.length >= 2) {
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
