import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { readWalmartOrderPage, readWalmartReturnPage, type WalmartPageRecords } from './read-walmart-pages.ts';
import { createWalmartClient, type WalmartClientOptions } from './walmart-client.ts';
import { WALMART_SPEC } from './walmart-spec.ts';

const DAY = 86_400_000;
/** How far back Walmart lists orders by creation date. */
const ORDER_HISTORY_DAYS = 180;

export interface WalmartConnectorOptions extends WalmartClientOptions {
  pageSize?: number;
  firstSyncDays?: number;
  lookbackDays?: number;
}

/**
 * Walmart for the sync: purchase orders, cancelled order lines and return orders, each paged by
 * Walmart's `nextCursor` (a whole query string, passed back verbatim). Returns and cancellations
 * are read by last-modified time, so a change on an old one is picked up by the next sync.
 */
export function createWalmartConnector(options: WalmartConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createWalmartClient(options, deps);
  const limit = options.pageSize ?? 200;
  const context = (resource: string) => ({ log: deps.log, store: options.storeId, resource });
  const first = (input: FetchPageInput) =>
    windowStart(input, { firstSyncDays: options.firstSyncDays ?? ORDER_HISTORY_DAYS, lookbackDays: options.lookbackDays ?? 2 });
  // Walmart lists only orders created in the last 180 days, and without createdStartDate only
  // those of the last 7: every orders query names the oldest creation date it can have.
  const oldestOrder = (input: FetchPageInput) => new Date(input.now.getTime() - ORDER_HISTORY_DAYS * DAY);
  const ordersFrom = (input: FetchPageInput) => new Date(Math.max(first(input).getTime(), oldestOrder(input).getTime())).toISOString();
  const bad = (what: string) => new AppError('PLATFORM_BAD_RESPONSE', `Walmart (${options.storeId}) sent ${what} in an unexpected shape.`);

  /** One page of a Walmart list, read into the sync's records; a page that is not Walmart's shape is an error. */
  const toSyncPage = (input: FetchPageInput, records: WalmartPageRecords | null, rateLimitWaits: number | undefined, what: string): SyncPage => {
    if (!records) throw bad(what);
    const { nextCursor, ...rest } = records;
    return { ...rest, rateLimitWaits, ...positionAfter(input, nextCursor) };
  };

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const { body, rateLimitWaits } = await getWithCursor('/v3/orders', input, `?createdStartDate=${encodeURIComponent(ordersFrom(input))}&limit=${limit}`);
    return toSyncPage(input, readWalmartOrderPage(body, context('orders'), false), rateLimitWaits, 'an order page');
  }

  /**
   * A cancelled order line is Walmart's cancellation. Read by last-modified time, so a line
   * cancelled long after its order was placed (and its order's creation date left the orders'
   * look-back) is still picked up by the next sync.
   */
  async function cancellations(input: FetchPageInput): Promise<SyncPage> {
    const { body, rateLimitWaits } = await getWithCursor(
      '/v3/orders',
      input,
      `?status=Cancelled&createdStartDate=${encodeURIComponent(oldestOrder(input).toISOString())}&lastModifiedStartDate=${encodeURIComponent(ordersFrom(input))}&limit=${limit}`,
    );
    return toSyncPage(input, readWalmartOrderPage(body, context('cancellations'), true), rateLimitWaits, 'a page of cancelled orders');
  }

  /**
   * Walmart's nextCursor expires; a sync resumed after a pause may hold a stale one. Then the
   * window is read again from its start — the writes are idempotent, so nothing doubles.
   */
  async function getWithCursor(path: string, input: FetchPageInput, firstQuery: string) {
    const query = input.cursor?.cursor ?? firstQuery;
    try {
      return await client.getJson(`${path}${query}`);
    } catch (error) {
      const expired = error instanceof AppError && error.details?.status === 400 && /cursor/i.test(String(error.details.detail)) && query !== firstQuery;
      if (!expired) throw error;
      deps.log.info({ store: options.storeId, path }, 'Walmart cursor expired; reading the window again from its start');
      return client.getJson(`${path}${firstQuery}`);
    }
  }

  async function returns(input: FetchPageInput): Promise<SyncPage> {
    const { body, rateLimitWaits } = await getWithCursor(
      '/v3/returns',
      input,
      `?returnLastModifiedStartDate=${encodeURIComponent(first(input).toISOString())}&limit=${limit}`,
    );
    return toSyncPage(input, readWalmartReturnPage(body, context('returns')), rateLimitWaits, 'a return page');
  }

  return connectorFromReaders(WALMART_SPEC, 'Walmart', { orders, returns, cancellations });
}
