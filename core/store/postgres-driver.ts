import type pg from 'pg';
import type { SqlDriver, SqlRow, SqlValue } from './sql-driver.ts';

/** `?` → `$1, $2, …`. Our SQL never has a literal `?` inside a string. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const textCache = new Map<string, string>();
function toPg(sql: string): string {
  let text = textCache.get(sql);
  if (text === undefined) {
    text = numberPlaceholders(sql);
    if (textCache.size > 1000) textCache.clear();
    textCache.set(sql, text);
  }
  return text;
}

function bind(params: readonly SqlValue[]): unknown[] {
  // timestamp(3) columns have no zone: send UTC explicitly so the server's and the process's
  // time zones never shift a value.
  return params.map((p) => (p instanceof Date ? p.toISOString() : typeof p === 'bigint' ? p.toString() : p));
}

type Queryable = pg.Pool | pg.PoolClient;

class PgQueryRunner {
  constructor(protected readonly client: Queryable) {}

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.client.query(toPg(sql), bind(params));
    return result.rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.client.query(toPg(sql), bind(params));
    return result.rowCount ?? 0;
  }

  async each<T extends SqlRow = SqlRow>(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<T[]> {
    const out: T[] = [];
    for (const params of rows) out.push(...(await this.all<T>(sql, params)));
    return out;
  }

  async insertEach(sql: string, rows: readonly (readonly SqlValue[])[]): Promise<number[]> {
    const ids: number[] = [];
    for (const params of rows) ids.push(Number((await this.all<{ id: unknown }>(`${sql} RETURNING "id"`, params))[0]?.id));
    return ids;
  }

  async exec(script: string): Promise<void> {
    await this.client.query(script);
  }
}

export class PostgresDriver extends PgQueryRunner implements SqlDriver {
  readonly engine = 'postgresql' as const;
  readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    super(pool);
    this.pool = pool;
  }

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresTransaction extends PgQueryRunner implements SqlDriver {
  readonly engine = 'postgresql' as const;

  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    return fn(this);
  }

  async close(): Promise<void> {}
}
