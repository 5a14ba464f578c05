// The query benchmark's database: the demo scenario at HELLOWORD_BENCH_QUERY_CASES cases
// (default 1,000,000; ordersPerCase 2.3 gives about three order lines per case), synced from the
// in-process sandboxes through the real sync path, then the demo team and FX rates as
// `helloword demo` writes them. Built once per engine and reused while the scenario matches:
// SQLite as a file under bench/.cache/ (git-ignored), PostgreSQL as a database of its own.
// Each phase is recorded in the database, so a build that stopped half-way resumes.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { realWaiter } from '../core/platforms/http/virtual-waiter.ts';
import type { DemoScenario } from '../core/platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../core/platforms/sandbox/demo-stores.ts';
import { type Database, openDatabase } from '../core/store/open-database.ts';
import type { Engine } from '../core/store/sql-driver.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { demoStoresToSync, writeDemoFxRates } from '../core/sync/build-demo.ts';
import { syncStores } from '../core/sync/sync-stores.ts';

const log = createSilentLogger();

export const QUERY_CASES = Number(process.env.HELLOWORD_BENCH_QUERY_CASES ?? 1_000_000);

/** The scenario the benchmark runs on; its anchor is the pinned "now" of every tool call. */
export const QUERY_SCENARIO: DemoScenario = { seed: 42, anchor: new Date('2026-12-04T00:00:00Z'), cases: QUERY_CASES, ordersPerCase: 2.3 };

const KEY = `s${QUERY_SCENARIO.seed}-c${QUERY_SCENARIO.cases}-o${QUERY_SCENARIO.ordersPerCase}-${QUERY_SCENARIO.anchor.toISOString().slice(0, 10)}`;
const SQLITE_FILE = path.join(import.meta.dirname, '.cache', `query-${KEY}.db`);
const PG_NAME = `hw_bench_query_${KEY.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;

type Phase = 'empty' | 'synced' | 'ready';

async function readPhase(db: Database): Promise<Phase> {
  await db.sql.run(`CREATE TABLE IF NOT EXISTS "bench_query_meta" ("key" TEXT PRIMARY KEY, "value" TEXT NOT NULL)`);
  const [row] = await db.sql.all<{ value: string }>(`SELECT "value" FROM "bench_query_meta" WHERE "key" = 'phase'`);
  return (row?.value as Phase | undefined) ?? 'empty';
}

async function writePhase(db: Database, phase: Phase): Promise<void> {
  await db.sql.run(`INSERT INTO "bench_query_meta" ("key", "value") VALUES ('phase', ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`, [phase]);
}

async function pgUrl(fresh: boolean): Promise<string> {
  const admin = process.env.HELLOWORD_TEST_POSTGRES_URL;
  if (!admin) throw new Error('HELLOWORD_TEST_POSTGRES_URL is unset');
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  if (fresh) await c.query(`DROP DATABASE IF EXISTS "${PG_NAME}" WITH (FORCE)`);
  const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_NAME]);
  if (exists.rowCount === 0) await c.query(`CREATE DATABASE "${PG_NAME}"`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${PG_NAME}`;
  return url.toString();
}

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/**
 * Opens the benchmark database of an engine, building what is missing. HELLOWORD_BENCH_QUERY_REBUILD=1
 * starts over. Returns the database and how long each phase that ran took.
 */
export async function openQueryDatabase(engine: Engine, say: (line: string) => void): Promise<{ db: Database; where: string }> {
  const fresh = process.env.HELLOWORD_BENCH_QUERY_REBUILD === '1';
  let url: string;
  let where: string;
  if (engine === 'sqlite') {
    mkdirSync(path.dirname(SQLITE_FILE), { recursive: true });
    if (fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(SQLITE_FILE + suffix, { force: true });
    url = `file:${SQLITE_FILE}`;
    where = path.relative(process.cwd(), SQLITE_FILE);
    if (existsSync(SQLITE_FILE)) say(`[${engine}] reusing ${where}`);
  } else {
    url = await pgUrl(fresh);
    where = `database ${PG_NAME}`;
  }
  const db = await openDatabase({ url, log });
  let phase = await readPhase(db);
  const scenario = QUERY_SCENARIO;
  if (phase === 'empty') {
    say(`[${engine}] building ${where}: demo scenario of ${scenario.cases.toLocaleString('en-US')} cases synced from the sandboxes…`);
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
    await writeDemoFxRates(db.sql, scenario);
    const t0 = performance.now();
    let last = 0;
    const results = await syncStores(
      {
        stores,
        onProgress: (p) => {
          if (p.done || performance.now() - last > 30_000) {
            last = performance.now();
            say(`[${engine}]   ${p.storeId} ${p.resource}: ${p.counts.fetched.toLocaleString('en-US')} fetched${p.done ? ' (done)' : ''} — ${seconds(t0)}`);
          }
        },
      },
      { sql: db.sql, log, now: () => scenario.anchor },
    );
    const failed = results.filter((r) => r.status !== 'succeeded');
    if (failed.length) throw new Error(`sync failed: ${failed.map((f) => `${f.storeId} ${f.resource}: ${f.error?.userMessage}`).join('; ')}`);
    say(`[${engine}] synced in ${seconds(t0)}`);
    phase = 'synced';
    await writePhase(db, phase);
  }
  if (phase === 'synced') {
    // Imported here so a fix to the assignment applies to a build whose sync already ran.
    const { assignDemoTeam } = await import('../core/sync/assign-demo-team.ts');
    const t0 = performance.now();
    const assigned = await assignDemoTeam(db.sql, scenario, scenario.anchor);
    say(`[${engine}] assigned ${assigned.toLocaleString('en-US')} cases to the demo team in ${seconds(t0)}`);
    // What autovacuum does a little later on a live server: statistics, and the visibility map
    // that index-only scans need. Measuring before it ran would measure its absence.
    if (engine === 'postgresql') await db.sql.run('VACUUM ANALYZE');
    phase = 'ready';
    await writePhase(db, phase);
  }
  return { db, where };
}
