import type { CaseRecord, OrderRecord, SkuRecord } from '../../domain/records.ts';
import type { Log } from '../../logging/create-logger.ts';
import { convertRecords } from '../convert-records.ts';
import { AmazonOrder, type AmazonOrderItem, AmazonOrderRow, AmazonReturnRow, FinancialEventsPage, OrdersPage, ShipmentEvent } from './amazon-schemas.ts';
import { convertAmazonCancellation } from './convert-amazon-cancellation.ts';
import { convertFinancialEvent, FINANCE_LISTS, type FinanceKind } from './convert-amazon-finance.ts';
import { convertAmazonOrderRows, groupOrderRows } from './convert-amazon-order.ts';
import { convertAmazonReturn } from './convert-amazon-return.ts';

/** What one Amazon page (report rows, financial events, cancelled orders) gives the sync. */
export interface AmazonPageRecords {
  orders: OrderRecord[];
  skus: SkuRecord[];
  cases: CaseRecord[];
  skipped: number;
  unmapped: Record<string, number>;
}

export interface AmazonPageContext {
  log: Log;
  store: string;
  marketplaceId: string;
}

const logContext = (context: AmazonPageContext, resource: string) => ({ log: context.log, store: context.store, resource });

/** Rows of the orders report: one order per Amazon order id (a page never splits one), with its SKUs. */
export function readAmazonOrderRows(rows: readonly unknown[], context: AmazonPageContext): AmazonPageRecords {
  const parsed = convertRecords(rows, AmazonOrderRow, (row) => ({ record: row }), logContext(context, 'orders'));
  const converted = groupOrderRows(parsed.records).map(convertAmazonOrderRows);
  return { orders: converted.map((c) => c.order), skus: converted.flatMap((c) => c.skus), cases: [], skipped: parsed.skipped, unmapped: {} };
}

/** Rows of the MFN returns report: each row a return case (a row with a claim also a claim case). */
export function readAmazonReturnRows(rows: readonly unknown[], context: AmazonPageContext): AmazonPageRecords {
  const converted = convertRecords(rows, AmazonReturnRow, (row) => convertAmazonReturn(row, context), logContext(context, 'returns'));
  return { orders: [], skus: [], cases: converted.records.flat(), skipped: converted.skipped, unmapped: converted.unmapped };
}

/** A financial events page, read for one list (refunds, A-to-z claims or chargebacks); null when not Amazon's shape. */
export function readFinancialEventsPage(
  body: unknown,
  kind: FinanceKind,
  resource: string,
  context: AmazonPageContext,
): (AmazonPageRecords & { nextToken: string | null | undefined }) | null {
  const page = FinancialEventsPage.safeParse(body);
  if (!page.success) return null;
  const events = page.data.payload.FinancialEvents[FINANCE_LISTS[kind]];
  const converted = convertRecords(events, ShipmentEvent, (e) => convertFinancialEvent(e, kind, context), logContext(context, resource));
  return { orders: [], skus: [], cases: converted.records, skipped: converted.skipped, unmapped: converted.unmapped, nextToken: page.data.payload.NextToken };
}

/** A getOrders page of cancelled orders, each order checked on its own; null when the page is not Amazon's shape. */
export function readCancelledOrdersPage(
  body: unknown,
  context: AmazonPageContext,
): { orders: AmazonOrder[]; skipped: number; nextToken: string | null | undefined } | null {
  const page = OrdersPage.safeParse(body);
  if (!page.success) return null;
  const orders = convertRecords(page.data.payload.Orders, AmazonOrder, (o) => ({ record: o }), logContext(context, 'cancellations'));
  return { orders: orders.records, skipped: orders.skipped, nextToken: page.data.payload.NextToken };
}

/** Each cancelled order with its items (for the SKUs and the buyer's cancel request) as a cancellation case. */
export function convertCancelledOrders(
  orders: readonly AmazonOrder[],
  itemsOf: (orderId: string) => readonly AmazonOrderItem[],
  context: AmazonPageContext,
): Pick<AmazonPageRecords, 'cases' | 'unmapped'> {
  const cases: CaseRecord[] = [];
  const unmapped: Record<string, number> = {};
  for (const order of orders) {
    const converted = convertAmazonCancellation(order, itemsOf(order.AmazonOrderId), context);
    cases.push(converted.record);
    for (const value of converted.unmapped) unmapped[value] = (unmapped[value] ?? 0) + 1;
  }
  return { cases, unmapped };
}
