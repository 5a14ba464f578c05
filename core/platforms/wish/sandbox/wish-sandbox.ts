import { HttpResponse, http, type RequestHandler } from 'msw';
import { buildCaseIndex, caseIndexCache, lowerBound } from '../../sandbox/case-index.ts';
import { type DemoScenario, demoCase, demoOrder, firstOrderAtOrAfter, platformPlans, type StorePlan, type TruthCase } from '../../sandbox/demo-scenario.ts';
import type { DemoStore } from '../../sandbox/demo-stores.ts';
import { hashString, unit } from '../../sandbox/prng.ts';
import { createFaults } from '../../sandbox/sandbox-faults.ts';
import { NO_FAULTS, type SandboxKnobs } from '../../sandbox/sandbox-knobs.ts';
import type { WishCredentials } from '../wish-client.ts';
import { WISH_BASE_URL } from '../wish-spec.ts';
import { isWishRefund, lineKey, lineOfCase, renderWishOrder, renderWishTicket, wishOrderId, wishOrderUpdatedAt, wishTicketUpdatedAt } from './render-wish.ts';

export const WISH_SANDBOX_BASE_URL = WISH_BASE_URL;
const CLIENT_ID = '5f0c0ffee0000000000000a1';
const CLIENT_SECRET = 'demo-secret';

export interface WishSandbox {
  handlers: RequestHandler[];
  /** The demo credentials the sandbox accepts for a store (an access token, and what renews it). */
  credentials(storeId: string): WishCredentials;
  /** Revokes every access token issued so far (to exercise renewal on 401). */
  expireTokens(): void;
  /** The demo's refund cases of a store, paid or not (the ground truth of tests). */
  refunds(storeId: string): TruthCase[];
  /** Its inquiries, served as tickets. */
  tickets(storeId: string): TruthCase[];
  /** The ids of the Wish orders it serves for a store (one per demo order line). */
  orderIds(storeId: string): string[];
  /** The Wish order id of a case's line. */
  orderIdOf(c: TruthCase): string;
  /** Whether the sandbox sends this order or ticket with a broken shape (malformedRate). */
  isMalformed(storeId: string, id: string): boolean;
  requests: { readonly count: number };
}

const wishError = (status: number, code: number, message: string, headers?: Record<string, string>) =>
  HttpResponse.json({ code, message, data: {} }, { status, headers });

/**
 * A store's Wish orders that carry paid refunds, sorted by their last refund; the rest change only
 * at release. Refunds are kept as case numbers (a demo scaled to a million cases would otherwise
 * hold tens of thousands of cases with their orders for the whole sync).
 */
interface RefundIndex {
  byLine: Map<number, number[]>;
  lines: Float64Array;
  times: Float64Array;
}

function buildRefundIndex(plan: StorePlan): RefundIndex {
  const byLine = new Map<number, number[]>();
  const updated = new Map<number, number>();
  for (let i = 0; i < plan.cases; i++) {
    const c = demoCase(plan, i);
    if (!isWishRefund(c)) continue;
    const key = lineKey(c.order.index, lineOfCase(c));
    const list = byLine.get(key);
    if (list) list.push(i);
    else byLine.set(key, [i]);
    updated.set(key, Math.max(updated.get(key) ?? 0, wishOrderUpdatedAt(c.order, [c])));
  }
  const entries = [...updated].map(([key, t]) => ({ key, t }));
  entries.sort((a, b) => a.t - b.t || a.key - b.key);
  return { byLine, lines: Float64Array.from(entries.map((e) => e.key)), times: Float64Array.from(entries.map((e) => e.t)) };
}

/**
 * The Wish Merchant API v3 sandbox: OAuth refresh, `/api/v3/orders` and `/api/v3/tickets` in
 * Wish's {code, message, data} envelope with its keyset paging (limit + updated_at_min/max,
 * sort_by=updated_at.asc), 429 + Wish-Rate-Limit-Reset, serving the demo's Wish store: each demo
 * order line is a Wish order (one product each; the demo order is their transaction_id), paid
 * refunds sit in the order's refunds[], inquiries are tickets. Generated page by page; only an
 * index of refunded lines and of ticket numbers is kept.
 */
