import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CaseRecord, OrderRecord, SkuRecord, StoreRecord } from '../domain/records.ts';
import { createSilentLogger } from '../logging/create-logger.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../testing/test-databases.ts';
import { acquireLock, releaseLock } from './locks.ts';
import { type Database, openDatabase } from './open-database.ts';
import { readSyncCursor, writeSyncCursor } from './sync-cursors.ts';
import { upsertCases } from './upsert-cases.ts';
import { upsertOrders } from './upsert-orders.ts';
import { upsertSkus } from './upsert-skus.ts';
import { upsertStores } from './upsert-stores.ts';

const amazonUs: StoreRecord = {
  id: 'amazon-us',
  platform: 'amazon',
  name: 'Amazon US',
  marketplace: 'ATVPDKIKX0DER',
  currency: 'USD',
  timeZone: 'America/Los_Angeles',
};
const store = { id: 'amazon-us', platform: 'amazon' } as const;

const skus: SkuRecord[] = [
  { platformListingId: 'B0C1TEE001', sellerSku: 'TSHIRT-BLK-M', title: 'Cotton tee, black, M', category: 'apparel', size: 'M', color: 'black' },
  { platformListingId: 'B0C1TEE002', sellerSku: 'TSHIRT-BLK-L', title: 'Cotton tee, black, L', category: 'apparel', size: 'L', color: 'black' },
];

const orders: OrderRecord[] = [
  {
    platformOrderId: '113-4567890-1234567',
    orderedAt: new Date('2026-11-02T18:04:11Z'),
    rawStatus: 'Shipped',
    currency: 'USD',
    totalMinor: 4598n,
    lines: [
      { platformLineId: '52143785612345', sellerSku: 'TSHIRT-BLK-M', quantity: 1, amountMinor: 2299n, currency: 'USD' },
      { platformLineId: '52143785612346', sellerSku: 'TSHIRT-BLK-L', quantity: 1, amountMinor: 2299n, currency: 'USD' },
    ],
  },
  {
    platformOrderId: '113-9999999-0000001',
    orderedAt: new Date('2026-11-03T09:00:00Z'),
    rawStatus: 'Shipped',
    currency: 'USD',
    totalMinor: 6897n,
    lines: [{ platformLineId: '52143785699999', sellerSku: 'TSHIRT-BLK-M', quantity: 3, amountMinor: 6897n, currency: 'USD' }],
  },
];

const returnCase: CaseRecord = {
  kind: 'return',
  platformCaseId: 'Dk2Lm9QrS',
  type: 'return_and_refund',
  status: 'requested',
  rawStatus: 'Pending',
  reason: 'size_too_small',
  rawReason: 'APPAREL_TOO_SMALL',
  customerText: 'runs a full size small',
  reasonSource: 'platform',
  platformOrderId: '113-4567890-1234567',
  requestedAt: new Date('2026-11-10T07:30:00Z'),
  currency: 'USD',
  requestedMinor: 2299n,
  lines: [{ lineKey: '52143785612345', sellerSku: 'TSHIRT-BLK-M', quantity: 1, amountMinor: 2299n, currency: 'USD' }],
};
const claimCase: CaseRecord = {
  kind: 'claim',
  platformCaseId: 'Dk2Lm9QrS', // same id as the return, other namespace: must stay a separate case
  type: 'refund_only',
  status: 'escalated',
  rawStatus: 'A-to-Z Claim=Y',
  reason: 'not_received',
  rawReason: 'NEVER_ARRIVED',
  reasonSource: 'platform',
  platformOrderId: '113-9999999-0000001',
  requestedAt: new Date('2026-11-20T12:00:00Z'),
  respondBy: new Date('2026-11-23T12:00:00Z'),
  currency: 'USD',
  requestedMinor: 6897n,
  lines: [{ lineKey: 'TSHIRT-BLK-M', sellerSku: 'TSHIRT-BLK-M', quantity: 3, amountMinor: 6897n, currency: 'USD' }],
};

const log = createSilentLogger();

