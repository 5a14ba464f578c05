// MCP benchmark: the overhead of a tool call over Streamable HTTP (a real session on
// 127.0.0.1, token and all) against calling the same core function directly, and 50
// concurrent clients × 20 calls each: errors, p50 and p99. Ratios within one run only.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { virtualWaiter } from '../core/platforms/http/virtual-waiter.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { buildDemo } from '../core/sync/build-demo.ts';
import { createTestDatabase } from '../core/testing/test-databases.ts';
import { findTool } from '../core/tools/registry.ts';
import { runTool } from '../core/tools/run-tool.ts';
import { buildServer } from '../mcp-server/build-server.ts';
import { startMcpHttpServer } from '../mcp-server/start-http-server.ts';

const log = createSilentLogger();
const anchor = new Date('2026-12-04T12:00:00Z');
const TOKEN = 'bench-token-0123456789abcdef';
const CALLS: { name: string; args: Record<string, unknown> }[] = [
  { name: 'calculate', args: { expression: '(a - b) / b', variables: { a: 12, b: 9 } } },
  { name: 'search_cases', args: { statuses: 'pending', limit: 20 } },
  { name: 'get_overview', args: {} },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const ms = (n: number) => n.toFixed(2).padStart(9);

export async function run(): Promise<void> {
  const target = await createTestDatabase('sqlite');
  const db = await openDatabase({ url: target.url, log });
  await buildDemo(
    { scenario: { seed: 42, cases: 5000, anchor } },
    { sql: db.sql, log, now: () => anchor, waiter: virtualWaiter(anchor.getTime()), random: () => 0.5, holder: 'bench' },
  );
  const deps = { sql: db.sql, now: () => anchor, timeZone: 'UTC', reportingCurrency: 'USD' };
  const http = await startMcpHttpServer({ host: '127.0.0.1', port: 0, token: TOKEN }, () => buildServer({ ...deps, version: 'bench' }), log);
  const connect = async () => {
    const c = new Client({ name: 'bench', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } });
    await c.connect(transport);
    return { c, transport };
  };

  console.log('\nMCP benchmark (SQLite demo of 5,000 cases; median of 200 calls after 20 warm-up)\n');
  console.log('tool             direct ms   HTTP ms   overhead ms   ratio');
  const { c, transport } = await connect();
  for (const call of CALLS) {
    const tool = findTool(call.name);
    if (!tool) throw new Error(call.name);
    const direct: number[] = [];
    const viaHttp: number[] = [];
    for (let i = 0; i < 220; i++) {
      let t = performance.now();
      const r = await runTool(tool, call.args, deps);
      if (i >= 20) direct.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      t = performance.now();
      const h = await c.callTool({ name: call.name, arguments: call.args });
      if (i >= 20) viaHttp.push(performance.now() - t);
      if (h.isError) throw new Error(JSON.stringify(h.content));
    }
    const d = median(direct);
    const h = median(viaHttp);
    console.log(`${call.name.padEnd(15)} ${ms(d)} ${ms(h)} ${ms(h - d)}      ${(h / d).toFixed(2)}×`);
  }
  await transport.terminateSession();
  await c.close();

  const clients = 50;
  const perClient = 20;
  let errors = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      const session = await connect();
      for (let i = 0; i < perClient; i++) {
        const call = CALLS[(k + i) % CALLS.length] ?? CALLS[0];
        if (!call) continue;
        const t = performance.now();
        try {
          const r = await session.c.callTool({ name: call.name, arguments: call.args });
          if (r.isError) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
      await session.transport.terminateSession();
      await session.c.close();
    }),
  );
  const wall = performance.now() - started;
  console.log(
    `\n${clients} concurrent clients × ${perClient} calls (calculate, search_cases, get_overview in turn): ${latencies.length} calls, ${errors} errors, p50 ${median(latencies).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, ${(latencies.length / (wall / 1000)).toFixed(0)} calls/s, sessions left open: ${http.sessions()}`,
  );
  await http.close();
  await db.close();
  await target.drop();
  if (errors > 0) process.exitCode = 1;
}
