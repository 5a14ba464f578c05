import type { Platform } from '../domain/taxonomy.ts';
import { AppError } from '../errors/app-error.ts';
import type { SqlDriver } from '../store/sql-driver.ts';

export interface StoreInScope {
  id: string;
  platform: Platform;
  name: string;
  currency: string;
}

export interface StoreScope {
  /** The stores a question is about. */
  stores: StoreInScope[];
  /** For SQL filters: the store ids, or undefined when every store is in scope. */
  storeIds: string[] | undefined;
  platforms: Platform[];
}

/**
 * Turns platform and store filters into the stores they mean. An unknown store id is an error
 * that lists the stores there are, so a person or a model can correct it.
 */
export async function resolveStores(sql: SqlDriver, filter: { platforms?: readonly Platform[]; stores?: readonly string[] }): Promise<StoreScope> {
  const all = await sql.all<{ id: string; platform: Platform; name: string; currency: string }>(
    'SELECT "id", "platform", "name", "currency" FROM "stores" ORDER BY "id"',
  );
  const wanted = filter.stores?.map((s) => s.trim().toLowerCase()) ?? [];
  for (const id of wanted) {
    if (!all.some((s) => s.id === id || s.name.toLowerCase() === id)) {
      throw new AppError('NOT_FOUND', `No store "${id}". Stores: ${all.map((s) => s.id).join(', ') || 'none yet (run helloword demo or sync)'}.`);
    }
  }
  const platforms = filter.platforms ?? [];
  const stores = all.filter(
    (s) =>
      (platforms.length === 0 || platforms.includes(s.platform)) && (wanted.length === 0 || wanted.includes(s.id) || wanted.includes(s.name.toLowerCase())),
  );
  const filtered = platforms.length > 0 || wanted.length > 0;
  return {
    stores,
    // An empty scope must match nothing, not everything: a sentinel id no store can have.
    storeIds: filtered ? (stores.length > 0 ? stores.map((s) => s.id) : ['\u0000none']) : undefined,
    platforms: [...new Set(stores.map((s) => s.platform))].sort(),
  };
}
