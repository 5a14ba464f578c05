import type { RequestHandler } from 'msw';
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

/** A store as a connector needs it: the seller's own, or a demo store pointed at its sandbox. */
export interface ConnectStore {
  id: string;
  marketplace: string | null;
  /** Credential values by name (see `credentialNames`), read from the environment at the edge. */
  credentials: Readonly<Record<string, string>>;
  /** Where they came from, named in messages: e.g. "HELLOWORD_EBAY_US_* variables". */
  credentialsRef: string;
  /** The limiter's pace, when a benchmark lifts the platform's published limits. */
  limits?: { requestsPerSecond: number; burst: number };
}

/** A platform's built-in copy: the handlers that answer for it, and the credentials it accepts per demo store. */
export interface DemoSandbox {
  handlers: RequestHandler[];
  credentials(storeId: string): Record<string, string>;
}

/** What a platform folder provides: its spec, a connector for a store, its demo sandbox. */
export interface PlatformEntry {
  spec: PlatformSpec;
  /** The credential values a store of this platform needs (the suffixes of its environment variables). */
  credentialNames: readonly string[];
  connect(store: ConnectStore, deps: RetryDeps): PlatformConnector;
  sandbox(scenario: DemoScenario, stores: readonly DemoStore[], overrides?: DemoOverrides): DemoSandbox;
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
  },
};

/**
 * The demo stores of one platform, each synced by the platform's ordinary connector — only the
 * fetch (the sandbox's handlers, in process) and the credentials (the sandbox's) differ.
 */
export function demoConnectors(
  entry: PlatformEntry,
  scenario: DemoScenario,
  stores: readonly DemoStore[],
  deps: Omit<RetryDeps, 'fetch'>,
  overrides?: DemoOverrides,
): Map<string, PlatformConnector> {
  const sandbox = entry.sandbox(scenario, stores, overrides);
  const fetch = createSandboxFetch(sandbox.handlers);
  return new Map(
    stores
      .filter((s) => s.platform === entry.spec.platform)
      .map((s) => [
        s.id,
        entry.connect(
          {
            id: s.id,
            marketplace: s.marketplace ?? null,
            credentials: sandbox.credentials(s.id),
            credentialsRef: 'the built-in demo',
            limits: overrides?.limits,
          },
          { ...deps, fetch },
        ),
      ]),
  );
}
