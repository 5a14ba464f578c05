// Sync benchmark (issue #3): the demo stores of all five platforms, synced in process from their
// sandboxes into a fresh SQLite file through the real sync path (syncStores, one store at a time).
// (a) full sync of HELLOWORD_BENCH_SYNC_CASES cases (default 1,000,000, every kind, with about 2.3
//     orders per case as the scenario's ordersPerCase sets it): cases/s and peak RSS, per platform too;
// (b) the normalise-and-upsert stage against the bare driver, on each engine, at a smaller scale:
//     HELLOWORD_BENCH_STAGE_CASES cases (default 50,000; 0 skips it) — see sync-stage.ts;
// (c) a second sync with nothing changed.
// Peak RSS is the whole process (runtime, Prisma clients, sandboxes included), sampled every 20 ms.

import { cpus, loadavg } from 'node:os';
import type { Platform } from '../core/domain/taxonomy.ts';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import type { DemoScenario } from '../core/platforms/sandbox/demo-scenario.ts';
import { openDatabase } from '../core/store/open-database.ts';
import type { SqlDriver } from '../core/store/sql-driver.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { demoStoresToSync } from '../core/sync/build-demo.ts';
import type { ResourceSyncResult } from '../core/sync/sync-store-resource.ts';
import { type StoreToSync, syncStores } from '../core/sync/sync-stores.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';
import { BENCH_OVERRIDES, demoStoreRows, scenarioForCases } from './demo-scale.ts';
import { measureStage, printStage } from './sync-stage.ts';

const TARGET = Number(process.env.HELLOWORD_BENCH_SYNC_CASES ?? 1_000_000);
const STAGE_CASES = Number(process.env.HELLOWORD_BENCH_STAGE_CASES ?? 50_000);
const log = createSilentLogger();
const MB = 1024 * 1024;

interface Segment {
  seconds: number;
  peakRss: number;
}

/**
 * Time and peak RSS split by platform: each connector marks its platform as the current one
 * when it is asked for a page (stores sync one at a time), so a sandbox building its indexes
 * on the first request counts for its own platform.
 */
function platformMeter() {
  const segments = new Map<Platform, Segment>();
  let current: Platform | null = null;
  let since = performance.now();
  let peak = 0;
  const close = () => {
    const now = performance.now();
    if (current) {
      const s = segments.get(current) ?? { seconds: 0, peakRss: 0 };
      s.seconds += (now - since) / 1000;
      segments.set(current, s);
    }
    since = now;
  };
  const sample = () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    if (current) {
      const s = segments.get(current) ?? { seconds: 0, peakRss: 0 };
      s.peakRss = Math.max(s.peakRss, rss);
      segments.set(current, s);
    }
  };
  const sampler = setInterval(sample, 20);
  return {
    wrap(stores: readonly StoreToSync[]): StoreToSync[] {
      return stores.map((s) => ({
        ...s,
        connector: {
          spec: s.connector.spec,
          fetchPage: (input) => {
            if (current !== s.store.platform) {
              close();
              current = s.store.platform;
            }
            return s.connector.fetchPage(input);
          },
        },
      }));
    },
    finish() {
      close();
      current = null;
      sample();
      clearInterval(sampler);
      return { segments, peak };
    },
  };
}

async function countBy(sql: SqlDriver, table: 'cases' | 'orders'): Promise<Map<string, number>> {
  const rows = await sql.all<{ platform: string; n: unknown }>(`SELECT "platform", count(*) AS n FROM "${table}" GROUP BY "platform"`);
  return new Map(rows.map((r) => [r.platform, Number(r.n)]));
}

async function timedSync(stores: readonly StoreToSync[], sql: SqlDriver, scenario: DemoScenario) {
  const meter = platformMeter();
  const t0 = performance.now();
  const results = await syncStores({ stores: meter.wrap(stores) }, { sql, log, now: () => scenario.anchor });
  const seconds = (performance.now() - t0) / 1000;
  return { results, seconds, ...meter.finish() };
}

