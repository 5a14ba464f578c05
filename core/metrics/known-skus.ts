import { AppError } from '../errors/app-error.ts';
import type { SqlDriver } from '../store/sql-driver.ts';
import { closestNames } from './closest-names.ts';

/**
 * Checks SKUs a person typed against the seller SKUs HelloWord knows (case-insensitively) and
 * returns them as stored; an unknown one is an error naming the closest known SKUs.
 */
export async function knownSkus(sql: SqlDriver, typed: readonly string[]): Promise<string[]> {
  if (typed.length === 0) return [];
  const rows = await sql.all<{ seller_sku: string }>('SELECT DISTINCT "seller_sku" FROM "skus"');
  const known = rows.map((r) => r.seller_sku);
  const byUpper = new Map(known.map((s) => [s.toUpperCase(), s]));
  const out: string[] = [];
  for (const t of typed) {
    const found = byUpper.get(t.trim().toUpperCase());
    if (found) {
      out.push(found);
      continue;
    }
    // A SKU sold on a platform whose listings are not synced as SKU records is still a SKU.
    const [sold] = await sql.all('SELECT "seller_sku" FROM "order_lines" WHERE "seller_sku" = ? LIMIT 1', [t.trim()]);
    if (sold) {
      out.push(t.trim());
      continue;
    }
    const close = closestNames(t, known);
    throw new AppError('NOT_FOUND', `No SKU "${t.trim()}"${close.length > 0 ? `; closest: ${close.join(', ')}` : ' (no SKUs synced yet)'}.`);
  }
  return out;
}
