// Store benchmark: 100,000 cases (one line and one `created` event each) written through
// core/store's upsertCases against the raw driver writing the same rows in one transaction.
// Goal: ours ≥ 0.5× raw on each engine, compared like for like (one transaction each). Also
// shown: ours in pages of 1,000 with a commit per page, as a sync writes, and an unchanged re-run.
import type { CaseRecord } from '../core/domain/records.ts';
import { CASE_STATUSES, REASONS } from '../core/domain/taxonomy.ts';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { insertRows } from '../core/store/insert-rows.ts';
import { type Database, openDatabase } from '../core/store/open-database.ts';
import type { SqlValue } from '../core/store/sql-driver.ts';
import type { SqliteDriver } from '../core/store/sqlite-driver.ts';
import { CASE_INSERT_COLUMNS, EVENT_COLUMNS, LINE_COLUMNS, upsertCases } from '../core/store/upsert-cases.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';

const CASES = Number(process.env.HELLOWORD_BENCH_CASES ?? 100_000);
const PAGE = 1_000;
const now = () => new Date('2026-12-01T00:00:00Z');
const log = createSilentLogger();
const store = { id: 'bench-store', platform: 'amazon' as const };

function makeCases(n: number, salt: string): CaseRecord[] {
  const t0 = Date.parse('2026-06-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => ({
    kind: 'return' as const,
    platformCaseId: `${salt}${i}`,
    type: 'return_and_refund' as const,
    status: CASE_STATUSES[i % CASE_STATUSES.length] ?? 'requested',
    rawStatus: 'Approved',
    reason: REASONS[i % REASONS.length] ?? 'other',
    rawReason: 'APPAREL_TOO_SMALL',
    customerText: i % 3 === 0 ? 'runs small, had to send it back' : null,
    reasonSource: 'platform' as const,
    platformOrderId: `113-${String(i).padStart(7, '0')}-0000001`,
    requestedAt: new Date(t0 + i * 60_000),
    currency: 'USD',
    requestedMinor: BigInt(1000 + (i % 5000)),
    lines: [{ lineKey: `L${i}`, sellerSku: `SKU-${i % 300}`, quantity: 1, amountMinor: BigInt(1000 + (i % 5000)), currency: 'USD' }],
  }));
}

// The same columns upsertCases writes, precomputed so the raw side measures only the driver.
function rawRows(cases: CaseRecord[]) {
  return cases.map((c) => ({
    caseRow: [
      store.id,
      c.kind,
      c.platformCaseId,
      store.platform,
      c.type,
      c.status,
      c.rawStatus,
      c.reason,
      c.rawReason ?? null,
      c.customerText ?? null,
      c.reasonSource,
      c.platformOrderId ?? null,
      c.requestedAt,
      null,
      null,
      null,
      null,
      c.currency,
      c.requestedMinor ?? null,
      null,
      null,
      null,
      null,
      'precomputed-hash',
      now(),
      now(),
    ] as SqlValue[],
    line: c.lines[0],
    requestedAt: c.requestedAt,
    reason: c.reason,
    status: c.status,
  }));
}

const CASE_COLUMNS = CASE_INSERT_COLUMNS;

async function rawSqlite(db: Database, rows: ReturnType<typeof rawRows>) {
  const driver = db.sql as SqliteDriver;
  const sqlite = driver.database;
  const insertCase = sqlite.prepare(`INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES (${CASE_COLUMNS.map(() => '?').join(', ')})`);
  const insertLine = sqlite.prepare(
    'INSERT INTO case_lines (case_id, line_key, seller_sku, quantity, amount_minor, currency, reason, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertEvent = sqlite.prepare(
    "INSERT INTO case_events (case_id, at, type, actor, from_value, to_value, detail) VALUES (?, ?, 'created', ?, NULL, ?, NULL)",
  );
  const ms = (v: SqlValue) => (v instanceof Date ? v.getTime() : v);
  sqlite.transaction(() => {
    for (const r of rows) {
      const id = insertCase.run(...r.caseRow.map(ms)).lastInsertRowid;
      const l = r.line;
      if (l) insertLine.run(id, l.lineKey, l.sellerSku, l.quantity, l.amountMinor ?? null, l.currency, r.reason, r.requestedAt.getTime());
      insertEvent.run(id, r.requestedAt.getTime(), `sync:${store.id}`, r.status);
    }
  })();
}

