import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from './command-table.js';
import { BIN, helloword, type Run } from './spawn-helloword.ts';

/** Starts a long-running command, waits until its stdout shows `ready`, then stops it with Ctrl+C (SIGINT). */
function runUntil(args: string[], ready: string, options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HELLOWORD_MCP_PORT: '0', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`"${ready}" never appeared; stdout: ${stdout}; stderr: ${stderr}`));
    }, 60_000);
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (!sent && stdout.includes(ready)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

describe('helloword command line', () => {
  let cwd: string;
  beforeEach(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), 'helloword-cli-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));

  it('--help lists every command and the settings, for a person', async () => {
    const run = await helloword(['--help'], { cwd });
    expect(run.code).toBe(0);
    for (const c of COMMANDS) expect(run.stdout).toContain(`  ${c.name}`);
    expect(run.stdout).toContain('DATABASE_URL');
    expect(run.stdout).toContain('HELLOWORD_TZ');
    expect(run.stdout).toContain('Exit codes: 0 done, 1 failed, 2 bad usage or bad input.');
    expect(run.stderr).toBe('');
  });

  it('<command> --help explains the command and its options', async () => {
    const run = await helloword(['report', '--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: helloword report list | helloword report <name> --format csv|xlsx --out FILE [--input '<json>']");
    expect(run.stdout).toContain('--format');
    expect(run.stdout).not.toContain('Not available yet');
    const soon = await helloword(['digest', '--help'], { cwd });
    expect(soon.stdout).toContain('Not available yet: this command arrives with the digest release.');
  });

  it('a command that is not built yet says so and exits 1', async () => {
    const run = await helloword(['digest', '--print'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('helloword: "helloword digest" is not available yet: it arrives with the digest release.\n');
    const json = await helloword(['ask', 'how many returns?', '--json'], { cwd });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'NOT_AVAILABLE_YET', message: expect.stringContaining('"helloword ask" is not available yet') } });
  });

  it('an unknown command or option is bad usage (exit 2) with a hint', async () => {
    const unknown = await helloword(['serv'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"serv" is not a helloword command (did you mean serve?)');
    const option = await helloword(['serve', '--port', '80'], { cwd });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Unknown option \'--port\'. Run "helloword serve --help" for its options.');
  });

  it('serve creates and migrates ./data/helloword.db, fills the demo on first start, runs until Ctrl+C, then finds it up to date', async () => {
    const first = await runUntil(['serve'], 'Press Ctrl+C to stop', { cwd, env: { HELLOWORD_NOW: '2026-12-04T00:00:00Z' } });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Running: the scheduler syncs each store every 15 minutes');
    expect(first.stdout).toContain('HelloWord stopped.');
    expect(first.stderr).toContain('First start: building the demo stores from the built-in sandboxes');
    expect(first.stderr).toMatch(/demo-ebay-us\s+returns\s+\d+ pages\s+\d+ records \(\d+ new, 0 updated\)\s+done/);
    expect(first.stdout).toContain(`SQLite at ${path.join(cwd, 'data', 'helloword.db')}, brought up to date`);
    expect(first.stdout).toContain('Synced: demo-amazon-us, demo-amazon-de, demo-ebay-us, demo-ebay-uk, demo-shopify, demo-walmart-us, demo-wish');
    expect(first.stdout).toContain('Not available yet');
    expect(existsSync(path.join(cwd, 'data', 'helloword.db'))).toBe(true);
    expect(first.stdout).toMatch(/MCP {8}http:\/\/127\.0\.0\.1:\d+\/mcp for AI IDEs and agents, with the token in .*mcp-token \(created now\)/);
    expect(statSync(path.join(cwd, 'data', 'mcp-token')).mode & 0o777).toBe(0o600);

    const second = await runUntil(['serve', '--json'], '}\n', { cwd, env: { HELLOWORD_NOW: '2026-12-04T00:00:00Z' } });
    expect(second.code).toBe(0);
    const status = JSON.parse(second.stdout);
    expect(status).toMatchObject({
      database: { engine: 'sqlite', migrationsAppliedNow: [], counts: { stores: 7 } },
      demoBuilt: false,
      running: ['scheduler', 'mcp'],
      mcp: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/), token: path.join(cwd, 'data', 'mcp-token') },
      timeZone: 'UTC',
    });
    expect(status.database.counts.cases).toBeGreaterThan(300);
  });

  it('demo --cases N (re)builds the demo; sync brings it up to date; bad flags exit 2 naming the flag', async () => {
    const env = { HELLOWORD_NOW: '2026-12-04T00:00:00Z' };
    const demo = await helloword(['demo', '--cases', '1000', '--seed', '7', '--json'], { cwd, env });
    expect(demo.code).toBe(0);
    const built = JSON.parse(demo.stdout);
    expect(built).toMatchObject({
      scenario: { seed: 7, cases: 1000 },
      synced: ['demo-amazon-us', 'demo-amazon-de', 'demo-ebay-us', 'demo-ebay-uk', 'demo-shopify', 'demo-walmart-us', 'demo-wish'],
    });
    expect(built.runs.every((r: { status: string }) => r.status === 'succeeded')).toBe(true);

    const sync = await helloword(['sync', '--platform', 'eBay', '--json'], { cwd, env });
    expect(sync.code).toBe(0);
    const runs = JSON.parse(sync.stdout).runs as { resource: string; created: number; updated: number }[];
    expect(runs).toHaveLength(12); // the two eBay stores × orders, returns, cancellations, inquiries, claims and payment disputes
    expect(runs.every((r) => r.created === 0 && r.updated === 0)).toBe(true);

    for (const [args, message] of [
      [['demo', '--cases', '0'], '--cases must be a whole number from 1 to 2,000,000 (got "0").'],
      [['demo', '--seed=-3'], '--seed must be a whole number from 0 to 2,147,483,647 (got "-3").'],
      [['demo', '--seed'], '--seed needs a value (for a value that starts with a dash, write --seed=-…). Run "helloword demo --help" for its options.'],
      [['sync', '--platform', 'etsy'], '--platform "etsy" is not a platform HelloWord knows; use one of amazon, ebay, shopify, walmart, wish.'],
      [
        ['sync', '--store', 'nope'],
        '--store "nope": there is no such store. Stores here: demo-amazon-de, demo-amazon-us, demo-ebay-uk, demo-ebay-us, demo-shopify, demo-walmart-us, demo-wish.',
      ],
    ] as const) {
      const run = await helloword([...args], { cwd, env });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it.each([
    [
      { HELLOWORD_TZ: 'Asia/Shanghaii' },
      2,
      'helloword: HELLOWORD_TZ: "Asia/Shanghaii" is not a time zone name; use an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.\n',
    ],
    [{ HELLOWORD_NOW: 'next tuesday' }, 2, 'helloword: HELLOWORD_NOW: "next tuesday" is not an ISO time; use e.g. 2026-06-30T12:00:00Z.\n'],
    [
      { DATABASE_URL: 'mongodb://localhost/hw' },
      2,
      'helloword: DATABASE_URL uses "mongodb:", which HelloWord does not support: use file:./data/helloword.db (SQLite) or postgres://user:password@host:5432/database (PostgreSQL).\n',
    ],
    [
      { DATABASE_URL: 'postgres://hw:topsecret@127.0.0.1:9/hw' },
      1,
      'helloword: PostgreSQL at 127.0.0.1:9 is not reachable (ECONNREFUSED). Check that the server is running and DATABASE_URL (postgres://hw:***@127.0.0.1:9/hw) is right.\n',
    ],
  ])('bad setting %o exits %i with one line and no secret', async (env, code, message) => {
    const run = await helloword(['serve'], { cwd, env });
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(message);
    expect(run.stdout).toBe('');
  });

  it('tool list and tool <name>: a readable answer, the exact output with --json, bad input exits 2 naming the field', async () => {
    const env = { HELLOWORD_NOW: '2026-12-04T00:00:00Z', HELLOWORD_TZ: 'Asia/Shanghai' };
    const list = await helloword(['tool', 'list', '--json'], { cwd });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((t: { name: string }) => t.name)).toContain('rank_skus');

    expect((await helloword(['demo', '--cases', '600'], { cwd, env })).code).toBe(0);
    const overview = await helloword(['tool', 'get_overview', '--input', '{"platforms":"AMZ","period":"this_month"}', '--json'], { cwd, env });
    expect(overview.code).toBe(0);
    const out = JSON.parse(overview.stdout);
    expect(out.filters).toMatchObject({
      platforms: ['amazon'],
      stores: ['demo-amazon-de', 'demo-amazon-us'],
      period: { first_day: '2026-12-01', time_zone: 'Asia/Shanghai' },
    });
    expect(out.as_of).toBe('2026-12-04T00:00:00.000Z');

    const table = await helloword(['tool', 'rank_skus', '--input', '{"by":"reason","reasons":"size","limit":3}'], { cwd, env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Rank SKUs\n/);
    expect(table.stdout).toContain('matching_share');

    const bad = await helloword(['tool', 'search_cases', '--input', '{"limit":0}'], { cwd, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Invalid input for search_cases: limit: Too small: expected number to be >=1.');
    const notJson = await helloword(['tool', 'search_cases', '--input', '{limit'], { cwd, env });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--input is not valid JSON');
    const unknown = await helloword(['tool', 'refund_everything'], { cwd, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no tool "refund_everything". Tools: get_overview,');
  });

  it('a store listed without its credentials stops sync and serve with the variable to set (exit 2)', async () => {
    writeFileSync(
      path.join(cwd, 'helloword.stores.json'),
      JSON.stringify({
        stores: [{ id: 'walmart-us', platform: 'walmart', name: 'Walmart US', currency: 'USD', timeZone: 'America/Chicago', credentials: 'WALMART_US' }],
      }),
    );
    for (const command of ['sync', 'serve']) {
      const run = await helloword([command], { cwd, env: { HELLOWORD_WALMART_US_CLIENT_ID: 'id' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('helloword: Store "walmart-us" needs HELLOWORD_WALMART_US_CLIENT_SECRET to be set (its walmart client secret).\n');
    }
  });

  it('LOG_LEVEL=debug adds the details behind an error', async () => {
    const run = await helloword(['serve'], { cwd, env: { DATABASE_URL: 'postgres://hw@127.0.0.1:9/hw', LOG_LEVEL: 'debug' } });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toContain('is not reachable');
    expect(run.stderr).toContain('AppError');
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});
