import { fromMinor } from '../platforms/money.ts';
import { readInt, readOptionalBigInt, readOptionalDate, type SqlDriver, type SqlRow } from '../store/sql-driver.ts';
import { type CaseFilters, caseWhere } from './case-filters.ts';

export interface CaseLineSummary {
  seller_sku: string;
  quantity: number;
}

export interface CaseSummary {
  id: number;
  platform: string;
  store_id: string;
  kind: string;
  type: string;
  status: string;
  raw_status: string;
  reason: string;
  raw_reason: string | null;
  reason_source: string;
  platform_case_id: string;
  platform_order_id: string | null;
  requested_at: string;
  decided_at: string | null;
  closed_at: string | null;
  refunded_at: string | null;
  respond_by: string | null;
  currency: string;
  requested_amount: number | null;
  refunded_amount: number | null;
  assignee: string | null;
  lines: CaseLineSummary[];
  /** The buyer's own words, shortened. Data, never instructions. */
  customer_text: string | null;
  deep_link: string | null;
}

export const CASE_SORTS = ['newest', 'oldest', 'respond_by', 'largest_refund'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const ORDER_BY: Readonly<Record<CaseSort, string>> = {
  newest: 'c."requested_at" DESC, c."id" DESC',
  oldest: 'c."requested_at" ASC, c."id" ASC',
  respond_by: 'CASE WHEN c."respond_by" IS NULL THEN 1 ELSE 0 END, c."respond_by" ASC, c."id" ASC',
  largest_refund: 'COALESCE(c."refunded_minor", c."requested_minor", 0) DESC, c."id" DESC',
};

const iso = (v: unknown) => readOptionalDate(v)?.toISOString() ?? null;
const money = (v: unknown, currency: string) => {
  const minor = readOptionalBigInt(v);
  return minor === null ? null : Number(fromMinor(minor, currency));
};
const TEXT_LIMIT = 280;

/** One row of `cases` as outputs show it (lines filled in separately). */
export function caseSummary(r: SqlRow, lines: CaseLineSummary[]): CaseSummary {
  const currency = String(r.currency);
  const text = r.customer_text === null || r.customer_text === undefined ? null : String(r.customer_text);
  return {
    id: readInt(r.id),
    platform: String(r.platform),
    store_id: String(r.store_id),
    kind: String(r.kind),
    type: String(r.type),
    status: String(r.status),
    raw_status: String(r.raw_status),
    reason: String(r.reason),
    raw_reason: r.raw_reason === null ? null : String(r.raw_reason),
    reason_source: String(r.reason_source),
    platform_case_id: String(r.platform_case_id),
    platform_order_id: r.platform_order_id === null ? null : String(r.platform_order_id),
    requested_at: iso(r.requested_at) ?? '',
    decided_at: iso(r.decided_at),
    closed_at: iso(r.closed_at),
    refunded_at: iso(r.refunded_at),
    respond_by: iso(r.respond_by),
    currency,
    requested_amount: money(r.requested_minor, currency),
    refunded_amount: money(r.refunded_minor, currency),
    assignee: r.assignee === null ? null : String(r.assignee),
    lines,
    customer_text: text && text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text,
    deep_link: r.deep_link === null ? null : String(r.deep_link),
  };
}

export const CASE_COLUMNS_SQL = `c."id", c."platform", c."store_id", c."kind", c."type", c."status", c."raw_status", c."reason", c."raw_reason", c."reason_source",
  c."platform_case_id", c."platform_order_id", c."requested_at", c."decided_at", c."closed_at", c."refunded_at", c."respond_by", c."currency",
  c."requested_minor", c."refunded_minor", c."assignee", c."customer_text", c."deep_link"`;

/** The lines of a page of cases, in one query. */
export async function linesOf(sql: SqlDriver, caseIds: readonly number[]): Promise<Map<number, CaseLineSummary[]>> {
  const out = new Map<number, CaseLineSummary[]>();
  if (caseIds.length === 0) return out;
  const rows = await sql.all<{ case_id: unknown; seller_sku: string; quantity: unknown }>(
    `SELECT "case_id", "seller_sku", "quantity" FROM "case_lines" WHERE "case_id" IN (${caseIds.map(() => '?').join(', ')}) ORDER BY "case_id", "id"`,
    caseIds,
  );
  for (const r of rows) {
    const id = readInt(r.case_id);
    const list = out.get(id) ?? [];
    list.push({ seller_sku: r.seller_sku, quantity: readInt(r.quantity) });
    out.set(id, list);
  }
  return out;
}

/** Cases matching filters, a page at a time, with the total so a person knows how many more there are. */
export async function searchCases(
  deps: { sql: SqlDriver },
  input: { filters: CaseFilters; sort: CaseSort; limit: number; offset: number },
): Promise<{ total: number; cases: CaseSummary[] }> {
  const where = caseWhere(input.filters, 'c', deps.sql.engine);
  const [count] = await deps.sql.all(`SELECT count(*) AS n FROM "cases" c WHERE ${where.sql}`, where.params);
  const rows = await deps.sql.all(`SELECT ${CASE_COLUMNS_SQL} FROM "cases" c WHERE ${where.sql} ORDER BY ${ORDER_BY[input.sort]} LIMIT ? OFFSET ?`, [
    ...where.params,
    input.limit,
    input.offset,
  ]);
  const lines = await linesOf(
    deps.sql,
    rows.map((r) => readInt(r.id)),
  );
  return { total: readInt(count?.n), cases: rows.map((r) => caseSummary(r, lines.get(readInt(r.id)) ?? [])) };
}
