import { HttpResponse, http, type RequestHandler } from 'msw';
import { buildCaseIndex, caseIndexCache, lowerBound } from '../../sandbox/case-index.ts';
import { type DemoScenario, demoCase, demoOrder, platformPlans, type TruthCase } from '../../sandbox/demo-scenario.ts';
import type { DemoStore } from '../../sandbox/demo-stores.ts';
import { hashString, unit } from '../../sandbox/prng.ts';
import { createFaults } from '../../sandbox/sandbox-faults.ts';
import { NO_FAULTS, type SandboxKnobs } from '../../sandbox/sandbox-knobs.ts';
import { shopDomain } from '../shopify-spec.ts';
import { renderShopifyDispute, renderShopifyOrder } from './render-shopify.ts';
import { buildShopifyOrderIndex, casesOfOrder, positionAfter, type ShopifyOrderIndex } from './shopify-order-index.ts';

export interface ShopifySandbox {
  handlers: RequestHandler[];
  /** The shop domain and the access token the sandbox accepts for a demo store. */
  credentials(storeId: string): { shop: string; accessToken: string };
  /** Revokes every access token (the custom app was uninstalled): the next request gets 401. */
  revokeTokens(): void;
  /** Orders the sandbox serves for a store. */
  orderCount(storeId: string): number;
  /** Returns, refunds and cancellations it serves for a store, by case number (the ground truth of tests). */
  cases(storeId: string): TruthCase[];
  /** The disputes it serves for a store. */
  disputes(storeId: string): TruthCase[];
  /** Whether a record goes out broken (malformedRate): an order (and so its cases), a return, a dispute. */
  isMalformed(storeId: string, what: 'order' | 'return' | 'dispute', n: number): boolean;
  requests: { readonly count: number; readonly throttled: number };
}

export interface CostBucket {
  maximumAvailable: number;
  restoreRate: number;
}

/** The demo shop is on a Plus-sized bucket (1000 points a second), so the demo syncs in seconds while still pacing. */
export const DEMO_COST_BUCKET: CostBucket = { maximumAvailable: 20_000, restoreRate: 1000 };
const MAX_QUERY_COST = 1000;
// What one node of each query adds to its requested cost: an approximation of Shopify's static
// cost analysis (the orders query nests lines, returns and refunds), fitted so the connector's
// default 25 orders a page stay under the 1000-point limit of a single query.
const NODE_COST = { orders: 38, disputes: 2 } as const;

const graphqlUrl = /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/;
const restError = (status: number, errors: string, headers?: Record<string, string>) => HttpResponse.json({ errors }, { status, headers });
const encodeCursor = (value: Record<string, number>) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeCursor(cursor: string): Record<string, number> | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, number>) : null;
  } catch {
    return null;
  }
}
/** `updated_at:>='2026-06-01T00:00:00.000Z'` (quotes optional) → ms; absent → -∞, unreadable → NaN. */
function searchFrom(query: unknown, field: string): number {
  if (typeof query !== 'string') return Number.NEGATIVE_INFINITY;
  const match = new RegExp(`${field}:>=?\\s*'?([^'\\s]+)'?`).exec(query);
  return match?.[1] ? Date.parse(match[1]) : Number.NEGATIVE_INFINITY;
}

/**
 * The Shopify Admin GraphQL sandbox: one POST handler per shop domain, answering the orders and
 * disputes queries (told apart by operation name, else by the query text) from the demo
 * scenario page by page, with opaque base64 cursors, `extensions.cost` on every answer, and a
 * cost bucket per shop that answers THROTTLED (HTTP 200) when a query needs more than it holds.
 * `drainRate` empties the bucket before that share of requests (another client of the app);
 * the shared knobs add 429s, 5xx, latency, broken records and repeated items.
 */