describeEachEngine('core/store bulk writes', (engine) => {
  let testDb: TestDatabase;
  let db: Database;
  const clock = fixedClock('2026-12-01T00:00:00Z');
  const deps = { now: clock.now };

  beforeEach(async () => {
    clock.set('2026-12-01T00:00:00Z');
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log });
    await upsertStores(db.sql, [amazonUs], deps);
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  const count = async (table: string) => Number((await db.sql.all(`SELECT count(*) AS n FROM "${table}"`))[0]?.n);

  it('stores: created once, unchanged when written again, updated when a field changes', async () => {
    expect(await upsertStores(db.sql, [amazonUs], deps)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await upsertStores(db.sql, [{ ...amazonUs, name: 'Amazon US (main)' }], deps)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const stored = await db.prisma.store.findUniqueOrThrow({ where: { id: 'amazon-us' } });
    expect(stored).toMatchObject({ name: 'Amazon US (main)', marketplace: 'ATVPDKIKX0DER', timeZone: 'America/Los_Angeles', isDemo: false });
  });

  it('the same page written twice reports 0 new and changes nothing', async () => {
    expect(await upsertSkus(db.sql, store.id, skus, deps)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await upsertOrders(db.sql, store, orders, deps)).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await upsertCases(db.sql, store, [returnCase, claimCase], deps)).toEqual({ created: 2, updated: 0, unchanged: 0, unresolvedListings: [] });
    const snapshot = async () => ({
      skus: await db.sql.all('SELECT * FROM "skus" ORDER BY id'),
      orders: await db.sql.all('SELECT * FROM "orders" ORDER BY id'),
      orderLines: await db.sql.all('SELECT * FROM "order_lines" ORDER BY id'),
      cases: await db.sql.all('SELECT * FROM "cases" ORDER BY id'),
      caseLines: await db.sql.all('SELECT * FROM "case_lines" ORDER BY id'),
      events: await db.sql.all('SELECT * FROM "case_events" ORDER BY id'),
    });
    const before = await snapshot();

    clock.advance(60_000);
    expect(await upsertSkus(db.sql, store.id, skus, deps)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await upsertOrders(db.sql, store, orders, deps)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await upsertCases(db.sql, store, [returnCase, claimCase], deps)).toEqual({ created: 0, updated: 0, unchanged: 2, unresolvedListings: [] });
    expect(await snapshot()).toEqual(before);
    expect(before.orderLines).toHaveLength(3);
    expect(before.caseLines).toHaveLength(2);
    expect(before.events.map((e) => e.type)).toEqual(['created', 'created']);
  });

  it('a changed case reports 1 updated, appends its timeline and rewrites its lines', async () => {
    await upsertCases(db.sql, store, [returnCase, claimCase], deps);
    clock.set('2026-12-02T10:00:00Z');
    const approved: CaseRecord = {
      ...returnCase,
      status: 'completed',
      rawStatus: 'Refunded',
      closedAt: new Date('2026-12-02T09:15:00Z'),
      refundedMinor: 2299n,
      refundedAt: new Date('2026-12-02T09:15:00Z'),
    };
    expect(await upsertCases(db.sql, store, [approved, claimCase], deps)).toEqual({ created: 0, updated: 1, unchanged: 1, unresolvedListings: [] });

    const stored = await db.prisma.case.findFirstOrThrow({
      where: { kind: 'return', platformCaseId: 'Dk2Lm9QrS' },
      include: { events: { orderBy: { id: 'asc' } }, lines: true },
    });
    expect(stored).toMatchObject({ status: 'completed', rawStatus: 'Refunded', refundedMinor: 2299n, platform: 'amazon' });
    expect(stored.events.map((e) => [e.type, e.fromValue, e.toValue, e.at.toISOString(), e.actor])).toEqual([
      ['created', null, 'requested', '2026-11-10T07:30:00.000Z', 'sync:amazon-us'],
      ['status_changed', 'requested', 'completed', '2026-12-02T09:15:00.000Z', 'sync:amazon-us'],
      ['refund_amount_changed', null, '2299', '2026-12-02T09:15:00.000Z', 'sync:amazon-us'],
    ]);
    expect(stored.lines).toHaveLength(1);
    expect(await count('case_lines')).toBe(2);
    expect(await count('cases')).toBe(2);

    // The reason moves to case lines too, so SKU × reason queries stay on one table.
    const relabelled: CaseRecord = { ...approved, reason: 'size_fit', rawReason: 'POOR_FIT' };
    expect(await upsertCases(db.sql, store, [relabelled], deps)).toEqual({ created: 0, updated: 1, unchanged: 0, unresolvedListings: [] });
    expect(await db.sql.all('SELECT "reason" FROM "case_lines" WHERE "case_id" = ?', [stored.id])).toEqual([{ reason: 'size_fit' }]);
  });

  it('a case assigned in HelloWord keeps its assignee when the platform changes it (platforms do not know the team)', async () => {
    await upsertCases(db.sql, store, [returnCase], deps);
    await db.sql.run(`UPDATE "cases" SET "assignee" = 'sam' WHERE "platform_case_id" = ?`, [returnCase.platformCaseId]);
    clock.set('2026-12-02T10:00:00Z');
    await upsertCases(db.sql, store, [{ ...returnCase, status: 'approved', rawStatus: 'Approved', decidedAt: new Date('2026-12-02T09:00:00Z') }], deps);
    const [row] = await db.sql.all<{ assignee: string; status: string }>('SELECT "assignee", "status" FROM "cases" WHERE "platform_case_id" = ?', [
      returnCase.platformCaseId,
    ]);
    expect(row).toEqual({ assignee: 'sam', status: 'approved' });
    const events = await db.sql.all<{ type: string }>('SELECT "type" FROM "case_events" ORDER BY "id"');
    expect(events.map((e) => e.type)).toEqual(['created', 'status_changed']);
  });

  it('reads back through Prisma exactly what the raw writes stored (dates, money, lines)', async () => {
    await upsertOrders(db.sql, store, orders, deps);
    await upsertCases(db.sql, store, [claimCase], deps);
    const order = await db.prisma.order.findFirstOrThrow({
      where: { platformOrderId: '113-4567890-1234567' },
      include: { lines: { orderBy: { platformLineId: 'asc' } } },
    });
    expect(order).toMatchObject({ orderedAt: new Date('2026-11-02T18:04:11Z'), totalMinor: 4598n, units: 2, currency: 'USD', platform: 'amazon' });
    expect(order.lines.map((l) => [l.sellerSku, l.quantity, l.amountMinor, l.orderedAt.toISOString()])).toEqual([
      ['TSHIRT-BLK-M', 1, 2299n, '2026-11-02T18:04:11.000Z'],
      ['TSHIRT-BLK-L', 1, 2299n, '2026-11-02T18:04:11.000Z'],
    ]);
    const claim = await db.prisma.case.findFirstOrThrow({ where: { kind: 'claim' } });
    expect(claim).toMatchObject({
      respondBy: new Date('2026-11-23T12:00:00Z'),
      requestedMinor: 6897n,
      refundedMinor: null,
      reasonSource: 'platform',
      createdAt: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('a page that repeats an item writes it once, keeping the last copy', async () => {
    const later = { ...returnCase, status: 'approved' as const, rawStatus: 'Approved', decidedAt: new Date('2026-11-11T00:00:00Z') };
    expect(await upsertCases(db.sql, store, [returnCase, later], deps)).toEqual({ created: 1, updated: 0, unchanged: 0, unresolvedListings: [] });
    expect(await db.sql.all('SELECT "status" FROM "cases"')).toEqual([{ status: 'approved' }]);
    const order = orders[0] as OrderRecord;
    const doubled: OrderRecord = { ...order, lines: [...order.lines, ...order.lines] };
    expect(await upsertOrders(db.sql, store, [doubled, doubled], deps)).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await count('order_lines')).toBe(2);
  });

  it('a changed order rewrites its lines and units', async () => {
    await upsertOrders(db.sql, store, orders, deps);
    const order = orders[1] as OrderRecord;
    const partlyCancelled: OrderRecord = {
      ...order,
      rawStatus: 'PartiallyShipped',
      lines: [{ ...order.lines[0], quantity: 2, amountMinor: 4598n } as OrderRecord['lines'][number]],
    };
    expect(await upsertOrders(db.sql, store, [partlyCancelled], deps)).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const stored = await db.prisma.order.findFirstOrThrow({ where: { platformOrderId: order.platformOrderId }, include: { lines: true } });
    expect(stored.units).toBe(2);
    expect(stored.lines.map((l) => l.quantity)).toEqual([2]);
    expect(await count('order_lines')).toBe(3);
  });

  it('a page and its cursor commit together, or not at all', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await upsertCases(tx, store, [returnCase], deps);
        await writeSyncCursor(tx, store.id, 'returns', { cursor: 'page-2', watermark: new Date('2026-11-10T07:30:00Z') }, clock.now());
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await count('cases')).toBe(0);
    expect(await readSyncCursor(db.sql, store.id, 'returns')).toBeNull();

    await db.sql.transaction(async (tx) => {
      await upsertCases(tx, store, [returnCase], deps);
      await writeSyncCursor(tx, store.id, 'returns', { cursor: 'page-2', watermark: new Date('2026-11-10T07:30:00Z') }, clock.now());
    });
    expect(await count('cases')).toBe(1);
    expect(await readSyncCursor(db.sql, store.id, 'returns')).toEqual({ cursor: 'page-2', watermark: new Date('2026-11-10T07:30:00Z') });
  });

  it('writes large pages in chunks under the engines’ parameter limits', async () => {
    const many: CaseRecord[] = Array.from({ length: 2_345 }, (_, i) => ({ ...returnCase, platformCaseId: `R${i}` }));
    expect(await upsertCases(db.sql, store, many, deps)).toEqual({ created: 2_345, updated: 0, unchanged: 0, unresolvedListings: [] });
    expect(await upsertCases(db.sql, store, many, deps)).toEqual({ created: 0, updated: 0, unchanged: 2_345, unresolvedListings: [] });
    expect(await count('case_lines')).toBe(2_345);
    expect(await count('case_events')).toBe(2_345);
  });

  it('resolves the SKU of lines that only name the listing, and reports listings it does not know', async () => {
    await upsertSkus(db.sql, store.id, skus, deps);
    const byListing: CaseRecord = {
      ...returnCase,
      platformCaseId: 'R-listing',
      lines: [
        { lineKey: '1', platformListingId: 'B0C1TEE002', quantity: 1, amountMinor: 2299n, currency: 'USD' },
        { lineKey: '2', platformListingId: 'B0UNKNOWN99', quantity: 1, amountMinor: 999n, currency: 'USD' },
      ],
    };
    expect(await upsertCases(db.sql, store, [byListing], deps)).toEqual({ created: 1, updated: 0, unchanged: 0, unresolvedListings: ['B0UNKNOWN99'] });
    expect(await db.sql.all('SELECT "line_key", "seller_sku" FROM "case_lines" ORDER BY "line_key"')).toEqual([
      { line_key: '1', seller_sku: 'TSHIRT-BLK-L' },
      { line_key: '2', seller_sku: 'B0UNKNOWN99' },
    ]);
    // Written again unchanged: the resolved SKU is part of the fingerprint, so nothing moves.
    expect((await upsertCases(db.sql, store, [byListing], deps)).unchanged).toBe(1);
  });

  it('a lock is held by one process at a time and taken over once it expires', async () => {
    const t0 = clock.now();
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-a:1', ttlMs: 60_000, now: t0 })).toBe(true);
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-b:2', ttlMs: 60_000, now: t0 })).toBe(false);
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-a:1', ttlMs: 60_000, now: t0 })).toBe(true); // renew
    const later = new Date(t0.getTime() + 61_000);
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-b:2', ttlMs: 60_000, now: later })).toBe(true);
    await releaseLock(db.sql, 'sync:amazon-us:returns', 'host-a:1'); // not the holder any more: no effect
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-a:1', ttlMs: 60_000, now: later })).toBe(false);
    await releaseLock(db.sql, 'sync:amazon-us:returns', 'host-b:2');
    expect(await acquireLock(db.sql, { name: 'sync:amazon-us:returns', holder: 'host-a:1', ttlMs: 60_000, now: later })).toBe(true);
  });
});
