import { expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { tallyStatusReason } from '../../testing/tally-status-reason.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import type { DemoScenario, TruthCase } from '../sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../sandbox/demo-stores.ts';
import { createSandboxFetch } from '../sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import { wishExpected } from './sandbox/render-wish.ts';
import { createWishSandbox } from './sandbox/wish-sandbox.ts';
import type { WishCredentials } from './wish-client.ts';
import { createWishConnector } from './wish-connector.ts';

const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 2000 };
const storeRecord = DEMO_STORES.find((s) => s.id === 'demo-wish');
if (!storeRecord) throw new Error('demo-wish missing');
const store = { id: storeRecord.id, platform: 'wish' as const };
const log = createSilentLogger();
const REF = 'HELLOWORD_WISH_MAIN_* variables';

function setup(options: { knobs?: Partial<SandboxKnobs>; credentials?: Partial<WishCredentials>; fetch?: (inner: typeof fetch) => typeof fetch } = {}) {
  const waiter = virtualWaiter(scenario.anchor.getTime());
  const sandbox = createWishSandbox({ scenario, stores: DEMO_STORES, knobs: options.knobs, now: waiter.now });
  const sandboxFetch = createSandboxFetch(sandbox.handlers);
  const connector = createWishConnector(
    { storeId: store.id, credentials: { ...sandbox.credentials(store.id), ...options.credentials }, credentialsRef: REF, pageSize: 50 },
    { fetch: options.fetch ? options.fetch(sandboxFetch) : sandboxFetch, waiter, random: () => 0.5, log },
  );
  return { sandbox, connector, waiter };
}

const tally = tallyStatusReason;
/** What the database can know of the truth through Wish, per kind. */
function expectedOf(cases: readonly TruthCase[], kind: 'refund' | 'inquiry') {
  return cases.map(wishExpected).filter((e): e is NonNullable<typeof e> => e !== null && e.kind === kind);
}

