import type { CaseKind, Reason } from '../domain/taxonomy.ts';
import { placeholders } from '../store/insert-rows.ts';
import { readInt, readOptionalBigInt } from '../store/sql-driver.ts';
import { caseWhere, orderLineWhere } from './case-filters.ts';
import { IS_REFUND_SQL } from './definitions.ts';
import { convertTotal, loadFxTable } from './fx-table.ts';
import type { MetricDeps } from './metric-deps.ts';
import { ratio } from './refund-rate.ts';
import type { Period } from './resolve-period.ts';
import { utcDay } from './sql-dialect.ts';

export const RANK_BY = ['refund_rate', 'reason', 'refunded_amount'] as const;
export type RankBy = (typeof RANK_BY)[number];

export interface RankedSku {
  rank: number;
  seller_sku: string;
  units_sold: number;
  refunded_units: number;
  refund_rate: number | null;
  /** Cases of the SKU in the period (of the kinds counted), and those with the chosen reasons. */
  cases: number | null;
  matching_cases: number | null;
  matching_share: number | null;
  refunded_amount: number | null;
}

export interface RankSkusInput {
  storeIds: readonly string[] | undefined;
  period: Period;
  by: RankBy;
  /** For by = reason: the reasons counted (a group already expanded). */
  reasons?: readonly Reason[];
  /** Case kinds a reason ranking counts (returns and refunds unless told otherwise). */
  kinds?: readonly CaseKind[];
  /** For by = refund_rate: SKUs that sold fewer units are left out. */
  minUnits: number;
  /** For by = reason: rank by how many cases (default) or by their share of the SKU's cases. */
  measure?: 'count' | 'share';
  /** For by = reason and measure = share: SKUs with fewer cases are left out. */
  minCases?: number;
  limit: number;
}

const inList = (values: readonly unknown[]) => placeholders(values.length);

/** Units sold and refunded units per SKU in a period (DEFINITIONS.sku_refund_rate), for all SKUs or the ones given. */
export interface SkuUnits {
  sold: Map<string, number>;
  refunded: Map<string, number>;
}

export async function skuUnits(
  deps: Pick<MetricDeps, 'sql'>,
  input: { storeIds: readonly string[] | undefined; period: Period; skus?: readonly string[] },
): Promise<SkuUnits> {
  const skus = input.skus;
  if (skus?.length === 0) return { sold: new Map(), refunded: new Map() };
  const lines = orderLineWhere({ period: input.period, stores: input.storeIds, skus });
  const skuSql = (column: string) => (skus ? ` AND ${column} IN (${inList(skus)})` : '');
  const sold = await deps.sql.all<{ sku: string; units: unknown }>(
    `SELECT ol."seller_sku" AS sku, SUM(ol."quantity") AS units FROM "order_lines" ol WHERE ${lines.sql} GROUP BY ol."seller_sku"`,
    lines.params,
  );
  const where = caseWhere({ stores: input.storeIds, period: input.period });
  const refunded = await deps.sql.all<{ sku: string; units: unknown }>(
    `SELECT cl."seller_sku" AS sku, SUM(cl."quantity") AS units FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
      WHERE ${IS_REFUND_SQL} AND ${where.sql}${skuSql('cl."seller_sku"')} GROUP BY cl."seller_sku"`,
    [...where.params, ...(skus ?? [])],
  );
  return { sold: new Map(sold.map((r) => [r.sku, readInt(r.units)])), refunded: new Map(refunded.map((r) => [r.sku, readInt(r.units)])) };
}

const baseOf = (units: SkuUnits) => (sku: string) => {
  const sold = units.sold.get(sku) ?? 0;
  const back = units.refunded.get(sku) ?? 0;
  return { seller_sku: sku, units_sold: sold, refunded_units: back, refund_rate: ratio(back, sold) };
};

/**
 * SKUs ranked by refund rate (with a minimum volume), by how many cases name a reason or reason
 * group ("most size complaints"), or by money refunded (DEFINITIONS.sku_refund_rate).
 */
