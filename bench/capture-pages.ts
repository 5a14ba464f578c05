// Every page a full sync of the demo stores reads, captured as its parsed payload: each store's
// own connector reads its sandbox through a fetch that keeps a copy of every answer, and the
// part of the answers that the connector normalises is kept per page — the JSON page (eBay,
// Walmart, Shopify's `data`), Wish's new records, Amazon's report rows, its financial events,
// its cancelled orders with their items. Each page is converted again by page-converters.ts and
// must equal what the connector returned, so the benchmark measures the connectors' own work.

import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { type ReportCursor, ReportCursor as ReportCursorSchema } from '../core/platforms/amazon/amazon-reports.ts';
import { type AmazonOrderItem, OrderItemsPage } from '../core/platforms/amazon/amazon-schemas.ts';
import { indexTsv, type TsvDocument } from '../core/platforms/amazon/amazon-tsv.ts';
import { AMAZON_DOCUMENTS_URL } from '../core/platforms/amazon/sandbox/amazon-sandbox.ts';
import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import { type DemoOverrides, PLATFORMS } from '../core/platforms/registry.ts';
import type { DemoScenario } from '../core/platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../core/platforms/sandbox/demo-stores.ts';
import { createSandboxFetch } from '../core/platforms/sandbox/sandbox-fetch.ts';
import type { Resource, SyncPage } from '../core/platforms/spec.ts';
import { decodePosition, keysetPage } from '../core/platforms/wish/wish-keyset.ts';
import type { SyncCursor } from '../core/store/sync-cursors.ts';
import { type AmazonCancellationsPayload, type PageConverter, type PageRecords, pageConverter, type StoreContext } from './page-converters.ts';

export interface CapturedPage {
  store: StoreContext;
  resource: Resource;
  /** What the connector normalised, as it had it after parsing the platform's answer. */
  payload: unknown;
  convert: PageConverter;
}

interface Answer {
  url: URL;
  status: number;
  bytes: Uint8Array;
}

/** A fetch that keeps a copy of every answer body until `take()`. */
function recordingFetch(inner: typeof fetch) {
  let answers: Answer[] = [];
  const recording = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await inner(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    answers.push({ url, status: response.status, bytes: new Uint8Array(await response.clone().arrayBuffer()) });
    return response;
  }) as typeof fetch;
  return {
    fetch: recording,
    take(): Answer[] {
      const taken = answers;
      answers = [];
      return taken;
    },
  };
}

const text = (a: Answer) => {
  const gzipped = a.bytes[0] === 0x1f && a.bytes[1] === 0x8b;
  return Buffer.from(gzipped ? gunzipSync(a.bytes) : a.bytes).toString('utf8');
};
const json = (a: Answer): unknown => JSON.parse(text(a));

/** The page's one data answer (token requests come before it; no faults are planted, so nothing is retried). */
function lastData(answers: Answer[], what: string): unknown {
  const answer = answers.at(-1);
  if (answer?.status !== 200 || /token/i.test(answer.url.pathname)) throw new Error(`no ${what} answer captured`);
  return json(answer);
}

const reportState = (cursor: SyncCursor | null): ReportCursor | null => {
  if (!cursor?.cursor) return null;
  const parsed = ReportCursorSchema.safeParse(JSON.parse(cursor.cursor));
  return parsed.success ? parsed.data : null;
};

/**
 * Pulls the payload of one Amazon page out of its answers. Report pages: the rows the page's
 * cursors delimit in the document downloaded for the window (by this page or an earlier one).
 */
