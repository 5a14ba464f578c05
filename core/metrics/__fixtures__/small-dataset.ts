import { afterAll, beforeAll } from 'vitest';
import type { CaseRecord, OrderRecord } from '../../domain/records.ts';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { type Database, openDatabase } from '../../store/open-database.ts';
import type { Engine } from '../../store/sql-driver.ts';
import { upsertCases } from '../../store/upsert-cases.ts';
import { upsertOrders } from '../../store/upsert-orders.ts';
import { upsertSkus } from '../../store/upsert-skus.ts';
import { upsertStores } from '../../store/upsert-stores.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/test-databases.ts';
import type { MetricDeps } from '../metric-deps.ts';

/**
 * A small dataset written for the metric tests, whose numbers are worked out by hand in
 * metrics.test.ts. The team sits in Asia/Shanghai (UTC+8), so "today" starts at 16:00 UTC
 * the day before, and a few records sit exactly on those midnights.
 *
 * Orders (UTC):
 *   O1 amz 12-01 02:00  TEE-M ×2 (20.00 each), MUG ×1 (15.00)
 *   O2 amz 12-02 03:00  TEE-M ×1
 *   O3 amz 11-27 15:59  TEE-M ×1          (23:59 on Nov 27 in Shanghai: before "last 7 days")
 *   O4 amz 11-27 16:00  MUG ×3            (00:00 on Nov 28 in Shanghai: inside)
 *   O5 ebay-uk 12-03 10:00 TEE-M ×2 (GBP)
 *   O6 ebay-uk 11-10 10:00 MUG ×1 (GBP)
 */
export const NOW = new Date('2026-12-04T10:00:00Z');
export const TZ = 'Asia/Shanghai';

const t = (iso: string) => new Date(iso);

const ORDERS: Record<'amz' | 'uk', OrderRecord[]> = {
  amz: [
    {
      platformOrderId: 'O1',
      orderedAt: t('2026-12-01T02:00:00Z'),
      currency: 'USD',
      totalMinor: 5500n,
      lines: [
        { platformLineId: 'O1-1', sellerSku: 'TEE-M', quantity: 2, amountMinor: 4000n, currency: 'USD' },
        { platformLineId: 'O1-2', sellerSku: 'MUG', quantity: 1, amountMinor: 1500n, currency: 'USD' },
      ],
    },
    {
      platformOrderId: 'O2',
      orderedAt: t('2026-12-02T03:00:00Z'),
      currency: 'USD',
      totalMinor: 2000n,
      lines: [{ platformLineId: 'O2-1', sellerSku: 'TEE-M', quantity: 1, amountMinor: 2000n, currency: 'USD' }],
    },
    {
      platformOrderId: 'O3',
      orderedAt: t('2026-11-27T15:59:00Z'),
      currency: 'USD',
      totalMinor: 2000n,
      lines: [{ platformLineId: 'O3-1', sellerSku: 'TEE-M', quantity: 1, amountMinor: 2000n, currency: 'USD' }],
    },
    {
      platformOrderId: 'O4',
      orderedAt: t('2026-11-27T16:00:00Z'),
      currency: 'USD',
      totalMinor: 4500n,
      lines: [{ platformLineId: 'O4-1', sellerSku: 'MUG', quantity: 3, amountMinor: 4500n, currency: 'USD' }],
    },
  ],
  uk: [
    {
      platformOrderId: 'O5',
      orderedAt: t('2026-12-03T10:00:00Z'),
      currency: 'GBP',
      totalMinor: 3000n,
      lines: [{ platformLineId: 'O5-1', sellerSku: 'TEE-M', quantity: 2, amountMinor: 3000n, currency: 'GBP' }],
    },
    {
      platformOrderId: 'O6',
      orderedAt: t('2026-11-10T10:00:00Z'),
      currency: 'GBP',
      totalMinor: 1000n,
      lines: [{ platformLineId: 'O6-1', sellerSku: 'MUG', quantity: 1, amountMinor: 1000n, currency: 'GBP' }],
    },
  ],
};

