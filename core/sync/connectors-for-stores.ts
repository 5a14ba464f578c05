import type { Log } from '../logging/create-logger.ts';
import type { Waiter } from '../platforms/http/token-bucket.ts';
import { demoStoresToSync } from './build-demo.ts';
import { parseDemoSourceRef } from './demo-source.ts';
import type { StoreToSync } from './sync-stores.ts';

export interface StoreRow {
  id: string;
  credentialsRef: string | null;
}

/**
 * The connector of each store that can sync today: demo stores through their built-in sandboxes
 * (their scenario is kept in credentials_ref). Stores of the seller's own accounts are listed as
 * not syncable until their credentials can be configured.
 */
export function connectorsForStores(
  stores: readonly StoreRow[],
  deps: { waiter: Waiter; random: () => number; log: Log },
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
    if (found) toSync.push(found);
    else notSyncable.push(store.id);
  }
  return { toSync, notSyncable };
}
