import { type DEMO_AGENTS, type DemoScenario, demoCase, planStore } from '../platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../platforms/sandbox/demo-stores.ts';
import { readDate, type SqlDriver, type SqlValue } from '../store/sql-driver.ts';

const TEAM: Readonly<Record<(typeof DEMO_AGENTS)[number], { name: string; role: string }>> = {
  mia: { name: 'Mia (demo)', role: 'supervisor' },
  leo: { name: 'Leo (demo)', role: 'agent' },
  ana: { name: 'Ana (demo)', role: 'agent' },
  sam: { name: 'Sam (demo)', role: 'agent' },
};

/**
 * The demo team's side of the story. Platforms do not know who on a seller's team handled a
 * case — that is HelloWord's own data — so after the demo stores sync, the demo's members are
 * created and each synced case is assigned as the scenario says (by its case id, or by its
 * order when the platform names the case differently), with an "assigned" event in its
 * timeline. Returns how many cases were assigned.
 */
export async function assignDemoTeam(sql: SqlDriver, scenario: DemoScenario, now: Date): Promise<number> {
  return sql.transaction(async (tx) => {
    for (const [id, m] of Object.entries(TEAM)) {
      // A member the seller created under the same name is theirs: left as it is.
      await tx.run(
        `INSERT INTO "members" ("id", "display_name", "role", "active", "created_at", "updated_at") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT ("id") DO NOTHING`,
        [id, m.name, m.role, true, now, now],
      );
    }
    const rows: SqlValue[][] = [];
    for (const store of DEMO_STORES) {
      const plan = planStore(scenario, store);
      for (let i = 0; i < plan.cases; i++) {
        const c = demoCase(plan, i);
        if (c.assignee) rows.push([c.assignee, store.id, c.kind, c.platformCaseId, c.order.platformOrderId]);
      }
    }
    const assigned = await tx.each<{ id: unknown; assignee: string; requested_at: unknown }>(
      `UPDATE "cases" SET "assignee" = ?
        WHERE "store_id" = ? AND "kind" = ? AND "assignee" IS NULL AND ("platform_case_id" = ? OR "platform_order_id" = ?)
        RETURNING "id", "assignee", "requested_at"`,
      rows,
    );
    for (const a of assigned) {
      await tx.run(`INSERT INTO "case_events" ("case_id", "at", "type", "actor", "from_value", "to_value") VALUES (?, ?, 'assigned', 'demo:team', NULL, ?)`, [
        a.id as number,
        readDate(a.requested_at),
        a.assignee,
      ]);
    }
    return assigned.length;
  });
}
