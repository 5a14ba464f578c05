import { caseSummary } from '../metrics/search-cases.ts';
import { readOptionalDate, type SqlRow } from '../store/sql-driver.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';

/** Every column of a case, in the order a person reads a case. Times are UTC (CSV writes ISO with Z). */
export const CASE_REPORT_COLUMNS: readonly ReportColumn[] = [
  { name: 'id', header: 'Case #', type: 'integer' },
  { name: 'platform', header: 'Platform', type: 'text' },
  { name: 'store_id', header: 'Store', type: 'text', width: 16 },
  { name: 'kind', header: 'Kind', type: 'text' },
  { name: 'type', header: 'Type', type: 'text', width: 18 },
  { name: 'status', header: 'Status', type: 'text' },
  { name: 'raw_status', header: 'Status on the platform', type: 'text' },
  { name: 'reason', header: 'Reason', type: 'text', width: 20 },
  { name: 'raw_reason', header: 'Reason code on the platform', type: 'text' },
  { name: 'reason_source', header: 'Reason read from', type: 'text' },
  { name: 'platform_case_id', header: 'Case ID on the platform', type: 'text', width: 20 },
  { name: 'platform_order_id', header: 'Order ID', type: 'text', width: 20 },
  { name: 'requested_at', header: 'Opened (UTC)', type: 'datetime' },
  { name: 'decided_at', header: 'Decided (UTC)', type: 'datetime' },
  { name: 'closed_at', header: 'Closed (UTC)', type: 'datetime' },
  { name: 'refunded_at', header: 'Refunded (UTC)', type: 'datetime' },
  { name: 'respond_by', header: 'Respond by (UTC)', type: 'datetime' },
  { name: 'currency', header: 'Currency', type: 'text' },
  { name: 'requested_amount', header: 'Amount requested', type: 'money', currencyColumn: 'currency' },
  { name: 'refunded_amount', header: 'Amount refunded', type: 'money', currencyColumn: 'currency' },
  { name: 'assignee', header: 'Assigned to', type: 'text' },
  { name: 'skus', header: 'SKUs (× units)', type: 'text', width: 24 },
  { name: 'units', header: 'Units', type: 'integer' },
  { name: 'customer_text', header: "Buyer's words", type: 'text', width: 50 },
  { name: 'deep_link', header: 'Link on the platform', type: 'text', width: 40 },
];

export interface CaseLine {
  seller_sku: string;
  quantity: number;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * One case as a report row: the tools' case summary, with real dates for typed cells, the lines
 * as "SKU×units", and the buyer's words kept whole (a file has room).
 */
export function caseReportRow(r: SqlRow, lines: readonly CaseLine[]): ReportRow {
  const { lines: _lines, customer_text: _shortened, ...summary } = caseSummary(r, [...lines]);
  return {
    ...summary,
    requested_at: readOptionalDate(r.requested_at),
    decided_at: readOptionalDate(r.decided_at),
    closed_at: readOptionalDate(r.closed_at),
    refunded_at: readOptionalDate(r.refunded_at),
    respond_by: readOptionalDate(r.respond_by),
    skus: lines.map((l) => `${l.seller_sku}×${l.quantity}`).join(', '),
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    customer_text: text(r.customer_text),
  };
}
