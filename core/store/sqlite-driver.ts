import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.ts';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[], unknown>;

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (p instanceof Date ? p.getTime() : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/**
 * better-sqlite3 is synchronous and one connection is shared by the whole process, so an open
 * transaction must not interleave with other async work: top-level calls wait while one is open.
 */
export class SqliteDriver implements SqlDriver {
  readonly engine = 'sqlite' as const;
  readonly #db: Database;
  readonly #statements = new Map<string, Statement>();
  #txTail: Promise<void> = Promise.resolve();
  #txOpen = false;

  constructor(db: Database) {
    this.#db = db;
  }

  get database(): Database {
    return this.#db;
  }

  /** Waits until no transaction is open. Inside a transaction, use its `tx`, never the driver. */
  async #idle(): Promise<void> {
    while (this.#txOpen) await this.#txTail;
  }

  prepare(sql: string): Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      if (this.#statements.size > 500) this.#statements.clear();
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    await this.#idle();
    return this.allNow<T>(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    await this.#idle();
    return this.runNow(sql, params);
  }

  async each<T extends SqlRow = SqlRow>(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<T[]> {
    await this.#idle();
    return this.eachNow<T>(sql, rows);
  }

  async insertEach(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<number[]> {
    await this.#idle();
    return this.insertEachNow(sql, rows);
  }

  async exec(script: string): Promise<void> {
    await this.#idle();
    this.#db.exec(script);
  }

  allNow<T extends SqlRow>(sql: string, params: readonly SqlValue[]): T[] {
    const stmt = this.prepare(sql);
    if (stmt.reader) return stmt.all(...bind(params)) as T[];
    stmt.run(...bind(params));
    return [];
  }

  eachNow<T extends SqlRow>(sql: string, rows: readonly (readonly SqlValue[])[]): T[] {
    const stmt = this.prepare(sql);
    const out: T[] = [];
    if (stmt.reader) for (const params of rows) out.push(...(stmt.all(...bind(params)) as T[]));
    else for (const params of rows) stmt.run(...bind(params));
    return out;
  }

  insertEachNow(sql: string, rows: readonly (readonly SqlValue[])[]): number[] {
    const stmt = this.prepare(sql);
    return rows.map((params) => Number(stmt.run(...bind(params)).lastInsertRowid));
  }

  runNow(sql: string, params: readonly SqlValue[]): number {
    return this.prepare(sql).run(...bind(params)).changes;
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const previous = this.#txTail;
    let release = () => {};
    this.#txTail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#txOpen = true;
    const tx = new SqliteTransaction(this);
    try {
      // IMMEDIATE takes the write lock up front, so another process waits (busy_timeout)
      // instead of failing half-way when a read transaction tries to upgrade.
      this.#db.exec('BEGIN IMMEDIATE');
      const result = await fn(tx);
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      tx.closed = true;
      this.#txOpen = false;
      release();
    }
  }

  async close(): Promise<void> {
    await this.#txTail;
    this.#statements.clear();
    if (this.#db.open) this.#db.close();
  }
}

/** The view of the driver inside a transaction: runs at once, nested transactions join it. */
class SqliteTransaction implements SqlDriver {
  readonly engine = 'sqlite' as const;
  closed = false;
  readonly #driver: SqliteDriver;

  constructor(driver: SqliteDriver) {
    this.#driver = driver;
  }

  #check(): void {
    if (this.closed) throw new Error('this transaction has already finished');
  }

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    this.#check();
    return this.#driver.allNow<T>(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    this.#check();
    return this.#driver.runNow(sql, params);
  }

  async each<T extends SqlRow = SqlRow>(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<T[]> {
    this.#check();
    return this.#driver.eachNow<T>(sql, rows);
  }

  async insertEach(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<number[]> {
    this.#check();
    return this.#driver.insertEachNow(sql, rows);
  }

  async exec(script: string): Promise<void> {
    this.#check();
    this.#driver.database.exec(script);
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    this.#check();
    return fn(this);
  }

  async close(): Promise<void> {}
}
