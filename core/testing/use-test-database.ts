import { afterEach, beforeEach } from 'vitest';
import type { StoreRecord } from '../domain/records.ts';
import { createSilentLogger } from '../logging/create-logger.ts';
import { type Database, openDatabase } from '../store/open-database.ts';
import type { Engine } from '../store/sql-driver.ts';
import { upsertStores } from '../store/upsert-stores.ts';
import { createTestDatabase, type TestDatabase } from './test-databases.ts';

/**
 * A fresh, migrated database for each test of the block (optionally with stores in it), closed
 * and dropped afterwards. Read `.db` inside tests and hooks.
 */
export function useTestDatabase(engine: Engine, options: { stores?: StoreRecord[]; now?: () => Date } = {}): { readonly db: Database } {
  let testDb: TestDatabase | undefined;
  let db: Database | undefined;
  beforeEach(async () => {
    testDb = await createTestDatabase(engine);
    db = await openDatabase({ url: testDb.url, log: createSilentLogger() });
    if (options.stores?.length) await upsertStores(db.sql, options.stores, { now: options.now ?? (() => new Date('2026-12-01T00:00:00Z')) });
  });
  afterEach(async () => {
    await db?.close();
    await testDb?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('useTestDatabase: the database exists only inside tests');
      return db;
    },
  };
}
