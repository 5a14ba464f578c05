import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { readWishOrders, readWishTickets } from './read-wish-records.ts';
import { createWishClient, type WishClientOptions } from './wish-client.ts';
import { decodePosition, encodePosition, type KeysetPosition, keysetPage, MAX_LIMIT } from './wish-keyset.ts';
import { WISH_SPEC } from './wish-spec.ts';

export interface WishConnectorOptions extends WishClientOptions {
  pageSize?: number;
  /** How far back the first sync reaches. */
  firstSyncDays?: number;
  /** How far before the last complete sync a new one starts again (both lists are read by update time). */
  lookbackDays?: number;
  /** Tickets carry no money; their cases are in the store's currency. */
  currency?: string;
}

const Page = z.array(z.unknown());

/**
 * Wish for the sync: orders (with their refunds as refund cases) and customer tickets (inquiry
 * cases), both read by update time with Wish's keyset paging. While a sync pages, the cursor
 * keeps the window's basis (the previous watermark); the last page moves the watermark to now.
 */
export function createWishConnector(options: WishConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createWishClient(options, deps);
  const pageSize = Math.min(MAX_LIMIT, options.pageSize ?? MAX_LIMIT);
  const label = `Wish (${options.storeId})`;

  /** One request of a list: where to start, how many to ask for, what came back, where to go on. */
  async function readPage(input: FetchPageInput, path: string) {
    const saved = input.cursor?.cursor ? decodePosition(input.cursor.cursor) : null;
    const position: KeysetPosition = saved ?? {
      updatedAtMin: windowStart(input, { firstSyncDays: options.firstSyncDays ?? 180, lookbackDays: options.lookbackDays ?? 2 }).toISOString(),
      taken: 0,
    };
    const limit = Math.min(MAX_LIMIT, pageSize + position.taken);
    const query = new URLSearchParams({ limit: String(limit), updated_at_min: position.updatedAtMin, sort_by: 'updated_at.asc' });
    const { data, rateLimitWaits } = await client.getData(`${path}?${query}`);
    const list = Page.safeParse(data);
    if (!list.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent a ${path} page whose data is not a list.`);
    const { fresh, next } = keysetPage(list.data, position, limit, label);
    return { fresh, rateLimitWaits, ...positionAfter(input, next ? encodePosition(next) : null) };
  }

  const pageContext = { log: deps.log, store: options.storeId, currency: options.currency ?? 'USD' };

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const { fresh, ...position } = await readPage(input, '/api/v3/orders');
    return { ...readWishOrders(fresh, pageContext), ...position };
  }

  async function inquiries(input: FetchPageInput): Promise<SyncPage> {
    const { fresh, ...position } = await readPage(input, '/api/v3/tickets');
    return { ...readWishTickets(fresh, pageContext), ...position };
  }

  return connectorFromReaders(WISH_SPEC, 'Wish', { orders, inquiries }, ' (refunds arrive with the orders)');
}
