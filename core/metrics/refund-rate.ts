import { placeholders } from '../store/insert-rows.ts';
import { readInt } from '../store/sql-driver.ts';
import { caseWhere, type DateBasis, orderLineWhere } from './case-filters.ts';
import { IS_REFUND_SQL } from './definitions.ts';
import type { MetricDeps } from './metric-deps.ts';
import type { Period } from './resolve-period.ts';

export interface RefundRate {
  units_sold: number;
  orders: number;
  refunded_units: number;
  refunded_orders: number;
  /** Share 0–1, or null when nothing was sold in the period (see `null_reason`). */
  rate_by_units: number | null;
  rate_by_orders: number | null;
  null_reason: string | null;
  date_basis: Exclude<DateBasis, 'refund_date'>;
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Units and orders sold in a period for a set of stores (and optionally SKUs): the denominator of every rate. */
export async function unitsSold(
  deps: Pick<MetricDeps, 'sql'>,
  input: { storeIds: readonly string[] | undefined; period: Period; skus?: readonly string[] },
): Promise<{ units: number; orders: number }> {
  const where = orderLineWhere({ period: input.period, stores: input.storeIds, skus: input.skus });
  const [row] = await deps.sql.all(
    `SELECT COALESCE(SUM(ol."quantity"), 0) AS units, COUNT(DISTINCT ol."order_id") AS orders FROM "order_lines" ol WHERE ${where.sql}`,
    where.params,
  );
  return { units: readInt(row?.units), orders: readInt(row?.orders) };
}

/** The refund rate of a period (DEFINITIONS.refund_rate_units / refund_rate_orders). */
export async function refundRate(
  deps: Pick<MetricDeps, 'sql'>,
  input: {
    storeIds: readonly string[] | undefined;
    period: Period;
    basis?: Exclude<DateBasis, 'refund_date'>;
    skus?: readonly string[];
    /** The units and orders sold in the period, when the caller already has them. */
    sold?: Promise<{ units: number; orders: number }>;
  },
): Promise<RefundRate> {
  const basis = input.basis ?? 'request_date';
  const sold = await (input.sold ?? unitsSold(deps, input));
  const where = caseWhere({ stores: input.storeIds, period: input.period, dateBasis: basis });
  const skuParams = input.skus ?? [];
  const skuSql = skuParams.length > 0 ? ` AND cl."seller_sku" IN (${placeholders(skuParams.length)})` : '';
  const [row] = await deps.sql.all(
    `SELECT COALESCE(SUM(cl."quantity"), 0) AS units, COUNT(DISTINCT c."store_id" || '|' || c."platform_order_id") AS orders
       FROM "cases" c JOIN "case_lines" cl ON cl."case_id" = c."id"
      WHERE ${IS_REFUND_SQL} AND ${where.sql}${skuSql}`,
    [...where.params, ...skuParams],
  );
  const refundedUnits = readInt(row?.units);
  const refundedOrders = readInt(row?.orders);
  return {
    units_sold: sold.units,
    orders: sold.orders,
    refunded_units: refundedUnits,
    refunded_orders: refundedOrders,
    rate_by_units: ratio(refundedUnits, sold.units),
    rate_by_orders: ratio(refundedOrders, sold.orders),
    null_reason: sold.units > 0 ? null : 'No units were sold in the period, so there is no rate to compute.',
    date_basis: basis,
  };
}
