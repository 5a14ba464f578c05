import { expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { virtualWaiter } from '../platforms/http/virtual-waiter.ts';
import { upsertCases } from '../store/upsert-cases.ts';
import { upsertStores } from '../store/upsert-stores.ts';
import { describeEachEngine } from '../testing/test-databases.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';
import { buildDemo } from './build-demo.ts';
import { parseDemoSourceRef } from './demo-source.ts';

const anchor = new Date('2026-12-04T00:00:00Z');
const log = createSilentLogger();

describeEachEngine('buildDemo', (engine) => {
  const t = useTestDatabase(engine);
  const deps = () => ({ sql: t.db.sql, log, now: () => anchor, waiter: virtualWaiter(anchor.getTime()), random: () => 0.5, holder: 't:1' });
  const count = async (sql: string, params: (string | number)[] = []) => Number((await t.db.sql.all(sql, params))[0]?.n);

  it('syncs the demo stores that have sandboxes, and a rebuild replaces only the demo data', async () => {
    await upsertStores(t.db.sql, [{ id: 'my-shop', platform: 'shopify', name: 'My shop', currency: 'USD', timeZone: 'UTC' }], { now: () => anchor });
    await upsertCases(
      t.db.sql,
      { id: 'my-shop', platform: 'shopify' },
      [
        {
          kind: 'return',
          platformCaseId: 'gid://shopify/Return/1',
          type: 'return_and_refund',
          status: 'requested',
          rawStatus: 'REQUESTED',
          reason: 'other',
          reasonSource: 'platform',
          requestedAt: anchor,
          currency: 'USD',
          lines: [{ lineKey: '1', sellerSku: 'MINE-1', quantity: 1, currency: 'USD' }],
        },
      ],
      { now: () => anchor },
    );

    const first = await buildDemo({ scenario: { seed: 42, cases: 600, anchor } }, deps());
    expect(first.synced).toEqual(['demo-amazon-us', 'demo-amazon-de', 'demo-ebay-us', 'demo-ebay-uk', 'demo-shopify', 'demo-walmart-us', 'demo-wish']);
    expect(first.results.every((r) => r.status === 'succeeded')).toBe(true);
    const stores = await t.db.prisma.store.findMany({ where: { isDemo: true } });
    expect(stores.map((s) => parseDemoSourceRef(s.credentialsRef))).toEqual([1, 2, 3, 4, 5, 6, 7].map(() => ({ seed: 42, cases: 600, anchor })));
    const demoCases = await count(`SELECT count(*) AS n FROM "cases" WHERE "store_id" LIKE 'demo-%'`);
    expect(demoCases).toBeGreaterThan(30);

    const second = await buildDemo({ scenario: { seed: 7, cases: 1200, anchor } }, deps());
    expect(second.results.every((r) => r.status === 'succeeded')).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM "cases" WHERE "store_id" LIKE 'demo-%'`)).toBeGreaterThan(demoCases);
    // The seller's own store and case are untouched.
    expect(await count(`SELECT count(*) AS n FROM "cases" WHERE "store_id" = ?`, ['my-shop'])).toBe(1);
    // Nothing of the first demo is left: every demo order belongs to the second scenario's size.
    expect(await count(`SELECT count(*) AS n FROM "orders" WHERE "store_id" = ?`, ['demo-ebay-us'])).toBe(Math.round(1200 * 0.15) * 6);
  });
});
