import { describe, expect, it } from 'vitest';
import { virtualWaiter } from '../http/virtual-waiter.ts';
import { createCostPacer } from './cost-pacer.ts';
import { SHOPIFY_COST_LIMITS } from './shopify-spec.ts';

const status = (currentlyAvailable: number) => ({
  requestedQueryCost: 952,
  actualQueryCost: 120,
  throttleStatus: { maximumAvailable: 1000, currentlyAvailable, restoreRate: 50 },
});

describe('createCostPacer', () => {
  it('does not wait before Shopify has said how full the bucket is', async () => {
    const waiter = virtualWaiter();
    expect(await createCostPacer(SHOPIFY_COST_LIMITS, waiter).beforeRequest(952)).toBe(0);
  });

  it('waits until the bucket should hold what the next query will ask for, counting the refill since the last answer', async () => {
    const waiter = virtualWaiter();
    const pacer = createCostPacer(SHOPIFY_COST_LIMITS, waiter);
    pacer.observe(status(352));
    expect(await pacer.beforeRequest(952)).toBe(12_000); // 600 points at 50 a second
    pacer.observe(status(352));
    await waiter.sleep(4000); // 200 points came back meanwhile
    expect(await pacer.beforeRequest(952)).toBe(8000);
    expect(await pacer.beforeRequest(100)).toBe(0);
    // Never more than a full bucket, whatever the estimate.
    pacer.observe(status(0));
    expect(await pacer.beforeRequest(5000)).toBe(20_000);
  });

  it('after THROTTLED waits (requested − available) / restore rate, and at least a tenth of a second', () => {
    const pacer = createCostPacer(SHOPIFY_COST_LIMITS, virtualWaiter());
    expect(pacer.throttledWaitMs(status(202))).toBe(15_000);
    expect(pacer.throttledWaitMs(null)).toBe(100);
  });
});
