import type { RequestHandler } from 'msw';
import type { RetryDeps } from './http/request-with-retry.ts';
import type { DemoScenario } from './sandbox/demo-scenario.ts';
import type { DemoStore } from './sandbox/demo-stores.ts';
import type { PlatformConnector, PlatformSpec } from './spec.ts';

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
  /** The pace the demo reads this sandbox at, when the platform's published limits would make a person wait minutes. */
  limits?: { requestsPerSecond: number; burst: number };
}

/** What a platform folder provides: its spec, a connector for a store, its demo sandbox. */
export interface PlatformEntry {
  spec: PlatformSpec;
  /** The credential values a store of this platform needs (the suffixes of its environment variables). */
  credentialNames: readonly string[];
  /** Credential values used when set (e.g. what lets a connector renew an expired token itself). */
  optionalCredentialNames?: readonly string[];
  connect(store: ConnectStore, deps: RetryDeps): PlatformConnector;
  /**
   * The platform's built-in copy for the demo. `now` is the clock the sync waits on, so a sandbox
   * that refills a rate budget over time (Shopify's query cost) refills while the sync waits,
   * also on a test's virtual clock.
   */
  sandbox(scenario: DemoScenario, stores: readonly DemoStore[], overrides?: DemoOverrides, now?: () => number): DemoSandbox;
}
