// The normalising half of each connector's fetchPage: a page's parsed payload → the records the
// sync writes. Connectors do this inline after their request, so the sync-stage benchmark
// repeats it here with the same schemas and converters, and checks page by page that it gets
// exactly what the connector returned (see capture-pages.ts) — a drifted copy stops the bench.
import type { z } from 'zod';
import type { CaseRecord, OrderRecord, SkuRecord } from '../core/domain/records.ts';
import type { Platform } from '../core/domain/taxonomy.ts';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import {
  AmazonOrder,
  type AmazonOrderItem,
  AmazonOrderRow,
  AmazonReturnRow,
  FinancialEventsPage,
  OrdersPage,
  ShipmentEvent,
} from '../core/platforms/amazon/amazon-schemas.ts';
import { convertAmazonCancellation } from '../core/platforms/amazon/convert-amazon-cancellation.ts';
import { convertFinancialEvent, FINANCE_LISTS, type FinanceKind } from '../core/platforms/amazon/convert-amazon-finance.ts';
import { convertAmazonOrderRows, groupOrderRows } from '../core/platforms/amazon/convert-amazon-order.ts';
import { convertAmazonReturn } from '../core/platforms/amazon/convert-amazon-return.ts';
import { convertRecords } from '../core/platforms/convert-records.ts';
import { convertEbayCancellation } from '../core/platforms/ebay/convert-ebay-cancellation.ts';
import { convertEbayDispute } from '../core/platforms/ebay/convert-ebay-dispute.ts';
import { convertEbayCase, convertEbayInquiry } from '../core/platforms/ebay/convert-ebay-inquiry.ts';
import { convertEbayOrder } from '../core/platforms/ebay/convert-ebay-order.ts';
import { convertEbayReturn } from '../core/platforms/ebay/convert-ebay-return.ts';
import {
  EbayCancellation,
  EbayCancellationPage,
  EbayCase,
  EbayCasePage,
  EbayDisputePage,
  EbayInquiry,
  EbayInquiryPage,
  EbayOrder,
  EbayOrderPage,
  EbayPaymentDispute,
  EbayReturn,
  EbayReturnPage,
} from '../core/platforms/ebay/ebay-schemas.ts';
import { ebaySite } from '../core/platforms/ebay/ebay-spec.ts';
import { convertShopifyDispute } from '../core/platforms/shopify/convert-shopify-dispute.ts';
import { convertShopifyOrder } from '../core/platforms/shopify/convert-shopify-order.ts';
import { ShopifyDispute, ShopifyDisputesData, ShopifyOrder, ShopifyOrdersData } from '../core/platforms/shopify/shopify-schemas.ts';
import { shopDomain } from '../core/platforms/shopify/shopify-spec.ts';
import type { Resource } from '../core/platforms/spec.ts';
import { readWalmartOrderPage, readWalmartReturnPage, type WalmartPageRecords } from '../core/platforms/walmart/read-walmart-pages.ts';
import { convertWishOrder } from '../core/platforms/wish/convert-wish-order.ts';
import { convertWishTicket } from '../core/platforms/wish/convert-wish-ticket.ts';
import { WishOrder, WishTicket } from '../core/platforms/wish/wish-schemas.ts';

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
const records = (r: Partial<PageRecords> & { skipped: number }): PageRecords => ({ orders: [], cases: [], skus: [], ...r });

function bad(what: string): never {
  throw new Error(`the captured ${what} no longer parses: the benchmark's copy of the connector is out of date`);
}

/** A page envelope read with its schema, as the connector does before it converts record by record. */
function envelope<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : bad(what);
}

function caseList<S extends z.ZodType>(
  raws: readonly unknown[] | null | undefined,
  schema: S,
  convert: (parsed: z.output<S>) => { record: CaseRecord; unmapped?: readonly string[] },
  context: { store: string; resource: string },
): PageRecords {
  const converted = convertRecords(raws, schema, convert, { log, ...context });
  return records({ cases: converted.records, skipped: converted.skipped });
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
  const marketplace = { marketplaceId: store.marketplace ?? 'ATVPDKIKX0DER' };
  const finance: Partial<Record<Resource, FinanceKind>> = { refunds: 'refund', claims: 'claim', disputes: 'chargeback' };
  const kind = finance[resource];
  if (kind) {
    return (body) => {
      const page = envelope(FinancialEventsPage, body, 'financial events page');
      return caseList(page.payload.FinancialEvents[FINANCE_LISTS[kind]], ShipmentEvent, (e) => convertFinancialEvent(e, kind, marketplace), context);
    };
  }
  switch (resource) {
    case 'orders':
      return (rows) => {
        const parsed = convertRecords(rows as unknown[], AmazonOrderRow, (row) => ({ record: row }), { log, ...context });
        const converted = groupOrderRows(parsed.records).map(convertAmazonOrderRows);
        return records({ orders: converted.map((c) => c.order), skus: converted.flatMap((c) => c.skus), skipped: parsed.skipped });
      };
    case 'returns':
      return (rows) => {
        const converted = convertRecords(rows as unknown[], AmazonReturnRow, (row) => convertAmazonReturn(row, marketplace), { log, ...context });
        return records({ cases: converted.records.flat(), skipped: converted.skipped });
      };
    case 'cancellations':
      return (payload) => {
        const { orders, items } = payload as AmazonCancellationsPayload;
        const page = envelope(OrdersPage, orders, 'orders page');
        const parsed = convertRecords(page.payload.Orders, AmazonOrder, (o) => ({ record: o }), { log, ...context });
        const cases = parsed.records.map((order) => convertAmazonCancellation(order, items.get(order.AmazonOrderId) ?? [], marketplace).record);
        return records({ cases, skipped: parsed.skipped });
      };
    default:
      return null;
  }
}

