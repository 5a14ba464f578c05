import type { PlatformEntry } from '../platform-entry.ts';
import { REFRESH_TOKEN_CREDENTIALS, readRefreshTokenCredentials, refreshTokenValues } from '../refresh-token-credentials.ts';
import { createAmazonConnector } from './amazon-connector.ts';
import { AMAZON_SPEC } from './amazon-spec.ts';
import { createAmazonSandbox } from './sandbox/amazon-sandbox.ts';

/** Amazon as the registry sees it: LWA refresh-token credentials, the connector, the demo sandbox. */
export const AMAZON_ENTRY: PlatformEntry = {
  spec: AMAZON_SPEC,
  credentialNames: REFRESH_TOKEN_CREDENTIALS,
  connect: (store, deps) =>
    createAmazonConnector(
      {
        storeId: store.id,
        marketplaceId: store.marketplace ?? 'ATVPDKIKX0DER',
        credentials: readRefreshTokenCredentials(store.credentials),
        credentialsRef: store.credentialsRef,
        limits: store.limits,
      },
      deps,
    ),
  sandbox(scenario, stores) {
    // The demo should not make a person wait minutes: its reports are ready at the first look,
    // and it is read at an in-process pace rather than Amazon's published rates (which the
    // connector honours for real stores, and the tests exercise on a virtual clock).
    const sandbox = createAmazonSandbox({ scenario, stores, queuedPolls: 0 });
    return {
      handlers: sandbox.handlers,
      limits: { requestsPerSecond: 100, burst: 200 },
      credentials: (storeId) => refreshTokenValues(sandbox.credentials(storeId)),
    };
  },
};
