import { HttpResponse, http, type RequestHandler } from 'msw';
import { buildCaseIndex, caseIndexCache, indexByTime, lowerBound } from '../../sandbox/case-index.ts';
import { type DemoScenario, demoCase, demoOrder, firstOrderAtOrAfter, platformPlans, type TruthCase } from '../../sandbox/demo-scenario.ts';
import type { DemoStore } from '../../sandbox/demo-stores.ts';
import { hashString, unit } from '../../sandbox/prng.ts';
import { createFaults } from '../../sandbox/sandbox-faults.ts';
import { NO_FAULTS, pageStart, type SandboxKnobs } from '../../sandbox/sandbox-knobs.ts';
import type { WalmartCredentials } from '../walmart-client.ts';
import { renderWalmartOrder, renderWalmartReturn, walmartLastModified } from './render-walmart.ts';

export const WALMART_SANDBOX_BASE_URL = 'https://marketplace.walmartapis.com';

export interface WalmartSandbox {
  handlers: RequestHandler[];
  credentials(storeId: string): WalmartCredentials;
  expireTokens(): void;
  /** The returns the sandbox serves for a store (the ground truth of tests). */
  returns(storeId: string): TruthCase[];
  /**
   * The cancellations its orders show (cancelled lines), in order: one per line — a second demo
   * cancellation of the same line cannot show on Walmart.
   */
  cancellations(storeId: string): TruthCase[];
  isMalformed(storeId: string, returnOrderId: string): boolean;
}

const walmartError = (status: number, code: string, description: string) =>
  HttpResponse.json({ errors: [{ code, field: null, description, info: description, severity: 'ERROR', category: 'REQUEST' }] }, { status });

/**
 * The Walmart Marketplace sandbox: client-credentials token, `/v3/orders` (with the demo's
 * cancellations as Cancelled lines; `status=Cancelled&lastModifiedStartDate` lists the orders
 * whose lines were cancelled since then) and `/v3/returns` with
 * Walmart's shapes and an opaque `nextCursor` query string, serving the demo's Walmart store.
 * Knobs apply to all stores, and `knobsByStore` on top — the demo's Walmart store is the one
 * whose sync keeps hitting rate limits.
 */
