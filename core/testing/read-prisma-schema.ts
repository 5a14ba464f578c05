import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SchemaTable {
  columns: Map<string, { nullable: boolean }>;
}

const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes']);

/**
 * The tables and columns that schema.prisma declares (after @map/@@map), read straight from
 * the file, so the migration tests compare the database with the schema itself.
 */
export function readPrismaSchemaTables(file = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url))): Map<string, SchemaTable> {
  const text = readFileSync(file, 'utf8');
  const tables = new Map<string, SchemaTable>();
  for (const match of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, model = '', body = ''] = match;
    const tableName = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
    const columns = new Map<string, { nullable: boolean }>();
    for (const raw of body.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || line.startsWith('@@')) continue;
      const [, name = '', type = '', list, optional, rest = ''] = field;
      if (!SCALARS.has(type) || list) continue;
      const column = /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? name;
      columns.set(column, { nullable: optional === '?' });
    }
    tables.set(tableName, { columns });
  }
  return tables;
}
