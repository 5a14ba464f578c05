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
 * SKUs that resolve returns). Up to `concurrency` stores run side by side (default: all — real
 * platforms are network-bound); one store failing never stops another.
 */
export async function syncStores(
  input: {
    stores: readonly StoreToSync[];
    resources?: readonly Resource[];
    onProgress?: (p: SyncProgress) => void;
    signal?: AbortSignal;
    /** In-process sandboxes are CPU-bound: running them one at a time keeps memory flat at no cost in speed. */
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
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency ?? queue.length, queue.length)) }, worker));
  return results.flat();
}