export async function rankSkus(deps: MetricDeps, input: RankSkusInput, allUnits?: SkuUnits): Promise<{ total: number; skus: RankedSku[] }> {
  // The other rankings show units only for the SKUs of the page: read them for those alone.
  const unitsOf = async (skus: readonly string[]) => baseOf(await skuUnits(deps, { storeIds: input.storeIds, period: input.period, skus }));
  /** The page asked for, numbered from 1, each SKU with its units sold and refunded (read for this page only). */
  const pageOf = async <T extends { sku: string }>(
    ranked: readonly T[],
    fields: (r: T) => Pick<RankedSku, 'cases' | 'matching_cases' | 'matching_share' | 'refunded_amount'>,
  ) => {
    const page = ranked.slice(0, input.limit);
    const base = await unitsOf(page.map((r) => r.sku));
    return { total: ranked.length, skus: page.map((r, i) => ({ rank: i + 1, ...base(r.sku), ...fields(r) })) };
  };

  if (input.by === 'refund_rate') {
    const units = allUnits ?? (await skuUnits(deps, input));
    const base = baseOf(units);
    const rows = [...units.sold.keys()]
      .filter((sku) => (units.sold.get(sku) ?? 0) >= input.minUnits)
      .map(base)
      .sort((a, b) => (b.refund_rate ?? 0) - (a.refund_rate ?? 0) || b.refunded_units - a.refunded_units || a.seller_sku.localeCompare(b.seller_sku));
    return {
      total: rows.length,
      skus: rows.slice(0, input.limit).map((r, i) => ({ rank: i + 1, ...r, cases: null, matching_cases: null, matching_share: null, refunded_amount: null })),
    };
  }

  if (input.by === 'reason') {
    const reasons = input.reasons ?? [];
    const where = caseWhere({ stores: input.storeIds, period: input.period, kinds: input.kinds ?? ['return', 'refund'] });
    const rows = await deps.sql.all<{ sku: string; cases: unknown; matching: unknown }>(
      `SELECT cl."seller_sku" AS sku, COUNT(DISTINCT c."id") AS cases,
              COUNT(DISTINCT CASE WHEN c."reason" IN (${inList(reasons)}) THEN c."id" END) AS matching
         FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id" WHERE ${where.sql}
        GROUP BY cl."seller_sku"`,
      [...reasons, ...where.params],
    );
    const ranked = rows
      .map((r) => ({ sku: r.sku, cases: readInt(r.cases), matching: readInt(r.matching) }))
      .filter((r) => r.matching > 0 && (input.measure !== 'share' || r.cases >= (input.minCases ?? 10)))
      .sort((a, b) =>
        input.measure === 'share'
          ? b.matching / b.cases - a.matching / a.cases || b.matching - a.matching || a.sku.localeCompare(b.sku)
          : b.matching - a.matching || b.matching / b.cases - a.matching / a.cases || a.sku.localeCompare(b.sku),
      );
    return pageOf(ranked, (r) => ({ cases: r.cases, matching_cases: r.matching, matching_share: ratio(r.matching, r.cases), refunded_amount: null }));
  }

  // by refunded amount: each case's refund split over its lines by quantity, converted by the refund day's rate.
  const where = caseWhere({ stores: input.storeIds, period: input.period, dateBasis: 'refund_date' });
  const day = utcDay(deps.sql.engine, 'c."refunded_at"');
  const rows = await deps.sql.all<{ sku: string; currency: string; day: string; minor: unknown }>(
    `SELECT cl."seller_sku" AS sku, c."currency" AS currency, ${day} AS day,
            SUM(c."refunded_minor" * cl."quantity" / (SELECT SUM(x."quantity") FROM "case_lines" x WHERE x."case_id" = c."id")) AS minor
       FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
      WHERE c."refunded_minor" IS NOT NULL AND cl."quantity" > 0 AND ${where.sql}
      GROUP BY cl."seller_sku", c."currency", ${day}`,
    where.params,
  );
  const fx = await loadFxTable(deps.sql);
  const bySku = new Map<string, { currency: string; day: string; minor: bigint }[]>();
  for (const r of rows) {
    const list = bySku.get(r.sku) ?? [];
    list.push({ currency: r.currency, day: r.day, minor: readOptionalBigInt(typeof r.minor === 'string' ? r.minor.split('.')[0] : r.minor) ?? 0n });
    bySku.set(r.sku, list);
  }
  const ranked = [...bySku]
    .map(([sku, parts]) => ({ sku, total: convertTotal(parts, fx, deps.reportingCurrency).amount }))
    .sort((a, b) => b.total - a.total || a.sku.localeCompare(b.sku));
  return pageOf(ranked, (r) => ({ cases: null, matching_cases: null, matching_share: null, refunded_amount: r.total }));
}