async function rawPostgres(db: Database, rows: ReturnType<typeof rawRows>) {
  await db.sql.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += PAGE) {
      const page = rows.slice(i, i + PAGE);
      const ids = await insertRows<{ id: number }>(
        tx,
        'cases',
        CASE_COLUMNS,
        page.map((r) => r.caseRow),
        { returning: ['id'] },
      );
      await insertRows(
        tx,
        'case_lines',
        LINE_COLUMNS,
        page.map((r, j) => [
          ids[j]?.id ?? 0,
          r.line?.lineKey ?? '',
          r.line?.sellerSku ?? '',
          r.line?.quantity ?? 0,
          r.line?.amountMinor ?? null,
          'USD',
          r.reason,
          r.requestedAt,
        ]),
      );
      await insertRows(
        tx,
        'case_events',
        EVENT_COLUMNS,
        page.map((r, j) => [ids[j]?.id ?? 0, r.requestedAt, 'created', `sync:${store.id}`, null, r.status, null]),
      );
    }
  });
}

async function time(fn: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

async function openFresh(engine: 'sqlite' | 'postgresql') {
  const target = await createTestDatabase(engine);
  const db = await openDatabase({ url: target.url, log });
  await upsertStores(db.sql, [{ id: store.id, platform: 'amazon', name: 'Bench', currency: 'USD', timeZone: 'UTC' }], { now });
  const drop = async () => {
    await db.close();
    await target.drop();
  };
  return { db, drop };
}

const RUNS = 3;

/** Median of RUNS timings, each on a fresh database, after one small warm-up run. */
async function medianSeconds(engine: 'sqlite' | 'postgresql', write: (db: Database) => Promise<void>, warmUp: (db: Database) => Promise<void>) {
  const w = await openFresh(engine);
  await warmUp(w.db);
  await w.drop();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = await openFresh(engine);
    times.push(await time(() => write(fresh.db)));
    await fresh.drop();
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

async function benchEngine(engine: 'sqlite' | 'postgresql') {
  const rawWrite = (db: Database, rows: ReturnType<typeof rawRows>) => (engine === 'sqlite' ? rawSqlite(db, rows) : rawPostgres(db, rows));
  const rows = rawRows(makeCases(CASES, 'R'));
  const rawSeconds = await medianSeconds(
    engine,
    (db) => rawWrite(db, rows),
    (db) => rawWrite(db, rows.slice(0, 10_000)),
  );

  const cases = makeCases(CASES, 'R');
  const oursSeconds = await medianSeconds(
    engine,
    async (db) => void (await upsertCases(db.sql, store, cases, { now })),
    async (db) => void (await upsertCases(db.sql, store, cases.slice(0, 10_000), { now })),
  );

  const paged = await openFresh(engine);
  const pages = async () => {
    for (let i = 0; i < cases.length; i += PAGE) await upsertCases(paged.db.sql, store, cases.slice(i, i + PAGE), { now });
  };
  const pagedSeconds = await time(pages);
  const againSeconds = await time(pages);
  await paged.drop();
  return { engine, rawRate: CASES / rawSeconds, oursRate: CASES / oursSeconds, pagedRate: CASES / pagedSeconds, againRate: CASES / againSeconds };
}

export async function run(): Promise<void> {
  const engines: ('sqlite' | 'postgresql')[] = ['sqlite'];
  if (process.env.HELLOWORD_TEST_POSTGRES_URL && !process.env.HELLOWORD_BENCH_SQLITE_ONLY) engines.push('postgresql');
  else if (!process.env.HELLOWORD_BENCH_SQLITE_ONLY)
    console.log('PostgreSQL skipped: set HELLOWORD_TEST_POSTGRES_URL=postgres://… (a role that may create databases).');
  console.log(`store: upsert ${CASES.toLocaleString('en-US')} cases (+1 line, +1 event each); raw = the driver's own inserts in one transaction`);
  console.log(`(raw and ours: median of ${RUNS} runs on fresh databases after a warm-up; paged and re-run: one run)\n`);
  const rows = [];
  for (const engine of engines) rows.push(await benchEngine(engine));
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(10);
  console.log('| engine     | raw rows/s | ours rows/s | ours / raw | ours, 1k pages rows/s | pages / raw | unchanged re-run rows/s |');
  console.log('|------------|-----------:|------------:|-----------:|----------------------:|------------:|------------------------:|');
  for (const r of rows) {
    console.log(
      `| ${r.engine.padEnd(10)} | ${fmt(r.rawRate)} | ${fmt(r.oursRate).padStart(11)} | ${ratio(r.oursRate, r.rawRate)} | ${fmt(r.pagedRate).padStart(21)} | ${ratio(r.pagedRate, r.rawRate).padStart(11)} | ${fmt(r.againRate).padStart(23)} |`,
    );
  }
  console.log('\nGoal: ours / raw ≥ 0.5× on each engine (both in one transaction). A sync commits every page with its cursor, which costs more on SQLite.');
}
