import { readOptionalDate, type SqlDriver } from './sql-driver.ts';

export interface SyncCursor {
  /** The platform's opaque position (next token, offset, page cursor), if it has one. */
  cursor: string | null;
  /** The latest platform update time fully written, for time-window resources. */
  watermark: Date | null;
}

export async function readSyncCursor(db: SqlDriver, storeId: string, resource: string): Promise<SyncCursor | null> {
  const [row] = await db.all('SELECT "cursor", "watermark" FROM "sync_cursors" WHERE "store_id" = ? AND "resource" = ?', [storeId, resource]);
  if (!row) return null;
  return { cursor: (row.cursor as string | null) ?? null, watermark: readOptionalDate(row.watermark) };
}

/**
 * Saves where a sync of one store × resource resumes. Call it with the same transaction that
 * wrote the page, so a crash can never leave the cursor ahead of (or behind) the rows.
 */
export async function writeSyncCursor(tx: SqlDriver, storeId: string, resource: string, position: SyncCursor, now: Date): Promise<void> {
  await tx.run(
    `INSERT INTO "sync_cursors" ("store_id", "resource", "cursor", "watermark", "updated_at") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("store_id", "resource") DO UPDATE SET "cursor" = excluded."cursor", "watermark" = excluded."watermark", "updated_at" = excluded."updated_at"`,
    [storeId, resource, position.cursor, position.watermark, now],
  );
}