export function createWalmartSandbox(options: {
  scenario: DemoScenario;
  stores: readonly DemoStore[];
  knobs?: Partial<SandboxKnobs>;
  knobsByStore?: Record<string, Partial<SandboxKnobs>>;
  /** The sandbox's clock, for cursor expiry (default: the real time). */
  now?: () => number;
  /** Walmart's cap on the orders one query may match (default its published 10,000). */
  maxOrdersPerQuery?: number;
}): WalmartSandbox {
  const now = options.now ?? (() => Date.now());
  const maxOrdersPerQuery = options.maxOrdersPerQuery ?? 10_000;
  const plans = platformPlans(options.scenario, options.stores, 'walmart');
  const plan = plans.get;
  const knobsOf = (storeId: string): SandboxKnobs => ({ ...NO_FAULTS, ...options.knobs, ...options.knobsByStore?.[storeId] });
  const live = new Map<string, string>();
  let issued = 0;
  const returnsOf = caseIndexCache((storeId) => buildCaseIndex(plan(storeId), (c) => c.kind === 'return', walmartLastModified));
  // Which order lines are cancelled: order number → line number → case number, built once per store.
  const cancelledLines = new Map<string, Map<number, Map<string, number>>>();
  const cancelledOf = (storeId: string) => {
    let byOrder = cancelledLines.get(storeId);
    if (!byOrder) {
      byOrder = new Map();
      const p = plan(storeId);
      for (let i = 0; i < p.cases; i++) {
        const c = demoCase(p, i);
        if (c.kind !== 'cancellation') continue;
        const lines = byOrder.get(c.order.index) ?? new Map<string, number>();
        const lineNumber = c.line.lineId.split('-')[1] ?? '1';
        if (!lines.has(lineNumber)) lines.set(lineNumber, i);
        byOrder.set(c.order.index, lines);
      }
      cancelledLines.set(storeId, byOrder);
    }
    return byOrder;
  };
  const cancellationsOfOrder = (storeId: string, orderIndex: number) => {
    const lines = cancelledOf(storeId).get(orderIndex);
    return lines ? new Map([...lines].map(([line, i]) => [line, demoCase(plan(storeId), i)])) : undefined;
  };
  // Orders with a cancelled line (`cases` holds order numbers here), by when their last line was
  // cancelled: what `status=Cancelled&lastModifiedStartDate` filters on.
  const cancelledOrdersOf = caseIndexCache((storeId) =>
    indexByTime(
      [...cancelledOf(storeId)].map(([order, lines]) => ({
        i: order,
        t: Math.max(...[...lines.values()].map((i) => demoCase(plan(storeId), i).requestedAt.getTime())),
      })),
    ),
  );
  const malformed = (storeId: string, key: string) => {
    const rate = knobsOf(storeId).malformedRate;
    return rate > 0 && unit(options.scenario.seed, 98, hashString(`${storeId}:${key}`)) < rate;
  };
  const faults = createFaults(options.scenario.seed, {
    rateLimited: (seconds) =>
      HttpResponse.json(
        { errors: [{ code: 'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API', description: 'Too Many Requests', severity: 'ERROR', category: 'REQUEST' }] },
        { status: 429, headers: { 'Retry-After': String(seconds) } },
      ),
    serverError: () => walmartError(503, 'SYSTEM_ERROR.GMP_GATEWAY_API', 'Service temporarily unavailable.'),
  });

  function authorise(request: Request): string | Response {
    const storeId = live.get(request.headers.get('wm_sec.access_token') ?? '');
    if (!storeId) return walmartError(401, 'UNAUTHORIZED.GMP_GATEWAY_API', 'Unauthorized');
    if (!request.headers.get('wm_svc.name')) return walmartError(400, 'INVALID_REQUEST_HEADER.GMP_GATEWAY_API', 'WM_SVC.NAME set null or invalid');
    return storeId;
  }

  /** Our nextCursor: an opaque query string (Walmart's are too), carrying the window and the position. */
  const nextCursor = (params: URLSearchParams, offset: number, total: number) => {
    if (offset >= total) return null;
    const next = new URLSearchParams(params);
    next.set('offset', String(offset));
    next.set('hasMoreElements', 'true');
    next.set('issuedAt', String(now()));
    return `?${next.toString()}`;
  };

  /** A cursor older than the knob's time to live is refused, as Walmart does with stale ones. */
  const expired = (params: URLSearchParams, knobs: SandboxKnobs) => {
    const issuedAt = Number(params.get('issuedAt') ?? Number.NaN);
    return knobs.cursorTtlSeconds > 0 && !Number.isNaN(issuedAt) && now() - issuedAt > knobs.cursorTtlSeconds * 1000;
  };
  const cursorExpired = () => walmartError(400, 'INVALID_REQUEST_PARAM.GMP_GATEWAY_API', 'The nextCursor has expired; start the search again.');

  /** What every data request goes through: the token, the fault knobs, the cursor's age, paging. */
  async function dataRequest(request: Request, defaultLimit: number) {
    const who = authorise(request);
    if (who instanceof Response) return who;
    const knobs = knobsOf(who);
    const failure = await faults.next(knobs);
    if (failure) return failure;
    const url = new URL(request.url);
    if (expired(url.searchParams, knobs)) return cursorExpired();
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return { who, p: plan(who), url, offset, start: pageStart(offset, knobs), limit: Math.min(200, Number(url.searchParams.get('limit') ?? defaultLimit)) };
  }

  const handlers: RequestHandler[] = [
    http.post(`${WALMART_SANDBOX_BASE_URL}/v3/token`, async ({ request }) => {
      const basic = Buffer.from((request.headers.get('authorization') ?? '').replace(/^Basic /, ''), 'base64').toString();
      // Basic credentials are "id:secret", split at the first colon.
      const colon = basic.indexOf(':');
      const clientId = colon < 0 ? basic : basic.slice(0, colon);
      const secret = colon < 0 ? '' : basic.slice(colon + 1);
      const storeId = clientId.replace(/^demo-walmart\//, '');
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') !== 'client_credentials' || !plans.has(storeId) || secret !== 'demo-secret') {
        return walmartError(401, 'UNAUTHORIZED.GMP_GATEWAY_API', 'Invalid client credentials');
      }
      const token = `walmart-demo#${storeId}#${++issued}`;
      live.set(token, storeId);
      return HttpResponse.json({ access_token: token, token_type: 'Bearer', expires_in: 900 });
    }),

    http.get(`${WALMART_SANDBOX_BASE_URL}/v3/orders`, async ({ request }) => {
      const r = await dataRequest(request, 100);
      if (r instanceof Response) return r;
      const { who, p, url, offset, start, limit } = r;
      const render = (orderIndex: number) => renderWalmartOrder(demoOrder(p, orderIndex), cancellationsOfOrder(who, orderIndex));
      // As Walmart: without createdStartDate, only the orders created in the last 7 days.
      const createdParam = url.searchParams.get('createdStartDate');
      const createdFrom = createdParam === null ? now() - 7 * 86_400_000 : Date.parse(createdParam);
      if (Number.isNaN(createdFrom)) return walmartError(400, 'INVALID_REQUEST_PARAM.GMP_ORDER_API', 'Invalid createdStartDate');
      const lo = firstOrderAtOrAfter(p, createdFrom);
      const dateParam = (name: string, fallback: number) => {
        const value = url.searchParams.get(name);
        return value === null ? fallback : Date.parse(value);
      };
      // The orders the query matches: how many, and the k-th of them.
      let total: number;
      let orderAt: (k: number) => number;
      if (url.searchParams.get('status') === 'Cancelled') {
        const fromMs = dateParam('lastModifiedStartDate', 0);
        const toMs = dateParam('lastModifiedEndDate', Number.POSITIVE_INFINITY);
        if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return walmartError(400, 'INVALID_REQUEST_PARAM.GMP_ORDER_API', 'Invalid lastModified date');
        const index = cancelledOrdersOf(who);
        const matching = index.cases.subarray(lowerBound(index.times, fromMs), lowerBound(index.times, toMs, true)).filter((orderIndex) => orderIndex >= lo);
        total = matching.length;
        orderAt = (k) => matching[k] ?? -1;
      } else {
        const toMs = dateParam('createdEndDate', Number.POSITIVE_INFINITY);
        if (Number.isNaN(toMs)) return walmartError(400, 'INVALID_REQUEST_PARAM.GMP_ORDER_API', 'Invalid createdEndDate');
        const hi = toMs === Number.POSITIVE_INFINITY ? p.orders : firstOrderAtOrAfter(p, toMs + 1);
        total = Math.max(0, hi - lo);
        orderAt = (k) => lo + k;
      }
      if (total > maxOrdersPerQuery) {
        return walmartError(400, 'INVALID_REQUEST_PARAM.GMP_ORDER_API', `Only a maximum of ${maxOrdersPerQuery} orders can be fetched at a time.`);
      }
      const order = [];
      for (let k = start; k < Math.min(total, offset + limit); k++) order.push(render(orderAt(k)));
      return HttpResponse.json({
        list: { meta: { totalCount: total, limit, nextCursor: nextCursor(url.searchParams, offset + limit, total) }, elements: { order } },
      });
    }),

    http.get(`${WALMART_SANDBOX_BASE_URL}/v3/returns`, async ({ request }) => {
      const r = await dataRequest(request, 10);
      if (r instanceof Response) return r;
      const { who, p, url, offset, start, limit } = r;
      const fromMs = Date.parse(url.searchParams.get('returnLastModifiedStartDate') ?? '1970-01-01T00:00:00Z');
      if (Number.isNaN(fromMs)) return walmartError(400, 'INVALID_REQUEST_PARAM.GMP_RETURNS_API', 'Invalid returnLastModifiedStartDate');
      const index = returnsOf(who);
      const first = lowerBound(index.times, fromMs);
      const total = index.cases.length - first;
      const returnOrders = Array.from(index.cases.subarray(first + start, first + Math.min(total, offset + limit))).map((i) => {
        const c = demoCase(p, i);
        const rendered = renderWalmartReturn(c);
        return malformed(who, c.platformCaseId) ? { ...rendered, returnOrderId: 42, returnOrderLines: 'n/a' } : rendered;
      });
      return HttpResponse.json({ meta: { totalCount: total, limit, nextCursor: nextCursor(url.searchParams, offset + limit, total) }, returnOrders });
    }),
  ];

  return {
    handlers,
    credentials: (storeId) => ({ clientId: `demo-walmart/${storeId}`, clientSecret: 'demo-secret' }),
    expireTokens: () => live.clear(),
    returns: (storeId) => Array.from(returnsOf(storeId).cases, (i) => demoCase(plan(storeId), i)),
    cancellations: (storeId) =>
      [...cancelledOf(storeId)].sort(([a], [b]) => a - b).flatMap(([, lines]) => [...lines.values()].map((i) => demoCase(plan(storeId), i))),
    isMalformed: malformed,
  };
}
