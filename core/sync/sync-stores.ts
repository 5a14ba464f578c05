import type { PlatformConnector, Resource } from '../platforms/spec.ts';
import type { StoreRef } from '../store/upsert-orders.ts';
import type { SyncRunCounts } from './record-sync-run.ts';
import { type ResourceSyncResult, type SyncDeps, syncStoreResource } from './sync-store-resource.ts';

export interface StoreToSync {
  store: StoreRef;
  connector: PlatformConnector;
}

export interface SyncProgress {
  storeId: string;
  resource: Resource;
  counts: Readonly<SyncRunCounts>;
  done: boolean;
}

/**
 * Syncs each store's resources in its platform's order (orders first: the denominators, and the
 * SKUs that resolve returns). Stores run side by side; one store failing never stops another.
 */
export async function syncStores(
  input: { stores: readonly StoreToSync[]; resources?: readonly Resource[]; onProgress?: (p: SyncProgress) => void; signal?: AbortSignal },
  deps: SyncDeps,
): Promise<ResourceSyncResult[]> {
  const perStore = await Promise.all(
    input.stores.map(async ({ store, connector }) => {
      const results: ResourceSyncResult[] = [];
      for (const resource of connector.spec.resources) {
        if (input.resources && !input.resources.includes(resource)) continue;
        const result = await syncStoreResource(
          {
            store,
            resource,
            connector,
            signal: input.signal,
            onPage: (counts) => input.onProgress?.({ storeId: store.id, resource, counts, done: false }),
          },
          deps,
        );
        input.onProgress?.({ storeId: store.id, resource, counts: result.counts, done: true });
        results.push(result);
      }
      return results;
    }),
  );
  return perStore.flat();
}
