// (b) of the sync benchmark: the sync's own normalise-and-upsert stage against the driver alone
// writing the same rows, on each engine. Every page of a full sync of the five platforms' demo
// stores is captured first as its parsed payload (capture-pages.ts). Ours, per page: the
// connector's conversion (schemas and converters, page-converters.ts) and the store's upserts of
// SKUs, orders and cases in one transaction, as the sync engine commits a page (without the
// cursor row, lock lease and run bookkeeping around it). Raw, per page: the rows that our run
// left in the database, read back and inserted by the bare driver, one transaction per page.
// Neither side does HTTP or JSON parsing. Each run starts on a fresh database, after a
// warm-up run of each; median of RUNS. Goal: ours ≥ 0.5× raw.

import type { Platform } from '../core/domain/taxonomy.ts';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { type Database, openDatabase } from '../core/store/open-database.ts';
import type { Engine } from '../core/store/sql-driver.ts';
import { upsertCases } from '../core/store/upsert-cases.ts';
import { upsertOrders } from '../core/store/upsert-orders.ts';
import { upsertSkus } from '../core/store/upsert-skus.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';
import { type CapturedPage, capturePages } from './capture-pages.ts';
import { BENCH_OVERRIDES, demoStoreRows, scenarioForCases } from './demo-scale.ts';
import { type MaxIds, maxIds, type RawPage, readPages, rowCounts, writeRaw } from './raw-rows.ts';

const RUNS = 3;
const log = createSilentLogger();

type Times = Map<Platform | 'all', number>;

async function openFresh(engine: Engine, anchor: Date) {
  const target = await createTestDatabase(engine);
  const db = await openDatabase({ url: target.url, log });
  await upsertStores(db.sql, demoStoreRows(), { now: () => anchor });
  return {
    db,
    async drop() {
      await db.close();
      await target.drop();
    },
  };
}

const add = (times: Times, platform: Platform, ms: number) => {
  times.set(platform, (times.get(platform) ?? 0) + ms);
  times.set('all', (times.get('all') ?? 0) + ms);
};

/** Ours: each page converted from its payload and upserted in one transaction. */
async function writeOurs(db: Database, pages: readonly CapturedPage[], anchor: Date, afterPage?: (page: CapturedPage) => Promise<void>): Promise<Times> {
  const times: Times = new Map();
  const now = { now: () => anchor };
  for (const page of pages) {
    const t0 = performance.now();
    const records = page.convert(page.payload);
    if (records.orders.length + records.cases.length + records.skus.length > 0) {
      const store = { id: page.store.id, platform: page.store.platform };
      await db.sql.transaction(async (tx) => {
        if (records.skus.length) await upsertSkus(tx, store.id, records.skus, now);
        if (records.orders.length) await upsertOrders(tx, store, records.orders, now);
        if (records.cases.length) await upsertCases(tx, store, records.cases, now);
      });
    }
    add(times, page.store.platform, performance.now() - t0);
    await afterPage?.(page);
  }
  return times;
}

async function writeRawTimed(db: Database, pages: readonly RawPage[]): Promise<Times> {
  const times: Times = new Map();
  await writeRaw(db, pages, (page, ms) => add(times, page.platform, ms));
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function benchEngine(engine: Engine, pages: readonly CapturedPage[], anchor: Date) {
  // Warm-up of ours, which also yields the rows it writes and which page wrote them.
  const warm = await openFresh(engine, anchor);
  const after: { platform: Platform; max: MaxIds }[] = [];
  await writeOurs(warm.db, pages, anchor, async (page) => {
    after.push({ platform: page.store.platform, max: await maxIds(warm.db.sql) });
  });
  const raw = await readPages(warm.db.sql, after);
  const expected = JSON.stringify(await rowCounts(warm.db.sql));
  await warm.drop();

  const check = async (db: Database, side: string) => {
    const counts = JSON.stringify(await rowCounts(db.sql));
    if (counts !== expected) throw new Error(`${engine}: ${side} wrote ${counts}, ours wrote ${expected}`);
  };
  const timed = async (side: 'ours' | 'raw') => {
    const fresh = await openFresh(engine, anchor);
    const times = side === 'ours' ? await writeOurs(fresh.db, pages, anchor) : await writeRawTimed(fresh.db, raw);
    await check(fresh.db, side);
    await fresh.drop();
    return times;
  };
  await timed('raw');
  const ours: Times[] = [];
  const bare: Times[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(await timed('ours'));
    bare.push(await timed('raw'));
  }
  const records = new Map<Platform | 'all', number>();
  for (const page of raw) {
    records.set(page.platform, (records.get(page.platform) ?? 0) + page.records);
    records.set('all', (records.get('all') ?? 0) + page.records);
  }
  // Platforms by name, then all of them together.
  const order = [...records].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  return order.map(([platform, n]) => ({
    engine,
    platform,
    records: n,
    ours: median(ours.map((t) => t.get(platform) ?? 0)) / 1000,
    raw: median(bare.map((t) => t.get(platform) ?? 0)) / 1000,
  }));
}

export type StageRow = Awaited<ReturnType<typeof benchEngine>>[number];

/** (b) on SQLite and, when HELLOWORD_TEST_POSTGRES_URL is set, PostgreSQL. */
export async function measureStage(targetCases: number): Promise<{ rows: StageRow[]; target: number; cases: number; notes: string[] }> {
  const scenario = await scenarioForCases(targetCases);
  const { pages, uncovered } = await capturePages(scenario, BENCH_OVERRIDES);
  const notes = uncovered.length ? [`not compared (the benchmark has no copy of their conversion): ${uncovered.join(', ')}`] : [];
  const engines: Engine[] = ['sqlite'];
  if (process.env.HELLOWORD_TEST_POSTGRES_URL) engines.push('postgresql');
  else notes.push('PostgreSQL skipped: set HELLOWORD_TEST_POSTGRES_URL=postgres://… (a role that may create databases).');
  const rows: StageRow[] = [];
  for (const engine of engines) rows.push(...(await benchEngine(engine, pages, scenario.anchor)));
  return { rows, target: targetCases, cases: scenario.cases, notes };
}

export function printStage(result: Awaited<ReturnType<typeof measureStage>>): void {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(
    `\n(b) normalise + upsert (ours) against the driver inserting the same resulting rows (raw), one transaction per page as the sync commits, from every page of a full sync of the demo stores scaled to about ${n(result.target)} cases (scenario ${n(result.cases)}) as parsed payloads; median of ${RUNS} runs on fresh databases after a warm-up\n`,
  );
  console.log('| engine | platform | cases + orders | raw records/s | ours records/s | ours / raw |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of result.rows) {
    const ratio = r.raw / r.ours;
    console.log(
      `| ${r.engine} | ${r.platform === 'all' ? '**all**' : r.platform} | ${n(r.records)} | ${n(r.records / r.raw)} | ${n(r.records / r.ours)} | ${ratio.toFixed(2)}×${r.platform === 'all' ? (ratio >= 0.5 ? ' (goal ≥ 0.5×: met)' : ' (goal ≥ 0.5×: MISSED)') : ''} |`,
    );
  }
  for (const note of result.notes) console.log(`\n${note}`);
}

/** `npm run bench -- sync-stage`: (b) alone. */
export async function run(): Promise<void> {
  printStage(await measureStage(Number(process.env.HELLOWORD_BENCH_STAGE_CASES ?? 50_000)));
}
