import type { PlatformEntry } from '../platform-entry.ts';
import { RATE_LIMITED_DEMO_STORE } from '../sandbox/demo-stores.ts';
import type { SandboxKnobs } from '../sandbox/sandbox-knobs.ts';
import { createWalmartSandbox } from './sandbox/walmart-sandbox.ts';
import { createWalmartConnector } from './walmart-connector.ts';
import { WALMART_SPEC } from './walmart-spec.ts';

/** Walmart as the registry sees it: client credentials, the connector, the demo sandbox with its planted rate limits. */
export const WALMART_ENTRY: PlatformEntry = {
  spec: WALMART_SPEC,
  credentialNames: ['CLIENT_ID', 'CLIENT_SECRET'],
  connect: (store, deps) =>
    createWalmartConnector(
      {
        storeId: store.id,
        credentials: { clientId: store.credentials.CLIENT_ID ?? '', clientSecret: store.credentials.CLIENT_SECRET ?? '' },
        credentialsRef: store.credentialsRef,
        limits: store.limits,
      },
      deps,
    ),
  sandbox(scenario, stores, overrides) {
    // The planted finding: this store's sync keeps hitting Walmart's rate limit.
    const planted: Record<string, Partial<SandboxKnobs>> = overrides?.noFaults
      ? {}
      : { [RATE_LIMITED_DEMO_STORE]: { rateLimitRate: 0.12, retryAfterSeconds: 1 } };
    const sandbox = createWalmartSandbox({ scenario, stores, knobsByStore: planted });
    return {
      handlers: sandbox.handlers,
      credentials: (storeId) => {
        const c = sandbox.credentials(storeId);
        return { CLIENT_ID: c.clientId, CLIENT_SECRET: c.clientSecret };
      },
    };
  },
};
