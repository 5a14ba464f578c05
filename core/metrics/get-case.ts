import { AppError } from '../errors/app-error.ts';
import { fromMinor } from '../platforms/money.ts';
import { readDate, readInt, readOptionalBigInt, type SqlDriver, type SqlRow } from '../store/sql-driver.ts';
import { CASE_COLUMNS_SQL, type CaseSummary, caseSummary } from './search-cases.ts';

export interface CaseDetail extends CaseSummary {
  customer_text_full: string | null;
  line_details: { line_key: string; seller_sku: string; quantity: number; amount: number | null; currency: string }[];
  order: { platform_order_id: string; ordered_at: string; total: number; currency: string; units: number; raw_status: string | null } | null;
  timeline: { at: string; type: string; actor: string; from: string | null; to: string | null }[];
  notes: { at: string; author: string; body: string; source: string }[];
}

/**
 * One case in full: lines, the order it belongs to, its timeline and notes, and the platform
 * link. Found by HelloWord's case number or by the platform's own case id.
 */
export async function getCase(deps: { sql: SqlDriver }, input: { id?: number; platformCaseId?: string; storeId?: string }): Promise<CaseDetail> {
  let rows: SqlRow[] = [];
  if (input.id !== undefined) {
    rows = await deps.sql.all(`SELECT ${CASE_COLUMNS_SQL} FROM "cases" c WHERE c."id" = ?`, [input.id]);
  } else if (input.platformCaseId) {
    const params = [input.platformCaseId.trim(), ...(input.storeId ? [input.storeId] : [])];
    rows = await deps.sql.all(
      `SELECT ${CASE_COLUMNS_SQL} FROM "cases" c WHERE c."platform_case_id" = ?${input.storeId ? ' AND c."store_id" = ?' : ''} ORDER BY c."id" LIMIT 2`,
      params,
    );
    if (rows.length > 1) {
      throw new AppError('BAD_INPUT', `Case id "${input.platformCaseId}" exists in more than one store; add the store (e.g. ${String(rows[0]?.store_id)}).`);
    }
  } else {
    throw new AppError('BAD_INPUT', 'Give the case number (id) or the platform case id (case_id).');
  }
  const row = rows[0];
  if (!row) {
    const what = input.id !== undefined ? `case number ${input.id}` : `platform case id "${input.platformCaseId}"`;
    throw new AppError('NOT_FOUND', `No case with ${what}. Use search_cases to find it by order id, SKU or the buyer's words.`);
  }
  const id = readInt(row.id);
  const [lineRows, orderRows, events, notes] = await Promise.all([
    deps.sql.all('SELECT "line_key", "seller_sku", "quantity", "amount_minor", "currency" FROM "case_lines" WHERE "case_id" = ? ORDER BY "id"', [id]),
    row.platform_order_id === null
      ? Promise.resolve([])
      : deps.sql.all(
          'SELECT "platform_order_id", "ordered_at", "total_minor", "currency", "units", "raw_status" FROM "orders" WHERE "store_id" = ? AND "platform_order_id" = ?',
          [String(row.store_id), String(row.platform_order_id)],
        ),
    deps.sql.all('SELECT "at", "type", "actor", "from_value", "to_value" FROM "case_events" WHERE "case_id" = ? ORDER BY "at", "id"', [id]),
    deps.sql.all('SELECT "created_at", "author", "body", "source" FROM "notes" WHERE "case_id" = ? ORDER BY "created_at", "id"', [id]),
  ]);
  const lines = lineRows.map((l) => {
    const minor = readOptionalBigInt(l.amount_minor);
    const currency = String(l.currency);
    return {
      line_key: String(l.line_key),
      seller_sku: String(l.seller_sku),
      quantity: readInt(l.quantity),
      amount: minor === null ? null : Number(fromMinor(minor, currency)),
      currency,
    };
  });
  const o = orderRows[0];
  return {
    ...caseSummary(
      row,
      lines.map((l) => ({ seller_sku: l.seller_sku, quantity: l.quantity })),
    ),
    customer_text_full: row.customer_text === null || row.customer_text === undefined ? null : String(row.customer_text),
    line_details: lines,
    order: o
      ? {
          platform_order_id: String(o.platform_order_id),
          ordered_at: readDate(o.ordered_at).toISOString(),
          total: Number(fromMinor(readOptionalBigInt(o.total_minor) ?? 0n, String(o.currency))),
          currency: String(o.currency),
          units: readInt(o.units),
          raw_status: o.raw_status === null ? null : String(o.raw_status),
        }
      : null,
    timeline: events.map((e) => ({
      at: readDate(e.at).toISOString(),
      type: String(e.type),
      actor: String(e.actor),
      from: e.from_value === null ? null : String(e.from_value),
      to: e.to_value === null ? null : String(e.to_value),
    })),
    notes: notes.map((n) => ({ at: readDate(n.created_at).toISOString(), author: String(n.author), body: String(n.body), source: String(n.source) })),
  };
}
