import type { Platform } from '../domain/taxonomy.ts';
import { createEbayConnector } from './ebay/ebay-connector.ts';
import { EBAY_SPEC } from './ebay/ebay-spec.ts';
import { createEbaySandbox } from './ebay/sandbox/ebay-sandbox.ts';
import type { RetryDeps } from './http/request-with-retry.ts';
import type { DemoScenario } from './sandbox/demo-scenario.ts';
import { type DemoStore, RATE_LIMITED_DEMO_STORE } from './sandbox/demo-stores.ts';
import { createSandboxFetch } from './sandbox/sandbox-fetch.ts';
import type { SandboxKnobs } from './sandbox/sandbox-knobs.ts';
import type { PlatformConnector, PlatformSpec } from './spec.ts';
import { createWalmartSandbox } from './walmart/sandbox/walmart-sandbox.ts';
import { createWalmartConnector } from './walmart/walmart-connector.ts';
import { WALMART_SPEC } from './walmart/walmart-spec.ts';

/** For benchmarks: lift the published request limits and the planted faults, to measure our own code. */
export interface DemoOverrides {
  limits?: { requestsPerSecond: number; burst: number };
  noFaults?: boolean;
}

/** A seller's own store, as the connector needs it. */
export interface ConnectStore {
  id: string;
  marketplace: string | null;
  /** Credential values by name (see `credentialNames`), read from the environment at the edge. */
  credentials: Readonly<Record<string, string>>;
  /** Where they came from, named in messages: e.g. "HELLOWORD_EBAY_US_* variables". */
  credentialsRef: string;
}

/** What a platform folder provides: its spec, a connector for a seller's store, its demo sandbox. */
export interface PlatformEntry {
  spec: PlatformSpec;
  /** The credential values a store of this platform needs (the suffixes of its environment variables). */
  credentialNames: readonly string[];
  connect(store: ConnectStore, deps: RetryDeps): PlatformConnector;
  /** Builds the platform's sandbox for the demo stores and a connector that syncs one of them through it. */
  demoConnectors(
    scenario: DemoScenario,
    stores: readonly DemoStore[],
    deps: Omit<RetryDeps, 'fetch'>,
    overrides?: DemoOverrides,
  ): Map<string, PlatformConnector>;
}

/** One entry per platform. Amazon, Shopify and Wish arrive with their connectors. */
export const PLATFORMS: Partial<Record<Platform, PlatformEntry>> = {
  ebay: {
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
        },
        deps,
      ),
    demoConnectors(scenario, stores, deps, overrides) {
      const sandbox = createEbaySandbox({ scenario, stores });
      const fetchFn = createSandboxFetch(sandbox.handlers);
      return new Map(
        stores
          .filter((s) => s.platform === 'ebay')
          .map((s) => [
            s.id,
            createEbayConnector(
              {
                storeId: s.id,
                marketplaceId: s.marketplace ?? 'EBAY_US',
                credentials: sandbox.credentials(s.id),
                credentialsRef: 'the built-in demo',
                limits: overrides?.limits,
              },
              { ...deps, fetch: fetchFn },
            ),
          ]),
      );
    },
  },
  walmart: {
    spec: WALMART_SPEC,
    credentialNames: ['CLIENT_ID', 'CLIENT_SECRET'],
    connect: (store, deps) =>
      createWalmartConnector(
        {
          storeId: store.id,
          credentials: { clientId: store.credentials.CLIENT_ID ?? '', clientSecret: store.credentials.CLIENT_SECRET ?? '' },
          credentialsRef: store.credentialsRef,
        },
        deps,
      ),
    demoConnectors(scenario, stores, deps, overrides) {
      // The planted finding: this store's sync keeps hitting Walmart's rate limit.
      const planted: Record<string, Partial<SandboxKnobs>> = overrides?.noFaults
        ? {}
        : { [RATE_LIMITED_DEMO_STORE]: { rateLimitRate: 0.12, retryAfterSeconds: 1 } };
      const sandbox = createWalmartSandbox({ scenario, stores, knobsByStore: planted });
      const fetchFn = createSandboxFetch(sandbox.handlers);
      return new Map(
        stores
          .filter((s) => s.platform === 'walmart')
          .map((s) => [
            s.id,
            createWalmartConnector(
              { storeId: s.id, credentials: sandbox.credentials(s.id), credentialsRef: 'the built-in demo', limits: overrides?.limits },
              { ...deps, fetch: fetchFn },
            ),
          ]),
      );
    },
  },
};
