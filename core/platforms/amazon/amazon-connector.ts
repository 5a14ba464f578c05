import { AppError } from '../../errors/app-error.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../spec.ts';
import { type AmazonClientOptions, createAmazonClient } from './amazon-client.ts';
import { createReportReader } from './amazon-reports.ts';
import { type AmazonOrderItem, OrderItemsPage } from './amazon-schemas.ts';
import { AMAZON_SPEC } from './amazon-spec.ts';
import { readTokenCursor, type TokenCursor, tokenPosition } from './amazon-token-walk.ts';
import type { FinanceKind } from './convert-amazon-finance.ts';
import { convertCancelledOrders, readAmazonOrderRows, readAmazonReturnRows, readCancelledOrdersPage, readFinancialEventsPage } from './read-amazon-pages.ts';

export const ORDERS_REPORT = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';
export const RETURNS_REPORT = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';

export interface AmazonConnectorOptions extends AmazonClientOptions {
  /** Report rows written per page (one transaction each). */
  pageRows?: number;
  /** MaxResultsPerPage of financial events and orders (≤ 100). */
  pageSize?: number;
  firstSyncDays?: number;
  /**
   * How far before the last complete sync a new one starts again: orders by last update (2 days);
   * returns by request date, so 30 days pick up status changes of recent returns; financial
   * events post late (3 days); cancellations by last update (2 days).
   */
  lookbackDays?: { orders: number; returns: number; finances: number; cancellations: number };
  /** The longest wait between two getReport polls (they start at 1 s and double; tests use a virtual clock). */
  pollIntervalMs?: number;
  maxPolls?: number;
}

const RESOURCE_KINDS: Partial<Record<FetchPageInput['resource'], FinanceKind>> = { refunds: 'refund', claims: 'claim', disputes: 'chargeback' };

/**
 * Amazon for the sync. Orders (with their items) and MFN returns come from flat-file reports —
 * getOrders has no items and getOrderItems at one order per call would take days for a
 * 180-day history — read window by window through the report state machine. Refunds, A-to-z
 * claims and chargebacks are the financial events' lists; cancellations are cancelled orders,
 * with their items for the SKUs and the buyer's cancel request.
 */
