// The demo scenario scaled so that a full sync of every demo store writes about a target number
// of cases (all kinds), measured on a small sample sync rather than assumed: each platform shows
// its own share of the demo's cases (eBay has no API for a demo inquiry, Amazon shows one claim
// per order, a refund not yet paid is nowhere, …). The sample runs in a child process, so the
// memory it leaves behind is not counted in the benchmark's peak RSS.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import type { DemoOverrides } from '../core/platforms/registry.ts';
import type { DemoScenario } from '../core/platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../core/platforms/sandbox/demo-stores.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { demoStoresToSync } from '../core/sync/build-demo.ts';
import { syncStores } from '../core/sync/sync-stores.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';

/** This measures our pipeline, not the platforms' quotas: the limiters are lifted and no faults are planted. */
export const BENCH_OVERRIDES: DemoOverrides = { limits: { requestsPerSecond: 100_000, burst: 100_000 }, noFaults: true };

const SAMPLE: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: 10_000, ordersPerCase: 2.3 };

/** The demo stores as rows of the stores table (what a sync needs before it writes their data). */
export const demoStoreRows = () => DEMO_STORES.map(({ share: _share, ...s }) => s);

/** A scenario whose demo stores, synced in full, hold about `targetCases` cases. */
export async function scenarioForCases(targetCases: number): Promise<DemoScenario> {
  // The child is this file run by the same runtime (tsx's loader flags are in execArgv).
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { encoding: 'utf8' });
  const synced = Number(out.trim());
  if (!(synced > 0)) throw new Error(`the sample sync wrote no cases (${out.trim()})`);
  return { ...SAMPLE, cases: Math.round((targetCases / synced) * SAMPLE.cases) };
}

/** How many cases a full sync of the sample scenario writes. */
async function sampleCases(): Promise<number> {
  const log = createSilentLogger();
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase({ url: target.url, log });
  try {
    await upsertStores(db.sql, demoStoreRows(), { now: () => SAMPLE.anchor });
    const stores = demoStoresToSync(SAMPLE, { waiter: realWaiter, random: Math.random, log }, BENCH_OVERRIDES);
    await syncStores({ stores }, { sql: db.sql, log, now: () => SAMPLE.anchor });
    const [row] = await db.sql.all<{ n: unknown }>('SELECT count(*) AS n FROM "cases"');
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
    await target.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await sampleCases());
