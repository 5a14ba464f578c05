import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { readWalmartOrderPage, readWalmartReturnPage, type WalmartPageRecords } from './read-walmart-pages.ts';
import { createWalmartClient, type WalmartClientOptions } from './walmart-client.ts';
import {
  decodeWindow,
  encodeWindow,
  FIRST_WINDOW_MS,
  firstWindow,
  halve,
  MAX_ORDERS_PER_QUERY,
  nextWindow,
  type OrderWindow,
  windowMs,
} from './walmart-order-windows.ts';
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
 * Walmart's `nextCursor` (a whole query string, passed back verbatim); orders and cancelled orders
 * in date windows that fit Walmart's cap per query. Returns and cancellations are read by
 * last-modified time, so a change on an old one is picked up by the next sync.
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
  const ordersFrom = (input: FetchPageInput) => new Date(Math.max(first(input).getTime(), oldestOrder(input).getTime()));
  const bad = (what: string) => new AppError('PLATFORM_BAD_RESPONSE', `Walmart (${options.storeId}) sent ${what} in an unexpected shape.`);
  /** What Walmart said when it refused a request as bad (400), or '' for any other failure. */
  const refusal = (error: unknown) => (error instanceof AppError && error.details?.status === 400 ? String(error.details.detail) : '');
  const cursorExpired = (error: unknown) => /cursor/i.test(refusal(error));

  /** One page of a Walmart list, read into the sync's records; a page that is not Walmart's shape is an error. */
  const toSyncPage = (input: FetchPageInput, records: WalmartPageRecords | null, rateLimitWaits: number | undefined, what: string): SyncPage => {
    if (!records) throw bad(what);
    const { nextCursor, totalCount: _total, ...rest } = records;
    return { ...rest, rateLimitWaits, ...positionAfter(input, nextCursor) };
  };

  // The window size that fits Walmart's 10,000 orders a query, per list: halved, for the rest of
  // this connector's life, when a window held more.
  const windowSizes = { orders: FIRST_WINDOW_MS, cancellations: FIRST_WINDOW_MS };

  /**
   * Orders by creation date, or (with cancellations) orders with a cancelled line by last-modified
   * time, one date window at a time. A cancelled order line is Walmart's cancellation; reading
   * them by last-modified time finds a line cancelled long after its order was placed (when the
   * order's creation date has left the orders' look-back).
   */
  async function windowedOrders(input: FetchPageInput, withCancellations: boolean): Promise<SyncPage> {
    const resource: keyof typeof windowSizes = withCancellations ? 'cancellations' : 'orders';
    const what = withCancellations ? 'a page of cancelled orders' : 'an order page';
    const firstQuery = (w: OrderWindow) =>
      withCancellations
        ? `?status=Cancelled&createdStartDate=${encodeURIComponent(oldestOrder(input).toISOString())}&lastModifiedStartDate=${encodeURIComponent(w.from)}&lastModifiedEndDate=${encodeURIComponent(w.to)}&limit=${limit}`
        : `?createdStartDate=${encodeURIComponent(w.from)}&createdEndDate=${encodeURIComponent(w.to)}&limit=${limit}`;
    let w = decodeWindow(input.cursor?.cursor, ordersFrom(input), input.now) ?? firstWindow(ordersFrom(input), input.now, windowSizes[resource]);
    const tooMany = (full: OrderWindow) => {
      const half = halve(full);
      if (!half) return null;
      windowSizes[resource] = Math.min(windowSizes[resource], windowMs(half));
      deps.log.info({ store: options.storeId, resource, from: half.from, to: half.to }, 'Walmart window holds too many orders; reading half of it');
      return half;
    };
    let waits = 0;
    for (;;) {
      let answer: Awaited<ReturnType<typeof client.getJson>>;
      try {
        answer = await client.getJson(`/v3/orders${w.next ?? firstQuery(w)}`);
      } catch (error) {
        const smaller = /10000|maximum/i.test(refusal(error)) ? tooMany(w) : null;
        if (smaller) {
          w = smaller;
          continue;
        }
        // Walmart's nextCursor expires: a sync resumed after a pause reads its window again (the writes are idempotent).
        if (w.next && cursorExpired(error)) {
          deps.log.info({ store: options.storeId, resource }, 'Walmart cursor expired; reading the window again from its start');
          w = { ...w, next: null };
          continue;
        }
        throw error;
      }
      waits += answer.rateLimitWaits;
      const records = readWalmartOrderPage(answer.body, context(resource), withCancellations);
      if (!records) throw bad(what);
      const smaller = w.next === null && (records.totalCount ?? 0) > MAX_ORDERS_PER_QUERY ? tooMany(w) : null;
      if (smaller) {
        w = smaller;
        continue;
      }
      const { nextCursor, totalCount: _total, ...rest } = records;
      const after = nextCursor ? { ...w, next: nextCursor } : nextWindow(w, input.now, windowSizes[resource]);
      const position = after
        ? { hasMore: true, next: { cursor: encodeWindow(after), watermark: input.cursor?.watermark ?? null } }
        : positionAfter(input, null);
      return { ...rest, rateLimitWaits: waits, ...position };
    }
  }

  const orders = (input: FetchPageInput) => windowedOrders(input, false);
  const cancellations = (input: FetchPageInput) => windowedOrders(input, true);

  /**
   * Walmart's nextCursor expires; a sync resumed after a pause may hold a stale one. Then the
   * window is read again from its start — the writes are idempotent, so nothing doubles.
   */
  async function getWithCursor(path: string, input: FetchPageInput, firstQuery: string) {
    const query = input.cursor?.cursor ?? firstQuery;
    try {
      return await client.getJson(`${path}${query}`);
    } catch (error) {
      if (!cursorExpired(error) || query === firstQuery) throw error;
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
