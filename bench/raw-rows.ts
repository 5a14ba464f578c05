// The rows a sync wrote, page by page, read back from its database so that the driver alone can
// write exactly them again: every column but the id, parents before children, each child's
// foreign key pointed at its parent's new id — what the fastest hand-written import would do.

import type BetterSqlite3 from 'better-sqlite3';
import type { Platform } from '../core/domain/taxonomy.ts';
import { insertRows } from '../core/store/insert-rows.ts';
import type { Database } from '../core/store/open-database.ts';
import type { SqlDriver, SqlValue } from '../core/store/sql-driver.ts';
import type { SqliteDriver } from '../core/store/sqlite-driver.ts';

interface TableSpec {
  name: string;
  /** A parent's natural key, to find its new id where the driver does not hand ids back in order. */
  key?: readonly string[];
  /** A child's reference to its parent's id. */
  parent?: { column: string; table: string };
}

/** In the order a page writes them: SKUs first (cases resolve against them), parents before children. */
const TABLES: readonly TableSpec[] = [
  { name: 'skus' },
  { name: 'orders', key: ['store_id', 'platform_order_id'] },
  { name: 'order_lines', parent: { column: 'order_id', table: 'orders' } },
  { name: 'cases', key: ['store_id', 'kind', 'platform_case_id'] },
  { name: 'case_lines', parent: { column: 'case_id', table: 'cases' } },
  { name: 'case_events', parent: { column: 'case_id', table: 'cases' } },
];

export type MaxIds = Record<string, number>;

export interface RawTable {
  spec: TableSpec;
  columns: string[];
  rows: { id: number; values: SqlValue[] }[];
}

export interface RawPage {
  platform: Platform;
  tables: RawTable[];
  /** Orders and cases among the rows: the records the page stands for. */
  records: number;
}

/** The highest id of each table now: taken after each page, it tells which rows the page wrote. */
export async function maxIds(sql: SqlDriver): Promise<MaxIds> {
  const out: MaxIds = {};
  for (const t of TABLES) {
    const [row] = await sql.all<{ m: unknown }>(`SELECT max("id") AS m FROM "${t.name}"`);
    out[t.name] = Number(row?.m ?? 0);
  }
  return out;
}

async function columnsOf(sql: SqlDriver, table: string): Promise<string[]> {
  const rows =
    sql.engine === 'sqlite'
      ? await sql.all<{ name: string }>(`SELECT "name" FROM pragma_table_info('${table}') ORDER BY "cid"`)
      : await sql.all<{ name: string }>(
          'SELECT column_name AS "name" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
          [table],
        );
  return rows.map((r) => r.name).filter((c) => c !== 'id');
}

/** Every row of the synced tables, split into the pages that wrote them (`after[k]`: the max ids after page k). */
export async function readPages(sql: SqlDriver, after: readonly { platform: Platform; max: MaxIds }[]): Promise<RawPage[]> {
  const pages: RawPage[] = after.map((p) => ({ platform: p.platform, tables: [], records: 0 }));
  for (const spec of TABLES) {
    const columns = await columnsOf(sql, spec.name);
    const all = await sql.all(`SELECT "id", ${columns.map((c) => `"${c}"`).join(', ')} FROM "${spec.name}" ORDER BY "id"`);
    let next = 0;
    after.forEach((p, k) => {
      const rows: RawTable['rows'] = [];
      const last = p.max[spec.name] ?? 0;
      while (next < all.length && Number(all[next]?.id) <= last) {
        const row = all[next++] ?? {};
        rows.push({ id: Number(row.id), values: columns.map((c) => row[c] as SqlValue) });
      }
      const page = pages[k];
      if (!page || rows.length === 0) return;
      page.tables.push({ spec, columns, rows });
      if (spec.name === 'orders' || spec.name === 'cases') page.records += rows.length;
    });
  }
  return pages.filter((p) => p.tables.length > 0);
}

/** How many rows each synced table holds (to check that both sides wrote the same). */
export async function rowCounts(sql: SqlDriver): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await sql.all<{ n: unknown }>(`SELECT count(*) AS n FROM "${t.name}"`);
    out[t.name] = Number(row?.n ?? 0);
  }
  return out;
}

const insertSql = (t: RawTable) =>
  `INSERT INTO "${t.spec.name}" (${t.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`;

/** A child's values with its parent reference moved to the parent's new id. */
function repointed(t: RawTable, newIds: Map<string, Map<number, number>>): SqlValue[][] {
  const parent = t.spec.parent;
  if (!parent) return t.rows.map((r) => r.values);
  const at = t.columns.indexOf(parent.column);
  const ids = newIds.get(parent.table);
  return t.rows.map((r) => {
    const values = r.values.slice();
    values[at] = ids?.get(Number(values[at])) ?? null;
    return values;
  });
}

/**
 * Writes the pages with the driver alone, one transaction per page as the sync commits them, and
 * calls `onPage` with each page's time. SQLite: one prepared statement per table, run per row
 * (the new id comes back free). PostgreSQL: multi-row INSERTs, parents returning their ids.
 */
export async function writeRaw(db: Database, pages: readonly RawPage[], onPage: (page: RawPage, ms: number) => void): Promise<void> {
  const newIds = new Map<string, Map<number, number>>(TABLES.filter((t) => t.key).map((t) => [t.name, new Map()]));
  if (db.sql.engine === 'sqlite') {
    const sqlite = (db.sql as SqliteDriver).database;
    const statements = new Map<string, BetterSqlite3.Statement<unknown[]>>();
    const statement = (t: RawTable) => {
      let s = statements.get(t.spec.name);
      if (!s) {
        s = sqlite.prepare<unknown[]>(insertSql(t));
        statements.set(t.spec.name, s);
      }
      return s;
    };
    const bind = (v: SqlValue) => (v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v);
    for (const page of pages) {
      const t0 = performance.now();
      sqlite
        .transaction(() => {
          for (const t of page.tables) {
            const insert = statement(t);
            const ids = newIds.get(t.spec.name);
            const rows = repointed(t, newIds);
            rows.forEach((values, k) => {
              const id = insert.run(...values.map(bind)).lastInsertRowid;
              if (ids) ids.set(t.rows[k]?.id ?? 0, Number(id));
            });
          }
        })
        .immediate();
      onPage(page, performance.now() - t0);
    }
    return;
  }
  for (const page of pages) {
    const t0 = performance.now();
    await db.sql.transaction(async (tx) => {
      for (const t of page.tables) {
        const rows = repointed(t, newIds);
        const ids = newIds.get(t.spec.name);
        const key = t.spec.key;
        if (!ids || !key) {
          await insertRows(tx, t.spec.name, t.columns, rows);
          continue;
        }
        // PostgreSQL does not promise RETURNING rows in VALUES order: match them by natural key.
        const keyAt = key.map((c) => t.columns.indexOf(c));
        const back = await insertRows<Record<string, unknown>>(tx, t.spec.name, t.columns, rows, { returning: ['id', ...key] });
        const byKey = new Map(back.map((r) => [key.map((c) => String(r[c])).join('\u0000'), Number(r.id)]));
        t.rows.forEach((r) => {
          ids.set(r.id, byKey.get(keyAt.map((at) => String(r.values[at])).join('\u0000')) ?? 0);
        });
      }
    });
    onPage(page, performance.now() - t0);
  }
}
