import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseRecord } from '../domain/records.ts';
import { CASE_KINDS, CASE_STATUSES, REASONS } from '../domain/taxonomy.ts';
import { createSilentLogger } from '../logging/create-logger.ts';
import type { FetchPageInput, PlatformConnector, SyncPage } from '../platforms/spec.ts';
import { acquireLock } from '../store/locks.ts';
import { type Database, openDatabase } from '../store/open-database.ts';
import { readSyncCursor } from '../store/sync-cursors.ts';
import { upsertStores } from '../store/upsert-stores.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../testing/test-databases.ts';
import { syncStoreResource } from './sync-store-resource.ts';

const store = { id: 'ebay-us', platform: 'ebay' } as const;
const PAGE_SIZE = 10;

/** The platform's truth: 95 cases of every kind, status and reason. */
const TRUTH: CaseRecord[] = Array.from({ length: 95 }, (_, i) => ({
  kind: CASE_KINDS[i % CASE_KINDS.length] ?? 'return',
  platformCaseId: `53${String(i).padStart(8, '0')}`,
  type: 'return_and_refund',
  status: CASE_STATUSES[i % CASE_STATUSES.length] ?? 'requested',
  rawStatus: 'RETURN_REQUESTED',
  reason: REASONS[i % REASONS.length] ?? 'other',
  rawReason: 'WRONG_SIZE',
  reasonSource: 'platform',
  requestedAt: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000),
  currency: 'USD',
  requestedMinor: BigInt(1000 + i),
  lines: [{ lineKey: `L${i}`, sellerSku: `TEE-${i % 7}`, quantity: 1, amountMinor: BigInt(1000 + i), currency: 'USD' }],
}));

/** An offset-paged fake platform with fault knobs, the same item on two pages, and an unmapped value. */
function fakeConnector(options: { failOnPage?: number; gate?: Promise<void>; beforePage?: (pageNo: number) => Promise<void> } = {}) {
  let failed = false;
  const calls: FetchPageInput[] = [];
  const connector: PlatformConnector = {
    spec: { platform: 'ebay', resources: ['returns'], cursorKinds: { returns: 'offset' }, limits: { requestsPerSecond: 5, burst: 5 }, writeActions: [] },
    async fetchPage(input) {
      calls.push(input);
      await options.gate;
      const offset = Number(input.cursor?.cursor ?? 0);
      const pageNo = offset / PAGE_SIZE;
      await options.beforePage?.(pageNo);
      if (pageNo === options.failOnPage && !failed) {
        failed = true;
        throw new Error('socket hang up');
      }
      // Page 4 starts with the last item of page 3 again, as live lists do when records shift.
      const start = pageNo === 3 ? offset - 1 : offset;
      const cases = TRUTH.slice(start, offset + PAGE_SIZE);
      const hasMore = offset + PAGE_SIZE < TRUTH.length;
      const page: SyncPage = {
        cases,
        skipped: pageNo === 2 ? 1 : 0,
        unmapped: pageNo === 5 ? { 'status:RETURN_ON_HOLD': 1 } : {},
        next: hasMore ? { cursor: String(offset + PAGE_SIZE), watermark: null } : { cursor: null, watermark: new Date('2026-11-05T00:00:00Z') },
        hasMore,
      };
      return page;
    },
  };
  return { connector, calls };
}

