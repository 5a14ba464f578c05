import { afterEach, expect, it, vi } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { syncStoreResource } from '../../sync/sync-store-resource.ts';
import { describeEachEngine } from '../../testing/test-databases.ts';
import { useTestDatabase } from '../../testing/use-test-database.ts';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { demoConnectors } from '../registry.ts';
import { DEMO_STORES } from '../sandbox/demo-stores.ts';
import { SHOPIFY_ENTRY } from './shopify-entry.ts';

const anchor = new Date('2026-12-04T00:00:00Z');
const log = createSilentLogger();
const shop = DEMO_STORES.find((s) => s.platform === 'shopify');
if (!shop) throw new Error('no Shopify demo store');

describeEachEngine('the Shopify demo on the sync’s clock', (engine) => {
  const t = useTestDatabase(engine, { stores: [shop], now: () => anchor });
  afterEach(() => vi.restoreAllMocks());

  it('its query-cost budget refills while the sync waits, also when that clock is virtual and real time stands still', async () => {
    // Real time frozen: only the waiter's clock moves. Before, the sandbox refilled on real time and
    // a demo built on a virtual clock (tests, a busy machine) ran out of throttle retries.
    vi.spyOn(Date, 'now').mockReturnValue(anchor.getTime());
    const waiter = virtualWaiter(anchor.getTime());
    const connectors = demoConnectors(SHOPIFY_ENTRY, { seed: 42, cases: 12_000, anchor }, DEMO_STORES, { waiter, random: () => 0.5, log });
    const connector = connectors.get(shop.id);
    if (!connector) throw new Error('no connector');
    const run = await syncStoreResource(
      { store: { id: shop.id, platform: 'shopify' }, resource: 'orders', connector },
      { sql: t.db.sql, log, now: () => new Date(waiter.now()), holder: 't:1' },
    );
    expect(run.error).toBeNull();
    expect(run.status).toBe('succeeded');
    expect(run.counts.pages).toBeGreaterThan(300);
  });
});
