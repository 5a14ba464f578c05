import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { virtualWaiter } from '../platforms/http/virtual-waiter.ts';
import { DEFECT_SPIKE_SKU, TOO_SMALL_SKU } from '../platforms/sandbox/demo-catalog.ts';
import { CLAIM_BURST_STORE, SLOW_AGENT } from '../platforms/sandbox/demo-scenario.ts';
import { RATE_LIMITED_DEMO_STORE } from '../platforms/sandbox/demo-stores.ts';
import { type Database, openDatabase } from '../store/open-database.ts';
import { buildDemo } from '../sync/build-demo.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../testing/test-databases.ts';
import { findTool } from './registry.ts';
import { runTool } from './run-tool.ts';
import type { ToolDeps } from './tool-definition.ts';

// The planted findings of DESIGN's demo scenario, found by the tools after `buildDemo` synced the
// sandboxes of all five platforms — the same path `helloword demo` and `npm start` take.
const anchor = new Date('2026-12-04T12:00:00Z');
const log = createSilentLogger();

describeEachEngine('the demo’s planted findings through the tools', (engine) => {
  let testDb: TestDatabase;
  let db: Database;
  let deps: ToolDeps;
  beforeAll(async () => {
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log });
    const result = await buildDemo(
      { scenario: { seed: 42, cases: 5000, anchor } },
      { sql: db.sql, log, now: () => anchor, waiter: virtualWaiter(anchor.getTime()), random: () => 0.5, holder: 'test:1' },
    );
    expect(result.results.filter((r) => r.status !== 'succeeded')).toEqual([]);
    deps = { sql: db.sql, now: () => anchor, timeZone: 'UTC', reportingCurrency: 'USD' };
  }, 240_000);
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  const output = async (name: string, input: unknown): Promise<Record<string, unknown>> => {
    const tool = findTool(name);
    if (!tool) throw new Error(name);
    const r = await runTool(tool, input, deps);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.output;
  };

  it('rank_skus: the too-small SKU has the largest share of size complaints', async () => {
    const o = await output('rank_skus', { by: 'reason', reasons: 'size', measure: 'share', period: 'last_90_days', limit: 3 });
    const [top] = o.skus as { seller_sku: string; matching_cases: number; matching_share: number }[];
    expect(top?.seller_sku).toBe(TOO_SMALL_SKU);
    expect(top?.matching_share).toBeGreaterThan(0.6);
  });

  it('sku_reasons: over 60% of its returns are about size, too small far above too large, some read only from the buyer’s words', async () => {
    const o = await output('sku_reasons', { skus: TOO_SMALL_SKU.toLowerCase(), period: 'last_180_days' });
    const reasons = o.reasons as { reason: string; cases: number; from_customer_text: number }[];
    const of = (r: string) => reasons.find((x) => x.reason === r);
    expect(o.size_share).toBeGreaterThan(0.6);
    expect(of('size_too_small')?.cases ?? 0).toBeGreaterThan(3 * (of('size_too_large')?.cases ?? 0));
    expect(of('size_too_small')?.from_customer_text ?? 0).toBeGreaterThan(0);
  });

  it('get_insights: size chart, defect spike, A-to-z burst and the slow agent, each with evidence', async () => {
    const insights = (await output('get_insights', {})).insights as { kind: string; subject: string; recommendation: string; evidence: object }[];
    const find = (kind: string, subject: string) => insights.find((i) => i.kind === kind && i.subject === subject);
    expect(find('size_chart', TOO_SMALL_SKU)?.recommendation).toContain('runs small');
    expect(find('quality_check', DEFECT_SPIKE_SKU)?.evidence).toHaveProperty('recent_quality_cases');
    expect(find('claim_burst', CLAIM_BURST_STORE)).toBeDefined();
    expect(find('slow_agent', SLOW_AGENT)).toBeDefined();
    // Nothing about SKUs the scenario did not plant a size problem in.
    expect(insights.filter((i) => i.kind === 'size_chart').map((i) => i.subject)).toEqual([TOO_SMALL_SKU]);
  });

  it('list_disputes: open A-to-z claims of the burst store with a link to respond; deadlines first where platforms give them', async () => {
    type Dispute = { kind: string; respond_by: string | null; deep_link: string | null; status: string; platform: string };
    const o = await output('list_disputes', { stores: CLAIM_BURST_STORE, kinds: 'claim', limit: 50 });
    const claims = o.disputes as Dispute[];
    expect(o.total as number).toBeGreaterThan(20);
    expect(claims.every((d) => d.kind === 'claim' && ['requested', 'escalated'].includes(d.status))).toBe(true);
    expect(claims.every((d) => d.deep_link?.startsWith('https://sellercentral.amazon.com/'))).toBe(true);
    // Amazon's APIs give no response deadline for a claim; eBay payment disputes and Shopify chargebacks do, and come first.
    const all = (await output('list_disputes', { limit: 200 })).disputes as Dispute[];
    const dated = all.filter((d) => d.respond_by !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(all.slice(0, dated.length)).toEqual(dated);
    expect(new Set(dated.map((d) => d.platform))).toEqual(new Set(['ebay', 'shopify']));
  });

  it('agent_performance: the slow agent takes several times longer than everyone else', async () => {
    const agents = (await output('agent_performance', {})).agents as { assignee: string; median_handling_hours: number | null }[];
    const slow = agents.find((a) => a.assignee === SLOW_AGENT)?.median_handling_hours ?? 0;
    const others = agents.filter((a) => a.assignee !== SLOW_AGENT).map((a) => a.median_handling_hours ?? Number.POSITIVE_INFINITY);
    expect(others).toHaveLength(3);
    expect(slow).toBeGreaterThan(3 * Math.max(...others));
  });

  it('sync_status: the rate-limited store shows its waits; every store synced', async () => {
    const stores = (await output('sync_status', {})).stores as { store_id: string; rate_limit_waits_24h: number; last_success: string | null }[];
    expect(stores).toHaveLength(7);
    expect(stores.every((s) => s.last_success !== null)).toBe(true);
    const limited = stores.find((s) => s.store_id === RATE_LIMITED_DEMO_STORE);
    expect(limited?.rate_limit_waits_24h ?? 0).toBeGreaterThan(0);
    expect(Math.max(...stores.filter((s) => s.store_id !== RATE_LIMITED_DEMO_STORE).map((s) => s.rate_limit_waits_24h))).toBe(0);
  });
});
