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
import { ebayDisputeExpected, ebayExpected } from './sandbox/render-ebay.ts';

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

/**
 * Positions the sandbox serves twice under repeatAcrossPages, given how the connector advances
 * (offset + records received): a broken record served twice is skipped twice.
 */
function repeatedPositions(total: number, limit: number): number[] {
  const seen = new Set<number>();
  const twice: number[] = [];
  for (let offset = 0; offset < total; ) {
    const start = Math.max(0, offset - 1);
    const end = Math.min(total, offset + limit);
    for (let k = start; k < end; k++) {
      if (seen.has(k)) twice.push(k);
      seen.add(k);
    }
    if (end <= start) break;
    offset += end - start;
  }
  return twice;
}
const skippedUnderRepeats = (served: readonly { platformCaseId: string }[], isBroken: (id: string) => boolean) =>
  served.filter((c) => isBroken(c.platformCaseId)).length +
  repeatedPositions(served.length, 50).filter((k) => isBroken(served[k]?.platformCaseId ?? '')).length;

describeEachEngine('eBay sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const deps = () => ({ sql: t.db.sql, log, now: () => scenario.anchor, holder: 'test:1' });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: 'orders' | 'returns' | 'cancellations' | 'inquiries' | 'claims' | 'disputes') =>
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
    expect(result.counts.skipped).toBe(skippedUnderRepeats(sandbox.returns(store.id), (id) => sandbox.isMalformed(store.id, id)));
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

  const KINDS = [
    ['cancellations', 'cancellation'],
    ['inquiries', 'inquiry'],
    ['claims', 'claim'],
  ] as const;
  const storedOf = (kind: string) =>
    t.db.sql.all<{ status: string; reason: string; platform_case_id: string; respond_by: unknown; platform_order_id: string | null }>(
      `SELECT "status", "reason", "platform_case_id", "respond_by", "platform_order_id" FROM "cases" WHERE "kind" = ?`,
      [kind],
    );

  it('cancellations, INR inquiries and Money Back Guarantee cases: every kind equals what eBay can say of the truth', async () => {
    const { sandbox, connector } = setup();
    await sync(connector, 'orders');
    for (const [resource, kind] of KINDS) {
      const result = await sync(connector, resource);
      expect(result, resource).toMatchObject({ status: 'succeeded', counts: { skipped: 0, errors: 0, unmapped: 0 } });
      const truth = sandbox.cases(store.id, kind);
      expect(truth.length, kind).toBeGreaterThan(10);
      const stored = await storedOf(kind);
      expect(stored.length, kind).toBe(truth.length);
      expect(new Set(stored.map((c) => c.platform_case_id)), kind).toEqual(new Set(truth.map((c) => c.platformCaseId)));
      expect(tally(stored), kind).toEqual(tally(truth.map(ebayExpected)));
    }
    // Every case of every kind, the returns and disputes too, against one expectation function.
    await sync(connector, 'returns');
    await sync(connector, 'disputes');
    for (const kind of ['return', 'chargeback'] as const) expect(tally(await storedOf(kind))).toEqual(tally(sandbox.cases(store.id, kind).map(ebayExpected)));

    // Open cases carry the seller's deadline; cancellations sit on their orders; inquiry and case
    // summaries name no order, so their SKU comes from the listing.
    const claims = await storedOf('claim');
    expect(claims.filter((c) => c.status === 'escalated').every((c) => c.respond_by !== null)).toBe(true);
    expect(claims.filter((c) => c.status === 'completed').every((c) => c.respond_by === null)).toBe(true);
    const [orphans] = await t.db.sql.all(
      `SELECT count(*) AS n FROM "cases" c WHERE c."kind" = 'cancellation' AND NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );
    expect(Number(orphans?.n)).toBe(0);
    const [unresolved] = await t.db.sql.all(
      `SELECT count(*) AS n FROM "case_lines" l JOIN "cases" c ON c."id" = l."case_id" WHERE c."kind" IN ('inquiry', 'claim', 'cancellation') AND l."seller_sku" LIKE 'ebay-%'`,
    );
    expect(Number(unresolved?.n)).toBe(0);
    const [inquiryLines] = await t.db.sql.all(`SELECT count(*) AS n FROM "case_lines" l JOIN "cases" c ON c."id" = l."case_id" WHERE c."kind" = 'inquiry'`);
    expect(Number(inquiryLines?.n)).toBe(sandbox.cases(store.id, 'inquiry').length);

    // A second sync re-reads only the 30-day look-back and changes nothing.
    for (const [resource] of KINDS) expect((await sync(connector, resource)).counts, resource).toMatchObject({ created: 0, updated: 0 });
  });

  it('the new searches ride out 5xx, 429, repeats and broken records, each kind ending equal to the truth', async () => {
    const { sandbox, connector } = setup({ serverErrorRate: 0.15, rateLimitRate: 0.15, repeatAcrossPages: true, malformedRate: 0.05 });
    const orders = await sync(connector, 'orders');
    expect(orders.status).toBe('succeeded');
    let waits = orders.counts.rateLimitWaits;
    let brokenTotal = 0;
    for (const [resource, kind] of KINDS) {
      const result = await sync(connector, resource);
      expect(result.status, resource).toBe('succeeded');
      waits += result.counts.rateLimitWaits;
      const served = sandbox.cases(store.id, kind);
      const truth = served.filter((c) => !sandbox.isMalformed(store.id, c.platformCaseId));
      brokenTotal += served.length - truth.length;
      expect(result.counts.skipped, resource).toBe(skippedUnderRepeats(served, (id) => sandbox.isMalformed(store.id, id)));
      const stored = await storedOf(kind);
      expect(new Set(stored.map((c) => c.platform_case_id)).size, kind).toBe(stored.length);
      expect(tally(stored), kind).toEqual(tally(truth.map(ebayExpected)));
    }
    expect(brokenTotal).toBeGreaterThan(0);
    expect(waits).toBeGreaterThan(0);
  });

  it('an inquiry sync cut off after a few pages resumes from its committed offset and ends equal to the truth', async () => {
    const sandbox = createEbaySandbox({ scenario, stores: DEMO_STORES });
    const sandboxFetch = createSandboxFetch(sandbox.handlers);
    let requests = 0;
    let cut = false;
    const fetchFn = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      if (cut) return Promise.reject(new TypeError('fetch failed'));
      if (++requests === 3) cut = true; // the token and two inquiry pages, then the line drops
      return sandboxFetch(input, init);
    }) as typeof fetch;
    const connector = createEbayConnector(
      { storeId: store.id, marketplaceId: 'EBAY_US', credentials: sandbox.credentials(store.id), credentialsRef: 'HELLOWORD_STORE_DEMO_EBAY_US', pageSize: 20 },
      { fetch: fetchFn, waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
    );
    const first = await sync(connector, 'inquiries');
    expect(first.status).toBe('failed');
    expect(first.error?.code).toBe('PLATFORM_UNAVAILABLE');
    const [saved] = await t.db.sql.all<{ cursor: string }>('SELECT "cursor" FROM "sync_cursors" WHERE "resource" = ?', ['inquiries']);
    expect(saved?.cursor).toBe('40');
    expect((await storedOf('inquiry')).length).toBe(40);

    cut = false;
    requests = -1_000_000;
    const resumed = await sync(connector, 'inquiries');
    expect(resumed.status).toBe('succeeded');
    expect(resumed.counts.created).toBe(sandbox.cases(store.id, 'inquiry').length - 40);
    expect(tally(await storedOf('inquiry'))).toEqual(tally(sandbox.cases(store.id, 'inquiry').map(ebayExpected)));
  });

  it('an HTML page instead of JSON is a recorded error, not a crash', async () => {
    const sandbox = createEbaySandbox({ scenario, stores: DEMO_STORES });
    const sandboxFetch = createSandboxFetch(sandbox.handlers);
    const fetchFn = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/casemanagement/'))
        return Promise.resolve(new Response('<html><body>Service Unavailable</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
      return sandboxFetch(input, init);
    }) as typeof fetch;
    const connector = createEbayConnector(
      { storeId: store.id, marketplaceId: 'EBAY_US', credentials: sandbox.credentials(store.id), credentialsRef: 'HELLOWORD_STORE_DEMO_EBAY_US' },
      { fetch: fetchFn, waiter: virtualWaiter(scenario.anchor.getTime()), random: () => 0.5, log },
    );
    const result = await sync(connector, 'claims');
    expect(result.status).toBe('failed');
    expect(result.error?.code).toMatch(/^PLATFORM_(BAD_RESPONSE|UNAVAILABLE)$/);
    const [run] = await t.db.sql.all<{ status: string; errors: number }>('SELECT "status", "errors" FROM "sync_runs" WHERE "resource" = ?', ['claims']);
    expect(run).toMatchObject({ status: 'failed', errors: 1 });
  });
});