const fetched = (rs: readonly ResourceSyncResult[]) => rs.reduce((s, r) => s + r.counts.fetched, 0);

export async function run(): Promise<void> {
  const scenario = await scenarioForCases(TARGET);
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase({ url: target.url, log });
  await upsertStores(db.sql, demoStoreRows(), { now: () => scenario.anchor });
  const stores = demoStoresToSync(scenario, { waiter: realWaiter, random: Math.random, log }, BENCH_OVERRIDES);
  const baseline = process.memoryUsage().rss;
  const loadBefore = loadavg()[0] ?? 0;

  const first = await timedSync(stores, db.sql, scenario);
  const cases = await countBy(db.sql, 'cases');
  const orders = await countBy(db.sql, 'orders');
  const again = await timedSync(stores, db.sql, scenario);
  const loadAfter = loadavg()[0] ?? 0;
  const failed = [...first.results, ...again.results].filter((r) => r.status !== 'succeeded');
  await db.close();
  await target.drop();

  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const allCases = total(cases);
  const allOrders = total(orders);
  console.log(
    `sync: ${stores.map((s) => s.store.id).join(', ')} from their sandboxes into SQLite, one store at a time (scenario ${n(scenario.cases)} cases, ordersPerCase ${scenario.ordersPerCase})\n`,
  );
  console.log('| measure | value | goal |');
  console.log('|---|---:|---|');
  console.log(`| cases synced (every kind) | ${n(allCases)} | 1,000,000 |`);
  console.log(`| orders synced | ${n(allOrders)} | |`);
  console.log(`| (a) full sync | ${first.seconds.toFixed(1)} s | |`);
  console.log(`| (a) cases/s (orders alongside) | ${n(allCases / first.seconds)} | |`);
  console.log(`| (a) records/s (cases + orders) | ${n((allCases + allOrders) / first.seconds)} | |`);
  console.log(`| (a) peak RSS | ${n(first.peak / MB)} MB (${n(baseline / MB)} MB before the sync) | < 400 MB: ${first.peak < 400 * MB ? 'met' : 'MISSED'} |`);
  console.log(
    `| (c) second sync, nothing changed | ${again.seconds.toFixed(1)} s, re-reading ${n(fetched(again.results))} records of the look-back windows | |`,
  );
  console.log(`| (c) speed-up | ${(first.seconds / again.seconds).toFixed(1)}× | ≥ 10×: ${first.seconds / again.seconds >= 10 ? 'met' : 'MISSED'} |`);
  console.log(`| machine load (1-min average; ${cpus().length} cores, shared) | ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after | |`);

  console.log('\n| platform | stores | cases | orders | (a) full sync | share of time | records/s | peak RSS while syncing it | (c) unchanged re-sync |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [platform, s] of [...first.segments].sort((a, b) => b[1].seconds - a[1].seconds)) {
    const c = cases.get(platform) ?? 0;
    const o = orders.get(platform) ?? 0;
    const storeCount = stores.filter((x) => x.store.platform === platform).length;
    const re = again.segments.get(platform)?.seconds ?? 0;
    console.log(
      `| ${platform} | ${storeCount} | ${n(c)} | ${n(o)} | ${s.seconds.toFixed(1)} s | ${((100 * s.seconds) / first.seconds).toFixed(0)}% | ${n((c + o) / s.seconds)} | ${n(s.peakRss / MB)} MB | ${re.toFixed(1)} s |`,
    );
  }
  if (failed.length) console.log(`\nFAILED: ${failed.map((f) => `${f.storeId} ${f.resource}: ${f.error?.userMessage}`).join('; ')}`);

  if (STAGE_CASES > 0) printStage(await measureStage(STAGE_CASES));
  else console.log('\n(b) skipped: HELLOWORD_BENCH_STAGE_CASES=0');
}
