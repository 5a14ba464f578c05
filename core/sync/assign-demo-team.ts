import { type DEMO_AGENTS, type DemoScenario, demoCase, planStore } from '../platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../platforms/sandbox/demo-stores.ts';
import { inSlices, insertRows, placeholders } from '../store/insert-rows.ts';
import { readDate, readInt, type SqlDriver, type SqlValue } from '../store/sql-driver.ts';

const TEAM: Readonly<Record<(typeof DEMO_AGENTS)[number], { name: string; role: string }>> = {
  mia: { name: 'Mia (demo)', role: 'supervisor' },
  leo: { name: 'Leo (demo)', role: 'agent' },
  ana: { name: 'Ana (demo)', role: 'agent' },
  sam: { name: 'Sam (demo)', role: 'agent' },
};

const EVENT_COLUMNS = ['case_id', 'at', 'type', 'actor', 'from_value', 'to_value'] as const;

/**
 * The demo team's side of the story. Platforms do not know who on a seller's team handled a
 * case — that is HelloWord's own data — so after the demo stores sync, the demo's members are
 * created and each synced case is assigned as the scenario says (by its case id, or by its
 * order when the platform names the case differently), with an "assigned" event in its
 * timeline. Returns how many cases were assigned.
 *
 * The matching is done in memory, one store at a time: an UPDATE per truth case was one round
 * trip each on PostgreSQL (about an hour at a million cases). Each store's unassigned cases are
 * read once, matched in scenario order (the first truth case to claim a case wins, as the
 * per-case UPDATE did), and written as one UPDATE per agent per 500 ids.
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
    let assigned = 0;
    for (const store of DEMO_STORES) assigned += await assignStore(tx, scenario, store);
    return assigned;
  });
}

async function assignStore(tx: SqlDriver, scenario: DemoScenario, store: (typeof DEMO_STORES)[number]): Promise<number> {
  const rows = await tx.all<{ id: unknown; kind: string; platform_case_id: string; platform_order_id: string | null; requested_at: unknown }>(
    `SELECT "id", "kind", "platform_case_id", "platform_order_id", "requested_at" FROM "cases" WHERE "store_id" = ? AND "assignee" IS NULL ORDER BY "id"`,
    [store.id],
  );
  if (rows.length === 0) return 0;
  const byCaseId = new Map<string, number[]>();
  const byOrderId = new Map<string, number[]>();
  const requestedAt = new Map<number, unknown>();
  const push = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const r of rows) {
    const id = readInt(r.id);
    requestedAt.set(id, r.requested_at);
    push(byCaseId, `${r.kind}\u0000${r.platform_case_id}`, id);
    if (r.platform_order_id !== null) push(byOrderId, `${r.kind}\u0000${r.platform_order_id}`, id);
  }
  const assignee = new Map<number, string>();
  const plan = planStore(scenario, store);
  for (let i = 0; i < plan.cases; i++) {
    const c = demoCase(plan, i);
    if (!c.assignee) continue;
    const matches = [...(byCaseId.get(`${c.kind}\u0000${c.platformCaseId}`) ?? []), ...(byOrderId.get(`${c.kind}\u0000${c.order.platformOrderId}`) ?? [])];
    for (const id of matches) if (!assignee.has(id)) assignee.set(id, c.assignee);
  }
  const idsByAgent = new Map<string, number[]>();
  for (const [id, agent] of assignee) push(idsByAgent, agent, id);
  for (const [agent, ids] of idsByAgent) {
    await inSlices(ids, 500, async (slice) => {
      await tx.run(`UPDATE "cases" SET "assignee" = ? WHERE "id" IN (${placeholders(slice.length)})`, [agent, ...slice]);
    });
  }
  const events: SqlValue[][] = [...assignee].map(([id, agent]) => [id, readDate(requestedAt.get(id)), 'assigned', 'demo:team', null, agent]);
  await insertRows(tx, 'case_events', EVENT_COLUMNS, events);
  return assignee.size;
}