type Base = Pick<CaseRecord, 'kind' | 'platformCaseId' | 'type' | 'status' | 'reason' | 'platformOrderId' | 'requestedAt' | 'lines'>;
const c = (base: Base, rest: Partial<CaseRecord> = {}): CaseRecord => ({
  rawStatus: base.status.toUpperCase(),
  reasonSource: 'platform',
  currency: base.lines[0]?.currency ?? 'USD',
  ...base,
  ...rest,
});
const line = (lineKey: string, sellerSku: string, quantity: number, currency = 'USD') => ({ lineKey, sellerSku, quantity, currency });

/**
 * Cases (UTC request times):
 *   C1 amz return r&r completed size_too_small O1 TEE-M×1  12-02 05:00, decided +4h by mia, refunded 20.00 USD on 12-03
 *   C2 amz refund refund_only requested quality_defective O1 TEE-M×1 + MUG×1  12-03 01:00, leo, undecided
 *   C3 amz return r&r rejected size_too_large O2 TEE-M×1  12-02 16:00 (= Dec 3 00:00 Shanghai), decided +24h by mia
 *   C4 uk return r&r completed damaged_in_transit O5 TEE-M×2  12-04 01:00, decided +2h by leo, refunded 30.00 GBP on 12-04
 *   C5 amz claim refund_only escalated not_received O4 MUG×3  12-01 00:00, sam, respond by 12-06 00:00
 *   C6 amz cancellation refund_only completed no_longer_needed O2 TEE-M×1  12-02 04:00
 *   C7 uk chargeback refund_only completed fraud_unauthorized O6 MUG×1  11-12 00:00, refunded 10.00 GBP on 11-20
 *   C8 amz return replacement approved quality_defective O4 MUG×1  11-30 16:00 (= Dec 1 00:00 Shanghai)
 *   C9 amz return r&r completed size_fit (from the buyer's text) O3 TEE-M×1  12-01 00:00
 */
const CASES: Record<'amz' | 'uk', CaseRecord[]> = {
  amz: [
    c(
      {
        kind: 'return',
        platformCaseId: 'C1',
        type: 'return_and_refund',
        status: 'completed',
        reason: 'size_too_small',
        platformOrderId: 'O1',
        requestedAt: t('2026-12-02T05:00:00Z'),
        lines: [line('C1-1', 'TEE-M', 1)],
      },
      { decidedAt: t('2026-12-02T09:00:00Z'), refundedAt: t('2026-12-03T00:00:00Z'), refundedMinor: 2000n, assignee: 'mia', rawReason: 'AMZ-PG-APP-TOO-SMALL' },
    ),
    c(
      {
        kind: 'refund',
        platformCaseId: 'C2',
        type: 'refund_only',
        status: 'requested',
        reason: 'quality_defective',
        platformOrderId: 'O1',
        requestedAt: t('2026-12-03T01:00:00Z'),
        lines: [line('C2-1', 'TEE-M', 1), line('C2-2', 'MUG', 1)],
      },
      { assignee: 'leo', customerText: 'Seams came apart after one wash' },
    ),
    c(
      {
        kind: 'return',
        platformCaseId: 'C3',
        type: 'return_and_refund',
        status: 'rejected',
        reason: 'size_too_large',
        platformOrderId: 'O2',
        requestedAt: t('2026-12-02T16:00:00Z'),
        lines: [line('C3-1', 'TEE-M', 1)],
      },
      { decidedAt: t('2026-12-03T16:00:00Z'), assignee: 'mia' },
    ),
    c(
      {
        kind: 'claim',
        platformCaseId: 'C5',
        type: 'refund_only',
        status: 'escalated',
        reason: 'not_received',
        platformOrderId: 'O4',
        requestedAt: t('2026-12-01T00:00:00Z'),
        lines: [line('C5-1', 'MUG', 3)],
      },
      { assignee: 'sam', respondBy: t('2026-12-06T00:00:00Z'), deepLink: 'https://sellercentral.amazon.com/orders-v3/order/O4' },
    ),
    c({
      kind: 'cancellation',
      platformCaseId: 'C6',
      type: 'refund_only',
      status: 'completed',
      reason: 'no_longer_needed',
      platformOrderId: 'O2',
      requestedAt: t('2026-12-02T04:00:00Z'),
      lines: [line('C6-1', 'TEE-M', 1)],
    }),
    c({
      kind: 'return',
      platformCaseId: 'C8',
      type: 'replacement',
      status: 'approved',
      reason: 'quality_defective',
      platformOrderId: 'O4',
      requestedAt: t('2026-11-30T16:00:00Z'),
      lines: [line('C8-1', 'MUG', 1)],
    }),
    c(
      {
        kind: 'return',
        platformCaseId: 'C9',
        type: 'return_and_refund',
        status: 'completed',
        reason: 'size_fit',
        platformOrderId: 'O3',
        requestedAt: t('2026-12-01T00:00:00Z'),
        lines: [line('C9-1', 'TEE-M', 1)],
      },
      { reasonSource: 'text', rawReason: 'OTHER', customerText: 'fits weird around the shoulders, 50% too tight' },
    ),
  ],
  uk: [
    c(
      {
        kind: 'return',
        platformCaseId: 'C4',
        type: 'return_and_refund',
        status: 'completed',
        reason: 'damaged_in_transit',
        platformOrderId: 'O5',
        requestedAt: t('2026-12-04T01:00:00Z'),
        lines: [line('C4-1', 'TEE-M', 2, 'GBP')],
      },
      { decidedAt: t('2026-12-04T03:00:00Z'), refundedAt: t('2026-12-04T05:00:00Z'), refundedMinor: 3000n, assignee: 'leo' },
    ),
    c(
      {
        kind: 'chargeback',
        platformCaseId: 'C7',
        type: 'refund_only',
        status: 'completed',
        reason: 'fraud_unauthorized',
        platformOrderId: 'O6',
        requestedAt: t('2026-11-12T00:00:00Z'),
        lines: [line('C7-1', 'MUG', 1, 'GBP')],
      },
      { refundedAt: t('2026-11-20T00:00:00Z'), refundedMinor: 1000n },
    ),
  ],
};

