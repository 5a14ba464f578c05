import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { Engine } from '../store/sql-driver.ts';

/**
 * Tests that must hold on both engines run once per engine. PostgreSQL needs
 * HELLOWORD_TEST_POSTGRES_URL (a role that may CREATE DATABASE; `.ci/run` starts one). Locally
 * the PostgreSQL half is skipped with a visible note when it is unset; under CI it fails.
 */
export const TEST_POSTGRES_URL = process.env.HELLOWORD_TEST_POSTGRES_URL;

if (!TEST_POSTGRES_URL && process.env.CI === 'true') {
  throw new Error('CI=true but HELLOWORD_TEST_POSTGRES_URL is unset: the PostgreSQL tests must run in CI (see .ci/run).');
}

let warned = false;
export function describeEachEngine(name: string, fn: (engine: Engine) => void): void {
  describe(`${name} [sqlite]`, () => fn('sqlite'));
  if (TEST_POSTGRES_URL) describe(`${name} [postgresql]`, () => fn('postgresql'));
  else {
    if (!warned) {
      warned = true;
      console.warn('PostgreSQL tests SKIPPED: set HELLOWORD_TEST_POSTGRES_URL=postgres://… to run them (CI always does).');
    }
    describe.skip(`${name} [postgresql] (skipped: HELLOWORD_TEST_POSTGRES_URL is unset)`, () => fn('postgresql'));
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** An empty database of its own: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-test-'));
    return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!TEST_POSTGRES_URL) throw new Error('HELLOWORD_TEST_POSTGRES_URL is unset');
  const name = `hw_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
