import { HttpResponse, http, type RequestHandler } from 'msw';
import { buildCaseIndex, type CaseIndex, caseIndexCache, lowerBound } from '../../sandbox/case-index.ts';
import { type DemoScenario, demoCase, demoOrder, firstOrderAtOrAfter, platformPlans, type TruthCase } from '../../sandbox/demo-scenario.ts';
import type { DemoStore } from '../../sandbox/demo-stores.ts';
import { hashString, unit } from '../../sandbox/prng.ts';
import { createFaults } from '../../sandbox/sandbox-faults.ts';
import { NO_FAULTS, pageStart, type SandboxKnobs } from '../../sandbox/sandbox-knobs.ts';
import type { AmazonCredentials } from '../amazon-client.ts';
import { ORDERS_REPORT, RETURNS_REPORT } from '../amazon-connector.ts';
import { AMAZON_OPERATION_LIMITS, type AmazonOperation, type AmazonRegion, amazonBaseUrl, amazonRegion } from '../amazon-spec.ts';
import {
  amazonSource,
  cancelledAt,
  demoOrderIndex,
  ORDER_COLUMNS,
  postedAt,
  RETURN_COLUMNS,
  renderAmazonOrderRows,
  renderAmazonReturnRow,
  renderCancelledOrder,
  renderOrderItems,
  renderShipmentEvent,
} from './render-amazon.ts';

export const AMAZON_LWA_URL = 'https://api.amazon.com/auth/o2/token';
export const AMAZON_DOCUMENTS_URL = 'https://tortuga-prod-na.s3-external-1.amazonaws.com';
const DAY = 86_400_000;
const URL_TTL_MS = 5 * 60_000;
const DEMO_CLIENT_ID = 'amzn1.application-oa2-client.helloworddemo';
const DEMO_SECRET = 'demo-secret';

export interface AmazonSandbox {
  handlers: RequestHandler[];
  credentials(storeId: string): AmazonCredentials;
  /** Makes every issued access token expire now (to exercise renewal on 403 Unauthorized). */
  expireTokens(): void;
  /** Every case the sandbox shows through some Amazon API, each in one place (ground truth of tests; see amazonExpected). */
  served(storeId: string): TruthCase[];
  /** Whether the sandbox sends this case's row, event or order broken. */
  isMalformed(storeId: string, c: TruthCase): boolean;
  /** Report ids created so far (to check a resumed sync requested no report twice). */
  reportsCreated(): number;
  requests: { readonly count: number };
}

const spError = (status: number, code: string, message: string, details = '') => HttpResponse.json({ errors: [{ code, message, details }] }, { status });
const unauthorized = () => spError(403, 'Unauthorized', 'Access to requested resource is denied.', 'The access token you provided has expired.');
const invalid = (message: string) => spError(400, 'InvalidInput', message);

const encodeToken = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function decodeToken<T>(token: string): T | null {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString()) as T;
  } catch {
    return null;
  }
}

interface Report {
  storeId: string;
  reportType: string;
  startMs: number;
  endMs: number;
  polls: number;
  fatal: boolean;
}

/**
 * The SP-API sandbox for the demo's Amazon stores: LWA token, the Reports API state machine
 * (createReport → getReport IN_QUEUE → IN_PROGRESS → DONE, CANCELLED when the window is empty,
 * FATAL on demand → getReportDocument → a pre-signed URL that expires after five minutes, serving
 * TSV rendered row by row as it streams, gzipped for the orders report), the financial events
 * with NextToken, and cancelled orders with their items. 429s carry Amazon's QuotaExceeded body
 * and x-amzn-RateLimit-Limit. Only small indexes of case numbers are kept.
 */