export function createShopifySandbox(options: {
  scenario: DemoScenario;
  stores: readonly DemoStore[];
  knobs?: Partial<SandboxKnobs>;
  costBucket?: CostBucket;
  drainRate?: number;
  /** The sandbox's clock, for the bucket's refill (default: the real time). */
  now?: () => number;
}): ShopifySandbox {
  const knobs: SandboxKnobs = { ...NO_FAULTS, ...options.knobs };
  const bucket = options.costBucket ?? { maximumAvailable: 2000, restoreRate: 100 };
  const now = options.now ?? (() => Date.now());
  const plans = platformPlans(options.scenario, options.stores, 'shopify');
  const plan = plans.get;
  const storeOfShop = new Map(
    options.stores.filter((s) => s.platform === 'shopify').map((s) => [shopDomain(s.marketplace) ?? `${s.id}.myshopify.com`, s.id] as const),
  );
  const tokenOf = (storeId: string) => `shpat_demo${hashString(`${options.scenario.seed}:${storeId}`).toString(16).padStart(8, '0')}`;
  let revoked = false;
  let requestCount = 0;
  let throttledCount = 0;
  const levels = new Map<string, { available: number; at: number }>();

  const ordersOf = new Map<string, ShopifyOrderIndex>();
  const orderIndex = (storeId: string) => {
    let index = ordersOf.get(storeId);
    if (!index) {
      index = buildShopifyOrderIndex(plan(storeId));
      ordersOf.set(storeId, index);
    }
    return index;
  };
  const disputesOf = caseIndexCache((storeId) =>
    buildCaseIndex(
      plan(storeId),
      (c) => c.kind === 'chargeback',
      (c) => c.requestedAt.getTime(),
    ),
  );
  const malformed = (storeId: string, what: string, n: number) =>
    knobs.malformedRate > 0 && unit(options.scenario.seed, 98, hashString(`${storeId}:${what}:${n}`)) < knobs.malformedRate;
  const faults = createFaults(options.scenario.seed, {
    rateLimited: (seconds) =>
      restError(429, 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.', { 'Retry-After': String(seconds) }),
    serverError: () => restError(503, 'Service Unavailable'),
  });

  /** The shop's bucket now: refilled since the last request, emptied by another client now and then. */
  function level(storeId: string) {
    const t = now();
    const last = levels.get(storeId) ?? { available: bucket.maximumAvailable, at: t };
    const current = { available: Math.min(bucket.maximumAvailable, last.available + ((t - last.at) / 1000) * bucket.restoreRate), at: t };
    if ((options.drainRate ?? 0) > 0 && unit(options.scenario.seed, 97, requestCount) < (options.drainRate ?? 0)) current.available = 0;
    levels.set(storeId, current);
    return current;
  }
  const throttleStatus = (available: number) => ({
    maximumAvailable: bucket.maximumAvailable,
    currentlyAvailable: Math.floor(available),
    restoreRate: bucket.restoreRate,
  });

  function ordersPage(storeId: string, variables: Record<string, unknown>, first: number) {
    const p = plan(storeId);
    const index = orderIndex(storeId);
    const fromMs = searchFrom(variables.query, 'updated_at');
    if (Number.isNaN(fromMs)) return { error: `Invalid search query: ${String(variables.query)}` };
    let start = lowerBound(index.times, fromMs);
    if (typeof variables.after === 'string') {
      const cursor = decodeCursor(variables.after);
      if (!cursor || typeof cursor.last_id !== 'number' || typeof cursor.last_value !== 'number')
        return { error: 'Invalid cursor for current pagination sort.' };
      const after = positionAfter(index, cursor.last_value, cursor.last_id);
      start = Math.max(start, knobs.repeatAcrossPages ? after - 1 : after);
    }
    const end = Math.min(index.orders.length, start + first);
    const nodes: unknown[] = [];
    let weight = 0;
    for (let k = start; k < end; k++) {
      const j = index.orders[k] ?? 0;
      const cases = casesOfOrder(index, p, j);
      weight += 3 + 6 * cases.length;
      const rendered = renderShopifyOrder(demoOrder(p, j), cases, (c) => malformed(storeId, 'return', c.index));
      nodes.push(malformed(storeId, 'order', j) ? { ...rendered, id: null, createdAt: 42 } : rendered);
    }
    const last = end > start ? { last_id: index.orders[end - 1] ?? 0, last_value: index.times[end - 1] ?? 0 } : null;
    return {
      data: { orders: { pageInfo: { hasNextPage: end < index.orders.length, endCursor: last ? encodeCursor(last) : null }, nodes } },
      weight,
    };
  }

  function disputesPage(storeId: string, variables: Record<string, unknown>, first: number) {
    const p = plan(storeId);
    const index = disputesOf(storeId);
    const fromMs = searchFrom(variables.query, 'initiated_at');
    if (Number.isNaN(fromMs)) return { error: `Invalid search query: ${String(variables.query)}` };
    let start = lowerBound(index.times, fromMs);
    if (typeof variables.after === 'string') {
      const cursor = decodeCursor(variables.after);
      if (!cursor || typeof cursor.position !== 'number') return { error: 'Invalid cursor.' };
      start = Math.max(start, knobs.repeatAcrossPages ? cursor.position - 1 : cursor.position);
    }
    const end = Math.min(index.cases.length, start + first);
    const nodes = Array.from(index.cases.subarray(start, end), (i) => {
      const rendered = renderShopifyDispute(demoCase(p, i));
      return malformed(storeId, 'dispute', i) ? { ...rendered, id: 42, initiatedAt: null } : rendered;
    });
    return {
      data: { disputes: { pageInfo: { hasNextPage: end < index.cases.length, endCursor: end > start ? encodeCursor({ position: end }) : null }, nodes } },
      weight: 2 * nodes.length,
    };
  }

  const handlers: RequestHandler[] = [
    http.post(graphqlUrl, async ({ request }) => {
      requestCount++;
      const shop = graphqlUrl.exec(request.url)?.[1] ?? '';
      const storeId = storeOfShop.get(shop);
      if (!storeId || !plans.has(storeId)) return restError(404, 'Not Found');
      if (revoked || request.headers.get('x-shopify-access-token') !== tokenOf(storeId)) {
        return restError(401, '[API] Invalid API key or access token (unrecognized login or wrong password)');
      }
      const failure = await faults.next(knobs);
      if (failure) return failure;
      const body = (await request.json().catch(() => null)) as { query?: unknown; variables?: Record<string, unknown>; operationName?: unknown } | null;
      if (!body || typeof body.query !== 'string') return HttpResponse.json({ errors: [{ message: 'No query string was present' }] }, { status: 400 });
      const variables = body.variables ?? {};
      const kind =
        body.operationName === 'HelloWordOrders' || /\borders\s*\(/.test(body.query)
          ? 'orders'
          : body.operationName === 'HelloWordDisputes' || /\bdisputes\s*\(/.test(body.query)
            ? 'disputes'
            : null;
      if (!kind) return HttpResponse.json({ errors: [{ message: 'The sandbox answers the orders and disputes queries only.' }] });
      const first = Number(variables.first ?? 0);
      if (!Number.isInteger(first) || first < 1 || first > 250) {
        return HttpResponse.json({ errors: [{ message: 'first must be between 1 and 250', extensions: { code: 'BAD_REQUEST' } }] });
      }
      const requested = 2 + first * NODE_COST[kind];
      const bucketNow = level(storeId);
      if (requested > MAX_QUERY_COST) {
        return HttpResponse.json({
          errors: [
            {
              message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
              extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST },
            },
          ],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus(bucketNow.available) } },
        });
      }
      if (bucketNow.available < requested) {
        throttledCount++;
        return HttpResponse.json({
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: throttleStatus(bucketNow.available) } },
        });
      }
      const page = kind === 'orders' ? ordersPage(storeId, variables, first) : disputesPage(storeId, variables, first);
      if ('error' in page) return HttpResponse.json({ errors: [{ message: page.error }] });
      const actual = Math.min(requested, 2 + page.weight);
      bucketNow.available -= actual;
      return HttpResponse.json({
        data: page.data,
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: throttleStatus(bucketNow.available) } },
      });
    }),
  ];

  return {
    handlers,
    credentials: (storeId) => {
      const store = options.stores.find((s) => s.id === storeId);
      return { shop: shopDomain(store?.marketplace) ?? `${storeId}.myshopify.com`, accessToken: tokenOf(storeId) };
    },
    revokeTokens: () => {
      revoked = true;
    },
    orderCount: (storeId) => plan(storeId).orders,
    cases: (storeId) => {
      const index = orderIndex(storeId);
      return Array.from(index.caseList, (i) => demoCase(plan(storeId), i)).sort((a, b) => a.index - b.index);
    },
    disputes: (storeId) => Array.from(disputesOf(storeId).cases, (i) => demoCase(plan(storeId), i)),
    isMalformed: (storeId, what, n) => malformed(storeId, what, n),
    requests: {
      get count() {
        return requestCount;
      },
      get throttled() {
        return throttledCount;
      },
    },
  };
}
