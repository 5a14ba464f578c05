import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { readShopifyDisputesPage, readShopifyOrdersPage, type ShopifyPageRecords } from './read-shopify-pages.ts';
import { createShopifyClient, type ShopifyClientOptions } from './shopify-client.ts';
import { DISPUTES_OPERATION, DISPUTES_QUERY, ORDERS_OPERATION, ORDERS_QUERY } from './shopify-queries.ts';
import { SHOPIFY_SPEC } from './shopify-spec.ts';

export interface ShopifyConnectorOptions extends ShopifyClientOptions {
  /**
   * Orders a page. 25 keeps the orders query (with its nested lines, returns and refunds) under
   * Shopify's limit of 1000 points for a single query.
   */
  pageSize?: { orders: number; disputes: number };
  /** How far back the first sync reaches (beyond 60 days needs the read_all_orders scope). */
  firstSyncDays?: number;
  /**
   * How far before the last complete sync a new one starts. Orders are read by update time, and
   * a return, refund or cancellation updates its order, so 2 days cover late changes. Disputes
   * have no update time: they are read by initiation, reaching back 90 days to pick up outcomes.
   */
  lookbackDays?: { orders: number; disputes: number };
}

/**
 * Shopify for the sync: `orders` (sorted by update time, each with its returns, refunds and
 * cancellation, so one page yields orders and cases) and `disputes`, both paged by the
 * connection's `endCursor`. While a sync pages, the cursor holds the endCursor and the window's
 * basis stays put; the last page moves the watermark to now (the look-back covers clock skew).
 */
export function createShopifyConnector(options: ShopifyConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createShopifyClient(options, deps);
  const pageSize = options.pageSize ?? { orders: 25, disputes: 50 };
  const lookback = options.lookbackDays ?? { orders: 2, disputes: 90 };
  const from = (input: FetchPageInput, days: number) => windowStart(input, { firstSyncDays: options.firstSyncDays ?? 180, lookbackDays: days }).toISOString();
  const bad = (what: string) => new AppError('PLATFORM_BAD_RESPONSE', `Shopify (${options.storeId}) sent ${what} in an unexpected shape.`);
  // Page sizes as they stand: shrunk, for the rest of this connector's life, when Shopify says a
  // query costs more than one query may (the cost of nested lists is Shopify's to compute).
  const first = { ...pageSize };

  /** A query with `first` items, retried with fewer when Shopify answers MAX_COST_EXCEEDED. */
  async function fitted(resource: 'orders' | 'disputes', operation: string, document: string, variables: Record<string, unknown>, signal?: AbortSignal) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.query(operation, document, { ...variables, first: first[resource] }, signal);
      } catch (error) {
        const details = error instanceof AppError ? error.details : undefined;
        const tooCostly = Array.isArray(details?.codes) && details.codes.includes('MAX_COST_EXCEEDED');
        if (!tooCostly || first[resource] <= 1 || attempt >= 3) throw error;
        const { cost, maxCost } = details as { cost?: number | null; maxCost?: number | null };
        const scaled = cost && maxCost ? Math.floor((first[resource] * maxCost) / cost) : Math.floor(first[resource] / 2);
        first[resource] = Math.max(1, Math.min(first[resource] - 1, scaled));
        deps.log.info({ store: options.storeId, resource, pageSize: first[resource] }, 'Shopify query too costly; reading fewer items a page');
      }
    }
  }

  /** One page of a connection, read into the sync's records; a page that is not Shopify's shape is an error. */
  const toSyncPage = (input: FetchPageInput, page: ShopifyPageRecords | null, rateLimitWaits: number | undefined, what: string): SyncPage => {
    if (!page) throw bad(what);
    const { pageInfo, ...records } = page;
    return { ...records, rateLimitWaits, ...positionAfter(input, pageInfo?.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null) };
  };
  const pageContext = { log: deps.log, store: options.storeId, shop: options.shop };

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const variables = { after: input.cursor?.cursor ?? null, query: `updated_at:>='${from(input, lookback.orders)}'` };
    const { data, rateLimitWaits } = await fitted('orders', ORDERS_OPERATION, ORDERS_QUERY, variables, input.signal);
    return toSyncPage(input, readShopifyOrdersPage(data, pageContext), rateLimitWaits, 'an orders page');
  }

  async function disputes(input: FetchPageInput): Promise<SyncPage> {
    // The search field `initiated_at` mirrors the REST filter; Shopify's list of disputes search fields was not confirmed.
    const variables = { after: input.cursor?.cursor ?? null, query: `initiated_at:>='${from(input, lookback.disputes)}'` };
    const { data, rateLimitWaits } = await fitted('disputes', DISPUTES_OPERATION, DISPUTES_QUERY, variables, input.signal);
    return toSyncPage(input, readShopifyDisputesPage(data, pageContext), rateLimitWaits, 'a disputes page');
  }

  return connectorFromReaders(SHOPIFY_SPEC, 'Shopify', { orders, disputes }, ' (returns, refunds and cancellations arrive with the orders)');
}