export function createAmazonConnector(options: AmazonConnectorOptions, deps: RetryDeps): PlatformConnector {
  const client = createAmazonClient(options, deps);
  const marketplaceId = options.marketplaceId;
  const firstSyncDays = options.firstSyncDays ?? 180;
  const lookback = options.lookbackDays ?? { orders: 2, returns: 30, finances: 3, cancellations: 2 };
  const pageSize = Math.min(100, options.pageSize ?? 100);
  const pageContext = { log: deps.log, store: options.storeId, marketplaceId };
  const bad = (what: string) => new AppError('PLATFORM_BAD_RESPONSE', `${client.label} sent ${what} in an unexpected shape.`);
  const polling = { pollIntervalMs: options.pollIntervalMs ?? 30_000, maxPolls: options.maxPolls ?? 40 };

  const ordersReport = createReportReader(
    client,
    {
      reportType: ORDERS_REPORT,
      marketplaceId,
      maxWindowDays: 30,
      firstSyncDays,
      lookbackDays: lookback.orders,
      pageRows: options.pageRows ?? 1000,
      // Never split an order's items over two pages: each page rewrites whole orders.
      boundary: (doc, end) => {
        let k = end;
        while (k > 0 && k < doc.length && doc.cell(k, 'amazon-order-id') === doc.cell(k - 1, 'amazon-order-id')) k++;
        return k;
      },
      ...polling,
    },
    deps,
  );
  const returnsReport = createReportReader(
    client,
    {
      reportType: RETURNS_REPORT,
      marketplaceId,
      maxWindowDays: 60,
      firstSyncDays,
      lookbackDays: lookback.returns,
      pageRows: options.pageRows ?? 1000,
      ...polling,
    },
    deps,
  );

  async function orders(input: FetchPageInput): Promise<SyncPage> {
    const page = await ordersReport.readPage(input);
    return { ...readAmazonOrderRows(page.rows, pageContext), rateLimitWaits: page.rateLimitWaits, next: page.next, hasMore: page.hasMore };
  }

  async function returns(input: FetchPageInput): Promise<SyncPage> {
    const page = await returnsReport.readPage(input);
    return { ...readAmazonReturnRows(page.rows, pageContext), rateLimitWaits: page.rateLimitWaits, next: page.next, hasMore: page.hasMore };
  }

  /**
   * A NextToken walk whose token may have expired by the time a paused sync resumes: then the
   * walk starts again at the beginning of its window (the writes are idempotent).
   */
  async function walk(input: FetchPageInput, state: TokenCursor, url: (s: TokenCursor) => string, operation: 'listFinancialEvents' | 'getOrders') {
    try {
      return await client.call(operation, 'GET', url(state));
    } catch (error) {
      const expired = state.nextToken && error instanceof AppError && error.details?.status === 400 && /NextToken/i.test(String(error.details.detail));
      if (!expired) throw error;
      deps.log.info({ store: options.storeId, resource: input.resource }, 'Amazon NextToken expired; reading the window again from its start');
      state.nextToken = undefined;
      return client.call(operation, 'GET', url(state));
    }
  }

  async function financialEvents(input: FetchPageInput, kind: FinanceKind): Promise<SyncPage> {
    const state = readTokenCursor(input, { firstSyncDays, lookbackDays: lookback.finances, log: deps.log });
    const { body, rateLimitWaits } = await walk(
      input,
      state,
      (s) => {
        const query = new URLSearchParams({ PostedAfter: s.after, PostedBefore: s.before, MaxResultsPerPage: String(pageSize) });
        if (s.nextToken) query.set('NextToken', s.nextToken);
        return `/finances/v0/financialEvents?${query}`;
      },
      'listFinancialEvents',
    );
    const page = readFinancialEventsPage(body, kind, input.resource, pageContext);
    if (!page) throw bad('a financial events page');
    const { nextToken, ...records } = page;
    return { ...records, rateLimitWaits, ...tokenPosition(input, state, nextToken) };
  }

  async function orderItems(orderId: string): Promise<{ items: AmazonOrderItem[]; rateLimitWaits: number }> {
    const items: AmazonOrderItem[] = [];
    let waits = 0;
    let nextToken: string | null | undefined;
    // An order has a handful of items; a few pages at most.
    for (let k = 0; k < 10; k++) {
      const query = nextToken ? `?NextToken=${encodeURIComponent(nextToken)}` : '';
      const { body, rateLimitWaits } = await client.call('getOrderItems', 'GET', `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems${query}`);
      waits += rateLimitWaits;
      const page = OrderItemsPage.safeParse(body);
      if (!page.success) throw bad(`the items of order ${orderId}`);
      items.push(...page.data.payload.OrderItems);
      nextToken = page.data.payload.NextToken;
      if (!nextToken) break;
    }
    return { items, rateLimitWaits: waits };
  }

  /** Cancelled orders, each with its items (one getOrderItems call per order: bounded by the page size). */
  async function cancellations(input: FetchPageInput): Promise<SyncPage> {
    const state = readTokenCursor(input, { firstSyncDays, lookbackDays: lookback.cancellations, log: deps.log });
    const { body, rateLimitWaits } = await walk(
      input,
      state,
      (s) => {
        const query = new URLSearchParams({ MarketplaceIds: marketplaceId });
        if (s.nextToken) query.set('NextToken', s.nextToken);
        else {
          query.set('LastUpdatedAfter', s.after);
          query.set('LastUpdatedBefore', s.before);
          query.set('OrderStatuses', 'Canceled');
          query.set('MaxResultsPerPage', String(pageSize));
        }
        return `/orders/v0/orders?${query}`;
      },
      'getOrders',
    );
    const page = readCancelledOrdersPage(body, pageContext);
    if (!page) throw bad('an orders page');
    let waits = rateLimitWaits;
    const items = new Map<string, AmazonOrderItem[]>();
    for (const order of page.orders) {
      const read = await orderItems(order.AmazonOrderId);
      waits += read.rateLimitWaits;
      items.set(order.AmazonOrderId, read.items);
    }
    const converted = convertCancelledOrders(page.orders, (id) => items.get(id) ?? [], pageContext);
    return { orders: [], skus: [], ...converted, skipped: page.skipped, rateLimitWaits: waits, ...tokenPosition(input, state, page.nextToken) };
  }

  return {
    spec: AMAZON_SPEC,
    async fetchPage(input) {
      const financeKind = RESOURCE_KINDS[input.resource];
      if (financeKind) return financialEvents(input, financeKind);
      switch (input.resource) {
        case 'orders':
          return orders(input);
        case 'returns':
          return returns(input);
        case 'cancellations':
          return cancellations(input);
        default:
          throw new AppError('BAD_INPUT', `Amazon stores sync ${AMAZON_SPEC.resources.join(', ')}; "${input.resource}" has no Amazon API.`);
      }
    },
  };
}
