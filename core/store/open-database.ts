import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../../prisma/generated/sqlite/client.ts';
import type { Log } from '../logging/create-logger.ts';
import { classifyDatabaseError } from './classify-database-error.ts';
import { type MigrationResult, migrateDatabase } from './migrate-database.ts';
import { type DatabaseTarget, parseDatabaseUrl } from './parse-database-url.ts';
import { PostgresDriver } from './postgres-driver.ts';
import type { Engine, SqlDriver } from './sql-driver.ts';
import { SqliteDriver } from './sqlite-driver.ts';

export type { PrismaClient };

/** The store handle that core functions receive as `deps.db`. */
export interface Database {
  readonly engine: Engine;
  readonly target: DatabaseTarget;
  /** Raw SQL for bulk writes and metrics. */
  readonly sql: SqlDriver;
  /** The typed Prisma client for everything that is not a hot path. */
  readonly prisma: PrismaClient;
  readonly migrations: MigrationResult;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  url: string;
  log: Log;
  /** How long SQLite waits for another writer before giving up. */
  busyTimeoutMs?: number;
  /** Apply pending migrations (default true; every `helloword` command does). */
  migrate?: boolean;
}

/**
 * Opens SQLite (`file:`) or PostgreSQL (`postgres://`), checks that it can be written, applies
 * pending migrations and builds the Prisma client on the same connection settings. Every
 * failure comes back as an AppError that names the problem and what to do.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target = parseDatabaseUrl(options.url);
  let sql: SqlDriver | undefined;
  try {
    const opened = target.engine === 'sqlite' ? await openSqlite(target, options) : await openPostgres(target, options);
    sql = opened.sql;
    const migrations = options.migrate === false ? { applied: [], alreadyApplied: 0 } : await migrateDatabase(sql, { log: options.log });
    const prisma = await opened.makePrisma();
    return {
      engine: target.engine,
      target,
      sql,
      prisma,
      migrations,
      async close() {
        await prisma.$disconnect();
        await opened.sql.close();
      },
    };
  } catch (error) {
    await sql?.close().catch(() => {});
    throw classifyDatabaseError(error, target);
  }
}

interface Opened {
  sql: SqlDriver;
  makePrisma(): Promise<PrismaClient>;
}

async function openSqlite(target: Extract<DatabaseTarget, { engine: 'sqlite' }>, options: OpenDatabaseOptions): Promise<Opened> {
  const timeout = options.busyTimeoutMs ?? 5000;
  mkdirSync(path.dirname(target.file), { recursive: true });
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const db = new BetterSqlite3(target.file, { timeout });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 32 MB page cache: a sync page touches several indexes per table; the 2 MB default thrashes.
    db.pragma('cache_size = -32768');
    db.pragma('temp_store = MEMORY');
    // Checkpoint the WAL every ~40 MB instead of every 4 MB: syncs commit page by page.
    db.pragma('wal_autocheckpoint = 10000');
    // Fail now, with a clear message, if the file is read-only or another process holds it.
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    sql: new SqliteDriver(db),
    async makePrisma() {
      const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
        import('../../prisma/generated/sqlite/client.ts'),
        import('@prisma/adapter-better-sqlite3'),
      ]);
      // Epoch milliseconds: the same representation our raw SQL writes, and cheap to range-scan.
      const adapter = new PrismaBetterSqlite3({ url: `file:${target.file}`, timeout }, { timestampFormat: 'unixepoch-ms' });
      return new PrismaClient({ adapter });
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { engine: 'postgresql' }>, options: OpenDatabaseOptions): Promise<Opened> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    // Our own parsers, for our raw SQL only (Prisma passes its own per query).
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === 1114) return (v: string) => new Date(`${v.replace(' ', 'T')}Z`); // timestamp(3) holds UTC
        if (oid === 20 || oid === 1700) return (v: string) => Number(v); // count(*), sum(bigint): magnitudes fit a double
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', (error) => options.log.warn({ err: error }, 'an idle PostgreSQL connection failed; it will be replaced'));
  const sql = new PostgresDriver(pool);
  try {
    await sql.all('SELECT 1 AS ok');
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return {
    sql,
    async makePrisma() {
      const [{ PrismaClient }, { PrismaPg }] = await Promise.all([import('../../prisma/generated/postgresql/client.ts'), import('@prisma/adapter-pg')]);
      // Both clients are generated from one schema.prisma and differ only in provider, so the
      // PostgreSQL one is used through the SQLite client's type.
      return new PrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
    },
  };
}
