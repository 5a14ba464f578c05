import type { Waiter } from '../platforms/http/token-bucket.ts';
import { type DemoOverrides, demoConnectors, PLATFORMS } from '../platforms/registry.ts';
import { DAYS, DEMO_USD_PER, type DemoScenario } from '../platforms/sandbox/demo-scenario.ts';
import { DEMO_STORES } from '../platforms/sandbox/demo-stores.ts';
import type { SqlDriver } from '../store/sql-driver.ts';
import { upsertStores } from '../store/upsert-stores.ts';
import { assignDemoTeam } from './assign-demo-team.ts';
import { demoSourceRef } from './demo-source.ts';
import type { SyncDeps } from './sync-store-resource.ts';
import { type StoreToSync, type SyncProgress, syncStores } from './sync-stores.ts';

export interface DemoBuildResult {
  scenario: DemoScenario;
  /** The demo stores, synced. */
  synced: string[];
  results: Awaited<ReturnType<typeof syncStores>>;
}

/** The demo stores, each with its platform's connector pointed at the platform's sandbox, ready to sync. */
export function demoStoresToSync(
  scenario: DemoScenario,
  deps: { waiter: Waiter; random: () => number; log: SyncDeps['log'] },
  overrides?: DemoOverrides,
): StoreToSync[] {
  const out: StoreToSync[] = [];
  for (const entry of Object.values(PLATFORMS)) {
    for (const [storeId, connector] of demoConnectors(entry, scenario, DEMO_STORES, deps, overrides)) {
      out.push({ store: { id: storeId, platform: entry.spec.platform }, connector, inProcess: true });
    }
  }
  return out;
}

/**
 * The demo's FX table: fixed rates into USD from the first day of its data (DESIGN: "demo ships
 * fixed rates"). Rates a person entered themselves (another source) are left alone.
 */
export async function writeDemoFxRates(sql: SqlDriver, scenario: DemoScenario): Promise<void> {
  const day = new Date(scenario.anchor.getTime() - (DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
  await sql.transaction(async (tx) => {
    await tx.run(`DELETE FROM "fx_rates" WHERE "source" = 'demo'`);
    for (const [currency, rate] of Object.entries(DEMO_USD_PER)) {
      if (currency === 'USD') continue;
      await tx.run(`INSERT INTO "fx_rates" ("day", "base", "quote", "rate", "source") VALUES (?, ?, 'USD', ?, 'demo')`, [day, currency, rate]);
    }
  });
}

/**
 * (Re)builds the demo: removes the previous demo stores and everything synced from them, then
 * syncs the built-in sandboxes through the same path as real stores — never by inserting rows.
 */
export async function buildDemo(
  input: { scenario: DemoScenario; onProgress?: (p: SyncProgress) => void },
  deps: SyncDeps & { waiter: Waiter; random: () => number },
): Promise<DemoBuildResult> {
  await deps.sql.transaction(async (tx) => {
    // Cascades to the demo stores' SKUs, orders, cases, cursors and sync runs.
    await tx.run('DELETE FROM "stores" WHERE "is_demo" = ?', [true]);
  });
  const toSync = demoStoresToSync(input.scenario, deps);
  const ref = demoSourceRef(input.scenario);
  await upsertStores(
    deps.sql,
    DEMO_STORES.map(({ share: _share, ...s }) => ({ ...s, credentialsRef: ref })),
    deps,
  );
  await writeDemoFxRates(deps.sql, input.scenario);
  const results = await syncStores({ stores: toSync, onProgress: input.onProgress }, deps);
  await assignDemoTeam(deps.sql, input.scenario, deps.now());
  return {
    scenario: input.scenario,
    synced: toSync.map((s) => s.store.id),
    results,
  };
}
