import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { TEST_POSTGRES_URL } from '../testing/test-databases.ts';
import { openDatabase } from './open-database.ts';

const log = createSilentLogger();

describe('openDatabase on SQLite: each failure names the problem and the fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder and the file on first use', async () => {
    const db = await openDatabase({ url: `file:${path.join(dir, 'nested', 'data', 'hw.db')}`, log });
    expect(db.engine).toBe('sqlite');
    expect(db.migrations.applied.length).toBeGreaterThan(0);
    await db.close();
  });

  it('a file locked by another program', async () => {
    const file = path.join(dir, 'hw.db');
    await (await openDatabase({ url: `file:${file}`, log })).close();
    const other = new BetterSqlite3(file);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(openDatabase({ url: `file:${file}`, log, busyTimeoutMs: 50 })).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        userMessage: `The database file ${file} is locked by another program. Stop the other HelloWord (or tool) using it, then try again.`,
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  // Tests run as root here, so permission bits cannot make a folder read-only; a file standing
  // where the folder should be fails the same way (and takes the same path through our code).
  it('a folder that cannot be created', async () => {
    writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const file = path.join(dir, 'not-a-folder', 'hw.db');
    await expect(openDatabase({ url: `file:${file}`, log })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      userMessage: `Cannot write the database file ${file}. Make its folder writable, or set DATABASE_URL=file:<a writable path>.`,
    });
  });

  it('a file that is not a database', async () => {
    const file = path.join(dir, 'notes.db');
    writeFileSync(file, 'these are my notes, not a database '.repeat(200));
    await expect(openDatabase({ url: `file:${file}`, log })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      userMessage: expect.stringContaining('is not a HelloWord database'),
    });
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('openDatabase on PostgreSQL: each failure names the problem and the fix', () => {
  const admin = new URL(TEST_POSTGRES_URL ?? 'postgres://unset@127.0.0.1/x');

  it('a server that is not running', async () => {
    await expect(openDatabase({ url: 'postgres://hw:pw@127.0.0.1:9/helloword', log })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      userMessage:
        'PostgreSQL at 127.0.0.1:9 is not reachable (ECONNREFUSED). Check that the server is running and DATABASE_URL (postgres://hw:***@127.0.0.1:9/helloword) is right.',
    });
  });

  it('a database that does not exist', async () => {
    const url = new URL(admin);
    url.pathname = '/no_such_database';
    await expect(openDatabase({ url: url.toString(), log })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      userMessage: expect.stringContaining('has no database "no_such_database"'),
    });
  });

  it('a wrong password', async (ctx) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DO $$ BEGIN CREATE ROLE hw_password_check LOGIN PASSWORD 'right'; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await client.end();
    const url = new URL(admin);
    url.username = 'hw_password_check';
    url.password = 'wrong';
    const probe = new pg.Client({ connectionString: url.toString() });
    const trusted = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => {});
    // .ci/run's cluster asks this role for its password; a local trust-only server cannot test it.
    if (trusted) ctx.skip();
    await expect(openDatabase({ url: url.toString(), log })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      userMessage: expect.stringMatching(/refused the login of user "hw_password_check"\. Check the user and password in DATABASE_URL\.$/),
    });
  });
});
