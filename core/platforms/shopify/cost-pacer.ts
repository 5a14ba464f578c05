import type { Waiter } from '../http/token-bucket.ts';
import type { ShopifyCost } from './shopify-schemas.ts';

/**
 * Shopify's leaky bucket as last reported: the client waits before a query until the bucket
 * should hold what the query is expected to cost, instead of running into THROTTLED.
 */
export interface CostPacer {
  /** Waits until `expectedCost` points should be available; returns the milliseconds waited. */
  beforeRequest(expectedCost: number): Promise<number>;
  /** Takes in `extensions.cost` of an answer. */
  observe(cost: ShopifyCost | null | undefined): void;
  /** After THROTTLED: (requested − currently available) / restore rate, as Shopify documents it. */
  throttledWaitMs(cost: ShopifyCost | null | undefined): number;
}

export function createCostPacer(defaults: { pointsPerSecond: number; maximumAvailable: number }, waiter: Waiter): CostPacer {
  let known: { available: number; maximum: number; restoreRate: number; at: number } | null = null;
  const projected = () => {
    if (!known) return Number.POSITIVE_INFINITY;
    const refilled = known.available + ((waiter.now() - known.at) / 1000) * known.restoreRate;
    return Math.min(known.maximum, refilled);
  };
  return {
    async beforeRequest(expectedCost) {
      if (!known || expectedCost <= 0) return 0;
      // A query can never need more than a full bucket; Shopify refuses those outright.
      const need = Math.min(expectedCost, known.maximum) - projected();
      if (need <= 0) return 0;
      const wait = Math.ceil((need / known.restoreRate) * 1000);
      await waiter.sleep(wait);
      return wait;
    },
    observe(cost) {
      const status = cost?.throttleStatus;
      if (status?.currentlyAvailable == null) return;
      known = {
        available: status.currentlyAvailable,
        maximum: status.maximumAvailable ?? defaults.maximumAvailable,
        restoreRate: status.restoreRate && status.restoreRate > 0 ? status.restoreRate : defaults.pointsPerSecond,
        at: waiter.now(),
      };
    },
    throttledWaitMs(cost) {
      const requested = cost?.requestedQueryCost ?? 0;
      const available = cost?.throttleStatus?.currentlyAvailable ?? 0;
      const rate = cost?.throttleStatus?.restoreRate || defaults.pointsPerSecond;
      // At least a tenth of a second, so a THROTTLED without numbers cannot spin.
      return Math.max(100, Math.ceil(((requested - available) / rate) * 1000));
    },
  };
}
