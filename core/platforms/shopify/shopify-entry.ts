import { AppError } from '../../errors/app-error.ts';
import type { PlatformEntry } from '../platform-entry.ts';
import { createShopifySandbox, DEMO_COST_BUCKET } from './sandbox/shopify-sandbox.ts';
import { createShopifyConnector } from './shopify-connector.ts';
import { SHOPIFY_SPEC, shopDomain } from './shopify-spec.ts';

/**
 * Shopify as the registry sees it: a custom app's Admin API access token (ACCESS_TOKEN) and the
 * shop's myshopify domain as the store's marketplace, the connector, the demo sandbox.
 */
export const SHOPIFY_ENTRY: PlatformEntry = {
  spec: SHOPIFY_SPEC,
  credentialNames: ['ACCESS_TOKEN'],
  connect(store, deps) {
    const shop = shopDomain(store.marketplace);
    if (!shop) {
      throw new AppError(
        'BAD_INPUT',
        `Shopify store ${store.id} needs its shop domain as its marketplace (for example your-store.myshopify.com), so HelloWord knows which shop to read.`,
      );
    }
    return createShopifyConnector(
      { storeId: store.id, shop, accessToken: store.credentials.ACCESS_TOKEN ?? '', credentialsRef: store.credentialsRef, limits: store.limits },
      deps,
    );
  },
  sandbox(scenario, stores, overrides, now) {
    // A benchmark that lifts the limits gets a bucket that never runs dry, to measure our own code.
    const lifted = overrides?.limits ? { maximumAvailable: 1_000_000_000, restoreRate: 1_000_000_000 } : DEMO_COST_BUCKET;
    const sandbox = createShopifySandbox({ scenario, stores, costBucket: lifted, now });
    return {
      handlers: sandbox.handlers,
      credentials: (storeId) => ({ ACCESS_TOKEN: sandbox.credentials(storeId).accessToken }),
    };
  },
};
