// The normalising half of each connector's fetchPage: a page's payload → the records the sync
// writes. Each platform's page readers (core/platforms/*/read-*-pages.ts) are the ones its
// connector calls after its request; this file only routes a captured payload to them. The
// sync-stage benchmark still checks page by page that it gets exactly what the connector
// returned (see capture-pages.ts).
import type { CaseRecord, OrderRecord, SkuRecord } from '../core/domain/records.ts';
import type { Platform } from '../core/domain/taxonomy.ts';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import type { AmazonOrderItem } from '../core/platforms/amazon/amazon-schemas.ts';
import type { FinanceKind } from '../core/platforms/amazon/convert-amazon-finance.ts';
import {
  convertCancelledOrders,
  readAmazonOrderRows,
  readAmazonReturnRows,
  readCancelledOrdersPage,
  readFinancialEventsPage,
} from '../core/platforms/amazon/read-amazon-pages.ts';
import { ebaySite } from '../core/platforms/ebay/ebay-spec.ts';
import { readEbayPage } from '../core/platforms/ebay/read-ebay-pages.ts';
import { readShopifyDisputesPage, readShopifyOrdersPage } from '../core/platforms/shopify/read-shopify-pages.ts';
import { shopDomain } from '../core/platforms/shopify/shopify-spec.ts';
import type { Resource } from '../core/platforms/spec.ts';
import { readWalmartOrderPage, readWalmartReturnPage } from '../core/platforms/walmart/read-walmart-pages.ts';
import { readWishOrders, readWishTickets } from '../core/platforms/wish/read-wish-records.ts';

/** What one page normalises to: the records the sync engine writes in the page's transaction. */
export interface PageRecords {
  orders: OrderRecord[];
  cases: CaseRecord[];
  skus: SkuRecord[];
  skipped: number;
}

export interface StoreContext {
  id: string;
  platform: Platform;
  marketplace: string | null;
}

/** Amazon's cancellations page: the cancelled orders and each one's items (a getOrderItems call each). */
export interface AmazonCancellationsPayload {
  orders: unknown;
  items: Map<string, AmazonOrderItem[]>;
}

export type PageConverter = (payload: unknown) => PageRecords;

const log = createSilentLogger();
/** A connector's own page reader's result, cut to what the sync writes (or a stop if the page no longer parses). */
const fromReader = (r: (Partial<PageRecords> & { skipped: number }) | null, what: string): PageRecords =>
  r ? { orders: r.orders ?? [], cases: r.cases ?? [], skus: r.skus ?? [], skipped: r.skipped } : bad(what);

function bad(what: string): never {
  throw new Error(`the captured ${what} no longer parses: the benchmark's copy of the connector is out of date`);
}

/** The converter of one store × resource, or null when the benchmark has no copy of it. */
export function pageConverter(store: StoreContext, resource: Resource): PageConverter | null {
  const context = { store: store.id, resource };
  switch (store.platform) {
    case 'amazon':
      return amazonConverter(store, resource, context);
    case 'ebay':
      return ebayConverter(store, resource, context);
    case 'shopify':
      return shopifyConverter(store, resource, context);
    case 'walmart':
      return walmartConverter(resource, context);
    case 'wish':
      return wishConverter(resource, context);
  }
}

function amazonConverter(store: StoreContext, resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const pageContext = { log, store: context.store, marketplaceId: store.marketplace ?? 'ATVPDKIKX0DER' };
  const finance: Partial<Record<Resource, FinanceKind>> = { refunds: 'refund', claims: 'claim', disputes: 'chargeback' };
  const kind = finance[resource];
  if (kind) return (body) => fromReader(readFinancialEventsPage(body, kind, resource, pageContext), 'financial events page');
  switch (resource) {
    case 'orders':
      return (rows) => fromReader(readAmazonOrderRows(rows as unknown[], pageContext), 'orders report rows');
    case 'returns':
      return (rows) => fromReader(readAmazonReturnRows(rows as unknown[], pageContext), 'returns report rows');
    case 'cancellations':
      return (payload) => {
        const { orders, items } = payload as AmazonCancellationsPayload;
        const page = readCancelledOrdersPage(orders, pageContext) ?? bad('orders page');
        const converted = convertCancelledOrders(page.orders, (id) => items.get(id) ?? [], pageContext);
        return fromReader({ cases: converted.cases, skipped: page.skipped }, 'orders page');
      };
    default:
      return null;
  }
}

function ebayConverter(store: StoreContext, resource: Resource, context: { store: string; resource: string }): PageConverter {
  const site = { site: ebaySite(store.marketplace ?? 'EBAY_US') };
  return (body) => fromReader(readEbayPage(resource, body, { log, store: context.store, site }), `eBay ${resource} page`);
}

function shopifyConverter(store: StoreContext, resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const pageContext = { log, store: context.store, shop: shopDomain(store.marketplace) ?? '' };
  switch (resource) {
    case 'orders':
      return (data) => fromReader(readShopifyOrdersPage(data, pageContext), 'Shopify orders page');
    case 'disputes':
      return (data) => fromReader(readShopifyDisputesPage(data, pageContext), 'Shopify disputes page');
    default:
      return null;
  }
}

function walmartConverter(resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  switch (resource) {
    case 'orders':
    case 'cancellations':
      return (body) => fromReader(readWalmartOrderPage(body, { log, ...context }, resource === 'cancellations'), 'Walmart order page');
    case 'returns':
      return (body) => fromReader(readWalmartReturnPage(body, { log, ...context }), 'Walmart return page');
    default:
      return null;
  }
}

/** Wish's payload is the page's new records: the keyset paging has already dropped the repeats. */
function wishConverter(resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const pageContext = { log, store: context.store, currency: 'USD' };
  switch (resource) {
    case 'orders':
      return (fresh) => fromReader(readWishOrders(fresh as unknown[], pageContext), 'Wish orders');
    case 'inquiries':
      return (fresh) => fromReader(readWishTickets(fresh as unknown[], pageContext), 'Wish tickets');
    default:
      return null;
  }
}
