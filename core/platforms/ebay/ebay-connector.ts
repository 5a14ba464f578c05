import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { createEbayClient, type EbayClientOptions } from './ebay-client.ts';
import { EBAY_SPEC, ebaySite } from './ebay-spec.ts';
import { readEbayPage } from './read-ebay-pages.ts';

export interface EbayConnectorOptions extends EbayClientOptions {
  pageSize?: number;
  /** How far back the first sync reaches. */
  firstSyncDays?: number;
  /**
   * How far before the last complete sync a new one starts again. Orders are read by last
   * change (2 days cover late edits); returns, cancellations, inquiries and cases can only be
   * searched by creation date, so their window (`returns`) reaches back 30 days to pick up status
   * changes of recent ones.
   */
  lookbackDays?: { orders: number; returns: number; disputes: number };
}

/**
 * eBay for the sync: orders from the Fulfillment API (with the listing ↔ SKU pairs); returns,
 * cancellations, INR inquiries and Money Back Guarantee cases from the Post-Order API; payment
 * disputes from the Fulfillment API — all paged by offset inside a date window. While a sync pages, the
 * cursor keeps the window's basis (the previous watermark), so a resumed sync reads the same
 * window; the last page moves the watermark to now.
 */
export function createEbayConnector(options: EbayConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createEbayClient(options, deps);
  const limit = options.pageSize ?? 200;
  const site = ebaySite(options.marketplaceId);

  const lookback = options.lookbackDays ?? { orders: 2, returns: 30, disputes: 30 };
  const window = (input: FetchPageInput) => ({
    from: windowStart(input, {
      firstSyncDays: options.firstSyncDays ?? 180,
      lookbackDays: input.resource === 'orders' ? lookback.orders : input.resource === 'disputes' ? lookback.disputes : lookback.returns,
    }),
    offset: Number(input.cursor?.cursor ?? 0),
  });

  const finish = (input: FetchPageInput, offset: number, received: number, total: number | null | undefined) => {
    const hasMore = total != null ? offset + received < total && received > 0 : received === limit;
    return positionAfter(input, hasMore ? String(offset + received) : null);
  };

  /** Reads one page of a list: the request, then the page (envelope, then record by record). */
  async function readPage(input: FetchPageInput, request: { path: string; scheme: 'Bearer' | 'IAF'; host?: 'api' | 'apiz'; what: string }): Promise<SyncPage> {
    const { offset } = window(input);
    const { body, rateLimitWaits } = await client.getJson(request.path, request.scheme, request.host);
    const page = readEbayPage(input.resource, body, { log: deps.log, store: options.storeId, site: { site } });
    if (!page) throw new AppError('PLATFORM_BAD_RESPONSE', `eBay (${options.storeId}) sent ${request.what} page in an unexpected shape.`);
    const { received, total, ...records } = page;
    return { ...records, rateLimitWaits, ...finish(input, offset, received, total) };
  }

  function orders(input: FetchPageInput): Promise<SyncPage> {
    const { from, offset } = window(input);
    const filter = encodeURIComponent(`lastmodifieddate:[${from.toISOString()}..]`);
    return readPage(input, { path: `/sell/fulfillment/v1/order?filter=${filter}&limit=${limit}&offset=${offset}`, scheme: 'Bearer', what: 'an order' });
  }

  /** A Post-Order search by creation date: `<prefix>_from/_to`, offset paging, `IAF` token. */
  function postOrderQuery(input: FetchPageInput, datePrefix: string): string {
    const { from, offset } = window(input);
    return new URLSearchParams({
      [`${datePrefix}_from`]: from.toISOString(),
      [`${datePrefix}_to`]: input.now.toISOString(),
      limit: String(limit),
      offset: String(offset),
    }).toString();
  }

  function returns(input: FetchPageInput): Promise<SyncPage> {
    return readPage(input, { path: `/post-order/v2/return/search?${postOrderQuery(input, 'creation_date_range')}`, scheme: 'IAF', what: 'a return' });
  }

  function cancellations(input: FetchPageInput): Promise<SyncPage> {
    return readPage(input, {
      path: `/post-order/v2/cancellation/search?${postOrderQuery(input, 'creation_date_range')}`,
      scheme: 'IAF',
      what: 'a cancellation',
    });
  }

  function inquiries(input: FetchPageInput): Promise<SyncPage> {
    return readPage(input, {
      path: `/post-order/v2/inquiry/search?${postOrderQuery(input, 'inquiry_creation_date_range')}`,
      scheme: 'IAF',
      what: 'an inquiry',
    });
  }

  function claims(input: FetchPageInput): Promise<SyncPage> {
    return readPage(input, {
      path: `/post-order/v2/casemanagement/search?${postOrderQuery(input, 'case_creation_date_range')}`,
      scheme: 'IAF',
      what: 'a case',
    });
  }

  function disputes(input: FetchPageInput): Promise<SyncPage> {
    const { from, offset } = window(input);
    const query = new URLSearchParams({
      open_date_from: from.toISOString(),
      open_date_to: input.now.toISOString(),
      limit: String(limit),
      offset: String(offset),
    });
    return readPage(input, { path: `/sell/fulfillment/v1/payment_dispute_summary?${query}`, scheme: 'Bearer', host: 'apiz', what: 'a payment dispute' });
  }

  return connectorFromReaders(EBAY_SPEC, 'eBay', { orders, returns, cancellations, inquiries, claims, disputes });
}
