import { expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { tallyStatusReason } from '../../testing/tally-status-reason.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { TOO_SMALL_SKU } from '../sandbox/demo-catalog.ts';
import type { DemoScenario, TruthCase } from '../sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../sandbox/demo-stores.ts';
import { createSandboxFetch } from '../sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import { shopifyExpected } from './sandbox/render-shopify.ts';
import { type CostBucket, createShopifySandbox } from './sandbox/shopify-sandbox.ts';
import { createShopifyConnector, type ShopifyConnectorOptions } from './shopify-connector.ts';

const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 2000 };
const storeRecord = DEMO_STORES.find((s) => s.id === 'demo-shopify');
if (!storeRecord) throw new Error('demo-shopify missing');
const store = { id: storeRecord.id, platform: 'shopify' as const };
const log = createSilentLogger();
const KINDS = ['return', 'refund', 'cancellation'] as const;

function setup(
  options: {
    knobs?: Partial<SandboxKnobs>;
    costBucket?: CostBucket;
    drainRate?: number;
    accessToken?: string;
    connector?: Partial<ShopifyConnectorOptions>;
    wrapFetch?: (inner: typeof fetch) => typeof fetch;
  } = {},
) {
  const waiter = virtualWaiter(scenario.anchor.getTime());
  const sandbox = createShopifySandbox({
    scenario,
    stores: DEMO_STORES,
    knobs: options.knobs,
    costBucket: options.costBucket,
    drainRate: options.drainRate,
    now: waiter.now,
  });
  const credentials = sandbox.credentials(store.id);
  const inner = createSandboxFetch(sandbox.handlers);
  const connector = createShopifyConnector(
    {
      storeId: store.id,
      shop: credentials.shop,
      accessToken: options.accessToken ?? credentials.accessToken,
      credentialsRef: 'HELLOWORD_STORE_DEMO_SHOPIFY',
      ...options.connector,
    },
    { fetch: options.wrapFetch ? options.wrapFetch(inner) : inner, waiter, random: () => 0.5, log },
  );
  return { sandbox, connector, waiter };
}

const tally = tallyStatusReason;
const expectedByKind = (cases: readonly TruthCase[]) =>
  Object.fromEntries([...KINDS, 'chargeback'].map((k) => [k, tally(cases.filter((c) => c.kind === k).map(shopifyExpected))]));

