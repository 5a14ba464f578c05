import type { PlatformEntry } from '../platform-entry.ts';
import { createEbayConnector } from './ebay-connector.ts';
import { EBAY_SPEC } from './ebay-spec.ts';
import { createEbaySandbox } from './sandbox/ebay-sandbox.ts';

/** eBay as the registry sees it: OAuth refresh-token credentials, the connector, the demo sandbox. */
export const EBAY_ENTRY: PlatformEntry = {
  spec: EBAY_SPEC,
  credentialNames: ['CLIENT_ID', 'CLIENT_SECRET', 'REFRESH_TOKEN'],
  connect: (store, deps) =>
    createEbayConnector(
      {
        storeId: store.id,
        marketplaceId: store.marketplace ?? 'EBAY_US',
        credentials: {
          clientId: store.credentials.CLIENT_ID ?? '',
          clientSecret: store.credentials.CLIENT_SECRET ?? '',
          refreshToken: store.credentials.REFRESH_TOKEN ?? '',
        },
        credentialsRef: store.credentialsRef,
        limits: store.limits,
      },
      deps,
    ),
  sandbox(scenario, stores) {
    const sandbox = createEbaySandbox({ scenario, stores });
    return {
      handlers: sandbox.handlers,
      credentials: (storeId) => {
        const c = sandbox.credentials(storeId);
        return { CLIENT_ID: c.clientId, CLIENT_SECRET: c.clientSecret, REFRESH_TOKEN: c.refreshToken };
      },
    };
  },
};
