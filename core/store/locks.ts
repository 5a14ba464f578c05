import type { SqlDriver } from './sql-driver.ts';

export interface LockRequest {
  name: string;
  /** Who holds it, e.g. `<hostname>:<pid>:<random>`; the same holder may renew it. */
  holder: string;
  ttlMs: number;
  now: Date;
}

/**
 * Takes a named lease in the database, so two processes (or instances) never run the same
 * job at once. Returns false while another holder's lease is still valid; an expired lease
 * (its holder crashed) is taken over.
 */
export async function acquireLock(db: SqlDriver, request: LockRequest): Promise<boolean> {
  const expiresAt = new Date(request.now.getTime() + request.ttlMs);
  const changed = await db.run(
    `INSERT INTO "locks" ("name", "holder", "expires_at", "created_at") VALUES (?, ?, ?, ?)
     ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expires_at" = excluded."expires_at", "created_at" = excluded."created_at"
     WHERE "locks"."expires_at" <= ? OR "locks"."holder" = ?`,
    [request.name, request.holder, expiresAt, request.now, request.now, request.holder],
  );
  return changed > 0;
}

export async function releaseLock(db: SqlDriver, name: string, holder: string): Promise<void> {
  await db.run('DELETE FROM "locks" WHERE "name" = ? AND "holder" = ?', [name, holder]);
}