describeEachEngine('Shopify sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: 'orders' | 'disputes') =>
    syncStoreResource({ store, resource, connector }, { sql: t.db.sql, log, now: () => scenario.anchor, holder: 'test:1' });
  const storedCases = () =>
    t.db.sql.all<{ kind: string; status: string; reason: string; platform_case_id: string }>(
      `SELECT "kind", "status", "reason", "platform_case_id" FROM "cases"`,
    );
  const storedByKind = async () => {
    const rows = await storedCases();
    return Object.fromEntries([...KINDS, 'chargeback'].map((k) => [k, tally(rows.filter((r) => r.kind === k))]));
  };
  const count = async (sql: string) => Number((await t.db.sql.all<{ n: number }>(sql))[0]?.n);
  const orphans = () =>
    count(
      `SELECT count(*) AS n FROM "cases" c WHERE NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );

  it('orders bring their returns, refunds and cancellations; the database equals what Shopify can say of the truth', async () => {
    const { sandbox, connector } = setup();
    const orders = await sync(connector, 'orders');
    expect(orders).toMatchObject({ status: 'succeeded', counts: { skipped: 0, errors: 0, unmapped: 0, rateLimitWaits: 0 } });
    expect(orders.counts.pages).toBeGreaterThan(50);
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(sandbox.orderCount(store.id));

    const truth = sandbox.cases(store.id);
    for (const kind of KINDS) expect(truth.filter((c) => c.kind === kind).length).toBeGreaterThan(kind === 'return' ? 150 : 10);
    const stored = await storedCases();
    expect(stored.length).toBe(truth.length);
    expect(new Set(stored.map((r) => `${r.kind}/${r.platform_case_id}`)).size).toBe(truth.length);
    expect(await storedByKind()).toEqual({ ...expectedByKind(truth), chargeback: {} });
    expect(await orphans()).toBe(0);

    const small = await count(
      `SELECT count(*) AS n FROM "case_lines" l JOIN "cases" c ON c."id" = l."case_id" WHERE c."kind" = 'return' AND l."seller_sku" = '${TOO_SMALL_SKU}' AND c."reason" = 'size_too_small'`,
    );
    expect(small).toBe(truth.filter((c) => c.kind === 'return' && c.line.sellerSku === TOO_SMALL_SKU && shopifyExpected(c).reason === 'size_too_small').length);
    expect(await count(`SELECT count(*) AS n FROM "cases" WHERE "reason_source" = 'text' AND "reason" = 'size_too_small'`)).toBeGreaterThan(0);

    // A second sync re-reads only the 2-day look-back and finds nothing new.
    const again = await sync(connector, 'orders');
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(again.counts.fetched).toBeLessThan(orders.counts.fetched / 20);
  });

  it('disputes become chargeback cases with their evidence deadline, on orders the store has', async () => {
    const { sandbox, connector } = setup();
    expect((await sync(connector, 'orders')).status).toBe('succeeded');
    const result = await sync(connector, 'disputes');
    expect(result).toMatchObject({ status: 'succeeded', counts: { skipped: 0, unmapped: 0 } });
    const truth = sandbox.disputes(store.id);
    expect(truth.length).toBeGreaterThan(5);
    expect((await storedByKind()).chargeback).toEqual(expectedByKind(truth).chargeback);
    expect(await count(`SELECT count(*) AS n FROM "cases" WHERE "kind" = 'chargeback' AND "respond_by" IS NULL`)).toBe(0);
    expect(await orphans()).toBe(0);
  });

  it('rides out 5xx, 429 and broken records (an order, a return, a dispute), and still equals the truth', async () => {
    const { sandbox, connector } = setup({ knobs: { serverErrorRate: 0.15, rateLimitRate: 0.15, malformedRate: 0.03 } });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.rateLimitWaits).toBeGreaterThan(0);
    const brokenOrders = Array.from({ length: sandbox.orderCount(store.id) }, (_, j) => j).filter((j) => sandbox.isMalformed(store.id, 'order', j));
    const served = sandbox.cases(store.id);
    const truth = served.filter(
      (c) => !sandbox.isMalformed(store.id, 'order', c.order.index) && !(c.kind === 'return' && sandbox.isMalformed(store.id, 'return', c.index)),
    );
    const brokenReturns = served.filter(
      (c) => c.kind === 'return' && !sandbox.isMalformed(store.id, 'order', c.order.index) && sandbox.isMalformed(store.id, 'return', c.index),
    );
    expect(brokenOrders.length).toBeGreaterThan(0);
    expect(brokenReturns.length).toBeGreaterThan(0);
    expect(orders.counts.skipped).toBe(brokenOrders.length + brokenReturns.length);
    expect(await storedByKind()).toEqual({ ...expectedByKind(truth), chargeback: {} });

    const disputes = await sync(connector, 'disputes');
    expect(disputes.status).toBe('succeeded');
    const goodDisputes = sandbox.disputes(store.id).filter((c) => !sandbox.isMalformed(store.id, 'dispute', c.index));
    expect(disputes.counts.skipped).toBe(sandbox.disputes(store.id).length - goodDisputes.length);
    expect((await storedByKind()).chargeback).toEqual(expectedByKind(goodDisputes).chargeback);
  });

  it('waits out THROTTLED (HTTP 200) for (requested − available) / restore rate, counts it, and tolerates repeats across pages', async () => {
    const { sandbox, connector, waiter } = setup({
      costBucket: { maximumAvailable: 1000, restoreRate: 50 },
      drainRate: 0.25,
      knobs: { repeatAcrossPages: true },
    });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    expect(sandbox.requests.throttled).toBeGreaterThan(3);
    expect(orders.counts.rateLimitWaits).toBe(sandbox.requests.throttled);
    // A drained bucket holds 0: the next try waits 952 points / 50 a second ≈ 19 s (virtually).
    expect(waiter.sleeps).toContain(19_040);
    expect(await storedByKind()).toEqual({ ...expectedByKind(sandbox.cases(store.id)), chargeback: {} });
  });

  it('reads fewer orders a page when Shopify says the query costs too much', async () => {
    const { sandbox, connector } = setup({ connector: { pageSize: { orders: 60, disputes: 50 } } });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(sandbox.orderCount(store.id));
  });

  it('a sync cut off after a few pages resumes from the committed cursor and ends equal to the truth', async () => {
    let requests = 0;
    let cut = false;
    const { sandbox, connector } = setup({
      wrapFetch: (inner) =>
        ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
          if (cut) return Promise.reject(new TypeError('fetch failed'));
          if (++requests === 3) cut = true; // three order pages, then the line drops
          return inner(input, init);
        }) as typeof fetch,
    });
    const first = await sync(connector, 'orders');
    expect(first).toMatchObject({ status: 'failed', error: { code: 'PLATFORM_UNAVAILABLE' }, counts: { pages: 3 } });
    const [saved] = await t.db.sql.all<{ cursor: string }>('SELECT "cursor" FROM "sync_cursors" WHERE "resource" = ?', ['orders']);
    expect(JSON.parse(Buffer.from(saved?.cursor ?? '', 'base64url').toString())).toMatchObject({ last_id: expect.any(Number) });
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(75);

    cut = false;
    const resumed = await sync(connector, 'orders');
    expect(resumed.status).toBe('succeeded');
    expect(resumed.counts.fetched).toBeLessThan(sandbox.orderCount(store.id) + sandbox.cases(store.id).length);
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(sandbox.orderCount(store.id));
    expect(await storedByKind()).toEqual({ ...expectedByKind(sandbox.cases(store.id)), chargeback: {} });
  });

  it('a refused access token stops this store with a message naming it and what to renew (no refresh for a custom app)', async () => {
    const { sandbox, connector } = setup();
    sandbox.revokeTokens();
    const result = await sync(connector, 'orders');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage:
        "Shopify refused the access token of store demo-shopify (helloword-demo.myshopify.com, HTTP 401). Create a new Admin API access token for the store's custom app (or reinstall it) and put it in HELLOWORD_STORE_DEMO_SHOPIFY, then sync again.",
    });
    const wrong = await sync(setup({ accessToken: 'shpat_wrong' }).connector, 'disputes');
    expect(wrong.error?.code).toBe('PLATFORM_AUTH_FAILED');
    const [run] = await t.db.sql.all('SELECT "status", "errors", "last_error" FROM "sync_runs" ORDER BY "id" LIMIT 1');
    expect(run).toMatchObject({ status: 'failed', errors: 1, last_error: expect.stringContaining('Create a new Admin API access token') });
  });

  it.each([
    [
      'a web page',
      () => new Response('<html><body>Shop unavailable</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'answered with a web page instead of data',
    ],
    ['an empty body', () => new Response('', { status: 200 }), 'answered with an empty body'],
    [
      'a GraphQL error',
      () => Response.json({ errors: [{ message: "Field 'returnz' doesn't exist on type 'Order'", extensions: { code: 'undefinedField' } }] }),
      "answered HelloWordOrders with errors (undefinedField: Field 'returnz' doesn't exist on type 'Order')",
    ],
  ])('%s is a recorded error, not a crash', async (_name, answer, message) => {
    const { connector } = setup({ wrapFetch: () => (async () => answer()) as typeof fetch });
    const result = await sync(connector, 'orders');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'PLATFORM_BAD_RESPONSE', userMessage: expect.stringContaining(`Shopify (demo-shopify) ${message}`) });
  });
});
