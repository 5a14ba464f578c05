import type { CaseRecord, OrderRecord } from '../../domain/records.ts';
import type { Log } from '../../logging/create-logger.ts';
import { convertRecords } from '../convert-records.ts';
import { convertShopifyDispute } from './convert-shopify-dispute.ts';
import { convertShopifyOrder } from './convert-shopify-order.ts';
import { ShopifyDispute, ShopifyDisputesData, ShopifyOrder, ShopifyOrdersData } from './shopify-schemas.ts';

/** What one page of a Shopify connection gives the sync, with the connection's paging. */
export interface ShopifyPageRecords {
  orders: OrderRecord[];
  cases: CaseRecord[];
  skipped: number;
  unmapped: Record<string, number>;
  pageInfo: { hasNextPage?: boolean | null; endCursor?: string | null } | null | undefined;
}

export interface ShopifyPageContext {
  log: Log;
  store: string;
  shop: string;
}

/**
 * A page of the orders query: each order with its returns, refunds and cancellation (orders and
 * cases from one page), or null when the page is not Shopify's shape. A return or refund inside
 * an order that cannot be read is logged and counted as skipped; the order is still written.
 */
export function readShopifyOrdersPage(data: unknown, context: ShopifyPageContext): ShopifyPageRecords | null {
  const page = ShopifyOrdersData.safeParse(data);
  if (!page.success) return null;
  const { log, store, shop } = context;
  const converted = convertRecords(
    page.data.orders.nodes,
    ShopifyOrder,
    (o) =>
      convertShopifyOrder(o, {
        shop,
        onSkip: (what, issues) => log.warn({ store, resource: 'orders', what, order: o.id, issues }, `skipped a ${what} that could not be read`),
        onTruncated: (order) => log.warn({ store, order }, 'order has more lines or returns than one query reads; the rest are left out'),
      }),
    { log, store, resource: 'orders' },
  );
  return {
    orders: converted.records.map((r) => r.order),
    cases: converted.records.flatMap((r) => r.cases),
    skipped: converted.skipped + converted.records.reduce((s, r) => s + r.skipped, 0),
    unmapped: converted.unmapped,
    pageInfo: page.data.orders.pageInfo,
  };
}

/** A page of the disputes query (chargebacks and inquiries), or null when it is not Shopify's shape. */
export function readShopifyDisputesPage(data: unknown, context: ShopifyPageContext): ShopifyPageRecords | null {
  const page = ShopifyDisputesData.safeParse(data);
  if (!page.success) return null;
  const { log, store, shop } = context;
  const converted = convertRecords(page.data.disputes.nodes, ShopifyDispute, (d) => convertShopifyDispute(d, { shop }), { log, store, resource: 'disputes' });
  return { orders: [], cases: converted.records, skipped: converted.skipped, unmapped: converted.unmapped, pageInfo: page.data.disputes.pageInfo };
}