describeEachEngine('syncStoreResource', (engine) => {
  let testDb: TestDatabase;
  let db: Database;
  const clock = fixedClock('2026-12-01T00:00:00Z');
  const deps = () => ({ sql: db.sql, log: createSilentLogger(), now: clock.now, holder: 'test-host:1' });

  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log: createSilentLogger() });
    await upsertStores(db.sql, [{ id: store.id, platform: 'ebay', name: 'eBay US', currency: 'USD', timeZone: 'America/New_York' }], { now: clock.now });
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  const storedCases = async () =>
    db.sql.all<{ kind: string; platform_case_id: string; status: string; reason: string }>(
      'SELECT "kind", "platform_case_id", "status", "reason" FROM "cases" ORDER BY "platform_case_id", "kind"',
    );
  const truthRows = () =>
    TRUTH.map((c) => ({ kind: c.kind, platform_case_id: c.platformCaseId, status: c.status, reason: c.reason })).sort((a, b) =>
      a.platform_case_id === b.platform_case_id ? a.kind.localeCompare(b.kind) : a.platform_case_id.localeCompare(b.platform_case_id),
    );

  it('a full sync writes the platform’s truth once and records the run', async () => {
    const { connector } = fakeConnector();
    const result = await syncStoreResource({ store, resource: 'returns', connector }, deps());
    expect(result.status).toBe('succeeded');
    // 97 read: 95 cases, the one repeated across pages 3–4 (unchanged the second time), one skipped.
    expect(result.counts).toMatchObject({
      pages: 10,
      fetched: 97,
      created: 95,
      updated: 0,
      unchanged: 1,
      skipped: 1,
      unmapped: 1,
      unmappedValues: { 'status:RETURN_ON_HOLD': 1 },
      errors: 0,
    });
    expect(await storedCases()).toEqual(truthRows());
    const [run] = await db.sql.all('SELECT * FROM "sync_runs"');
    expect(run).toMatchObject({ status: 'succeeded', pages: 10, created: 95, skipped: 1, unmapped: 1, errors: 0, resource: 'returns' });
    expect(await readSyncCursor(db.sql, store.id, 'returns')).toEqual({ cursor: null, watermark: new Date('2026-11-05T00:00:00Z') });
  });

  it('a crash after page k resumes from the last committed page: nothing lost, nothing twice', async () => {
    const first = fakeConnector({ failOnPage: 4 });
    const failed = await syncStoreResource({ store, resource: 'returns', connector: first.connector }, deps());
    expect(failed.status).toBe('failed');
    expect(failed.counts.pages).toBe(4);
    expect((await storedCases()).length).toBe(40);
    expect(await readSyncCursor(db.sql, store.id, 'returns')).toEqual({ cursor: '40', watermark: null });
    const [run] = await db.sql.all('SELECT "status", "errors", "last_error" FROM "sync_runs"');
    expect(run).toMatchObject({ status: 'failed', errors: 1 });

    const second = fakeConnector();
    const resumed = await syncStoreResource({ store, resource: 'returns', connector: second.connector }, deps());
    expect(resumed.status).toBe('succeeded');
    expect(second.calls[0]?.cursor).toEqual({ cursor: '40', watermark: null });
    expect(resumed.counts.created).toBe(55);
    expect(await storedCases()).toEqual(truthRows());
    const [events] = await db.sql.all('SELECT count(*) AS n FROM "case_events"');
    expect(Number(events?.n)).toBe(95);
  });

  it('stops when its lease was taken over by another process, keeping what it committed', async () => {
    const { connector } = fakeConnector({
      beforePage: async (pageNo) => {
        // While page 2 is read, another process whose clock is 11 minutes ahead sees this lease expired and takes it.
        if (pageNo === 2) {
          const taken = await acquireLock(db.sql, {
            name: 'sync:ebay-us:returns',
            holder: 'other:9',
            ttlMs: 600_000,
            now: new Date(clock.now().getTime() + 11 * 60_000),
          });
          expect(taken).toBe(true);
        }
      },
    });
    const result = await syncStoreResource({ store, resource: 'returns', connector }, deps());
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('LOCKED');
    expect(result.counts.pages).toBe(3);
    expect(await readSyncCursor(db.sql, store.id, 'returns')).toEqual({ cursor: '30', watermark: null });
  });

  it('lets timers run between pages even when the platform answers without real I/O', async () => {
    let timerFired = false;
    let pagesBeforeTimer = -1;
    setTimeout(() => {
      timerFired = true;
    }, 0);
    const { connector } = fakeConnector();
    await syncStoreResource(
      {
        store,
        resource: 'returns',
        connector,
        onPage: (counts) => {
          if (timerFired && pagesBeforeTimer < 0) pagesBeforeTimer = counts.pages;
        },
      },
      deps(),
    );
    // Without a turn of the event loop between pages, the timer would only fire after the sync.
    expect(pagesBeforeTimer).toBeGreaterThan(0);
    expect(pagesBeforeTimer).toBeLessThan(10);
  });

  it('never runs two syncs of one store × resource at once', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow = fakeConnector({ gate });
    const running = syncStoreResource({ store, resource: 'returns', connector: slow.connector }, deps());
    await new Promise((r) => setTimeout(r, 20));
    const other = await syncStoreResource({ store, resource: 'returns', connector: fakeConnector().connector }, { ...deps(), holder: 'other-host:2' });
    expect(other.status).toBe('locked');
    open();
    expect((await running).status).toBe('succeeded');
    const again = await syncStoreResource({ store, resource: 'returns', connector: fakeConnector().connector }, { ...deps(), holder: 'other-host:2' });
    expect(again.status).toBe('succeeded');
    expect(again.counts).toMatchObject({ created: 0, updated: 0 });
  });
});
