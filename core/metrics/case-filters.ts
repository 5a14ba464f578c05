import type { CaseKind, CaseStatus, CaseType, Platform, Reason } from '../domain/taxonomy.ts';
import { placeholders } from '../store/insert-rows.ts';
import type { Engine, SqlValue } from '../store/sql-driver.ts';
import type { Period } from './resolve-period.ts';

/** Which date puts a case in a period (DESIGN: every metric states its date basis). */
export const DATE_BASES = ['request_date', 'refund_date', 'order_date'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

export const DATE_BASIS_WORDS: Readonly<Record<DateBasis, string>> = {
  request_date: 'the date the buyer opened the case',
  refund_date: 'the date the money went back to the buyer',
  order_date: 'the date the order was placed',
};

/** The filters every case query understands, already resolved (reason groups expanded, platforms parsed). */
export interface CaseFilters {
  platforms?: readonly Platform[] | undefined;
  stores?: readonly string[] | undefined;
  kinds?: readonly CaseKind[] | undefined;
  statuses?: readonly CaseStatus[] | undefined;
  types?: readonly CaseType[] | undefined;
  reasons?: readonly Reason[] | undefined;
  skus?: readonly string[] | undefined;
  assignees?: readonly string[] | undefined;
  orderId?: string | undefined;
  /** Words searched in the customer's text, the raw reason and the case and order numbers. */
  text?: string | undefined;
  period?: Period | undefined;
  dateBasis?: DateBasis | undefined;
}

export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

const list = (values: readonly unknown[]) => placeholders(values.length);

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The WHERE clause of a case query (for the `cases` table aliased `c`). Written once so every
 * tool counts the same cases for the same filters.
 */
export function caseWhere(filters: CaseFilters, alias = 'c', engine?: Engine): SqlCondition {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    parts.push(`${alias}."${column}" IN (${list(values)})`);
    params.push(...values);
  };
  inList('platform', filters.platforms);
  inList('store_id', filters.stores);
  inList('kind', filters.kinds);
  inList('status', filters.statuses);
  inList('type', filters.types);
  inList('reason', filters.reasons);
  inList('assignee', filters.assignees);
  if (filters.skus && filters.skus.length > 0) {
    // The SKU's lines first (index on seller_sku), then their cases: a correlated EXISTS probed
    // every case of the period instead. Lines carry their case's request date, which narrows the
    // lines read when the period is by request date.
    const byRequest = filters.period && (filters.dateBasis ?? 'request_date') === 'request_date';
    parts.push(
      `${alias}."id" IN (SELECT cl."case_id" FROM "case_lines" cl WHERE cl."seller_sku" IN (${list(filters.skus)})${byRequest ? ' AND cl."requested_at" >= ? AND cl."requested_at" < ?' : ''})`,
    );
    params.push(...filters.skus);
    if (byRequest && filters.period) params.push(filters.period.from, filters.period.to);
  }
  if (filters.orderId) {
    parts.push(`${alias}."platform_order_id" = ?`);
    params.push(filters.orderId.trim());
  }
  if (filters.text?.trim()) {
    const p = likePattern(filters.text.trim());
    // SQLite's LIKE already ignores ASCII case (and its LOWER folds nothing more), so LOWER there
    // only cost time: ~40% of a text search over a million cases. A NULL column is simply no match.
    const folded = (column: string) => (engine === 'sqlite' ? `${alias}."${column}"` : `LOWER(${alias}."${column}")`);
    const columns = ['customer_text', 'raw_reason', 'platform_case_id', 'platform_order_id'];
    parts.push(`(${columns.map((column) => `${folded(column)} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => p));
  }
  if (filters.period) {
    const basis = filters.dateBasis ?? 'request_date';
    if (basis === 'order_date') {
      parts.push(
        `EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = ${alias}."store_id" AND o."platform_order_id" = ${alias}."platform_order_id" AND o."ordered_at" >= ? AND o."ordered_at" < ?)`,
      );
    } else {
      const column = basis === 'refund_date' ? 'refunded_at' : 'requested_at';
      parts.push(`${alias}."${column}" >= ? AND ${alias}."${column}" < ?`);
    }
    params.push(filters.period.from, filters.period.to);
  }
  return { sql: parts.length === 0 ? '1 = 1' : parts.join(' AND '), params };
}

/**
 * The WHERE clause for order lines (aliased `ol`) in the same scope: the order date in the
 * period, the stores, and optionally SKUs — the denominator of every rate, written once.
 */
export function orderLineWhere(
  filters: { period: Period; stores?: readonly string[] | undefined; skus?: readonly string[] | undefined },
  alias = 'ol',
): SqlCondition {
  const parts = [`${alias}."ordered_at" >= ? AND ${alias}."ordered_at" < ?`];
  const params: SqlValue[] = [filters.period.from, filters.period.to];
  if (filters.stores && filters.stores.length > 0) {
    parts.push(`${alias}."store_id" IN (${placeholders(filters.stores.length)})`);
    params.push(...filters.stores);
  }
  if (filters.skus && filters.skus.length > 0) {
    parts.push(`${alias}."seller_sku" IN (${placeholders(filters.skus.length)})`);
    params.push(...filters.skus);
  }
  return { sql: parts.join(' AND '), params };
}
