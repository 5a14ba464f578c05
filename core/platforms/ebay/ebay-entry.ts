import type { PlatformEntry } from '../platform-entry.ts';
import { REFRESH_TOKEN_CREDENTIALS, readRefreshTokenCredentials, refreshTokenValues } from '../refresh-token-credentials.ts';
import { createEbayConnector } from './ebay-connector.ts';
import { EBAY_SPEC } from './ebay-spec.ts';
import { createEbaySandbox } from './sandbox/ebay-sandbox.ts';

/** eBay as the registry sees it: OAuth refresh-token credentials, the connector, the demo sandbox. */
export const EBAY_ENTRY: PlatformEntry = {
  spec: EBAY_SPEC,
  credentialNames: REFRESH_TOKEN_CREDENTIALS,
  connect: (store, deps) =>
    createEbayConnector(
      {
        storeId: store.id,
        marketplaceId: store.marketplace ?? 'EBAY_US',
        credentials: readRefreshTokenCredentials(store.credentials),
        credentialsRef: store.credentialsRef,
        limits: store.limits,
      },
      deps,
    ),
  sandbox(scenario, stores) {
    const sandbox = createEbaySandbox({ scenario, stores });
    return { handlers: sandbox.handlers, credentials: (storeId) => refreshTokenValues(sandbox.credentials(storeId)) };
  },
};
