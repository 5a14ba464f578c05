import type { PlatformConnector, Resource } from '../platforms/spec.ts';
import type { StoreRef } from '../store/upsert-orders.ts';
import type { SyncRunCounts } from './record-sync-run.ts';
import { type ResourceSyncResult, type SyncDeps, syncStoreResource } from './sync-store-resource.ts';

export interface StoreToSync {
  store: StoreRef;
  connector: PlatformConnector;
  /** Served by a built-in sandbox in this process (CPU-bound: better one at a time). */
  inProcess?: boolean;
}

export interface SyncProgress {
  storeId: string;
  resource: Resource;
  counts: Readonly<SyncRunCounts>;
  done: boolean;
}

/**
 * Syncs each store's resources in its platform's order (orders first: the denominators, and the
 * SKUs that resolve returns). Up to `concurrency` stores run side by side — by default all of them
 * (real platforms are network-bound), or one at a time when every store is served in process by
 * a sandbox (CPU-bound: as fast, with flat memory). One store failing never stops another.
 */
export async function syncStores(
  input: {
    stores: readonly StoreToSync[];
    resources?: readonly Resource[];
    onProgress?: (p: SyncProgress) => void;
    signal?: AbortSignal;
    concurrency?: number;
  },
  deps: SyncDeps,
): Promise<ResourceSyncResult[]> {
  const queue = input.stores.map((entry, position) => ({ entry, position }));
  const results: ResourceSyncResult[][] = [];
  const worker = async () => {
    // Results keep the stores' order, whichever finishes first.
    for (let next = queue.shift(); next; next = queue.shift()) results[next.position] = await syncOneStore(next.entry);
  };
  const syncOneStore = async ({ store, connector }: StoreToSync) => {
    const runs: ResourceSyncResult[] = [];
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
      runs.push(result);
    }
    return runs;
  };
  const concurrency = input.concurrency ?? (input.stores.every((s) => s.inProcess) ? 1 : queue.length);
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return results.flat();
}
