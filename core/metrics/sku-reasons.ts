import { type CaseKind, type Reason, SIZE_REASONS } from '../domain/taxonomy.ts';
import { readInt } from '../store/sql-driver.ts';
import { caseWhere } from './case-filters.ts';
import type { MetricDeps } from './metric-deps.ts';
import { ratio } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';

export interface SkuReasons {
  skus: string[];
  kinds: CaseKind[];
  cases: number;
  reasons: { reason: Reason; cases: number; share: number; from_customer_text: number }[];
  /** The three size reasons together (DEFINITIONS.reason_distribution). */
  size_share: number | null;
}

/**
 * The share of each reason among one SKU's (or a set's) cases in a period — "size_too_small
 * 62%" — and how many of them were read from the buyer's words rather than the platform code.
 */
export async function skuReasons(
  deps: Pick<MetricDeps, 'sql'>,
  input: { storeIds: readonly string[] | undefined; period: Period; skus: readonly string[]; kinds?: readonly CaseKind[] },
): Promise<SkuReasons> {
  const kinds = [...(input.kinds ?? (['return', 'refund'] as const))];
  const where = caseWhere({ stores: input.storeIds, period: input.period, kinds, skus: input.skus });
  const rows = await deps.sql.all<{ reason: Reason; n: unknown; text: unknown }>(
    `SELECT c."reason" AS reason, count(*) AS n, SUM(CASE WHEN c."reason_source" = 'text' THEN 1 ELSE 0 END) AS text
       FROM "cases" c WHERE ${where.sql} GROUP BY c."reason" ORDER BY count(*) DESC, c."reason"`,
    where.params,
  );
  const total = rows.reduce((sum, r) => sum + readInt(r.n), 0);
  const size = rows.filter((r) => SIZE_REASONS.includes(r.reason)).reduce((sum, r) => sum + readInt(r.n), 0);
  return {
    skus: [...input.skus],
    kinds,
    cases: total,
    reasons: rows.map((r) => ({ reason: r.reason, cases: readInt(r.n), share: ratio(readInt(r.n), total) ?? 0, from_customer_text: readInt(r.text) })),
    size_share: ratio(size, total),
  };
}
