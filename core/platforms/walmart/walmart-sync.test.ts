import { expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { tallyStatusReason } from '../../testing/tally-status-reason.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { type DemoScenario, planStore } from '../sandbox/demo-scenario.ts';
import { DEMO_STORES, RATE_LIMITED_DEMO_STORE } from '../sandbox/demo-stores.ts';
import { createSandboxFetch } from '../sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import { walmartExpected, walmartPurchaseOrderId } from './sandbox/render-walmart.ts';
import { createWalmartSandbox } from './sandbox/walmart-sandbox.ts';
import { createWalmartConnector } from './walmart-connector.ts';

const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 2000 };
const storeRecord = DEMO_STORES.find((s) => s.id === RATE_LIMITED_DEMO_STORE);
if (!storeRecord) throw new Error('demo Walmart store missing');
const store = { id: storeRecord.id, platform: 'walmart' as const };
const log = createSilentLogger();

function setup(knobs: Partial<SandboxKnobs> = {}, secret?: string) {
  const sandbox = createWalmartSandbox({ scenario, stores: DEMO_STORES, knobs, now: () => scenario.anchor.getTime() });
  const credentials = sandbox.credentials(store.id);
  const connector = createWalmartConnector(
    {
      storeId: store.id,
      credentials: { ...credentials, clientSecret: secret ?? credentials.clientSecret },
      credentialsRef: 'HELLOWORD_STORE_WALMART_US',
      pageSize: 50,
    },
    { fetch: createSandboxFetch(sandbox.handlers), waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
  );
  return { sandbox, connector };
}

const tally = tallyStatusReason;

describeEachEngine('Walmart sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: 'orders' | 'returns' | 'cancellations') =>
    syncStoreResource({ store, resource, connector }, { sql: t.db.sql, log, now: () => scenario.anchor, holder: 't:1' });
  const storedReturns = () => t.db.sql.all<{ status: string; reason: string }>(`SELECT "status", "reason" FROM "cases" WHERE "kind" = 'return'`);
  const storedCancellations = () =>
    t.db.sql.all<{ status: string; reason: string; platform_case_id: string }>(
      `SELECT "status", "reason", "platform_case_id" FROM "cases" WHERE "kind" = 'cancellation'`,
    );

  it('follows nextCursor through orders, returns and cancelled orders, equal to what Walmart can express of the truth, despite 429s and repeats', async () => {
    const { sandbox, connector } = setup({ rateLimitRate: 0.3, retryAfterSeconds: 1, repeatAcrossPages: true, malformedRate: 0.02 });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    expect(orders.counts.pages).toBeGreaterThan(5);
    const returns = await sync(connector, 'returns');
    expect(returns.status).toBe('succeeded');
    expect(orders.counts.rateLimitWaits + returns.counts.rateLimitWaits).toBeGreaterThan(0);
    const cancelledOrders = await sync(connector, 'cancellations');
    expect(cancelledOrders.status).toBe('succeeded');
    expect(cancelledOrders.counts.unmapped).toBe(0);

    const served = sandbox.returns(store.id);
    const truth = served.filter((c) => !sandbox.isMalformed(store.id, c.platformCaseId));
    expect(returns.counts.skipped).toBe(served.length - truth.length);
    expect(tally(await storedReturns())).toEqual(tally(truth.map(walmartExpected)));

    // Cancellations are the cancelled lines of the cancelled orders: one case per line, equal to the truth.
    const cancellations = sandbox.cancellations(store.id);
    expect(cancellations.length).toBeGreaterThan(30);
    const storedCancelled = await storedCancellations();
    expect(storedCancelled.length).toBe(cancellations.length);
    expect(new Set(storedCancelled.map((c) => c.platform_case_id)).size).toBe(cancellations.length);
    expect(tally(storedCancelled)).toEqual(tally(cancellations.map(walmartExpected)));
    expect(orders.counts.unmapped).toBe(0);
    const [orphans] = await t.db.sql.all(
      `SELECT count(*) AS n FROM "cases" c WHERE NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );
    expect(Number(orphans?.n)).toBe(0);
  });

  it('a sync cut off after a few pages resumes later, though its cursor has expired, and ends equal to the truth', async () => {
    const waiter = virtualWaiter(scenario.anchor.getTime());
    const sandbox = createWalmartSandbox({ scenario, stores: DEMO_STORES, knobs: { cursorTtlSeconds: 300 }, now: waiter.now });
    const sandboxFetch = createSandboxFetch(sandbox.handlers);
    let requests = 0;
    let cut = false;
    const fetchFn = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      if (cut) return Promise.reject(new TypeError('fetch failed'));
      if (++requests === 4) cut = true; // the token and three order pages, then the line drops
      return sandboxFetch(input, init);
    }) as typeof fetch;
    const connector = createWalmartConnector(
      { storeId: store.id, credentials: sandbox.credentials(store.id), credentialsRef: 'X', pageSize: 50 },
      { fetch: fetchFn, waiter, random: () => 0.5, log },
    );
    const first = await sync(connector, 'orders');
    expect(first.status).toBe('failed');
    expect(first.error?.code).toBe('PLATFORM_UNAVAILABLE');
    const [saved] = await t.db.sql.all<{ cursor: string }>('SELECT "cursor" FROM "sync_cursors" WHERE "resource" = ?', ['orders']);
    expect(saved?.cursor).toContain('offset=150');

    await waiter.sleep(10 * 60_000); // long enough for the saved cursor to expire
    cut = false;
    const resumed = await sync(connector, 'orders');
    expect(resumed.status).toBe('succeeded');
    const plan = planStore(scenario, storeRecord);
    const [orders] = await t.db.sql.all('SELECT count(*) AS n FROM "orders"');
    expect(Number(orders?.n)).toBe(plan.orders);
    expect((await sync(connector, 'returns')).status).toBe('succeeded');
    expect(tally(await storedReturns())).toEqual(tally(sandbox.returns(store.id).map(walmartExpected)));
    expect((await sync(connector, 'cancellations')).status).toBe('succeeded');
    const cancelled = await storedCancellations();
    expect(cancelled.length).toBe(sandbox.cancellations(store.id).length);
    expect(tally(cancelled)).toEqual(tally(sandbox.cancellations(store.id).map(walmartExpected)));
  });

  it("reads orders in date windows small enough for Walmart's cap on orders per query, halving a window that holds too many", async () => {
    const sandbox = createWalmartSandbox({ scenario, stores: DEMO_STORES, now: () => scenario.anchor.getTime(), maxOrdersPerQuery: 60 });
    const requests: string[] = [];
    const sandboxFetch = createSandboxFetch(sandbox.handlers);
    const fetchFn = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      requests.push(input instanceof Request ? input.url : String(input));
      return sandboxFetch(input, init);
    }) as typeof fetch;
    const connector = createWalmartConnector(
      { storeId: store.id, credentials: sandbox.credentials(store.id), credentialsRef: 'X', pageSize: 50 },
      { fetch: fetchFn, waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
    );
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    const plan = planStore(scenario, storeRecord);
    expect(plan.orders).toBeGreaterThan(1000);
    const [stored] = await t.db.sql.all('SELECT count(*) AS n FROM "orders"');
    expect(Number(stored?.n)).toBe(plan.orders);
    // The first 30-day window was refused, then read in halves; every query named its end.
    const orderQueries = requests.filter((r) => r.includes('/v3/orders?createdStartDate'));
    expect(orderQueries.every((r) => r.includes('createdEndDate='))).toBe(true);
    expect(orderQueries.length).toBeGreaterThan(180 / 4);

    expect((await sync(connector, 'cancellations')).status).toBe('succeeded');
    expect(tally(await storedCancellations())).toEqual(tally(sandbox.cancellations(store.id).map(walmartExpected)));
  });

  it('finishes though the clock moves on between pages (a real sync sees a later "now" on every page)', async () => {
    const { sandbox, connector } = setup();
    let clock = scenario.anchor.getTime();
    const moving = () => {
      clock += 1_000;
      return new Date(clock);
    };
    const run = (resource: 'orders' | 'cancellations') => syncStoreResource({ store, resource, connector }, { sql: t.db.sql, log, now: moving, holder: 't:1' });
    expect((await run('orders')).status).toBe('succeeded');
    expect((await run('cancellations')).status).toBe('succeeded');
    const [orders] = await t.db.sql.all('SELECT count(*) AS n FROM "orders"');
    expect(Number(orders?.n)).toBe(planStore(scenario, storeRecord).orders);
    expect(tally(await storedCancellations())).toEqual(tally(sandbox.cancellations(store.id).map(walmartExpected)));
  }, 20_000);

  it('a platform that answers too slowly: each request times out and is retried, then the store fails cleanly and the next run completes', async () => {
    const knobs: Partial<SandboxKnobs> = { latencyMs: 250 };
    const sandbox = createWalmartSandbox({ scenario, stores: DEMO_STORES, knobs });
    const connector = createWalmartConnector(
      { storeId: store.id, credentials: sandbox.credentials(store.id), credentialsRef: 'X', pageSize: 200, timeoutMs: 40 },
      { fetch: createSandboxFetch(sandbox.handlers), waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
    );
    const slow = await sync(connector, 'returns');
    expect(slow.status).toBe('failed');
    expect(slow.error?.code).toBe('PLATFORM_UNAVAILABLE');
    expect(slow.error?.userMessage).toContain('no answer within 40 ms');
    expect(await storedReturns()).toEqual([]);

    // The platform recovers: a little latency, well inside the timeout.
    knobs.latencyMs = 2;
    const again = createWalmartConnector(
      { storeId: store.id, credentials: sandbox.credentials(store.id), credentialsRef: 'X', pageSize: 200, timeoutMs: 5_000 },
      { fetch: createSandboxFetch(sandbox.handlers), waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
    );
    expect((await sync(again, 'returns')).status).toBe('succeeded');
    expect(tally(await storedReturns())).toEqual(tally(sandbox.returns(store.id).map(walmartExpected)));
  });

  it('renews an expired token, and wrong credentials stop the store with what to check', async () => {
    const { sandbox, connector } = setup();
    await sync(connector, 'orders');
    sandbox.expireTokens();
    expect((await sync(connector, 'returns')).status).toBe('succeeded');

    const refused = await sync(setup({}, 'wrong-secret').connector, 'returns');
    expect(refused.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage:
        'Walmart refused the credentials of store demo-walmart-us (HTTP 401). Check the client ID and secret in HELLOWORD_STORE_WALMART_US, then sync again.',
    });
  });
});

it("a line cancelled weeks after its order was placed reaches the next sync, though the order left the look-back (and Walmart's 7-day default)", async () => {
  const { sandbox, connector } = setup();
  const DAY = 86_400_000;
  const lastSync = new Date(scenario.anchor.getTime() - 7 * DAY);
  const since = lastSync.getTime() - 2 * DAY; // the look-back before the last sync
  const cancelledCases = [];
  let cursor = { cursor: null as string | null, watermark: lastSync as Date | null };
  for (let hasMore = true; hasMore; ) {
    const page = await connector.fetchPage({ resource: 'cancellations', cursor, now: scenario.anchor });
    cancelledCases.push(...(page.cases ?? []));
    cursor = page.next;
    hasMore = page.hasMore;
  }

  // Walmart lists an order again when a line of it is cancelled: all its cancelled lines come with it.
  const lastCancelled = new Map<string, number>();
  for (const c of sandbox.cancellations(store.id)) {
    lastCancelled.set(c.order.platformOrderId, Math.max(lastCancelled.get(c.order.platformOrderId) ?? 0, c.requestedAt.getTime()));
  }
  const expected = sandbox.cancellations(store.id).filter((c) => (lastCancelled.get(c.order.platformOrderId) ?? 0) >= since);
  const onOldOrders = expected.filter((c) => c.order.orderedAt.getTime() < since);
  expect(onOldOrders.length).toBeGreaterThan(3);
  expect(expected.length).toBeLessThan(sandbox.cancellations(store.id).length);
  expect(cancelledCases.map((c) => c.platformOrderId).sort()).toEqual(expected.map((c) => walmartPurchaseOrderId(c.order.index)).sort());
  expect(cursor.watermark).toEqual(scenario.anchor);
});