function ebayConverter(store: StoreContext, resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const site = { site: ebaySite(store.marketplace ?? 'EBAY_US') };
  switch (resource) {
    case 'orders':
      return (body) => {
        const page = envelope(EbayOrderPage, body, 'eBay order page');
        const converted = convertRecords(page.orders, EbayOrder, (o) => ({ record: convertEbayOrder(o) }), { log, ...context });
        return records({ orders: converted.records.map((r) => r.order), skus: converted.records.flatMap((r) => r.skus), skipped: converted.skipped });
      };
    case 'returns':
      return (body) => caseList(envelope(EbayReturnPage, body, 'eBay return page').members, EbayReturn, (r) => convertEbayReturn(r, site), context);
    case 'cancellations':
      return (body) =>
        caseList(
          envelope(EbayCancellationPage, body, 'eBay cancellation page').cancellations,
          EbayCancellation,
          (c) => convertEbayCancellation(c, site),
          context,
        );
    case 'inquiries':
      return (body) => caseList(envelope(EbayInquiryPage, body, 'eBay inquiry page').members, EbayInquiry, (i) => convertEbayInquiry(i, site), context);
    case 'claims':
      return (body) => caseList(envelope(EbayCasePage, body, 'eBay case page').members, EbayCase, (c) => convertEbayCase(c, site), context);
    case 'disputes':
      return (body) =>
        caseList(envelope(EbayDisputePage, body, 'eBay payment dispute page').paymentDisputeSummaries, EbayPaymentDispute, convertEbayDispute, context);
    default:
      return null;
  }
}

function shopifyConverter(store: StoreContext, resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const shop = shopDomain(store.marketplace) ?? '';
  switch (resource) {
    case 'orders':
      return (data) => {
        const page = envelope(ShopifyOrdersData, data, 'Shopify orders page');
        const converted = convertRecords(page.orders.nodes, ShopifyOrder, (o) => convertShopifyOrder(o, { shop, onSkip: () => {}, onTruncated: () => {} }), {
          log,
          ...context,
        });
        return records({
          orders: converted.records.map((r) => r.order),
          cases: converted.records.flatMap((r) => r.cases),
          skipped: converted.skipped + converted.records.reduce((s, r) => s + r.skipped, 0),
        });
      };
    case 'disputes':
      return (data) =>
        caseList(
          envelope(ShopifyDisputesData, data, 'Shopify disputes page').disputes.nodes,
          ShopifyDispute,
          (d) => convertShopifyDispute(d, { shop }),
          context,
        );
    default:
      return null;
  }
}

function walmartConverter(resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  const read = (records: WalmartPageRecords | null, what: string) => (records ? { ...records, skus: [] } : bad(what));
  switch (resource) {
    case 'orders':
    case 'cancellations':
      return (body) => read(readWalmartOrderPage(body, { log, ...context }, resource === 'cancellations'), 'Walmart order page');
    case 'returns':
      return (body) => read(readWalmartReturnPage(body, { log, ...context }), 'Walmart return page');
    default:
      return null;
  }
}

/** Wish's payload is the page's new records: the keyset paging has already dropped the repeats. */
function wishConverter(resource: Resource, context: { store: string; resource: string }): PageConverter | null {
  switch (resource) {
    case 'orders':
      return (fresh) => {
        const converted = convertRecords(fresh as unknown[], WishOrder, convertWishOrder, { log, ...context });
        return records({
          orders: converted.records.map((r) => r.order),
          skus: converted.records.flatMap((r) => r.skus),
          cases: converted.records.flatMap((r) => r.refunds),
          skipped: converted.skipped,
        });
      };
    case 'inquiries':
      return (fresh) => caseList(fresh as unknown[], WishTicket, (t) => convertWishTicket(t, { currency: 'USD' }), context);
    default:
      return null;
  }
}
