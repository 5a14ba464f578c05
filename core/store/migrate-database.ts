import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors/app-error.ts';
import type { Log } from '../logging/create-logger.ts';
import type { Engine, SqlDriver } from './sql-driver.ts';

/** Committed migrations, one folder per engine, written at development time (DEVELOPING.md). */
export const MIGRATIONS_ROOT = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
  /** sha256 hex of migration.sql, the same rule Prisma uses, so its CLI can read our history. */
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Prisma's own bookkeeping table, created exactly as Prisma Migrate creates it.
const HISTORY_DDL: Record<Engine, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
  )`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`,
};

// Any fixed number: the key of the PostgreSQL advisory lock that lets one instance migrate at a time.
const PG_MIGRATION_LOCK = 4_318_227_001;

export async function readMigrations(engine: Engine, root: string = MIGRATIONS_ROOT): Promise<Migration[]> {
  const dir = path.join(root, engine);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

async function appliedMigrations(db: SqlDriver): Promise<Map<string, HistoryRow>> {
  const rows = await db.all<HistoryRow & Record<string, unknown>>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Map(rows.map((r) => [r.migration_name, r]));
}

/**
 * Brings the database up to the committed migrations: each pending one in its own transaction
 * together with its history row, so a crash leaves it either fully applied or not at all.
 * Idempotent, safe when several instances start together, and refuses a database that was
 * migrated by a newer HelloWord.
 */
export async function migrateDatabase(db: SqlDriver, deps: { log: Log; now?: () => Date; migrations?: Migration[] }): Promise<MigrationResult> {
  const migrations = deps.migrations ?? (await readMigrations(db.engine));
  const now = deps.now ?? (() => new Date());
  const known = new Set(migrations.map((m) => m.name));

  if (db.engine === 'postgresql') {
    // All steps on one connection, so the session-level advisory lock covers them.
    return db.transaction(async (tx) => {
      await tx.all('SELECT pg_advisory_xact_lock(?)', [PG_MIGRATION_LOCK]);
      return applyPending(tx, migrations, known, now, deps.log);
    });
  }
  return applyPending(db, migrations, known, now, deps.log);
}

async function applyPending(db: SqlDriver, migrations: Migration[], known: Set<string>, now: () => Date, log: Log): Promise<MigrationResult> {
  await db.exec(HISTORY_DDL[db.engine]);
  const applied = await appliedMigrations(db);

  const unknown = [...applied.keys()].filter((name) => !known.has(name)).sort();
  if (unknown.length > 0) {
    throw new AppError(
      'DATABASE_NEWER_THAN_CODE',
      `This database was set up by a newer HelloWord (it has migration ${unknown.at(-1)}). Update HelloWord, or point DATABASE_URL at another database.`,
    );
  }
  for (const m of migrations) {
    const row = applied.get(m.name);
    if (row && row.checksum !== m.checksum) {
      log.warn({ migration: m.name }, 'an applied migration was edited afterwards; the database keeps the version it applied');
    }
  }

  const result: MigrationResult = { applied: [], alreadyApplied: applied.size };
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    const startedAt = now();
    try {
      await db.transaction(async (tx) => {
        // Another process may have applied it while we waited for the write lock.
        const again = await tx.all('SELECT 1 AS x FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL', [
          m.name,
        ]);
        if (again.length > 0) return;
        await tx.exec(m.sql);
        await tx.run(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
          [randomUUID(), m.checksum, historyTime(db, now()), m.name, historyTime(db, startedAt)],
        );
        result.applied.push(m.name);
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The transaction rolled back, so nothing of it remains; keep the attempt in the history.
      await db
        .run(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, NULL, ?, ?, ?, ?, 0)',
          [randomUUID(), m.checksum, m.name, reason, historyTime(db, now()), historyTime(db, startedAt)],
        )
        .catch(() => {});
      if (error instanceof AppError) throw error;
      throw new AppError(
        'MIGRATION_FAILED',
        `Could not update the database (migration ${m.name}): ${reason}. Nothing was changed; fix the cause and start again.`,
        {
          cause: error,
        },
      );
    }
    log.debug({ migration: m.name }, 'applied database migration');
  }
  return result;
}

// _prisma_migrations keeps Prisma's formats: text timestamps on SQLite, timestamptz on PostgreSQL.
function historyTime(db: SqlDriver, date: Date): string | Date {
  return db.engine === 'sqlite' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
}
