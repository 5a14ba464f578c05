import { HttpResponse, http, type RequestHandler } from 'msw';
import type { CaseKind } from '../../../domain/taxonomy.ts';
import { buildCaseIndex, caseIndexCache, lowerBound } from '../../sandbox/case-index.ts';
import { type DemoScenario, demoCase, demoOrder, firstOrderAtOrAfter, platformPlans, type TruthCase } from '../../sandbox/demo-scenario.ts';
import type { DemoStore } from '../../sandbox/demo-stores.ts';
import { hashString, unit } from '../../sandbox/prng.ts';
import { createFaults } from '../../sandbox/sandbox-faults.ts';
import { NO_FAULTS, pageStart, type SandboxKnobs } from '../../sandbox/sandbox-knobs.ts';
import type { EbayCredentials } from '../ebay-client.ts';
import { renderEbayCancellation, renderEbayCase, renderEbayDispute, renderEbayInquiry, renderEbayOrder, renderEbayReturn } from './render-ebay.ts';

export const EBAY_SANDBOX_BASE_URL = 'https://api.ebay.com';
export const EBAY_SANDBOX_DISPUTES_URL = 'https://apiz.ebay.com';

export interface EbaySandbox {
  handlers: RequestHandler[];
  /** The demo credentials the sandbox accepts for a store. */
  credentials(storeId: string): EbayCredentials;
  /** Makes every issued access token expire now (to exercise refresh on 401). */
  expireTokens(): void;
  /** The returns the sandbox serves for a store, in the order it lists them (the ground truth of tests). */
  returns(storeId: string): TruthCase[];
  /** The payment disputes it serves for a store. */
  disputes(storeId: string): TruthCase[];
  /** The cases of one kind it serves for a store (cancellations, inquiries, claims too), in listing order. */
  cases(storeId: string, kind: EbayCaseKind): TruthCase[];
  /** Whether the sandbox sends this case (any kind, by its id) with a broken shape (malformedRate). */
  isMalformed(storeId: string, caseId: string): boolean;
  requests: { readonly count: number };
}

export type EbayCaseKind = Extract<CaseKind, 'return' | 'cancellation' | 'inquiry' | 'claim' | 'chargeback'>;

const ebayErrors = (status: number, errorId: number, message: string) =>
  HttpResponse.json({ errors: [{ errorId, domain: 'API_FULFILLMENT', category: 'REQUEST', message }] }, { status });

/**
 * The eBay sandbox: OAuth token, Fulfillment orders and payment disputes, Post-Order return,
 * cancellation, inquiry and case searches, serving the
 * demo scenario's eBay stores with eBay's field names, offset paging and error envelopes, plus the
 * fault knobs. Data is generated per page; only a sorted index of return numbers is kept.
 */
