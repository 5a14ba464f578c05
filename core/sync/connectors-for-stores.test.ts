import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { createEbaySandbox } from '../platforms/ebay/sandbox/ebay-sandbox.ts';
import { virtualWaiter } from '../platforms/http/virtual-waiter.ts';
import { DEMO_STORES } from '../platforms/sandbox/demo-stores.ts';
import { createSandboxFetch } from '../platforms/sandbox/sandbox-fetch.ts';
import { connectorsForStores } from './connectors-for-stores.ts';
import { demoSourceRef } from './demo-source.ts';

const anchor = new Date('2026-12-04T00:00:00Z');
const scenario = { seed: 42, cases: 300, anchor };

describe('connectorsForStores', () => {
  it('demo stores sync from their sandboxes, the seller’s stores through their platform with their credentials', async () => {
    // The seller's "real" eBay store is pointed at the sandbox through the injected fetch.
    const sandbox = createEbaySandbox({ scenario, stores: DEMO_STORES });
    const deps = {
      waiter: virtualWaiter(anchor.getTime()),
      random: () => 0.5,
      log: createSilentLogger(),
      fetch: createSandboxFetch(sandbox.handlers),
      credentials: new Map([
        ['demo-ebay-us', { ...sandbox.credentials('demo-ebay-us'), CLIENT_ID: 'x', CLIENT_SECRET: 'y', REFRESH_TOKEN: 'demo-refresh:demo-ebay-us' }],
      ]),
    };
    const { toSync, notSyncable } = connectorsForStores(
      [
        { id: 'demo-walmart-us', platform: 'walmart', marketplace: null, credentialsRef: demoSourceRef(scenario) },
        { id: 'demo-ebay-us', platform: 'ebay', marketplace: 'EBAY_US', credentialsRef: 'HELLOWORD_EBAY_US_* variables' },
        { id: 'shopify-main', platform: 'shopify', marketplace: 'x.myshopify.com', credentialsRef: 'HELLOWORD_SHOP_* variables' },
        { id: 'walmart-2', platform: 'walmart', marketplace: null, credentialsRef: 'HELLOWORD_WM2_* variables' },
      ],
      deps,
    );
    expect(toSync.map((s) => [s.store.id, s.inProcess ?? false])).toEqual([
      ['demo-walmart-us', true],
      ['demo-ebay-us', false],
    ]);
    expect(notSyncable).toEqual(['shopify-main', 'walmart-2']);
    const seller = toSync[1];
    const page = await seller?.connector.fetchPage({ resource: 'returns', cursor: null, now: anchor });
    expect(page?.cases?.length).toBeGreaterThan(0);
  });
});
