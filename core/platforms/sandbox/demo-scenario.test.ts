import { describe, expect, it } from 'vitest';
import { DEFECT_SPIKE_SKU, TOO_SMALL_SKU } from './demo-catalog.ts';
import { CLAIM_BURST_STORE, DAYS, type DemoScenario, demoCase, demoOrder, planDemo, SLOW_AGENT, type TruthCase } from './demo-scenario.ts';

const DAY = 86_400_000;
const scenario: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 5000 };
const plans = planDemo(scenario);
const all: { storeId: string; c: TruthCase }[] = plans.flatMap((p) => Array.from({ length: p.cases }, (_, i) => ({ storeId: p.store.id, c: demoCase(p, i) })));
const anchor = scenario.anchor.getTime();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

describe('the demo scenario', () => {
  it('is the same for the same seed, and each record stands alone (no state between calls)', () => {
    const p = plans[0];
    if (!p) throw new Error('no plans');
    expect(demoCase(p, 1234)).toEqual(demoCase(p, 1234));
    expect(demoOrder(p, 777)).toEqual(demoOrder(p, 777));
    const other = planDemo({ ...scenario, seed: 7 })[0];
    if (!other) throw new Error('no plans');
    expect(demoCase(other, 1234)).not.toEqual(demoCase(p, 1234));
  });

  it('spreads the requested number of cases over every store, with about one order in six having a case', () => {
    expect(plans.reduce((s, p) => s + p.cases, 0)).toBe(5000);
    expect(new Set(plans.map((p) => p.store.platform))).toEqual(new Set(['amazon', 'ebay', 'shopify', 'walmart', 'wish']));
    const lines = plans.reduce((s, p) => s + Array.from({ length: p.orders }, (_, j) => demoOrder(p, j).lines.length).reduce((a, b) => a + b, 0), 0);
    // 6 orders per case × 1.3 lines per order.
    expect(lines / 5000).toBeGreaterThan(7.4);
    expect(lines / 5000).toBeLessThan(8.2);
  });

  it('produces every one of the 17 reasons and 6 kinds', () => {
    expect(new Set(all.map(({ c }) => c.reason)).size).toBe(17);
    expect(new Set(all.map(({ c }) => c.kind)).size).toBe(6);
  });

  it('keeps every case consistent: after its order, inside the 180 days, unique per store, amounts positive', () => {
    const ids = new Set<string>();
    for (const { storeId, c } of all) {
      expect(c.order.orderedAt.getTime()).toBeLessThan(c.requestedAt.getTime());
      expect(c.requestedAt.getTime()).toBeGreaterThanOrEqual(anchor - DAYS * DAY);
      expect(c.requestedAt.getTime()).toBeLessThan(anchor);
      if (c.closedAt) expect(c.closedAt.getTime()).toBeLessThan(anchor);
      expect(c.requestedMinor).toBeGreaterThan(0);
      ids.add(`${storeId}/${c.kind}/${c.platformCaseId}`);
    }
    expect(ids.size).toBe(all.length);
  });

  it(`plants ${TOO_SMALL_SKU}: over 60% of its return reasons are "too small", some only in the customer's words`, () => {
    const returns = all.filter(({ c }) => c.line.sellerSku === TOO_SMALL_SKU && (c.kind === 'return' || c.kind === 'refund'));
    const small = returns.filter(({ c }) => c.reason === 'size_too_small');
    expect(returns.length).toBeGreaterThan(50);
    expect(small.length / returns.length).toBeGreaterThan(0.6);
    const textOnly = small.filter(({ c }) => c.reasonInTextOnly);
    expect(textOnly.length).toBeGreaterThan(10);
    expect(textOnly.every(({ c }) => c.customerText !== null)).toBe(true);
  });

  it(`plants a defect spike on ${DEFECT_SPIKE_SKU} in the last two weeks`, () => {
    const defects = all.filter(({ c }) => c.line.sellerSku === DEFECT_SPIKE_SKU && c.reason === 'quality_defective');
    const inWindow = (from: number, to: number) =>
      defects.filter(({ c }) => c.requestedAt.getTime() >= anchor - from * DAY && c.requestedAt.getTime() < anchor - to * DAY).length;
    const last = inWindow(14, 0);
    const before = [inWindow(28, 14), inWindow(42, 28), inWindow(56, 42)];
    expect(last).toBeGreaterThan(3 * Math.max(1, ...before));
  });

  it('plants a burst of Amazon A-to-z claims in the last ten days', () => {
    const claims = all.filter(({ storeId, c }) => storeId === CLAIM_BURST_STORE && c.kind === 'claim');
    const perDay = (from: number, to: number) =>
      claims.filter(({ c }) => c.requestedAt.getTime() >= anchor - from * DAY && c.requestedAt.getTime() < anchor - to * DAY).length / (from - to);
    expect(perDay(10, 0)).toBeGreaterThan(3 * perDay(100, 10));
  });

  it(`plants one slow agent (${SLOW_AGENT})`, () => {
    const hours = (agent: string) =>
      all.filter(({ c }) => c.assignee === agent && c.decidedAt).map(({ c }) => ((c.decidedAt?.getTime() ?? 0) - c.requestedAt.getTime()) / 3_600_000);
    const slow = median(hours(SLOW_AGENT));
    for (const agent of ['mia', 'leo', 'ana']) expect(slow).toBeGreaterThan(3 * median(hours(agent)));
  });
});
