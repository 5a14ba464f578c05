import { fromMinor } from '../platforms/money.ts';
import { readInt, readOptionalBigInt, readOptionalDate, type SqlRow } from '../store/sql-driver.ts';
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

/** The case columns a query selects (cases aliased `c`). */
export const CASE_REPORT_SQL = `c."id", c."platform", c."store_id", c."kind", c."type", c."status", c."raw_status", c."reason", c."raw_reason", c."reason_source",
  c."platform_case_id", c."platform_order_id", c."requested_at", c."decided_at", c."closed_at", c."refunded_at", c."respond_by", c."currency",
  c."requested_minor", c."refunded_minor", c."assignee", c."customer_text", c."deep_link"`;

export interface CaseLine {
  seller_sku: string;
  quantity: number;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const money = (v: unknown, currency: string): number | null => {
  const minor = readOptionalBigInt(v);
  return minor === null ? null : Number(fromMinor(minor, currency));
};

/** One case as a report row. Unlike the tool outputs the buyer's words are kept whole: a file has room. */
export function caseReportRow(r: SqlRow, lines: readonly CaseLine[]): ReportRow {
  const currency = String(r.currency);
  return {
    id: readInt(r.id),
    platform: String(r.platform),
    store_id: String(r.store_id),
    kind: String(r.kind),
    type: String(r.type),
    status: String(r.status),
    raw_status: String(r.raw_status),
    reason: String(r.reason),
    raw_reason: text(r.raw_reason),
    reason_source: String(r.reason_source),
    platform_case_id: String(r.platform_case_id),
    platform_order_id: text(r.platform_order_id),
    requested_at: readOptionalDate(r.requested_at),
    decided_at: readOptionalDate(r.decided_at),
    closed_at: readOptionalDate(r.closed_at),
    refunded_at: readOptionalDate(r.refunded_at),
    respond_by: readOptionalDate(r.respond_by),
    currency,
    requested_amount: money(r.requested_minor, currency),
    refunded_amount: money(r.refunded_minor, currency),
    assignee: text(r.assignee),
    skus: lines.map((l) => `${l.seller_sku}×${l.quantity}`).join(', '),
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    customer_text: text(r.customer_text),
    deep_link: text(r.deep_link),
  };
}
