import type { SqlDriver } from '../store/sql-driver.ts';

export type IntrospectedTables = Map<string, Map<string, { nullable: boolean }>>;

/** The user tables and their columns as the engine reports them (not what we think we made). */
export async function introspectTables(db: SqlDriver): Promise<IntrospectedTables> {
  const out: IntrospectedTables = new Map();
  if (db.engine === 'sqlite') {
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    for (const { name } of tables) {
      const cols = await db.all<{ name: string; notnull: number; pk: number }>(`SELECT name, "notnull", pk FROM pragma_table_info(?)`, [name]);
      out.set(name, new Map(cols.map((c) => [c.name, { nullable: c.notnull === 0 && c.pk === 0 }])));
    }
    return out;
  }
  const cols = await db.all<{ table_name: string; column_name: string; is_nullable: string }>(
    'SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
  );
  for (const c of cols) {
    const table = out.get(c.table_name) ?? new Map();
    table.set(c.column_name, { nullable: c.is_nullable === 'YES' });
    out.set(c.table_name, table);
  }
  return out;
}
