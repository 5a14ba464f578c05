import type { Platform } from '../domain/taxonomy.ts';
import { AMAZON_ENTRY } from './amazon/amazon-entry.ts';
import { EBAY_ENTRY } from './ebay/ebay-entry.ts';
import type { RetryDeps } from './http/request-with-retry.ts';
import type { DemoOverrides, PlatformEntry } from './platform-entry.ts';
import type { DemoScenario } from './sandbox/demo-scenario.ts';
import type { DemoStore } from './sandbox/demo-stores.ts';
import { createSandboxFetch } from './sandbox/sandbox-fetch.ts';
import { SHOPIFY_ENTRY } from './shopify/shopify-entry.ts';
import type { PlatformConnector } from './spec.ts';
import { WALMART_ENTRY } from './walmart/walmart-entry.ts';
import { WISH_ENTRY } from './wish/wish-entry.ts';

export type { ConnectStore, DemoOverrides, DemoSandbox, PlatformEntry } from './platform-entry.ts';

/** One line per platform: a platform is its folder's entry (spec, connector, sandbox) and nothing else. */
export const PLATFORMS: Readonly<Record<Platform, PlatformEntry>> = {
  amazon: AMAZON_ENTRY,
  ebay: EBAY_ENTRY,
  shopify: SHOPIFY_ENTRY,
  walmart: WALMART_ENTRY,
  wish: WISH_ENTRY,
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
  const sandbox = entry.sandbox(scenario, stores, overrides, () => deps.waiter.now());
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
            limits: overrides?.limits ?? sandbox.limits,
          },
          { ...deps, fetch },
        ),
      ]),
  );
}