export function createWishSandbox(options: {
  scenario: DemoScenario;
  stores: readonly DemoStore[];
  knobs?: Partial<SandboxKnobs>;
  /** The sandbox's clock, for rate-limit resets and token expiry (default: the real time). */
  now?: () => number;
}): WishSandbox {
  const knobs: SandboxKnobs = { ...NO_FAULTS, ...options.knobs };
  const now = options.now ?? (() => Date.now());
  const plans = platformPlans(options.scenario, options.stores, 'wish');
  const plan = plans.get;
  const staticToken = (storeId: string) => `demo-wish-token:${storeId}`;
  const live = new Map<string, string>(); // access token → store id
  const revoked = new Set<string>();
  let issued = 0;

  const refundIndexes = new Map<string, RefundIndex>();
  const refundIndex = (storeId: string) => {
    let index = refundIndexes.get(storeId);
    if (!index) {
      index = buildRefundIndex(plan(storeId));
      refundIndexes.set(storeId, index);
    }
    return index;
  };
  const ticketsOf = caseIndexCache((storeId) => buildCaseIndex(plan(storeId), (c) => c.kind === 'inquiry', wishTicketUpdatedAt));

  const malformed = (storeId: string, id: string) =>
    knobs.malformedRate > 0 && unit(options.scenario.seed, 98, hashString(`${storeId}:${id}`)) < knobs.malformedRate;

  const faults = createFaults(options.scenario.seed, {
    // Wish documents the reset header, not its format: the sandbox sends an ISO time (as Wish writes
    // every time), with the answer's Date so a client can measure it against the server's clock.
    rateLimited: (seconds) => {
      const at = now();
      return wishError(429, 429, 'Too many requests, please slow down.', {
        'Wish-Rate-Limit-Remaining': '0',
        'Wish-Rate-Limit-Reset': new Date(Math.ceil((at + seconds * 1000) / 1000) * 1000).toISOString(),
        Date: new Date(at).toUTCString(),
      });
    },
    serverError: () => wishError(503, 1000, 'Internal error, please try again later.'),
  });

  function authorise(request: Request): string | Response {
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer (.+)$/.exec(header)?.[1];
    if (!token) return wishError(401, 1012, 'Missing access token in authorization header');
    const storeId = live.get(token);
    // An expired or revoked token is refused as Wish's OAuth test endpoint documents it: 400 + code 1007/1008.
    if (!storeId) return revoked.has(token) ? wishError(400, 1007, 'This access token has expired') : wishError(401, 1006, 'Unauthorized access on this API');
    return storeId;
  }

  /** What every data request goes through: the token, the fault knobs, the keyset parameters. */
  async function dataRequest(request: Request) {
    const who = authorise(request);
    if (who instanceof Response) return who;
    const failure = await faults.next(knobs);
    if (failure) return failure;
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const min = url.searchParams.get('updated_at_min');
    const max = url.searchParams.get('updated_at_max');
    const fromMs = min ? Date.parse(min) : Number.NEGATIVE_INFINITY;
    const toMs = max ? Date.parse(max) : Number.POSITIVE_INFINITY;
    const sort = url.searchParams.get('sort_by') ?? 'updated_at.desc';
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return wishError(400, 1001, 'limit must be between 1 and 500');
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return wishError(400, 1001, 'updated_at_min and updated_at_max must be ISO 8601 times');
    // Only the ascending sort is served: it is the one keyset paging forward works with.
    if (sort !== 'updated_at.asc') return wishError(400, 1001, 'The sandbox serves sort_by=updated_at.asc only');
    return { who, p: plan(who), limit, fromMs, toMs, bounded: min !== null };
  }

  const ok = (data: unknown) =>
    HttpResponse.json({ code: 0, message: '', data }, { headers: { 'Wish-Rate-Limit-Remaining': '100', 'Wish-Request-Id': `demo-${faults.count()}` } });

  /**
   * The store's Wish orders updated at or after `fromMs`, in (updated_at, id) order: orders without
   * a paid refund come in release order, refunded ones in refund order, merged.
   */
  function* ordersFrom(p: StorePlan, refunds: RefundIndex, fromMs: number): Generator<{ j: number; k: number; t: number }> {
    let j = firstOrderAtOrAfter(p, fromMs);
    let k = 0;
    let b = lowerBound(refunds.times, fromMs);
    let order = j < p.orders ? demoOrder(p, j) : null;
    const nextPlain = () => {
      while (order) {
        if (k >= order.lines.length) {
          j++;
          k = 0;
          order = j < p.orders ? demoOrder(p, j) : null;
          continue;
        }
        if (!refunds.byLine.has(lineKey(j, k))) return { j, k, t: order.orderedAt.getTime() };
        k++;
      }
      return null;
    };
    for (;;) {
      const a = nextPlain();
      const rKey = refunds.lines[b];
      const r = rKey === undefined ? null : { j: Math.floor(rKey / 4), k: rKey % 4, t: refunds.times[b] ?? 0 };
      if (!a && !r) return;
      if (a && (!r || a.t < r.t || (a.t === r.t && lineKey(a.j, a.k) < lineKey(r.j, r.k)))) {
        yield a;
        k++;
      } else if (r) {
        yield r;
        b++;
      }
    }
  }

  /** The record just before `fromMs` in the same order: what repeatAcrossPages sends again. */
  function orderBefore(p: StorePlan, refunds: RefundIndex, fromMs: number): { j: number; k: number; t: number } | null {
    let best: { j: number; k: number; t: number } | null = null;
    const b = lowerBound(refunds.times, fromMs) - 1;
    const rKey = refunds.lines[b];
    if (rKey !== undefined) best = { j: Math.floor(rKey / 4), k: rKey % 4, t: refunds.times[b] ?? 0 };
    for (let j = firstOrderAtOrAfter(p, fromMs) - 1; j >= 0; j--) {
      const order = demoOrder(p, j);
      const k = [...order.lines.keys()].reverse().find((x) => !refunds.byLine.has(lineKey(j, x)));
      if (k === undefined) continue;
      const t = order.orderedAt.getTime();
      if (!best || t > best.t || (t === best.t && lineKey(j, k) > lineKey(best.j, best.k))) best = { j, k, t };
      break;
    }
    return best;
  }

  const renderOrderAt = (storeId: string, p: StorePlan, refunds: RefundIndex, at: { j: number; k: number }) => {
    const order = demoOrder(p, at.j);
    const rendered = renderWishOrder(
      order,
      at.k,
      (refunds.byLine.get(lineKey(at.j, at.k)) ?? []).map((i) => demoCase(p, i)),
    );
    return malformed(storeId, String(rendered.id)) ? { ...rendered, id: 42, product_information: 'n/a' } : rendered;
  };

  const handlers: RequestHandler[] = [
    // Wish documents the refresh as a GET with query parameters; a POST with the same query is accepted too.
    ...(['get', 'post'] as const).map((method) =>
      http[method](`${WISH_SANDBOX_BASE_URL}/api/v3/oauth/refresh_token`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        if (q.get('grant_type') !== 'refresh_token') return wishError(400, 1001, "grant_type must be set to 'refresh_token'");
        if (q.get('client_id') !== CLIENT_ID || q.get('client_secret') !== CLIENT_SECRET) {
          return wishError(400, 10001, 'Incorrect credentials. client_id or client_secret does not match our records');
        }
        const storeId = (q.get('refresh_token') ?? '').replace(/^demo-refresh:/, '');
        if (!plans.has(storeId)) return wishError(400, 1006, 'Unauthorized access on this API');
        // "Existing access tokens will be revoked after calling this API."
        for (const [token, owner] of live) {
          if (owner === storeId) {
            live.delete(token);
            revoked.add(token);
          }
        }
        const accessToken = `wish-demo#${storeId}#${++issued}`;
        live.set(accessToken, storeId);
        return ok({
          access_token: accessToken,
          refresh_token: `demo-refresh:${storeId}`,
          expiry_time: new Date(now() + 30 * 86_400_000).toISOString(),
          merchant_id: '5d30f60e0a6fc464f4f376b0',
          scopes: ['orders:read', 'orders:write', 'tickets:read', 'tickets:write'],
        });
      }),
    ),

    http.get(`${WISH_SANDBOX_BASE_URL}/api/v3/orders`, async ({ request }) => {
      const r = await dataRequest(request);
      if (r instanceof Response) return r;
      const { who, p, limit, fromMs, toMs, bounded } = r;
      const refunds = refundIndex(who);
      const data: unknown[] = [];
      const before = knobs.repeatAcrossPages && bounded ? orderBefore(p, refunds, fromMs) : null;
      if (before) data.push(renderOrderAt(who, p, refunds, before));
      for (const at of ordersFrom(p, refunds, fromMs)) {
        if (at.t > toMs || data.length >= limit + (before ? 1 : 0)) break;
        data.push(renderOrderAt(who, p, refunds, at));
      }
      return ok(data);
    }),

    http.get(`${WISH_SANDBOX_BASE_URL}/api/v3/tickets`, async ({ request }) => {
      const r = await dataRequest(request);
      if (r instanceof Response) return r;
      const { who, p, limit, fromMs, toMs, bounded } = r;
      const index = ticketsOf(who);
      const from = lowerBound(index.times, fromMs);
      const start = knobs.repeatAcrossPages && bounded ? Math.max(0, from - 1) : from;
      const end = Math.min(index.cases.length, from + limit, lowerBound(index.times, toMs, true));
      const data = Array.from(index.cases.subarray(start, Math.max(start, end)), (i) => {
        const rendered = renderWishTicket(demoCase(p, i));
        return malformed(who, String(rendered.id)) ? { ...rendered, id: null, opened_at: 17 } : rendered;
      });
      return ok(data);
    }),
  ];

  for (const store of options.stores) if (plans.has(store.id)) live.set(staticToken(store.id), store.id);

  const casesOf = (storeId: string, kind: TruthCase['kind']) => {
    const p = plan(storeId);
    const out: TruthCase[] = [];
    for (let i = 0; i < p.cases; i++) {
      const c = demoCase(p, i);
      if (c.kind === kind) out.push(c);
    }
    return out;
  };

  return {
    handlers,
    credentials: (storeId) => ({
      accessToken: staticToken(storeId),
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      refreshToken: `demo-refresh:${storeId}`,
    }),
    expireTokens: () => {
      for (const token of live.keys()) revoked.add(token);
      live.clear();
    },
    refunds: (storeId) => casesOf(storeId, 'refund'),
    tickets: (storeId) => Array.from(ticketsOf(storeId).cases, (i) => demoCase(plan(storeId), i)),
    orderIds: (storeId) => {
      const p = plan(storeId);
      const ids: string[] = [];
      for (let j = 0; j < p.orders; j++) {
        const order = demoOrder(p, j);
        for (let k = 0; k < order.lines.length; k++) ids.push(wishOrderId(order, k));
      }
      return ids;
    },
    orderIdOf: (c) => wishOrderId(c.order, lineOfCase(c)),
    isMalformed: malformed,
    requests: {
      get count() {
        return faults.count();
      },
    },
  };
}
