import { StoreRecord } from '../domain/records.ts';
import { updateByIdSql } from './insert-rows.ts';
import type { SqlDriver } from './sql-driver.ts';
import { emptySummary, type WriteSummary } from './write-summary.ts';

const COLUMNS = ['platform', 'name', 'marketplace', 'currency', 'time_zone', 'credentials_ref', 'is_demo', 'sync_interval_minutes'] as const;
const UPDATE_SQL = updateByIdSql('stores', COLUMNS);

/** Creates or updates stores by id. A store whose fields are all unchanged is not written. */
export async function upsertStores(db: SqlDriver, stores: readonly StoreRecord[], deps: { now: () => Date }): Promise<WriteSummary> {
  const summary = emptySummary();
  const parsed = stores.map((s) => StoreRecord.parse(s));
  await db.transaction(async (tx) => {
    for (const s of parsed) {
      const values = [s.platform, s.name, s.marketplace, s.currency, s.timeZone, s.credentialsRef, s.isDemo, s.syncIntervalMinutes];
      const [existing] = await tx.all(`SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "stores" WHERE "id" = ?`, [s.id]);
      if (!existing) {
        const now = deps.now();
        await tx.run(
          `INSERT INTO "stores" ("id", ${COLUMNS.map((c) => `"${c}"`).join(', ')}, "created_at", "updated_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [s.id, ...values, now, now],
        );
        summary.created++;
        continue;
      }
      const same = COLUMNS.every((c, i) => {
        const stored = existing[c];
        const next = values[i];
        return typeof next === 'boolean' ? Boolean(stored) === next : (stored ?? null) === next;
      });
      if (same) {
        summary.unchanged++;
        continue;
      }
      await tx.run(UPDATE_SQL, [...values, deps.now(), s.id]);
      summary.updated++;
    }
  });
  return summary;
}
