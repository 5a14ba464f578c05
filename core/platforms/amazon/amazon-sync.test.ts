import { expect, it } from 'vitest';
import type { CaseKind } from '../../domain/taxonomy.ts';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { tallyStatusReason } from '../../testing/tally-status-reason.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { CLAIM_BURST_STORE, type DemoScenario, planStore } from '../sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../sandbox/demo-stores.ts';
import { createSandboxFetch } from '../sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import type { Resource } from '../spec.ts';
import { type AmazonConnectorOptions, createAmazonConnector } from './amazon-connector.ts';
import { AMAZON_SPEC } from './amazon-spec.ts';
import { AMAZON_DOCUMENTS_URL, createAmazonSandbox } from './sandbox/amazon-sandbox.ts';
import { amazonExpected, amazonSource } from './sandbox/render-amazon.ts';

const DAY = 86_400_000;
const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 2000 };
// The sync runs an hour after the demo's last event, so events posted in its last minutes are past Amazon's two-minute fence.
const syncNow = new Date(scenario.anchor.getTime() + 3_600_000);
// A day more than the demo's 180, as the sync runs after the anchor: 7 order windows of 30 days, 4 return windows of 60.
const FIRST_SYNC_DAYS = 181;
const REPORT_WINDOWS = { orders: 7, returns: 4 };
const storeRecord = DEMO_STORES.find((s) => s.id === CLAIM_BURST_STORE);
if (!storeRecord) throw new Error('demo-amazon-us missing');
const store = { id: storeRecord.id, platform: 'amazon' as const };
const log = createSilentLogger();
const KIND_OF: Partial<Record<Resource, CaseKind>> = {
  returns: 'return',
  refunds: 'refund',
  claims: 'claim',
  disputes: 'chargeback',
  cancellations: 'cancellation',
};

interface Setup {
  knobs?: Partial<SandboxKnobs>;
  fatalReports?: number;
  refreshToken?: string;
  fetch?: (sandboxFetch: typeof fetch) => typeof fetch;
  connector?: Partial<AmazonConnectorOptions>;
}

function setup(options: Setup = {}) {
  const waiter = virtualWaiter(syncNow.getTime());
  const sandbox = createAmazonSandbox({ scenario, stores: DEMO_STORES, knobs: options.knobs, fatalReports: options.fatalReports, now: waiter.now });
  const sandboxFetch = createSandboxFetch(sandbox.handlers);
  const fetchFn = options.fetch ? options.fetch(sandboxFetch) : sandboxFetch;
  const connect = () =>
    createAmazonConnector(
      {
        storeId: store.id,
        marketplaceId: 'ATVPDKIKX0DER',
        credentials: { ...sandbox.credentials(store.id), ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}) },
        credentialsRef: 'HELLOWORD_STORE_DEMO_AMAZON_US',
        pageRows: 200,
        pageSize: 50,
        firstSyncDays: FIRST_SYNC_DAYS,
        ...options.connector,
      },
      { fetch: fetchFn, waiter, random: () => 0.5, log },
    );
  return { sandbox, waiter, connector: connect(), connect };
}

const tally = tallyStatusReason;

