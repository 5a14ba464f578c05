import { AppError } from '../../core/errors/app-error.ts';
import { type Database, openDatabase } from '../../core/store/open-database.ts';
import { buildDemo, type DemoBuildResult } from '../../core/sync/build-demo.ts';
import type { CommandContext, CommandHandler } from '../main.ts';
import { createSyncProgressPrinter } from '../print-sync-progress.ts';
import { syncDepsFor } from '../sync-deps.ts';

export const DEFAULT_DEMO_CASES = 5000;
const MAX_DEMO_CASES = 2_000_000;

function intFlag(value: unknown, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new AppError(
      'BAD_INPUT',
      `--${flag} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${String(value)}").`,
    );
  }
  return n;
}

/** Builds the demo on an open database, printing progress for a person. Shared with `serve`'s first start. */
export async function runDemoBuild(db: Database, ctx: CommandContext, options: { cases: number; seed: number }): Promise<DemoBuildResult> {
  return buildDemo(
    { scenario: { seed: options.seed, cases: options.cases, anchor: ctx.now() }, onProgress: createSyncProgressPrinter(process.stderr) },
    syncDepsFor(ctx, db),
  );
}

export function describeDemo(result: DemoBuildResult): string {
  const failed = result.results.filter((r) => r.status === 'failed');
  return [
    `Demo built from seed ${result.scenario.seed} at a scale of ${result.scenario.cases.toLocaleString('en-US')} cases over the seven demo stores, the 180 days up to ${result.scenario.anchor.toISOString().slice(0, 10)}.`,
    `  Synced: ${result.synced.join(', ')}`,
    ...failed.map((r) => `  FAILED ${r.storeId} ${r.resource}: ${r.error?.userMessage ?? 'unknown error'}`),
    '',
  ].join('\n');
}

export const demoCommand: CommandHandler = async (ctx) => {
  const cases = intFlag(ctx.flags.cases, 'cases', DEFAULT_DEMO_CASES, 1, MAX_DEMO_CASES);
  const seed = intFlag(ctx.flags.seed, 'seed', 42, 0, 2 ** 31 - 1);
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    const result = await runDemoBuild(db, ctx, { cases, seed });
    const failed = result.results.some((r) => r.status === 'failed');
    if (ctx.json) {
      ctx.stdout.write(
        `${JSON.stringify({
          scenario: { seed, cases, anchor: result.scenario.anchor.toISOString() },
          synced: result.synced,
          runs: result.results.map((r) => ({ store: r.storeId, resource: r.resource, status: r.status, ...r.counts, error: r.error?.userMessage ?? null })),
        })}\n`,
      );
    } else ctx.stdout.write(describeDemo(result));
    return failed ? 1 : 0;
  } finally {
    await db.close();
  }
};
