// Query benchmark: every read tool on the demo scenario at 1,000,000 cases (about 3,000,000 order
// lines), on SQLite and on PostgreSQL. For each tool: the median time of the tool (run through
// runTool as every surface runs it) against hand-written SQL computing the same numbers on the
// same engine — asserted equal before timing — and a full count(*) of the cases table as a floor.
// Goal: ours ≤ 1.5× hand. Scale: HELLOWORD_BENCH_QUERY_CASES; HELLOWORD_BENCH_QUERY_RUNS (default 7);
// HELLOWORD_BENCH_QUERY_ONLY=tool,… to run some; HELLOWORD_BENCH_SQLITE_ONLY / _PG_ONLY for one engine.

import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../core/store/open-database.ts';
import type { Engine } from '../core/store/sql-driver.ts';
import { findTool } from '../core/tools/registry.ts';
import { runTool } from '../core/tools/run-tool.ts';
import type { ToolDeps } from '../core/tools/tool-definition.ts';
import { openQueryDatabase, QUERY_SCENARIO } from './query-build.ts';
import { type HandContext, prepareCases, QUERY_CASES } from './query-hand.ts';

const RUNS = Math.max(5, Number(process.env.HELLOWORD_BENCH_QUERY_RUNS ?? 7));
const GOAL = 1.5;
// A zone without daylight saving, so the hand SQL can shift by a fixed offset to get the team's day.
const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_HOURS = 8;

interface Row {
  label: string;
  ours: number;
  hand: number;
  equal: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function benchEngine(engine: Engine): Promise<{ rows: Row[]; countMs: number; sizes: Record<string, number>; where: string }> {
  const say = (line: string) => console.log(line);
  const { db, where } = await openQueryDatabase(engine, say);
  try {
    return { ...(await measure(db, engine)), where };
  } finally {
    await db.close();
  }
}

async function measure(db: Database, engine: Engine) {
  const sizes: Record<string, number> = {};
  for (const table of ['cases', 'case_lines', 'orders', 'order_lines']) {
    const [r] = await db.sql.all(`SELECT count(*) AS n FROM "${table}"`);
    sizes[table] = Number(r?.n);
  }
  const now = QUERY_SCENARIO.anchor;
  const deps: ToolDeps = { sql: db.sql, now: () => now, timeZone: TIME_ZONE, reportingCurrency: 'USD' };
  const ctx: HandContext = { sql: db.sql, now, timeZone: TIME_ZONE, offsetHours: OFFSET_HOURS, reportingCurrency: 'USD' };
  await prepareCases(db.sql);

  const count = () => db.sql.all('SELECT count(*) AS n FROM "cases"');
  await count();
  const countTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) countTimes.push(await ms(count));

  const only = process.env.HELLOWORD_BENCH_QUERY_ONLY?.split(',').map((s) => s.trim());
  const rows: Row[] = [];
  for (const c of QUERY_CASES) {
    if (only && !only.includes(c.tool) && !only.includes(c.label)) continue;
    const tool = findTool(c.tool);
    if (!tool) throw new Error(`no tool ${c.tool}`);
    const ours = async () => {
      const r = await runTool(tool, c.input, deps);
      if (!r.ok) throw new Error(`${c.tool}: ${r.error.message}`);
      return r.output;
    };
    // The warm-up run is also the check: both sides must give the same numbers.
    const out = await ours();
    const hand = await c.hand(ctx);
    const pair = c.compare ? c.compare(c.ours(out), hand) : { ours: c.ours(out), hand };
    const equal = isDeepStrictEqual(JSON.parse(JSON.stringify(pair.ours)), JSON.parse(JSON.stringify(pair.hand)));
    if (!equal) {
      console.log(`MISMATCH ${c.label} [${engine}]\n  ours: ${JSON.stringify(pair.ours).slice(0, 1500)}\n  hand: ${JSON.stringify(pair.hand).slice(0, 1500)}`);
    }
    // More warm-up while it is cheap: the first calls of a small tool measure the JIT, not the query.
    const warmStart = performance.now();
    for (let i = 0; i < 20 && performance.now() - warmStart < 2000; i++) {
      await ours();
      await c.hand(ctx);
    }
    // Alternate the two so both see the same cache state.
    const oursTimes: number[] = [];
    const handTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      oursTimes.push(await ms(ours));
      handTimes.push(await ms(() => c.hand(ctx)));
    }
    const row = { label: c.label, ours: median(oursTimes), hand: median(handTimes), equal };
    console.log(`[${engine}] ${row.label}: ours ${row.ours.toFixed(1)} ms, hand ${row.hand.toFixed(1)} ms${equal ? '' : ' (NUMBERS DIFFER)'}`);
    rows.push(row);
  }
  return { rows, countMs: median(countTimes), sizes };
}

function printTable(engine: Engine, result: Awaited<ReturnType<typeof benchEngine>>) {
  const { rows, countMs, sizes, where } = result;
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const size = (t: string) => (sizes[t] ?? 0).toLocaleString('en-US');
  console.log(
    `\n${engine} (${where}): ${size('cases')} cases, ${size('case_lines')} case lines, ${size('orders')} orders, ${size('order_lines')} order lines; median of ${RUNS} runs after a warm-up\n`,
  );
  console.log('| tool | ours ms | hand SQL ms | ratio | count(*) ms | goal met |');
  console.log('|---|---:|---:|---:|---:|:---:|');
  for (const r of rows) {
    const ratio = r.ours / r.hand;
    const met = !r.equal ? 'numbers differ' : ratio <= GOAL ? 'yes' : 'no';
    console.log(`| ${r.label} | ${f(r.ours)} | ${f(r.hand)} | ${ratio.toFixed(2)}× | ${f(countMs)} | ${met} |`);
  }
}

export async function run(): Promise<void> {
  const engines: Engine[] = [];
  if (!process.env.HELLOWORD_BENCH_PG_ONLY) engines.push('sqlite');
  if (process.env.HELLOWORD_TEST_POSTGRES_URL && !process.env.HELLOWORD_BENCH_SQLITE_ONLY) engines.push('postgresql');
  else if (!process.env.HELLOWORD_BENCH_SQLITE_ONLY)
    console.log('PostgreSQL skipped: set HELLOWORD_TEST_POSTGRES_URL=postgres://… (a role that may create databases).');
  console.log(
    `query: every read tool against hand-written SQL giving the same numbers (asserted), demo scenario of ${QUERY_SCENARIO.cases.toLocaleString('en-US')} cases, now = ${QUERY_SCENARIO.anchor.toISOString()}, team zone ${TIME_ZONE}`,
  );
  const results = [];
  for (const engine of engines) results.push([engine, await benchEngine(engine)] as const);
  for (const [engine, result] of results) printTable(engine, result);
  console.log(`\nGoal: ours ≤ ${GOAL}× the hand-written SQL on each engine. count(*) = a full count of the cases table, the floor of a scan.`);
  if (results.some(([, r]) => r.rows.some((x) => !x.equal))) process.exitCode = 1;
}