describeEachEngine('Amazon sync from the sandbox', (engine) => {
  const t = useTestDatabase(engine, { stores: [storeRecord], now: () => scenario.anchor });
  const sync = (connector: ReturnType<typeof setup>['connector'], resource: Resource) =>
    syncStoreResource({ store, resource, connector }, { sql: t.db.sql, log, now: () => syncNow, holder: 't:1' });
  const stored = (kind: CaseKind) =>
    t.db.sql.all<{ status: string; reason: string; platform_case_id: string; requested_at: unknown }>(
      `SELECT "status", "reason", "platform_case_id", "requested_at" FROM "cases" WHERE "kind" = ?`,
      [kind],
    );
  /** What Amazon can show of the served truth, cases of one kind, minus the records it sent broken. */
  const expected = (sandbox: ReturnType<typeof setup>['sandbox'], kind: CaseKind) =>
    sandbox
      .served(store.id)
      .filter((c) => !sandbox.isMalformed(store.id, c))
      .flatMap(amazonExpected)
      .filter((e) => e.kind === kind);
  /** How many records a resource's source sent broken. */
  const broken = (sandbox: ReturnType<typeof setup>['sandbox'], resource: Resource) =>
    sandbox
      .served(store.id)
      .filter((c) => sandbox.isMalformed(store.id, c))
      .filter((c) => {
        const source = amazonSource(c);
        if (resource === 'returns') return source === 'report';
        if (resource === 'cancellations') return source === 'orders';
        return source === 'events' && c.kind === KIND_OF[resource];
      }).length;

  it('syncs every resource in spec order; each kind equals what Amazon can show of the truth, the A-to-z burst included', async () => {
    const { sandbox, connector } = setup();
    for (const resource of AMAZON_SPEC.resources) {
      const result = await sync(connector, resource);
      expect(result, resource).toMatchObject({ status: 'succeeded', counts: { skipped: 0, errors: 0, unmapped: 0 } });
    }
    const [orders] = await t.db.sql.all('SELECT count(*) AS n FROM "orders"');
    expect(Number(orders?.n)).toBe(planStore(scenario, storeRecord).orders);
    expect(sandbox.reportsCreated()).toBe(REPORT_WINDOWS.orders + REPORT_WINDOWS.returns);

    for (const kind of ['return', 'refund', 'claim', 'chargeback', 'cancellation'] as const) {
      const truth = expected(sandbox, kind);
      expect(truth.length, kind).toBeGreaterThan(kind === 'chargeback' ? 5 : 20);
      const rows = await stored(kind);
      expect(rows.length, kind).toBe(truth.length);
      expect(new Set(rows.map((r) => r.platform_case_id)).size, kind).toBe(truth.length);
      expect(tally(rows), kind).toEqual(tally(truth));
    }
    // Escalated returns carry the A-to-Z flag; the text-only size complaints arrive as POOR_FIT.
    expect(tally(await stored('return'))).toHaveProperty('escalated/quality_defective');
    const [orphans] = await t.db.sql.all(
      `SELECT count(*) AS n FROM "cases" c WHERE NOT EXISTS (SELECT 1 FROM "orders" o WHERE o."store_id" = c."store_id" AND o."platform_order_id" = c."platform_order_id")`,
    );
    expect(Number(orphans?.n)).toBe(0);
    const [skuless] = await t.db.sql.all(`SELECT count(*) AS n FROM "case_lines" WHERE "seller_sku" IS NULL OR "seller_sku" LIKE 'B0%'`);
    expect(Number(skuless?.n)).toBe(0);

    // The planted burst: A-to-z claims of the last ten days (mostly still open) at several times the earlier pace.
    const claims = await stored('claim');
    const at = (r: { requested_at: unknown }) => new Date(r.requested_at as string | Date).getTime();
    const recent = claims.filter((r) => at(r) >= scenario.anchor.getTime() - 10 * DAY).length;
    const before = claims.filter((r) => at(r) < scenario.anchor.getTime() - 10 * DAY && at(r) >= scenario.anchor.getTime() - 100 * DAY).length;
    expect(recent).toBeGreaterThan(15);
    expect(recent).toBeGreaterThan((before / 9) * 5);

    // A second sync reads only the look-back windows and finds nothing new.
    for (const resource of AMAZON_SPEC.resources) {
      const again = await sync(connector, resource);
      expect(again, resource).toMatchObject({ status: 'succeeded', counts: { created: 0, updated: 0 } });
    }
    expect(sandbox.reportsCreated()).toBe(REPORT_WINDOWS.orders + REPORT_WINDOWS.returns + 2);
  });

  it('rides out 429 QuotaExceeded, 5xx, repeated items and broken records, and still equals the truth', async () => {
    const { sandbox, connector } = setup({ knobs: { rateLimitRate: 0.15, serverErrorRate: 0.1, repeatAcrossPages: true, malformedRate: 0.04 } });
    let waits = 0;
    for (const resource of AMAZON_SPEC.resources) {
      const result = await sync(connector, resource);
      expect(result.status, resource).toBe('succeeded');
      waits += result.counts.rateLimitWaits;
      const kind = KIND_OF[resource];
      if (!kind) continue;
      expect(result.counts.skipped, resource).toBe(broken(sandbox, resource));
      // Open claims arrive with the returns and granted ones with the claims: compare claims once both ran.
      if (kind !== 'return') expect(tally(await stored(kind)), resource).toEqual(tally(expected(sandbox, kind)));
    }
    expect(tally(await stored('return'))).toEqual(tally(expected(sandbox, 'return')));
    expect(waits).toBeGreaterThan(0);
    expect(broken(sandbox, 'returns')).toBeGreaterThan(0);
  });

  it('a returns sync killed mid-document resumes from the committed row in a new process, without requesting a report twice', async () => {
    const { sandbox, waiter, connect } = setup({ connector: { pageRows: 40 } });
    // Killed right after its second page (the report id, then 40 rows) was committed.
    const killed = await syncStoreResource(
      {
        store,
        resource: 'returns',
        connector: connect(),
        onPage: (counts) => {
          if (counts.pages === 2) throw new Error('process killed');
        },
      },
      { sql: t.db.sql, log, now: () => syncNow, holder: 't:1' },
    );
    expect(killed.status).toBe('failed');
    const [saved] = await t.db.sql.all<{ cursor: string }>('SELECT "cursor" FROM "sync_cursors" WHERE "resource" = ?', ['returns']);
    expect(JSON.parse(saved?.cursor ?? '{}')).toMatchObject({ reportId: expect.any(String), documentId: expect.any(String), offset: 40 });
    expect((await stored('return')).length).toBe(40);

    await waiter.sleep(10 * 60_000); // the first download's pre-signed URL has expired by now
    const resumed = await sync(connect(), 'returns'); // a new process: nothing cached
    expect(resumed.status).toBe('succeeded');
    expect(resumed.counts.unchanged).toBe(0); // nothing before the committed row was read again
    expect(sandbox.reportsCreated()).toBe(REPORT_WINDOWS.returns);
    expect(tally(await stored('return'))).toEqual(tally(expected(sandbox, 'return')));
  });

  it('a FATAL report is requested once more; two in a row are a recorded error the next sync gets past', async () => {
    const once = setup({ fatalReports: 1 });
    expect((await sync(once.connector, 'returns')).status).toBe('succeeded');
    expect(tally(await stored('return'))).toEqual(tally(expected(once.sandbox, 'return')));

    await t.db.sql.run('DELETE FROM "sync_cursors"');
    const twice = setup({ fatalReports: 2 });
    const failed = await sync(twice.connector, 'returns');
    expect(failed.error).toMatchObject({ code: 'PLATFORM_BAD_RESPONSE', userMessage: expect.stringContaining('(FATAL, twice). The next sync asks again.') });
    expect((await sync(twice.connector, 'returns')).status).toBe('succeeded');
  });

  it('empty windows come back CANCELLED and count as zero rows', async () => {
    const { sandbox, connector } = setup({ connector: { firstSyncDays: 300 } });
    const result = await sync(connector, 'returns');
    expect(result).toMatchObject({ status: 'succeeded', counts: { skipped: 0 } });
    expect(sandbox.reportsCreated()).toBe(Math.ceil(300 / 60));
    expect(tally(await stored('return'))).toEqual(tally(expected(sandbox, 'return')));
  });

  it('renews an expired access token on 403 Unauthorized, and a refused refresh token stops the store with what to renew', async () => {
    const { sandbox, connector } = setup();
    expect((await sync(connector, 'refunds')).status).toBe('succeeded');
    sandbox.expireTokens();
    expect((await sync(connector, 'claims')).status).toBe('succeeded');
    expect((await stored('claim')).length).toBe(expected(sandbox, 'claim').filter((e) => e.status === 'completed').length);

    const refused = await sync(setup({ refreshToken: 'Atzr|revoked' }).connector, 'returns');
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatchObject({
      code: 'PLATFORM_AUTH_FAILED',
      userMessage:
        'Amazon refused the credentials of store demo-amazon-us (invalid_grant). Renew its refresh token in HELLOWORD_STORE_DEMO_AMAZON_US, then sync again.',
    });
  });

  it.each([
    ['a web page', () => new Response('<html><body>Service Unavailable</body></html>', { status: 200, headers: { 'content-type': 'text/html' } })],
    ['an empty body', () => new Response('', { status: 200 })],
  ])('%s instead of financial events is a recorded error, not a crash', async (what, answer) => {
    const { connector } = setup({
      fetch: (inner) =>
        ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
          const url = input instanceof Request ? input.url : String(input);
          return url.includes('/finances/') ? Promise.resolve(answer()) : inner(input, init);
        }) as typeof fetch,
    });
    const result = await sync(connector, 'disputes');
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({
      code: 'PLATFORM_BAD_RESPONSE',
      userMessage: expect.stringContaining(`Amazon (demo-amazon-us) answered with ${what}`),
    });
  });

  it('a report document that is a web page is a recorded error, and the committed report is read again by the next sync', async () => {
    const { sandbox, connector } = setup({
      fetch: (inner) => {
        let served = 0;
        return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
          const url = input instanceof Request ? input.url : String(input);
          const page = () => new Response('<!DOCTYPE html><html><body>Maintenance</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
          return url.startsWith(AMAZON_DOCUMENTS_URL) && served++ === 0 ? Promise.resolve(page()) : inner(input, init);
        }) as typeof fetch;
      },
    });
    const failed = await sync(connector, 'returns');
    expect(failed.error).toMatchObject({ code: 'PLATFORM_BAD_RESPONSE', userMessage: expect.stringContaining('served a report document that is a web page') });
    expect((await sync(connector, 'returns')).status).toBe('succeeded');
    expect(sandbox.reportsCreated()).toBe(REPORT_WINDOWS.returns);
    expect(tally(await stored('return'))).toEqual(tally(expected(sandbox, 'return')));
  });
});
