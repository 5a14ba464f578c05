import type { SqlDriver } from '../store/sql-driver.ts';
import { readInt } from '../store/sql-driver.ts';
import { type CaseFilters, caseWhere } from './case-filters.ts';
import { DISPUTE_KINDS } from './definitions.ts';
import { CASE_COLUMNS_SQL, type CaseSummary, caseSummary, linesOf } from './search-cases.ts';

export interface DisputeRow extends CaseSummary {
  /** Hours until the response deadline (negative: overdue); null when the platform gave none. */
  hours_to_respond: number | null;
  overdue: boolean;
}

/**
 * Claims (Amazon A-to-z, eBay cases), payment disputes and chargebacks, soonest deadline first.
 * Open ones by default: those still waiting (requested or escalated).
 */
export async function listDisputes(
  deps: { sql: SqlDriver; now: () => Date },
  input: { filters: CaseFilters; openOnly: boolean; limit: number; offset: number },
): Promise<{ total: number; disputes: DisputeRow[] }> {
  const filters: CaseFilters = {
    ...input.filters,
    kinds: input.filters.kinds?.length ? input.filters.kinds : DISPUTE_KINDS,
    statuses: input.openOnly ? ['requested', 'escalated'] : input.filters.statuses,
  };
  const where = caseWhere(filters, 'c', deps.sql.engine);
  const [count] = await deps.sql.all(`SELECT count(*) AS n FROM "cases" c WHERE ${where.sql}`, where.params);
  const rows = await deps.sql.all(
    `SELECT ${CASE_COLUMNS_SQL} FROM "cases" c WHERE ${where.sql}
      ORDER BY CASE WHEN c."respond_by" IS NULL THEN 1 ELSE 0 END, c."respond_by", c."requested_at" DESC, c."id" LIMIT ? OFFSET ?`,
    [...where.params, input.limit, input.offset],
  );
  const lines = await linesOf(
    deps.sql,
    rows.map((r) => readInt(r.id)),
  );
  const now = deps.now().getTime();
  return {
    total: readInt(count?.n),
    disputes: rows.map((r) => {
      const summary = caseSummary(r, lines.get(readInt(r.id)) ?? []);
      const due = summary.respond_by ? Date.parse(summary.respond_by) : null;
      const hours = due === null ? null : Math.round(((due - now) / 3_600_000) * 10) / 10;
      return { ...summary, hours_to_respond: hours, overdue: hours !== null && hours < 0 };
    }),
  };
}
