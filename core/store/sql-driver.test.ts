import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSilentLogger } from '../logging/create-logger.ts';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../testing/test-databases.ts';
import { insertRows } from './insert-rows.ts';
import { type Database, openDatabase } from './open-database.ts';
import { readDate } from './sql-driver.ts';

describeEachEngine('SqlDriver', (engine) => {
  let testDb: TestDatabase;
  let db: Database;
  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log: createSilentLogger() });
    await db.sql.exec('CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "k" TEXT NOT NULL UNIQUE, "at" TIMESTAMP(3))');
  });
  afterEach(async () => {
    await db.close();
    await testDb.drop();
  });

  const keys = async () => (await db.sql.all<{ k: string }>('SELECT "k" FROM "t" ORDER BY "k"')).map((r) => r.k);

  it('rolls a transaction back when its function throws', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.run('INSERT INTO "t" ("id", "k") VALUES (?, ?)', [1, 'a']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await keys()).toEqual([]);
  });

  it('keeps concurrent transactions apart and lets a nested one join its parent', async () => {
    const slow = db.sql.transaction(async (tx) => {
      await tx.run('INSERT INTO "t" ("id", "k") VALUES (?, ?)', [1, 'first']);
      await new Promise((r) => setTimeout(r, 30));
      await tx.transaction(async (inner) => void (await inner.run('INSERT INTO "t" ("id", "k") VALUES (?, ?)', [2, 'first-nested'])));
      throw new Error('undo all of first');
    });
    const other = db.sql.transaction(async (tx) => void (await tx.run('INSERT INTO "t" ("id", "k") VALUES (?, ?)', [3, 'second'])));
    await expect(slow).rejects.toThrow('undo all of first');
    await other;
    expect(await keys()).toEqual(['second']);
  });

  it('insertRows returns the new ids with their keys, across chunks, and dates round-trip in UTC', async () => {
    const at = new Date('2026-03-29T01:30:00.123Z');
    const rows = Array.from({ length: 1_203 }, (_, i) => [i + 10, `k${i}`, at]);
    const inserted = await insertRows<{ id: number; k: string }>(db.sql, 't', ['id', 'k', 'at'], rows, { returning: ['id', 'k'] });
    expect(inserted).toHaveLength(1_203);
    expect(new Set(inserted.map((r) => `${r.k}:${r.id}`))).toEqual(new Set(rows.map(([id, k]) => `${k}:${id}`)));
    const [row] = await db.sql.all('SELECT "at" FROM "t" WHERE "k" = ?', ['k7']);
    expect(readDate(row?.at)).toEqual(at);
  });
});