function amazonPayload(resource: Resource, answers: Answer[], cursor: SyncCursor | null, next: SyncCursor, report: { doc: TsvDocument | null }): unknown {
  if (resource === 'orders' || resource === 'returns') {
    const download = answers.find((a) => a.url.origin === AMAZON_DOCUMENTS_URL && a.status === 200);
    if (download) report.doc = indexTsv(text(download));
    const before = reportState(cursor);
    if (!download && !before?.documentId) return [];
    if (!report.doc) throw new Error('an Amazon report page without its document');
    const after = reportState(next);
    const start = before?.documentId ? before.offset : 0;
    return report.doc.rows(start, after?.documentId ? after.offset : report.doc.length);
  }
  if (resource === 'cancellations') {
    const orders = answers.find((a) => a.url.pathname === '/orders/v0/orders');
    const items = new Map<string, AmazonOrderItem[]>();
    for (const a of answers) {
      const orderId = /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/.exec(a.url.pathname)?.[1];
      if (!orderId) continue;
      const id = decodeURIComponent(orderId);
      items.set(id, [...(items.get(id) ?? []), ...OrderItemsPage.parse(json(a)).payload.OrderItems]);
    }
    if (!orders) throw new Error('no Amazon orders answer captured');
    return { orders: json(orders), items } satisfies AmazonCancellationsPayload;
  }
  return lastData(answers, `Amazon ${resource}`);
}

function payloadOf(
  store: StoreContext,
  resource: Resource,
  answers: Answer[],
  cursor: SyncCursor | null,
  next: SyncCursor,
  report: { doc: TsvDocument | null },
) {
  switch (store.platform) {
    case 'amazon':
      return amazonPayload(resource, answers, cursor, next, report);
    case 'shopify':
      return (lastData(answers, 'Shopify') as { data?: unknown }).data;
    case 'wish': {
      const list = (lastData(answers, 'Wish') as { data?: unknown[] }).data ?? [];
      const position = (cursor?.cursor ? decodePosition(cursor.cursor) : null) ?? { updatedAtMin: '', taken: 0 };
      return keysetPage(list, position, Number.MAX_SAFE_INTEGER, 'Wish').fresh;
    }
    default:
      return lastData(answers, store.platform);
  }
}

const written = (page: SyncPage): PageRecords => ({ orders: page.orders ?? [], cases: page.cases ?? [], skus: page.skus ?? [], skipped: page.skipped });

/**
 * Syncs every demo store of the scenario through its connector (nothing is written) and keeps
 * each page's payload. `uncovered` lists the store × resource pairs the benchmark has no copy of
 * the normalisation for (they are left out of the comparison and named in its output).
 */
export async function capturePages(scenario: DemoScenario, overrides: DemoOverrides): Promise<{ pages: CapturedPage[]; uncovered: string[] }> {
  const log = createSilentLogger();
  const pages: CapturedPage[] = [];
  const uncovered: string[] = [];
  for (const entry of Object.values(PLATFORMS)) {
    const sandbox = entry.sandbox(scenario, DEMO_STORES, overrides);
    const recorder = recordingFetch(createSandboxFetch(sandbox.handlers));
    for (const demo of DEMO_STORES.filter((s) => s.platform === entry.spec.platform)) {
      const store: StoreContext = { id: demo.id, platform: demo.platform, marketplace: demo.marketplace ?? null };
      const connector = entry.connect(
        {
          id: demo.id,
          marketplace: store.marketplace,
          credentials: sandbox.credentials(demo.id),
          credentialsRef: 'the built-in demo',
          limits: overrides.limits ?? sandbox.limits,
        },
        { fetch: recorder.fetch, waiter: realWaiter, random: Math.random, log },
      );
      for (const resource of connector.spec.resources) {
        const convert = pageConverter(store, resource);
        if (!convert) {
          uncovered.push(`${demo.id} ${resource}`);
          continue;
        }
        const report = { doc: null as TsvDocument | null };
        let cursor: SyncCursor | null = null;
        for (;;) {
          recorder.take();
          const page = await connector.fetchPage({ resource, cursor, now: scenario.anchor });
          const payload = payloadOf(store, resource, recorder.take(), cursor, page.next, report);
          if (!isDeepStrictEqual(convert(payload), written(page))) {
            throw new Error(`bench/page-converters.ts no longer converts a ${demo.id} ${resource} page as the connector does: update its copy`);
          }
          pages.push({ store, resource, payload, convert });
          cursor = page.next;
          if (!page.hasMore) break;
        }
      }
    }
  }
  return { pages, uncovered };
}
