import type { PlatformEntry } from '../platform-entry.ts';
import { createWishSandbox } from './sandbox/wish-sandbox.ts';
import { createWishConnector } from './wish-connector.ts';
import { WISH_SPEC } from './wish-spec.ts';

/**
 * Wish as the registry sees it: an OAuth access token (required); CLIENT_ID, CLIENT_SECRET and
 * REFRESH_TOKEN, when a store has them, let the connector renew an expired token itself.
 */
export const WISH_ENTRY: PlatformEntry = {
  spec: WISH_SPEC,
  credentialNames: ['ACCESS_TOKEN'],
  optionalCredentialNames: ['CLIENT_ID', 'CLIENT_SECRET', 'REFRESH_TOKEN'],
  connect: (store, deps) =>
    createWishConnector(
      {
        storeId: store.id,
        credentials: {
          accessToken: store.credentials.ACCESS_TOKEN ?? '',
          clientId: store.credentials.CLIENT_ID,
          clientSecret: store.credentials.CLIENT_SECRET,
          refreshToken: store.credentials.REFRESH_TOKEN,
        },
        credentialsRef: store.credentialsRef,
        limits: store.limits,
      },
      deps,
    ),
  sandbox(scenario, stores) {
    const sandbox = createWishSandbox({ scenario, stores });
    return {
      handlers: sandbox.handlers,
      credentials: (storeId) => {
        const c = sandbox.credentials(storeId);
        return { ACCESS_TOKEN: c.accessToken, CLIENT_ID: c.clientId ?? '', CLIENT_SECRET: c.clientSecret ?? '', REFRESH_TOKEN: c.refreshToken ?? '' };
      },
    };
  },
};