export function createAmazonSandbox(options: {
  scenario: DemoScenario;
  stores: readonly DemoStore[];
  knobs?: Partial<SandboxKnobs>;
  knobsByStore?: Record<string, Partial<SandboxKnobs>>;
  /** How many of the first reports created end FATAL (a report Amazon could not produce). */
  fatalReports?: number;
  /** getReport calls a report spends queued and in progress before it is done (default 2; the demo uses 0 so nobody waits). */
  queuedPolls?: number;
  /** The sandbox's clock (default: the real time, but never before the scenario's anchor). */
  now?: () => number;
}): AmazonSandbox {
  const { scenario } = options;
  const now = options.now ?? (() => Math.max(Date.now(), scenario.anchor.getTime()));
  const plans = platformPlans(scenario, options.stores, 'amazon');
  const plan = plans.get;
  const storeOf = (storeId: string) => plan(storeId).store;
  const knobsOf = (storeId: string): SandboxKnobs => ({ ...NO_FAULTS, ...options.knobs, ...options.knobsByStore?.[storeId] });
  const live = new Map<string, string>();
  const reports = new Map<string, Report>();
  let issued = 0;
  let created = 0;
  let rateLimitOf: AmazonOperation = 'getReport';

  const malformed = (storeId: string, key: string) => {
    const rate = knobsOf(storeId).malformedRate;
    return rate > 0 && unit(scenario.seed, 98, hashString(`${storeId}:${key}`)) < rate;
  };
  // Amazon allows one A-to-z claim per order: a second claim (or claimed return) on an order shows nowhere.
  const secondClaims = new Map<string, Set<number>>();
  const isSecondClaim = (storeId: string, c: TruthCase) => {
    let seconds = secondClaims.get(storeId);
    if (!seconds) {
      seconds = new Set();
      const claimed = new Set<number>();
      const p = plan(storeId);
      for (let i = 0; i < p.cases; i++) {
        const other = demoCase(p, i);
        const claim = (other.kind === 'return' && other.status === 'escalated') || (other.kind === 'claim' && amazonSource(other) !== null);
        if (!claim) continue;
        if (claimed.has(other.order.index)) seconds.add(i);
        claimed.add(other.order.index);
      }
      secondClaims.set(storeId, seconds);
    }
    return seconds.has(c.index);
  };
  const sourceOf = (storeId: string, c: TruthCase) => (isSecondClaim(storeId, c) ? null : amazonSource(c));
  const malformedCase = (storeId: string, c: TruthCase) => malformed(storeId, amazonSource(c) === 'report' ? c.platformCaseId : String(c.index));

  const returnsOf = caseIndexCache((storeId) =>
    buildCaseIndex(
      plan(storeId),
      (c) => sourceOf(storeId, c) === 'report',
      (c) => c.requestedAt.getTime(),
    ),
  );
  const eventsOf = caseIndexCache((storeId) => buildCaseIndex(plan(storeId), (c) => sourceOf(storeId, c) === 'events', postedAt));
  // An order is cancelled once: a second cancellation case on the same order shows nowhere.
  const cancelsOf = caseIndexCache((storeId) => {
    const seen = new Set<number>();
    return buildCaseIndex(
      plan(storeId),
      (c) => {
        if (amazonSource(c) !== 'orders' || seen.has(c.order.index)) return false;
        seen.add(c.order.index);
        return true;
      },
      cancelledAt,
    );
  });
  const cancelByOrder = new Map<string, Map<number, number>>();
  const cancellationOf = (storeId: string, orderIndex: number): TruthCase | null => {
    let byOrder = cancelByOrder.get(storeId);
    if (!byOrder) {
      byOrder = new Map(Array.from(cancelsOf(storeId).cases, (i) => [demoCase(plan(storeId), i).order.index, i]));
      cancelByOrder.set(storeId, byOrder);
    }
    const i = byOrder.get(orderIndex);
    return i === undefined ? null : demoCase(plan(storeId), i);
  };
  const range = (index: CaseIndex, fromMs: number, toMs: number) => ({ first: lowerBound(index.times, fromMs), last: lowerBound(index.times, toMs) });

  const faults = createFaults(scenario.seed, {
    rateLimited: (seconds) =>
      HttpResponse.json(
        { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }] },
        {
          status: 429,
          headers: {
            'x-amzn-RateLimit-Limit': String(AMAZON_OPERATION_LIMITS[rateLimitOf].requestsPerSecond),
            ...(seconds > 0 ? { 'Retry-After': String(seconds) } : {}),
          },
        },
      ),
    serverError: () => spError(500, 'InternalFailure', 'We encountered an internal error. Please try again.'),
  });

  /** What every SP-API call goes through: the access token, then the fault knobs. */
  async function authorise(request: Request, operation: AmazonOperation): Promise<{ storeId: string; knobs: SandboxKnobs } | Response> {
    const storeId = live.get(request.headers.get('x-amz-access-token') ?? '');
    if (!storeId) return unauthorized();
    const knobs = knobsOf(storeId);
    rateLimitOf = operation;
    const failure = await faults.next(knobs);
    return failure ?? { storeId, knobs };
  }
  type WindowPosition = { after: number; before: number; offset: number; limit: number; issuedAt: number };
  /**
   * Where a NextToken-paged list request stands: the position inside its NextToken (refused when
   * malformed or older than the cursor knob allows), or a new one from the date window, whose end
   * must lie two minutes before now as Amazon requires.
   */
  function windowPosition<Extra extends object>(
    url: URL,
    knobs: SandboxKnobs,
    params: { after: string; before: string; tooLate: string },
    extra: () => Extra,
  ): (WindowPosition & Extra) | Response {
    const token = url.searchParams.get('NextToken');
    if (token) {
      const position = decodeToken<WindowPosition & Extra>(token);
      if (!position) return invalid('Invalid NextToken.');
      if (knobs.cursorTtlSeconds > 0 && now() - position.issuedAt > knobs.cursorTtlSeconds * 1000) return invalid('Invalid NextToken: the token has expired.');
      return position;
    }
    const after = Date.parse(url.searchParams.get(params.after) ?? '');
    const before = Date.parse(url.searchParams.get(params.before) ?? new Date(now() - 2 * 60_000).toISOString());
    if (Number.isNaN(after) || Number.isNaN(before)) return invalid(`${params.after} is required and dates must be ISO 8601.`);
    if (before > now() - 2 * 60_000) return invalid(params.tooLate);
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get('MaxResultsPerPage') ?? 100)));
    return { after, before, offset: 0, limit, issuedAt: now(), ...extra() };
  }

  const ok = (body: Record<string, unknown>, operation: AmazonOperation, status = 200) =>
    HttpResponse.json(body, { status, headers: { 'x-amzn-RateLimit-Limit': String(AMAZON_OPERATION_LIMITS[operation].requestsPerSecond) } });

  /** Rows of a report, rendered one at a time as the document streams out. */
  function* reportLines(report: Report): Generator<string> {
    const p = plan(report.storeId);
    const salesChannel = p.store.currency === 'EUR' ? 'Amazon.de' : 'Amazon.com';
    if (report.reportType === RETURNS_REPORT) {
      yield RETURN_COLUMNS.join('\t');
      const { first, last } = range(returnsOf(report.storeId), report.startMs, report.endMs);
      const index = returnsOf(report.storeId);
      for (let k = first; k < last; k++) {
        const c = demoCase(p, index.cases[k] ?? 0);
        const row = renderAmazonReturnRow(c);
        if (malformedCase(report.storeId, c)) Object.assign(row, { 'Amazon RMA ID': '', 'Return request date': 'n/a' });
        yield RETURN_COLUMNS.map((col) => row[col]).join('\t');
      }
      return;
    }
    yield ORDER_COLUMNS.join('\t');
    const to = firstOrderAtOrAfter(p, report.endMs);
    for (let j = firstOrderAtOrAfter(p, report.startMs); j < to; j++) {
      for (const row of renderAmazonOrderRows(demoOrder(p, j), cancellationOf(report.storeId, j) !== null, salesChannel)) {
        yield ORDER_COLUMNS.map((col) => row[col]).join('\t');
      }
    }
  }
  const rowCount = (report: Report) => {
    const p = plan(report.storeId);
    if (report.reportType === RETURNS_REPORT) {
      const { first, last } = range(returnsOf(report.storeId), report.startMs, report.endMs);
      return last - first;
    }
    return firstOrderAtOrAfter(p, report.endMs) - firstOrderAtOrAfter(p, report.startMs);
  };

  const regional = (region: AmazonRegion): RequestHandler[] => {
    const base = amazonBaseUrl(region);
    return [
      http.post(`${base}/reports/2021-06-30/reports`, async ({ request }) => {
        const who = await authorise(request, 'createReport');
        if (who instanceof Response) return who;
        const body = (await request.json().catch(() => null)) as {
          reportType?: string;
          marketplaceIds?: string[];
          dataStartTime?: string;
          dataEndTime?: string;
        } | null;
        const store = storeOf(who.storeId);
        if (!body?.reportType || (body.reportType !== RETURNS_REPORT && body.reportType !== ORDERS_REPORT)) return invalid('Invalid reportType.');
        if (!body.marketplaceIds?.includes(store.marketplace ?? '') || amazonRegion(store.marketplace) !== region) {
          return invalid('Invalid marketplaceIds for this seller and region.');
        }
        const startMs = Date.parse(body.dataStartTime ?? '');
        const endMs = Date.parse(body.dataEndTime ?? '');
        const maxDays = body.reportType === RETURNS_REPORT ? 60 : 30;
        if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs < startMs) return invalid('Invalid dataStartTime or dataEndTime.');
        if (endMs - startMs > maxDays * DAY) return invalid(`The date range for ${body.reportType} cannot exceed ${maxDays} days.`);
        const reportId = String(50_000_000_000 + ++created);
        reports.set(reportId, { storeId: who.storeId, reportType: body.reportType, startMs, endMs, polls: 0, fatal: created <= (options.fatalReports ?? 0) });
        return ok({ reportId }, 'createReport', 202);
      }),

      http.get(`${base}/reports/2021-06-30/reports/:reportId`, async ({ request, params }) => {
        const who = await authorise(request, 'getReport');
        if (who instanceof Response) return who;
        const reportId = String(params.reportId);
        const report = reports.get(reportId);
        if (!report || report.storeId !== who.storeId) return spError(404, 'NotFound', `Report ${reportId} not found.`);
        const step = report.polls++;
        const queued = options.queuedPolls ?? 2;
        const processingStatus =
          step < queued ? (step === 0 ? 'IN_QUEUE' : 'IN_PROGRESS') : report.fatal ? 'FATAL' : rowCount(report) === 0 ? 'CANCELLED' : 'DONE';
        return ok(
          {
            reportId,
            reportType: report.reportType,
            marketplaceIds: [storeOf(report.storeId).marketplace],
            dataStartTime: new Date(report.startMs).toISOString(),
            dataEndTime: new Date(report.endMs).toISOString(),
            createdTime: new Date(now()).toISOString(),
            processingStatus,
            ...(processingStatus === 'DONE' ? { reportDocumentId: `amzn1.spdoc.1.4.${region}.${reportId}.T3DEMO` } : {}),
          },
          'getReport',
        );
      }),

      http.get(`${base}/reports/2021-06-30/documents/:documentId`, async ({ request, params }) => {
        const who = await authorise(request, 'getReportDocument');
        if (who instanceof Response) return who;
        const documentId = String(params.documentId);
        const reportId = /^amzn1\.spdoc\.1\.4\.\w+\.(\d+)\./.exec(documentId)?.[1] ?? '';
        const report = reports.get(reportId);
        if (!report || report.storeId !== who.storeId) return spError(404, 'NotFound', `Report document ${documentId} not found.`);
        const signed = new URLSearchParams({
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Date': String(now()),
          'X-Amz-Expires': '300',
          'X-Amz-Signature': 'demo',
        });
        const gzip = report.reportType === ORDERS_REPORT;
        return ok(
          { reportDocumentId: documentId, url: `${AMAZON_DOCUMENTS_URL}/${documentId}?${signed}`, ...(gzip ? { compressionAlgorithm: 'GZIP' } : {}) },
          'getReportDocument',
        );
      }),

      http.get(`${base}/finances/v0/financialEvents`, async ({ request }) => {
        const who = await authorise(request, 'listFinancialEvents');
        if (who instanceof Response) return who;
        const url = new URL(request.url);
        const position = windowPosition(
          url,
          who.knobs,
          { after: 'PostedAfter', before: 'PostedBefore', tooLate: 'Date range end cannot be later than two minutes before the request time.' },
          () => ({}),
        );
        if (position instanceof Response) return position;
        const p = plan(who.storeId);
        const index = eventsOf(who.storeId);
        const { first, last } = range(index, position.after, position.before);
        const total = last - first;
        const lists: Record<'RefundEventList' | 'GuaranteeClaimEventList' | 'ChargebackEventList', unknown[]> = {
          RefundEventList: [],
          GuaranteeClaimEventList: [],
          ChargebackEventList: [],
        };
        const marketplaceName = p.store.currency === 'EUR' ? 'Amazon.de' : 'Amazon.com';
        const end = Math.min(total, position.offset + position.limit);
        for (let k = pageStart(position.offset, who.knobs); k < end; k++) {
          const c = demoCase(p, index.cases[first + k] ?? 0);
          const list = c.kind === 'refund' ? lists.RefundEventList : c.kind === 'claim' ? lists.GuaranteeClaimEventList : lists.ChargebackEventList;
          const event = renderShipmentEvent(c, marketplaceName);
          list.push(malformedCase(who.storeId, c) ? { ...event, AmazonOrderId: null, PostedDate: 'n/a' } : event);
        }
        const next = end < total ? encodeToken({ ...position, offset: end, issuedAt: now() }) : undefined;
        return ok(
          {
            payload: {
              FinancialEvents: { ShipmentEventList: [], ...lists, SAFETReimbursementEventList: [], AdjustmentEventList: [] },
              ...(next ? { NextToken: next } : {}),
            },
          },
          'listFinancialEvents',
        );
      }),

      http.get(`${base}/orders/v0/orders`, async ({ request }) => {
        const who = await authorise(request, 'getOrders');
        if (who instanceof Response) return who;
        const url = new URL(request.url);
        const store = storeOf(who.storeId);
        if (!(url.searchParams.get('MarketplaceIds') ?? '').split(',').includes(store.marketplace ?? '')) return invalid('Invalid MarketplaceIds.');
        const position = windowPosition(
          url,
          who.knobs,
          { after: 'LastUpdatedAfter', before: 'LastUpdatedBefore', tooLate: 'LastUpdatedBefore must be at least two minutes before the request time.' },
          () => ({ cancelled: (url.searchParams.get('OrderStatuses') ?? '').split(',').includes('Canceled') }),
        );
        if (position instanceof Response) return position;
        // Only cancelled orders are served: the demo's other orders come through the orders report.
        const p = plan(who.storeId);
        const index = cancelsOf(who.storeId);
        const { first, last } = range(index, position.after, position.before);
        const total = position.cancelled ? last - first : 0;
        const end = Math.min(total, position.offset + position.limit);
        const orders: unknown[] = [];
        for (let k = pageStart(position.offset, who.knobs); k < end; k++) {
          const c = demoCase(p, index.cases[first + k] ?? 0);
          const order = renderCancelledOrder(c, store.marketplace ?? '', p.store.currency === 'EUR' ? 'Amazon.de' : 'Amazon.com');
          orders.push(malformedCase(who.storeId, c) ? { ...order, LastUpdateDate: 'n/a', OrderStatus: null } : order);
        }
        const next = end < total ? encodeToken({ ...position, offset: end, issuedAt: now() }) : undefined;
        return ok(
          { payload: { Orders: orders, LastUpdatedBefore: new Date(position.before).toISOString(), ...(next ? { NextToken: next } : {}) } },
          'getOrders',
        );
      }),

      http.get(`${base}/orders/v0/orders/:orderId/orderItems`, async ({ request, params }) => {
        const who = await authorise(request, 'getOrderItems');
        if (who instanceof Response) return who;
        const orderId = String(params.orderId);
        const j = demoOrderIndex(orderId);
        const p = plan(who.storeId);
        if (j === null || j < 0 || j >= p.orders) return spError(404, 'NotFound', `Order ${orderId} not found.`);
        const order = demoOrder(p, j);
        if (order.platformOrderId !== orderId) return spError(404, 'NotFound', `Order ${orderId} not found.`);
        return ok({ payload: { AmazonOrderId: orderId, OrderItems: renderOrderItems(order, cancellationOf(who.storeId, j)) } }, 'getOrderItems');
      }),
    ];
  };

  const handlers: RequestHandler[] = [
    http.post(AMAZON_LWA_URL, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('client_id') !== DEMO_CLIENT_ID || form.get('client_secret') !== DEMO_SECRET) {
        return HttpResponse.json({ error: 'invalid_client', error_description: 'Client authentication failed' }, { status: 401 });
      }
      const storeId = form.get('refresh_token')?.replace(/^Atzr\|demo-refresh:/, '') ?? '';
      if (form.get('grant_type') !== 'refresh_token' || !plans.has(storeId)) {
        return HttpResponse.json({ error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' }, { status: 400 });
      }
      const token = `Atza|demo|${storeId}|${++issued}`;
      live.set(token, storeId);
      return HttpResponse.json({ access_token: token, refresh_token: form.get('refresh_token'), token_type: 'bearer', expires_in: 3600 });
    }),
    ...(['na', 'eu', 'fe'] as const).flatMap(regional),
    http.get(`${AMAZON_DOCUMENTS_URL}/:documentId`, ({ request, params }) => {
      const url = new URL(request.url);
      const signedAt = Number(url.searchParams.get('X-Amz-Date') ?? Number.NaN);
      if (Number.isNaN(signedAt) || now() - signedAt > URL_TTL_MS) {
        return new HttpResponse('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>', {
          status: 403,
          headers: { 'Content-Type': 'application/xml' },
        });
      }
      const reportId = /^amzn1\.spdoc\.1\.4\.\w+\.(\d+)\./.exec(String(params.documentId))?.[1] ?? '';
      const report = reports.get(reportId);
      if (!report) return new HttpResponse('<Error><Code>NoSuchKey</Code></Error>', { status: 404, headers: { 'Content-Type': 'application/xml' } });
      const lines = reportLines(report);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          let chunk = '';
          for (let k = 0; k < 200; k++) {
            const next = lines.next();
            if (next.done) {
              if (chunk) controller.enqueue(encoder.encode(chunk));
              controller.close();
              return;
            }
            chunk += `${next.value}\n`;
          }
          controller.enqueue(encoder.encode(chunk));
        },
      });
      const body = report.reportType === ORDERS_REPORT ? stream.pipeThrough(new CompressionStream('gzip')) : stream;
      return new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'text/tab-separated-values;charset=UTF-8' } });
    }),
  ];

  return {
    handlers,
    credentials: (storeId) => ({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_SECRET, refreshToken: `Atzr|demo-refresh:${storeId}` }),
    expireTokens: () => live.clear(),
    served(storeId) {
      const p = plan(storeId);
      return [returnsOf(storeId), eventsOf(storeId), cancelsOf(storeId)].flatMap((index) => Array.from(index.cases, (i) => demoCase(p, i)));
    },
    isMalformed: malformedCase,
    reportsCreated: () => created,
    requests: {
      get count() {
        return faults.count();
      },
    },
  };
}
