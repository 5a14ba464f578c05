import type { z } from 'zod';
import type { CaseRecord } from '../../domain/records.ts';
import { AppError } from '../../errors/app-error.ts';
import { connectorFromReaders } from '../connector-from-readers.ts';
import { type Converted, convertRecords } from '../convert-records.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { positionAfter, windowStart } from '../sync-window.ts';
import { convertEbayCancellation } from './convert-ebay-cancellation.ts';
import { convertEbayDispute } from './convert-ebay-dispute.ts';
import { convertEbayCase, convertEbayInquiry } from './convert-ebay-inquiry.ts';
import { convertEbayOrder } from './convert-ebay-order.ts';
import { convertEbayReturn } from './convert-ebay-return.ts';
import { createEbayClient, type EbayClientOptions } from './ebay-client.ts';
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
} from './ebay-schemas.ts';
import { EBAY_SPEC, ebaySite } from './ebay-spec.ts';

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

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const { from, offset } = window(input);
    const filter = encodeURIComponent(`lastmodifieddate:[${from.toISOString()}..]`);
    const { body, rateLimitWaits } = await client.getJson(`/sell/fulfillment/v1/order?filter=${filter}&limit=${limit}&offset=${offset}`, 'Bearer');
    const page = EbayOrderPage.safeParse(body);
    if (!page.success) throw new AppError('PLATFORM_BAD_RESPONSE', `eBay (${options.storeId}) sent an order page in an unexpected shape.`);
    const converted = convertRecords(page.data.orders, EbayOrder, (o) => ({ record: convertEbayOrder(o) }), {
      log: deps.log,
      store: options.storeId,
      resource: 'orders',
    });
    const received = page.data.orders?.length ?? 0;
    return {
      orders: converted.records.map((r) => r.order),
      skus: converted.records.flatMap((r) => r.skus),
      skipped: converted.skipped,
      unmapped: converted.unmapped,
      rateLimitWaits,
      ...finish(input, offset, received, page.data.total),
    };
  }

  /** Reads one page of a case list: the request, the envelope check, then record by record. */
  async function casePage<S extends z.ZodType>(
    input: FetchPageInput,
    request: { path: string; scheme: 'Bearer' | 'IAF'; host?: 'api' | 'apiz'; what: string },
    read: (body: unknown) => { records: unknown[] | null | undefined; total: number | null | undefined } | null,
    schema: S,
    convert: (parsed: z.output<S>) => Converted<CaseRecord>,
  ): Promise<SyncPage> {
    const { offset } = window(input);
    const { body, rateLimitWaits } = await client.getJson(request.path, request.scheme, request.host);
    const page = read(body);
    if (!page) throw new AppError('PLATFORM_BAD_RESPONSE', `eBay (${options.storeId}) sent a ${request.what} page in an unexpected shape.`);
    const converted = convertRecords(page.records, schema, convert, { log: deps.log, store: options.storeId, resource: input.resource });
    return {
      cases: converted.records,
      skipped: converted.skipped,
      unmapped: converted.unmapped,
      rateLimitWaits,
      ...finish(input, offset, page.records?.length ?? 0, page.total),
    };
  }

  function returns(input: FetchPageInput): Promise<SyncPage> {
    const { from, offset } = window(input);
    const query = new URLSearchParams({
      creation_date_range_from: from.toISOString(),
      creation_date_range_to: input.now.toISOString(),
      limit: String(limit),
      offset: String(offset),
    });
    return casePage(
      input,
      { path: `/post-order/v2/return/search?${query}`, scheme: 'IAF', what: 'return' },
      (body) => {
        const page = EbayReturnPage.safeParse(body);
        return page.success ? { records: page.data.members, total: page.data.paginationOutput?.totalEntries } : null;
      },
      EbayReturn,
      (r) => convertEbayReturn(r, { site }),
    );
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

  function cancellations(input: FetchPageInput): Promise<SyncPage> {
    return casePage(
      input,
      { path: `/post-order/v2/cancellation/search?${postOrderQuery(input, 'creation_date_range')}`, scheme: 'IAF', what: 'cancellation' },
      (body) => {
        const page = EbayCancellationPage.safeParse(body);
        return page.success ? { records: page.data.cancellations, total: page.data.paginationOutput?.totalEntries ?? page.data.total } : null;
      },
      EbayCancellation,
      (c) => convertEbayCancellation(c, { site }),
    );
  }

  function inquiries(input: FetchPageInput): Promise<SyncPage> {
    return casePage(
      input,
      { path: `/post-order/v2/inquiry/search?${postOrderQuery(input, 'inquiry_creation_date_range')}`, scheme: 'IAF', what: 'inquiry' },
      (body) => {
        const page = EbayInquiryPage.safeParse(body);
        return page.success ? { records: page.data.members, total: page.data.paginationOutput?.totalEntries ?? page.data.totalNumberOfInquiries } : null;
      },
      EbayInquiry,
      (i) => convertEbayInquiry(i, { site }),
    );
  }

  function claims(input: FetchPageInput): Promise<SyncPage> {
    return casePage(
      input,
      { path: `/post-order/v2/casemanagement/search?${postOrderQuery(input, 'case_creation_date_range')}`, scheme: 'IAF', what: 'case' },
      (body) => {
        const page = EbayCasePage.safeParse(body);
        return page.success ? { records: page.data.members, total: page.data.paginationOutput?.totalEntries ?? page.data.totalNumberOfCases } : null;
      },
      EbayCase,
      (c) => convertEbayCase(c, { site }),
    );
  }

  function disputes(input: FetchPageInput): Promise<SyncPage> {
    const { from, offset } = window(input);
    const query = new URLSearchParams({
      open_date_from: from.toISOString(),
      open_date_to: input.now.toISOString(),
      limit: String(limit),
      offset: String(offset),
    });
    return casePage(
      input,
      { path: `/sell/fulfillment/v1/payment_dispute_summary?${query}`, scheme: 'Bearer', host: 'apiz', what: 'payment dispute' },
      (body) => {
        const page = EbayDisputePage.safeParse(body);
        return page.success ? { records: page.data.paymentDisputeSummaries, total: page.data.total } : null;
      },
      EbayPaymentDispute,
      convertEbayDispute,
    );
  }

  return connectorFromReaders(EBAY_SPEC, 'eBay', { orders, returns, cancellations, inquiries, claims, disputes });
}
