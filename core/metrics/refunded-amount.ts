import { readOptionalBigInt } from '../store/sql-driver.ts';
import { caseWhere } from './case-filters.ts';
import { type ConvertedTotal, convertTotal, type FxTable } from './fx-table.ts';
import type { MetricDeps } from './metric-deps.ts';
import type { Period } from './resolve-period.ts';
import { utcDay } from './sql-dialect.ts';

/** Money refunded in a period by refund date, in the reporting currency (DEFINITIONS.refunded_amount). */
export async function refundedAmount(
  deps: MetricDeps,
  fx: FxTable,
  input: { storeIds: readonly string[] | undefined; period: Period },
): Promise<ConvertedTotal> {
  const where = caseWhere({ stores: input.storeIds, period: input.period, dateBasis: 'refund_date' });
  const day = utcDay(deps.sql.engine, 'c."refunded_at"');
  const rows = await deps.sql.all<{ currency: string; day: string; minor: unknown }>(
    `SELECT c."currency" AS currency, ${day} AS day, SUM(c."refunded_minor") AS minor
       FROM "cases" c WHERE c."refunded_minor" IS NOT NULL AND ${where.sql} GROUP BY c."currency", ${day}`,
    where.params,
  );
  return convertTotal(
    rows.map((r) => ({ currency: r.currency, day: r.day, minor: readOptionalBigInt(r.minor) ?? 0n })),
    fx,
    deps.reportingCurrency,
  );
}
