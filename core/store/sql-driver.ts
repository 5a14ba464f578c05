/** The two engines HelloWord runs on: SQLite embedded, PostgreSQL at scale. */
export type Engine = 'sqlite' | 'postgresql';

export type SqlValue = string | number | bigint | boolean | Date | null;
export type SqlRow = Record<string, unknown>;

/**
 * Raw SQL for the hot paths (sync writes, metrics) where the Prisma client is 50–180× slower.
 * SQL is written once with `?` placeholders; the PostgreSQL driver numbers them. Dates go in as
 * Date and come back as whatever the engine stores: use `readDate` on the way out.
 */
export interface SqlDriver {
  readonly engine: Engine;
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs one statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs one statement once per parameter row, returning what the statements return (for
   * INSERT … RETURNING). On SQLite this is a tight loop over one prepared statement.
   */
  each<T extends SqlRow = SqlRow>(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<T[]>;
  /** Runs an INSERT (without RETURNING) once per parameter row; returns each new row's integer id. */
  insertEach(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<number[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `fn` in one transaction; a nested call joins the outer transaction. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLite stores our timestamps as epoch milliseconds, PostgreSQL as timestamp(3): read either. */
export function readDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') return new Date(/^\d+$/.test(value) ? Number(value) : value);
  throw new TypeError(`not a timestamp: ${String(value)}`);
}

export function readOptionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : readDate(value);
}

/** Integers that may come back as bigint, number or numeric string depending on the engine. */
export function readInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  if (value === null || value === undefined) return 0;
  throw new TypeError(`not a number: ${String(value)}`);
}

export function readOptionalBigInt(value: unknown): bigint | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string') return BigInt(value);
  throw new TypeError(`not an integer: ${String(value)}`);
}
