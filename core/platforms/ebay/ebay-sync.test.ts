import { expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { tallyStatusReason } from '../../testing/tally-status-reason.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { TOO_SMALL_SKU } from '../sandbox/demo-catalog.ts';
import type { DemoScenario } from '../sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../sandbox/demo-stores.ts';
import { createSandboxFetch } from '../sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import { createEbayConnector } from './ebay-connector.ts';
import { createEbaySandbox } from './sandbox/ebay-sandbox.ts';
import { ebayDisputeExpected } from './sandbox/render-ebay.ts';

const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 2000 };
const storeRecord = DEMO_STORES.find((s) => s.id === 'demo-ebay-us');
if (!storeRecord) throw new Error('demo-ebay-us missing');
const store = { id: storeRecord.id, platform: 'ebay' as const };
const log = createSilentLogger();

function setup(knobs: Partial<SandboxKnobs> = {}, credentials?: { refreshToken: string }) {
  const sandbox = createEbaySandbox({ scenario, stores: DEMO_STORES, knobs });
  const connector = createEbayConnector(
    {
      storeId: store.id,
      marketplaceId: 'EBAY_US',
      credentials: { ...sandbox.credentials(store.id), ...credentials },
      credentialsRef: 'HELLOWORD_STORE_DEMO_EBAY_US',
      pageSize: 50,
    },
    { fetch: createSandboxFetch(sandbox.handlers), waiter: virtualWaiter(Date.parse('2026-12-04T00:00:00Z')), random: () => 0.5, log },
  );
  return { sandbox, connector };
}

const tally = tallyStatusReason;

describeEachEngine('eBay sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const deps = () => ({ sql: t.db.sql, log, now: () => scenario.anchor, holder: 'test:1' });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: 'orders' | 'returns' | 'disputes') =>
    syncStoreResource({ store, resource, connector }, deps());
  const storedReturns = () =>
    t.db.sql.all<{ status: string; reason: string; platform_case_id: string }>(
      `SELECT "status", "reason", "platform_case_id" FROM "cases" WHERE "kind" = 'return'`,
    );

  it('orders then returns: the database equals the sandbox’s truth, SKUs resolved from item ids', async () => {
    const { sandbox, connector } = setup();
    const orders = await sync(connector, 'orders');
    expect(orders).toMatchObject({ status: 'succeeded', counts: { skipped: 0, errors: 0 } });
    const returns = await sync(connector, 'returns');
    expect(returns).toMatchObject({ status: 'succeeded', counts: { skipped: 0, errors: 0, unmapped: 0 } });

    const truth = sandbox.returns(store.id);
    expect(truth.length).toBeGreaterThan(100);
    const stored = await storedReturns();
    expect(stored.length).toBe(truth.length);
    expect(new Set(stored.map((r) => r.platform_case_id)).size).toBe(truth.length);
    expect(tally(stored)).toEqual(tally(truth));

    const small = await t.db.sql.all<{ n: number }>(`SELECT count(*) AS n FROM "case_lines" WHERE "seller_sku" = ? AND "reason" = 'size_too_small'`, [
      TOO_SMALL_SKU,
    ]);
    expect(Number(small[0]?.n)).toBe(truth.filter((c) => c.line.sellerSku === TOO_SMALL_SKU && c.reason === 'size_too_small').length);
    const textOnly = await t.db.sql.all(`SELECT 1 FROM "cases" WHERE "reason_source" = 'text' AND "reason" = 'size_too_small'`);
    expect(textOnly.length).toBeGreaterThan(0);

    // A second sync re-reads only the look-back windows (2 days of orders, 30 of returns) and finds nothing new.
    const ordersAgain = await sync(connector, 'orders');
    expect(ordersAgain.counts).toMatchObject({ created: 0, updated: 0 });
    expect(ordersAgain.counts.fetched).toBeLessThan(orders.counts.fetched / 20);
    const again = await sync(connector, 'returns');
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
    expect(again.counts.fetched).toBeLessThan(returns.counts.fetched / 3);
  });

  it('payment disputes become chargeback cases with their response deadline', async () => {
    const { sandbox, connector } = setup();
    await sync(connector, 'orders');
    const result = await sync(connector, 'disputes');
    expect(result).toMatchObject({ status: 'succeeded', counts: { skipped: 0, unmapped: 0 } });
    const truth = sandbox.disputes(store.id);
    expect(truth.length).toBeGreaterThan(5);
    const stored = await t.db.sql.all<{ status: string; reason: string; respond_by: unknown; platform_order_id: string }>(
      `SELECT "status", "reason", "respond_by", "platform_order_id" FROM "cases" WHERE "kind" = 'chargeback'`,
    );
    expect(tally(stored)).toEqual(tally(truth.map(ebayDisputeExpected)));
    expect(stored.every((c) => c.respond_by !== null)).toBe(true);
    const [orphans] = await t.db.sql.all(
      `SELECT count(*) AS n FROM "cases" c WHERE c."kind" = 'chargeback' AND NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );
    expect(Number(orphans?.n)).toBe(0);
  });

  it('rides out 5xx, 429 (Retry-After), repeated items and broken records, and still equals the truth', async () => {
    const { sandbox, connector } = setup({ serverErrorRate: 0.15, rateLimitRate: 0.15, repeatAcrossPages: true, malformedRate: 0.03 });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    const result = await sync(connector, 'returns');
    expect(result.status).toBe('succeeded');
    const truth = sandbox.returns(store.id).filter((c) => !sandbox.isMalformed(store.id, c.platformCaseId));
    const broken = sandbox.returns(store.id).length - truth.length;
    expect(broken).toBeGreaterThan(0);
    expect(result.counts.skipped).toBe(broken);
    expect(orders.counts.rateLimitWaits + result.counts.rateLimitWaits).toBeGreaterThan(0);
    expect(tally(await storedReturns())).toEqual(tally(truth));
  });

  it('renews an expired access token on 401 and carries on', async () => {
    const { sandbox, connector } = setup();
    await sync(connector, 'orders');
    sandbox.expireTokens();
    expect((await sync(connector, 'returns')).status).toBe('succeeded');
    expect((await storedReturns()).length).toBe(sandbox.returns(store.id).length);
  });

  it('a refused refresh token stops this store with a message naming it and what to renew', async () => {
    const { connector } = setup({}, { refreshToken: 'revoked' });
    const result = await sync(connector, 'returns');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage:
        'eBay refused the credentials of store demo-ebay-us (invalid_grant). Renew its refresh token in HELLOWORD_STORE_DEMO_EBAY_US, then sync again.',
    });
    const [run] = await t.db.sql.all('SELECT "status", "errors", "last_error" FROM "sync_runs"');
    expect(run).toMatchObject({ status: 'failed', errors: 1, last_error: expect.stringContaining('Renew its refresh token') });
  });
});