describeEachEngine('Wish sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: 'orders' | 'inquiries') =>
    syncStoreResource({ store, resource, connector }, { sql: t.db.sql, log, now: () => scenario.anchor, holder: 't:1' });
  const stored = (kind: string) =>
    t.db.sql.all<{ status: string; reason: string; platform_case_id: string }>(`SELECT "status", "reason", "platform_case_id" FROM "cases" WHERE "kind" = ?`, [
      kind,
    ]);
  const count = async (sql: string) => Number((await t.db.sql.all<{ n: number }>(sql))[0]?.n);
  const orphans = () =>
    count(
      `SELECT count(*) AS n FROM "cases" c WHERE NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );

  it('orders (with their refunds) then tickets: equal to what Wish can show of the truth, despite 429s, 5xx, repeats and broken records', async () => {
    const { sandbox, connector, waiter } = setup({
      knobs: { rateLimitRate: 0.2, retryAfterSeconds: 2, serverErrorRate: 0.1, repeatAcrossPages: true, malformedRate: 0.03 },
    });
    const orders = await sync(connector, 'orders');
    expect(orders).toMatchObject({ status: 'succeeded', counts: { unmapped: 0, errors: 0 } });
    expect(orders.counts.pages).toBeGreaterThan(20);
    const inquiries = await sync(connector, 'inquiries');
    expect(inquiries).toMatchObject({ status: 'succeeded', counts: { unmapped: 0, errors: 0 } });

    // Every Wish order (one per demo order line) is there, but the broken ones, each counted as skipped.
    const ids = sandbox.orderIds(store.id);
    const brokenOrders = new Set(ids.filter((id) => sandbox.isMalformed(store.id, id)));
    expect(brokenOrders.size).toBeGreaterThan(0);
    // A broken order at a page edge is sent twice (the repeat knob) and skipped each time it arrives.
    expect(orders.counts.skipped).toBeGreaterThanOrEqual(brokenOrders.size);
    expect(orders.counts.skipped).toBeLessThanOrEqual(brokenOrders.size + orders.counts.pages);
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(ids.length - brokenOrders.size);

    // Refunds: only paid ones exist on Wish; those on a broken order are lost with it.
    const refunds = sandbox.refunds(store.id).filter((c) => !brokenOrders.has(sandbox.orderIdOf(c)));
    const storedRefunds = await stored('refund');
    expect(storedRefunds.length).toBeGreaterThan(50);
    expect(tally(storedRefunds)).toEqual(tally(expectedOf(refunds, 'refund')));
    expect(new Set(storedRefunds.map((r) => r.platform_case_id)).size).toBe(storedRefunds.length);

    const served = sandbox.tickets(store.id);
    const tickets = served.filter((c) => !sandbox.isMalformed(store.id, c.platformCaseId));
    expect(inquiries.counts.skipped).toBe(served.length - tickets.length);
    const storedTickets = await stored('inquiry');
    expect(tally(storedTickets)).toEqual(tally(expectedOf(tickets, 'inquiry')));
    expect(new Set(storedTickets.map((r) => r.platform_case_id))).toEqual(new Set(tickets.map((c) => c.platformCaseId)));

    // A case's order is there unless the sandbox broke that order; its SKU comes from the order's product.
    expect(await orphans()).toBe(tickets.filter((c) => brokenOrders.has(sandbox.orderIdOf(c))).length);
    expect(await count(`SELECT count(*) AS n FROM "case_lines" WHERE "seller_sku" NOT LIKE '%-%'`)).toBe(0);

    expect(orders.counts.rateLimitWaits + inquiries.counts.rateLimitWaits).toBeGreaterThan(0);
    expect(waiter.sleeps.some((ms) => ms >= 2000)).toBe(true); // Wish-Rate-Limit-Reset said 2 s
  });

  it('a second sync re-reads only the look-back window and changes nothing', async () => {
    const { connector } = setup();
    const first = await sync(connector, 'orders');
    expect(first.status).toBe('succeeded');
    await sync(connector, 'inquiries');
    const again = await sync(connector, 'orders');
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(again.counts.fetched).toBeLessThan(first.counts.fetched / 20);
    const tickets = await sync(connector, 'inquiries');
    expect(tickets.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('a sync cut off after a few pages resumes from the committed updated_at and ends equal to the truth', async () => {
    let requests = 0;
    let cut = false;
    const cutting = (inner: typeof fetch) =>
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        if (cut) return Promise.reject(new TypeError('fetch failed'));
        if (++requests === 4) cut = true; // four order pages, then the line drops
        return inner(input, init);
      }) as typeof fetch;
    const { sandbox, connector } = setup({ fetch: cutting });
    const first = await sync(connector, 'orders');
    expect(first.status).toBe('failed');
    expect(first.error?.code).toBe('PLATFORM_UNAVAILABLE');
    expect(first.counts.pages).toBe(4);
    const [saved] = await t.db.sql.all<{ cursor: string }>('SELECT "cursor" FROM "sync_cursors" WHERE "resource" = ?', ['orders']);
    expect(saved?.cursor).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|\d+$/);
    const written = await count('SELECT count(*) AS n FROM "orders"');
    expect(written).toBeGreaterThanOrEqual(190);

    cut = false;
    const resumed = await sync(connector, 'orders');
    expect(resumed.status).toBe('succeeded');
    const ids = sandbox.orderIds(store.id);
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBe(ids.length);
    // Nothing of the committed pages is read again (the records at the boundary time are dropped).
    expect(resumed.counts).toMatchObject({ updated: 0, unchanged: 0 });
    expect(tally(await stored('refund'))).toEqual(tally(expectedOf(sandbox.refunds(store.id), 'refund')));
  });

  it('waits exactly until Wish-Rate-Limit-Reset, measured on the server’s clock', async () => {
    const times: number[] = [];
    let clock: () => number = () => 0;
    const throttling = (inner: typeof fetch) =>
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        times.push(clock());
        if (times.length > 1) return inner(input, init);
        // The server's clock runs an hour ahead of ours: only the difference to its Date header counts.
        const server = scenario.anchor.getTime() + 3_600_000;
        return Promise.resolve(
          Response.json(
            { code: 429, message: 'Too many requests', data: {} },
            { status: 429, headers: { 'Wish-Rate-Limit-Reset': new Date(server + 7000).toISOString(), Date: new Date(server).toUTCString() } },
          ),
        );
      }) as typeof fetch;
    const { connector, waiter } = setup({ fetch: throttling });
    clock = waiter.now;
    const result = await sync(connector, 'inquiries');
    expect(result).toMatchObject({ status: 'succeeded', counts: { rateLimitWaits: 1 } });
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBe(7000);
  });

  it('renews a refused access token through the refresh token and carries on', async () => {
    const { sandbox, connector } = setup();
    await sync(connector, 'orders');
    sandbox.expireTokens();
    const result = await sync(connector, 'inquiries');
    expect(result.status).toBe('succeeded');
    expect((await stored('inquiry')).length).toBe(sandbox.tickets(store.id).length);
  });

  it('without a way to renew it, a refused token stops the store saying what to renew', async () => {
    const { sandbox, connector } = setup({ credentials: { clientId: undefined, clientSecret: undefined, refreshToken: undefined } });
    expect((await sync(connector, 'orders')).status).toBe('succeeded');
    sandbox.expireTokens();
    const refused = await sync(connector, 'inquiries');
    expect(refused.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage: `Wish refused the access token of store demo-wish (HTTP 401). Renew ACCESS_TOKEN in ${REF} (or set CLIENT_ID, CLIENT_SECRET and REFRESH_TOKEN there so HelloWord renews it), then sync again.`,
    });
  });

  it('a refused refresh token stops the store with Wish’s words and what to renew', async () => {
    const { sandbox, connector } = setup({ credentials: { refreshToken: 'revoked' } });
    sandbox.expireTokens();
    const refused = await sync(connector, 'orders');
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage: `Wish refused to renew the access token of store demo-wish (code 1006: Unauthorized access on this API). Check CLIENT_ID and CLIENT_SECRET and renew REFRESH_TOKEN in ${REF}, then sync again.`,
    });
    const [run] = await t.db.sql.all('SELECT "status", "errors", "last_error" FROM "sync_runs"');
    expect(run).toMatchObject({ status: 'failed', errors: 1, last_error: expect.stringContaining('renew REFRESH_TOKEN') });
  });

  it.each([
    [
      'an HTML page',
      () => new Response('<html><body>Down for maintenance</body></html>', { headers: { 'content-type': 'text/html' } }),
      'answered with a web page',
    ],
    ['an empty body', () => new Response('', { status: 200 }), 'answered with an empty body'],
    [
      'a non-zero code in a 200',
      () => Response.json({ code: 1004, message: 'Service is temporarily disabled', data: [] }),
      'refused the request (code 1004: Service is temporarily disabled)',
    ],
  ])('%s on page 2 is a recorded error, the first page stays committed', async (_name, answer, message) => {
    let requests = 0;
    const breaking = (inner: typeof fetch) =>
      ((input: Parameters<typeof fetch>[0], init?: RequestInit) => (++requests === 2 ? Promise.resolve(answer()) : inner(input, init))) as typeof fetch;
    const { connector } = setup({ fetch: breaking });
    const result = await sync(connector, 'orders');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'PLATFORM_BAD_RESPONSE', userMessage: expect.stringContaining(`Wish (demo-wish) ${message}`) });
    expect(result.counts.pages).toBe(1);
    expect(await count('SELECT count(*) AS n FROM "orders"')).toBeGreaterThanOrEqual(50);
  });
});
