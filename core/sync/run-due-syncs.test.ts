import { beforeEach, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { virtualWaiter } from '../platforms/http/virtual-waiter.ts';
import { fixedClock } from '../testing/fixed-clock.ts';
import { describeEachEngine } from '../testing/test-databases.ts';
import { useTestDatabase } from '../testing/use-test-database.ts';
import { buildDemo } from './build-demo.ts';
import { findDueStores, runDueSyncs } from './run-due-syncs.ts';

const log = createSilentLogger();

describeEachEngine('runDueSyncs', (engine) => {
  const t = useTestDatabase(engine);
  const clock = fixedClock('2026-12-04T00:00:00Z');
  const deps = () => ({ sql: t.db.sql, log, now: clock.now, waiter: virtualWaiter(clock.now().getTime()), random: () => 0.5, holder: 't:1' });

  beforeEach(() => {
    clock.set('2026-12-04T00:00:00Z');
  });

  it('syncs a store again once its interval has passed, and not before', async () => {
    await buildDemo({ scenario: { seed: 42, cases: 400, anchor: clock.now() } }, deps());
    await t.db.sql.run('UPDATE "stores" SET "sync_interval_minutes" = ? WHERE "id" = ?', [60, 'demo-ebay-uk']);

    clock.advance(10 * 60_000);
    expect(await findDueStores(deps())).toEqual([]);
    expect(await runDueSyncs(deps())).toEqual([]);

    clock.advance(6 * 60_000); // 16 minutes after the demo sync: the 15-minute stores are due, not the hourly one
    expect((await findDueStores(deps())).map((s) => s.id)).toEqual([
      'demo-amazon-de',
      'demo-amazon-us',
      'demo-ebay-us',
      'demo-shopify',
      'demo-walmart-us',
      'demo-wish',
    ]);
    const results = await runDueSyncs(deps());
    expect(results.map((r) => `${r.storeId} ${r.resource} ${r.status}`)).toEqual([
      'demo-amazon-de orders succeeded',
      'demo-amazon-de returns succeeded',
      'demo-amazon-de refunds succeeded',
      'demo-amazon-de claims succeeded',
      'demo-amazon-de disputes succeeded',
      'demo-amazon-de cancellations succeeded',
      'demo-amazon-us orders succeeded',
      'demo-amazon-us returns succeeded',
      'demo-amazon-us refunds succeeded',
      'demo-amazon-us claims succeeded',
      'demo-amazon-us disputes succeeded',
      'demo-amazon-us cancellations succeeded',
      'demo-ebay-us orders succeeded',
      'demo-ebay-us returns succeeded',
      'demo-ebay-us cancellations succeeded',
      'demo-ebay-us inquiries succeeded',
      'demo-ebay-us claims succeeded',
      'demo-ebay-us disputes succeeded',
      'demo-shopify orders succeeded',
      'demo-shopify disputes succeeded',
      'demo-walmart-us orders succeeded',
      'demo-walmart-us returns succeeded',
      'demo-walmart-us cancellations succeeded',
      'demo-wish orders succeeded',
      'demo-wish inquiries succeeded',
    ]);
    // Nothing new, except what Amazon holds back: its lists end a few minutes before "now"
    // (financial events and order updates settle late), so the first sync left the last
    // minutes before the anchor for this one.
    const fresh = results.filter((r) => r.counts.created > 0);
    expect(fresh.every((r) => r.storeId.startsWith('demo-amazon-') && r.counts.created <= 3)).toBe(true);

    clock.advance(50 * 60_000);
    expect((await findDueStores(deps())).map((s) => s.id)).toEqual([
      'demo-amazon-de',
      'demo-amazon-us',
      'demo-ebay-uk',
      'demo-ebay-us',
      'demo-shopify',
      'demo-walmart-us',
      'demo-wish',
    ]);
  });
});
