import { type Database, openDatabase } from '../core/store/open-database.ts';
import { upsertStores } from '../core/store/upsert-stores.ts';
import type { CommandContext } from './main.ts';
import { type ConfiguredStores, readStoresFile } from './read-stores-file.ts';

/**
 * Opens the database with the seller's configured stores written into it. The stores file is read
 * (and checked) before the database is touched, so a bad file changes nothing.
 */
export async function openConfiguredDatabase(ctx: CommandContext): Promise<{ db: Database; configured: ConfiguredStores }> {
  const configured = readStoresFile(ctx.env);
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    if (configured.stores.length) await upsertStores(db.sql, configured.stores, { now: ctx.now });
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, configured };
}