export function createEbaySandbox(options: { scenario: DemoScenario; stores: readonly DemoStore[]; knobs?: Partial<SandboxKnobs> }): EbaySandbox {
  const knobs: SandboxKnobs = { ...NO_FAULTS, ...options.knobs };
  const plans = platformPlans(options.scenario, options.stores, 'ebay');
  const plan = plans.get;
  const live = new Map<string, string>(); // access token → store id
  let issued = 0;

  const returnsOf = caseIndexCache((storeId) =>
    buildCaseIndex(
      plan(storeId),
      (c) => c.kind === 'return',
      (c) => c.requestedAt.getTime(),
    ),
  );

  const malformed = (storeId: string, key: string) =>
    knobs.malformedRate > 0 && unit(options.scenario.seed, 98, hashString(`${storeId}:${key}`)) < knobs.malformedRate;

  const disputesOf = caseIndexCache((storeId) =>
    buildCaseIndex(
      plan(storeId),
      (c) => c.kind === 'chargeback',
      (c) => c.requestedAt.getTime(),
    ),
  );

  // Cancellations, inquiries and cases are searched by creation date like returns: one index each.
  const byCreation = (kind: CaseKind) =>
    caseIndexCache((storeId) =>
      buildCaseIndex(
        plan(storeId),
        (c) => c.kind === kind,
        (c) => c.requestedAt.getTime(),
      ),
    );
  const indexes: Readonly<Record<EbayCaseKind, (storeId: string) => ReturnType<typeof returnsOf>>> = {
    return: returnsOf,
    chargeback: disputesOf,
    cancellation: byCreation('cancellation'),
    inquiry: byCreation('inquiry'),
    claim: byCreation('claim'),
  };

  const faults = createFaults(options.scenario.seed, {
    rateLimited: (seconds) =>
      HttpResponse.json(
        {
          errors: [
            { errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests. The request limit has been reached for the resource.' },
          ],
        },
        { status: 429, headers: { 'Retry-After': String(seconds) } },
      ),
    serverError: () => ebayErrors(503, 2003, 'There was a problem with an eBay internal system or process.'),
  });
  const fault = () => faults.next(knobs);

  function authorise(request: Request, scheme: 'Bearer' | 'IAF'): string | Response {
    const header = request.headers.get('authorization') ?? '';
    const [given, value] = header.split(' ');
    const storeId = value ? live.get(value) : undefined;
    if (given !== scheme || !storeId) return ebayErrors(401, 1001, 'Invalid access token. Check the value of the Authorization HTTP request header.');
    return storeId;
  }

  /** What every data request goes through: the token, the fault knobs, paging. */
  async function dataRequest(request: Request, scheme: 'Bearer' | 'IAF', defaultLimit: number) {
    const who = authorise(request, scheme);
    if (who instanceof Response) return who;
    const failure = await fault();
    if (failure) return failure;
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return { who, p: plan(who), url, offset, start: pageStart(offset, knobs), limit: Math.min(200, Number(url.searchParams.get('limit') ?? defaultLimit)) };
  }

  const invalidInput = () =>
    HttpResponse.json(
      { error: [{ errorId: 1616, domain: 'returnErrorDomain', severity: 'ERROR', category: 'REQUEST', message: 'Invalid Input.' }] },
      { status: 400 },
    );

  /**
   * A Post-Order search other than returns: the creation-date window `<datePrefix>_from/_to`,
   * offset paging, the records under `listKey`, each possibly broken by the malformed knob.
   */
  function postOrderSearch(options: {
    path: string;
    kind: EbayCaseKind;
    datePrefix: string;
    listKey: string;
    totalKey: string;
    render: (c: TruthCase) => Record<string, unknown>;
    broken: (rendered: Record<string, unknown>) => Record<string, unknown>;
  }) {
    return http.get(`${EBAY_SANDBOX_BASE_URL}${options.path}`, async ({ request }) => {
      const r = await dataRequest(request, 'IAF', 25);
      if (r instanceof Response) return r;
      const { who, p, url, offset, start, limit } = r;
      const fromMs = Date.parse(url.searchParams.get(`${options.datePrefix}_from`) ?? '1970-01-01T00:00:00Z');
      const toMs = Date.parse(url.searchParams.get(`${options.datePrefix}_to`) ?? '2999-01-01T00:00:00Z');
      if (Number.isNaN(fromMs) || Number.isNaN(toMs) || Number.isNaN(offset)) return invalidInput();
      const index = indexes[options.kind](who);
      const first = lowerBound(index.times, fromMs);
      const totalEntries = Math.max(0, lowerBound(index.times, toMs, true) - first);
      const records = Array.from(index.cases.subarray(first + start, first + Math.min(totalEntries, offset + limit))).map((i) => {
        const c = demoCase(p, i);
        const rendered = options.render(c);
        return malformed(who, c.platformCaseId) ? options.broken(rendered) : rendered;
      });
      return HttpResponse.json({
        [options.listKey]: records,
        paginationOutput: { limit, offset, totalEntries, totalPages: Math.ceil(totalEntries / limit) },
        [options.totalKey]: totalEntries,
      });
    });
  }

  const handlers: RequestHandler[] = [
    http.post(`${EBAY_SANDBOX_BASE_URL}/identity/v1/oauth2/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const storeId = form.get('refresh_token')?.replace(/^demo-refresh:/, '') ?? '';
      if (form.get('grant_type') !== 'refresh_token' || !plans.has(storeId) || !request.headers.get('authorization')?.startsWith('Basic ')) {
        return HttpResponse.json(
          { error: 'invalid_grant', error_description: 'the provided authorization refresh token is invalid or was issued to another client' },
          { status: 400 },
        );
      }
      const accessToken = `v^1.1#i^1#demo#${storeId}#${++issued}`;
      live.set(accessToken, storeId);
      return HttpResponse.json({ access_token: accessToken, expires_in: 7200, token_type: 'User Access Token' });
    }),

    http.get(`${EBAY_SANDBOX_BASE_URL}/sell/fulfillment/v1/order`, async ({ request }) => {
      const r = await dataRequest(request, 'Bearer', 50);
      if (r instanceof Response) return r;
      const { who, p, url, offset, start, limit } = r;
      const from = /lastmodifieddate:\[(.+?)\.\./.exec(url.searchParams.get('filter') ?? '')?.[1];
      const fromMs = from ? Date.parse(from) : Number.NEGATIVE_INFINITY;
      if (Number.isNaN(fromMs)) return ebayErrors(400, 30800, 'Invalid filter.');
      // Orders are in time order, so the window starts at the first order placed after `from`.
      const lo = firstOrderAtOrAfter(p, fromMs);
      const total = p.orders - lo;
      const orders = [];
      for (let k = start; k < Math.min(total, offset + limit); k++) {
        const rendered = renderEbayOrder(demoOrder(p, lo + k));
        orders.push(malformed(who, `order:${lo + k}`) ? { ...rendered, orderId: null, creationDate: 42 } : rendered);
      }
      return HttpResponse.json({ href: request.url, total, limit, offset, orders });
    }),

    http.get(`${EBAY_SANDBOX_BASE_URL}/post-order/v2/return/search`, async ({ request }) => {
      const r = await dataRequest(request, 'IAF', 25);
      if (r instanceof Response) return r;
      const { who, p, url, offset, start, limit } = r;
      const fromMs = Date.parse(url.searchParams.get('creation_date_range_from') ?? '1970-01-01T00:00:00Z');
      const toMs = Date.parse(url.searchParams.get('creation_date_range_to') ?? '2999-01-01T00:00:00Z');
      if (Number.isNaN(fromMs) || Number.isNaN(toMs)) {
        return HttpResponse.json(
          { error: [{ errorId: 1616, domain: 'returnErrorDomain', severity: 'ERROR', category: 'REQUEST', message: 'Invalid Input.' }] },
          { status: 400 },
        );
      }
      const index = returnsOf(who);
      const first = lowerBound(index.times, fromMs);
      const totalEntries = Math.max(0, lowerBound(index.times, toMs, true) - first);
      const members = Array.from(index.cases.subarray(first + start, first + Math.min(totalEntries, offset + limit))).map((i) => {
        const c = demoCase(p, i);
        const rendered = renderEbayReturn(c);
        return malformed(who, c.platformCaseId) ? { ...rendered, returnId: undefined, creationInfo: { reason: 'WRONG_SIZE' } } : rendered;
      });
      return HttpResponse.json({
        paginationOutput: { limit, offset, totalEntries, totalPages: Math.ceil(totalEntries / limit) },
        countSummary: [{ type: 'ALL_OPEN', count: totalEntries }],
        members,
      });
    }),

    postOrderSearch({
      path: '/post-order/v2/cancellation/search',
      kind: 'cancellation',
      datePrefix: 'creation_date_range',
      listKey: 'cancellations',
      totalKey: 'total',
      render: renderEbayCancellation,
      broken: (c) => ({ ...c, cancelId: null, cancelRequestDate: 'yesterday' }),
    }),

    postOrderSearch({
      path: '/post-order/v2/inquiry/search',
      kind: 'inquiry',
      datePrefix: 'inquiry_creation_date_range',
      listKey: 'members',
      totalKey: 'totalNumberOfInquiries',
      render: renderEbayInquiry,
      broken: (c) => ({ ...c, inquiryId: undefined, creationDate: null }),
    }),

    postOrderSearch({
      path: '/post-order/v2/casemanagement/search',
      kind: 'claim',
      datePrefix: 'case_creation_date_range',
      listKey: 'members',
      totalKey: 'totalNumberOfCases',
      render: renderEbayCase,
      broken: (c) => ({ ...c, caseId: { id: c.caseId }, creationDate: 17 }),
    }),

    http.get(`${EBAY_SANDBOX_DISPUTES_URL}/sell/fulfillment/v1/payment_dispute_summary`, async ({ request }) => {
      const r = await dataRequest(request, 'Bearer', 200);
      if (r instanceof Response) return r;
      const { p, url, offset, start, limit } = r;
      const fromMs = Date.parse(url.searchParams.get('open_date_from') ?? '1970-01-01T00:00:00Z');
      const toMs = Date.parse(url.searchParams.get('open_date_to') ?? '2999-01-01T00:00:00Z');
      if (Number.isNaN(fromMs) || Number.isNaN(toMs)) return ebayErrors(400, 33002, 'Invalid date range.');
      const index = disputesOf(r.who);
      const first = lowerBound(index.times, fromMs);
      const total = Math.max(0, lowerBound(index.times, toMs, true) - first);
      const paymentDisputeSummaries = Array.from(index.cases.subarray(first + start, first + Math.min(total, offset + limit))).map((i) =>
        renderEbayDispute(demoCase(p, i)),
      );
      return HttpResponse.json({ href: request.url, total, limit, offset, paymentDisputeSummaries });
    }),
  ];

  return {
    handlers,
    credentials: (storeId) => ({ clientId: 'helloword-demo-client', clientSecret: 'demo-secret', refreshToken: `demo-refresh:${storeId}` }),
    expireTokens: () => live.clear(),
    returns: (storeId) => Array.from(returnsOf(storeId).cases, (i) => demoCase(plan(storeId), i)),
    disputes: (storeId) => Array.from(disputesOf(storeId).cases, (i) => demoCase(plan(storeId), i)),
    cases: (storeId, kind) => Array.from(indexes[kind](storeId).cases, (i) => demoCase(plan(storeId), i)),
    isMalformed: (storeId, caseId) => malformed(storeId, caseId),
    requests: {
      get count() {
        return faults.count();
      },
    },
  };
}
