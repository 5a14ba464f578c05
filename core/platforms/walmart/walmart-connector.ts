import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import { convertRecords } from '../convert-records.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { convertWalmartOrderWithCancellations, convertWalmartReturn } from './convert-walmart.ts';
import { createWalmartClient, type WalmartClientOptions } from './walmart-client.ts';
import { WalmartOrder, WalmartOrderPage, WalmartReturn, WalmartReturnPage } from './walmart-schemas.ts';
import { WALMART_SPEC } from './walmart-spec.ts';

export interface WalmartConnectorOptions extends WalmartClientOptions {
  pageSize?: number;
  firstSyncDays?: number;
  lookbackDays?: number;
}

/**
 * Walmart for the sync: purchase orders (whose cancelled lines are the cancellations) and return orders, each paged by Walmart's `nextCursor`
 * (a whole query string, passed back verbatim). Returns are read by last-modified time, so a
 * status change on an old return is picked up by the next sync.
 */
export function createWalmartConnector(options: WalmartConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createWalmartClient(options, deps);
  const limit = options.pageSize ?? 200;
  const context = (resource: string) => ({ log: deps.log, store: options.storeId, resource });
  const first = (input: FetchPageInput) =>
    windowStart(input, { firstSyncDays: options.firstSyncDays ?? 180, lookbackDays: options.lookbackDays ?? 2 }).toISOString();
  const bad = (what: string) => new AppError('PLATFORM_BAD_RESPONSE', `Walmart (${options.storeId}) sent ${what} in an unexpected shape.`);

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const { body, rateLimitWaits } = await getWithCursor('/v3/orders', input, `?createdStartDate=${encodeURIComponent(first(input))}&limit=${limit}`);
    const page = WalmartOrderPage.safeParse(body);
    if (!page.success) throw bad('an order page');
    // A cancelled order line is Walmart's cancellation: it arrives with its order, no extra call.
    const converted = convertRecords(page.data.list?.elements?.order, WalmartOrder, convertWalmartOrderWithCancellations, context('orders'));
    return {
      orders: converted.records.map((r) => r.order),
      cases: converted.records.flatMap((r) => r.cancellations),
      skipped: converted.skipped,
      unmapped: converted.unmapped,
      rateLimitWaits,
      ...positionAfter(input, page.data.list?.meta?.nextCursor || null),
    };
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
      `?returnLastModifiedStartDate=${encodeURIComponent(first(input))}&limit=${limit}`,
    );
    const page = WalmartReturnPage.safeParse(body);
    if (!page.success) throw bad('a return page');
    const converted = convertRecords(page.data.returnOrders, WalmartReturn, convertWalmartReturn, context('returns'));
    return {
      cases: converted.records,
      skipped: converted.skipped,
      unmapped: converted.unmapped,
      rateLimitWaits,
      ...positionAfter(input, page.data.meta?.nextCursor || null),
    };
  }

  // Cancellations are the cancelled lines of the orders pages.
  return connectorFromReaders(WALMART_SPEC, 'Walmart', { orders, returns }, ' (cancellations arrive with the orders)');
}