export const STORES = {
  amz: { id: 's-amz', platform: 'amazon' as const, name: 'Amazon US', currency: 'USD', timeZone: 'America/Los_Angeles' },
  uk: { id: 's-ebay-uk', platform: 'ebay' as const, name: 'eBay UK', currency: 'GBP', timeZone: 'Europe/London' },
};

/** Writes the dataset through the ordinary store functions, plus a dated GBP rate that changes on Dec 1. */
export async function loadSmallDataset(db: Database): Promise<void> {
  const deps = { now: () => NOW };
  await upsertStores(db.sql, Object.values(STORES), deps);
  for (const key of ['amz', 'uk'] as const) {
    const store = STORES[key];
    await upsertSkus(
      db.sql,
      store.id,
      [
        { platformListingId: `${key}-tee-m`, sellerSku: 'TEE-M' },
        { platformListingId: `${key}-mug`, sellerSku: 'MUG' },
      ],
      deps,
    );
    await upsertOrders(db.sql, store, ORDERS[key], deps);
    await upsertCases(db.sql, store, CASES[key], deps);
  }
  await db.sql.run(
    `INSERT INTO "fx_rates" ("day", "base", "quote", "rate", "source") VALUES ('2026-01-01', 'GBP', 'USD', 1.25, 'test'), ('2026-12-01', 'GBP', 'USD', 1.3, 'test')`,
  );
  const run = (store: string, finished: string) =>
    db.sql.run(
      `INSERT INTO "sync_runs" ("store_id", "resource", "started_at", "finished_at", "status", "rate_limit_waits") VALUES (?, 'orders', ?, ?, 'succeeded', 2)`,
      [store, t(finished), t(finished)],
    );
  await run('s-amz', '2026-12-04T09:00:00Z');
  await run('s-ebay-uk', '2026-12-04T09:30:00Z');
}

/** The dataset in a fresh database for a whole describe block. */
export function useSmallDataset(engine: Engine): { readonly db: Database; readonly deps: MetricDeps; readonly url: string } {
  let testDb: TestDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log: createSilentLogger() });
    await loadSmallDataset(db);
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('the dataset exists only inside tests');
      return db;
    },
    get url() {
      if (!testDb) throw new Error('the dataset exists only inside tests');
      return testDb.url;
    },
    get deps() {
      if (!db) throw new Error('the dataset exists only inside tests');
      return { sql: db.sql, now: () => NOW, timeZone: TZ, reportingCurrency: 'USD' };
    },
  };
}
