import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { introspectTables } from '../testing/introspect-tables.ts';
import { readPrismaSchemaTables } from '../testing/read-prisma-schema.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../testing/test-databases.ts';
import { migrateDatabase, readMigrations } from './migrate-database.ts';
import { type Database, openDatabase } from './open-database.ts';

const log = createSilentLogger();

describeEachEngine('migrations', (engine) => {
  let testDb: TestDatabase;
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase({ url: testDb.url, log });
    opened.push(db);
    return db;
  };

  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
  });
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await testDb.drop();
  });

  it('applies every committed migration to an empty database, and nothing on the second run', async () => {
    const committed = (await readMigrations(engine)).map((m) => m.name);
    expect(committed.length).toBeGreaterThanOrEqual(2);

    const first = await open();
    expect(first.migrations.applied).toEqual(committed);
    await first.close();
    opened.pop();

    const second = await open();
    expect(second.migrations).toEqual({ applied: [], alreadyApplied: committed.length });
    const history = await second.sql.all<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(history.map((h) => h.migration_name)).toEqual(committed);
    expect(history.every((h) => /^[0-9a-f]{64}$/.test(h.checksum))).toBe(true);
  });

  it('creates exactly the tables and columns that schema.prisma declares', async () => {
    const db = await open();
    const actual = await introspectTables(db.sql);
    actual.delete('_prisma_migrations');
    const expected = readPrismaSchemaTables();

    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [table, { columns }] of expected) {
      const columnsInDb = actual.get(table);
      expect([...(columnsInDb?.keys() ?? [])].sort(), table).toEqual([...columns.keys()].sort());
      for (const [column, { nullable }] of columns) {
        expect(columnsInDb?.get(column)?.nullable, `${table}.${column} nullable`).toBe(nullable);
      }
    }
  });

  it('two instances starting together apply each migration once', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const committed = (await readMigrations(engine)).length;
    expect(a.migrations.applied.length + b.migrations.applied.length).toBe(committed);
    const [row] = await a.sql.all('SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(row?.n)).toBe(committed);
  });

  it('refuses a database that a newer HelloWord migrated', async () => {
    const db = await open();
    await db.sql.run(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('x', 'abc', ?, '29990101000000_from_the_future', ?, 1)`,
      [
        engine === 'sqlite' ? '2999-01-01 00:00:00' : new Date('2999-01-01T00:00:00Z'),
        engine === 'sqlite' ? '2999-01-01 00:00:00' : new Date('2999-01-01T00:00:00Z'),
      ],
    );
    await expect(open()).rejects.toMatchObject({
      code: 'DATABASE_NEWER_THAN_CODE',
      userMessage: expect.stringContaining('29990101000000_from_the_future'),
    });
  });

  it('a failing migration leaves nothing half-applied and the next start can proceed', async () => {
    const db = await open();
    const real = await readMigrations(engine);
    const broken = { name: '29990101000000_broken', checksum: 'f'.repeat(64), sql: 'CREATE TABLE "half_done" (id INTEGER);\nSELECT * FROM "no_such_table";' };
    await expect(migrateDatabase(db.sql, { log, migrations: [...real, broken] })).rejects.toMatchObject({
      code: 'MIGRATION_FAILED',
      userMessage: expect.stringContaining('29990101000000_broken'),
    });
    const tables = await introspectTables(db.sql);
    expect(tables.has('half_done')).toBe(false);
    const applied = await db.sql.all(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`, [broken.name]);
    expect(applied).toEqual([]);
    // The failure blocks nothing: the committed migrations are all still there and a new start works.
    await expect(migrateDatabase(db.sql, { log, migrations: real })).resolves.toEqual({ applied: [], alreadyApplied: real.length });
  });

  it('the audit log refuses updates and deletes', async () => {
    const db = await open();
    await db.prisma.auditLog.create({ data: { at: new Date('2026-12-01T00:00:00Z'), actor: 'member:ana', action: 'refund.confirmed' } });
    await expect(db.sql.run(`UPDATE "audit_log" SET "actor" = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(db.sql.run('DELETE FROM "audit_log"')).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditLog.count()).toBe(1);
  });
});
