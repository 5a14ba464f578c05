import { redactUrl } from '../logging/create-logger.ts';
import type { Database } from './open-database.ts';
import { readInt } from './sql-driver.ts';

export interface DatabaseDescription {
  engine: Database['engine'];
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  migrationsAppliedNow: string[];
  migrationsTotal: number;
  counts: { stores: number; orders: number; cases: number };
}

/** What `serve` and `status`-like output tell a person about the database they are on. */
export async function describeDatabase(db: Database): Promise<DatabaseDescription> {
  const [row] = await db.sql.all(
    `SELECT (SELECT count(*) FROM "stores") AS stores, (SELECT count(*) FROM "orders") AS orders, (SELECT count(*) FROM "cases") AS cases,
            (SELECT count(*) FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL) AS migrations`,
  );
  return {
    engine: db.engine,
    location: db.target.engine === 'sqlite' ? db.target.file : redactUrl(db.target.url),
    migrationsAppliedNow: db.migrations.applied,
    migrationsTotal: readInt(row?.migrations),
    counts: { stores: readInt(row?.stores), orders: readInt(row?.orders), cases: readInt(row?.cases) },
  };
}
