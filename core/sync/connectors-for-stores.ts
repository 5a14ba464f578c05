import type { Platform } from '../domain/taxonomy.ts';
import type { Log } from '../logging/create-logger.ts';
import type { Waiter } from '../platforms/http/token-bucket.ts';
import { PLATFORMS } from '../platforms/registry.ts';
import { demoStoresToSync } from './build-demo.ts';
import { parseDemoSourceRef } from './demo-source.ts';
import type { StoreToSync } from './sync-stores.ts';

export interface StoreRow {
  id: string;
  platform: string;
  marketplace: string | null;
  credentialsRef: string | null;
}

/**
 * The connector of each store that can sync: demo stores through their built-in sandboxes (their
 * scenario is kept in credentials_ref), the seller's own stores through their platform with the
 * credentials read at the edge. A store without a connector or credentials is listed as not syncable.
 */
export function connectorsForStores(
  stores: readonly StoreRow[],
  deps: { waiter: Waiter; random: () => number; log: Log; fetch?: typeof fetch; credentials?: ReadonlyMap<string, Readonly<Record<string, string>>> },
): { toSync: StoreToSync[]; notSyncable: string[] } {
  const toSync: StoreToSync[] = [];
  const notSyncable: string[] = [];
  const byScenario = new Map<string, StoreToSync[]>();
  for (const store of stores) {
    const ref = store.credentialsRef ?? '';
    const scenario = parseDemoSourceRef(ref);
    let demo = byScenario.get(ref);
    if (scenario && !demo) {
      demo = demoStoresToSync(scenario, deps);
      byScenario.set(ref, demo);
    }
    const found = demo?.find((s) => s.store.id === store.id);
    if (found) {
      toSync.push(found);
      continue;
    }
    const entry = PLATFORMS[store.platform as Platform];
    const credentials = deps.credentials?.get(store.id);
    if (!scenario && entry && credentials && deps.fetch) {
      const connector = entry.connect(
        { id: store.id, marketplace: store.marketplace, credentials, credentialsRef: store.credentialsRef ?? 'its credentials' },
        { fetch: deps.fetch, waiter: deps.waiter, random: deps.random, log: deps.log },
      );
      toSync.push({ store: { id: store.id, platform: entry.spec.platform }, connector });
    } else notSyncable.push(store.id);
  }
  return { toSync, notSyncable };
}
