import type { CaseRecord, OrderRecord } from '../../domain/records.ts';
import type { Log } from '../../logging/create-logger.ts';
import { convertRecords } from '../convert-records.ts';
import { convertWalmartOrder, convertWalmartOrderWithCancellations, convertWalmartReturn } from './convert-walmart.ts';
import { WalmartOrder, WalmartOrderPage, WalmartReturn, WalmartReturnPage } from './walmart-schemas.ts';

/** What one Walmart page gives the sync, or null when the page itself is not Walmart's shape. */
export interface WalmartPageRecords {
  orders: OrderRecord[];
  cases: CaseRecord[];
  skipped: number;
  unmapped: Record<string, number>;
  nextCursor: string | null;
  /** How many records the whole query matches, when Walmart says. */
  totalCount: number | null;
}

type Context = { log: Log; store: string; resource: string };

/**
 * A `/v3/orders` page. Read by creation date it gives the orders; read with `status=Cancelled`
 * it gives each cancelled line as a cancellation case, and the order again so its lines' status
 * is current (a line cancelled weeks after the order was placed).
 */
export function readWalmartOrderPage(body: unknown, context: Context, withCancellations: boolean): WalmartPageRecords | null {
  const page = WalmartOrderPage.safeParse(body);
  if (!page.success) return null;
  const raws = page.data.list?.elements?.order;
  const nextCursor = page.data.list?.meta?.nextCursor || null;
  const totalCount = page.data.list?.meta?.totalCount ?? null;
  if (!withCancellations) {
    const converted = convertRecords(raws, WalmartOrder, (o) => ({ record: convertWalmartOrder(o) }), context);
    return { orders: converted.records, cases: [], skipped: converted.skipped, unmapped: converted.unmapped, nextCursor, totalCount };
  }
  const converted = convertRecords(raws, WalmartOrder, convertWalmartOrderWithCancellations, context);
  return {
    orders: converted.records.map((r) => r.order),
    cases: converted.records.flatMap((r) => r.cancellations),
    skipped: converted.skipped,
    unmapped: converted.unmapped,
    nextCursor,
    totalCount,
  };
}

/** A `/v3/returns` page: each return order is a return case. */
export function readWalmartReturnPage(body: unknown, context: Context): WalmartPageRecords | null {
  const page = WalmartReturnPage.safeParse(body);
  if (!page.success) return null;
  const converted = convertRecords(page.data.returnOrders, WalmartReturn, convertWalmartReturn, context);
  return {
    orders: [],
    cases: converted.records,
    skipped: converted.skipped,
    unmapped: converted.unmapped,
    nextCursor: page.data.meta?.nextCursor || null,
    totalCount: page.data.meta?.totalCount ?? null,
  };
}
