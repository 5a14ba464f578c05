// Sync benchmark: the demo stores that have sandboxes today (eBay US/UK, Walmart US), synced
// in process from their sandboxes into a fresh SQLite file through the real sync path.
// (a) full sync: cases/s, orders/s and peak RSS; (c) a second sync with nothing changed.
// Scale: HELLOWORD_BENCH_SYNC_CASES synced cases (default 1,000,000), with about three order
// lines per case as the issue sets it (scenario ordersPerCase 2.3).

import { createSilentLogger } from '../core/logging/create-logger.ts';
import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import { type DemoScenario, demoCase, planDemo } from '../core/platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../core/platforms/sandbox/demo-stores.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { demoStoresToSync } from '../core/sync/build-demo.ts';
import { syncStores } from '../core/sync/sync-stores.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';

const TARGET = Number(process.env.HELLOWORD_BENCH_SYNC_CASES ?? 1_000_000);
const log = createSilentLogger();

/** Scenario size whose synced stores hold about TARGET returns (measured on a sample). */
function scenarioFor(target: number): DemoScenario {
  const probe: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 20_000, ordersPerCase: 2.3 };
  const synced = new Set(demoStoresToSync(probe, { waiter: realWaiter, random: Math.random, log }).map((s) => s.store.id));
  let returns = 0;
  for (const plan of planDemo(probe).filter((p) => synced.has(p.store.id)))
    for (let i = 0; i < plan.cases; i++) if (demoCase(plan, i).kind === 'return') returns++;
  return { ...probe, cases: Math.round((target / returns) * probe.cases) };
}

export async function run(): Promise<void> {
  const scenario = scenarioFor(TARGET);
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase({ url: target.url, log });
  // This measures our pipeline, not the platforms' quotas: the limiter is lifted and the
  // Walmart store's planted rate limits are off.
  const stores = demoStoresToSync(
    scenario,
    { waiter: realWaiter, random: Math.random, log },
    { limits: { requestsPerSecond: 100_000, burst: 100_000 }, noFaults: true },
  );
  const ids = new Set(stores.map((s) => s.store.id));
  await upsertStores(
    db.sql,
    DEMO_STORES.filter((s) => ids.has(s.id)).map(({ share: _s, ...s }) => s),
    { now: () => scenario.anchor },
  );
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const deps = { sql: db.sql, log, now: () => scenario.anchor };
  const t0 = performance.now();
  const first = await syncStores({ stores }, deps);
  const fullSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const second = await syncStores({ stores }, deps);
  const againSeconds = (performance.now() - t1) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const sum = (rs: typeof first, resource: string, key: 'created' | 'fetched') =>
    rs.filter((r) => r.resource === resource).reduce((s, r) => s + r.counts[key], 0);
  const failed = [...first, ...second].filter((r) => r.status !== 'succeeded');
  await db.close();
  await target.drop();

  const cases = sum(first, 'returns', 'created');
  const orders = sum(first, 'orders', 'created');
  console.log(
    `sync: ${stores.map((s) => s.store.id).join(', ')} from their sandboxes into SQLite (scenario ${scenario.cases.toLocaleString('en-US')} cases over all demo stores)\n`,
  );
  console.log('| measure | value |');
  console.log('|---|---:|');
  console.log(`| cases synced | ${cases.toLocaleString('en-US')} |`);
  console.log(`| orders synced | ${orders.toLocaleString('en-US')} |`);
  console.log(`| (a) full sync | ${fullSeconds.toFixed(1)} s |`);
  console.log(`| (a) cases/s (orders alongside) | ${Math.round(cases / fullSeconds).toLocaleString('en-US')} |`);
  console.log(`| (a) records/s (cases + orders) | ${Math.round((cases + orders) / fullSeconds).toLocaleString('en-US')} |`);
  console.log(`| (a) peak RSS | ${Math.round(peak / 1024 / 1024)} MB (goal < 400 MB) |`);
  console.log(
    `| (c) second sync, nothing changed | ${againSeconds.toFixed(1)} s, re-reading ${(sum(second, 'orders', 'fetched') + sum(second, 'returns', 'fetched')).toLocaleString('en-US')} records of the look-back windows |`,
  );
  console.log(`| (c) speed-up | ${(fullSeconds / againSeconds).toFixed(1)}× (goal ≥ 10×) |`);
  if (failed.length) console.log(`\nFAILED: ${failed.map((f) => `${f.storeId} ${f.resource}: ${f.error?.userMessage}`).join('; ')}`);
}
