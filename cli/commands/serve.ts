import { describeDatabase } from '../../core/store/describe-database.ts';
import { openDatabase } from '../../core/store/open-database.ts';
import type { DemoBuildResult } from '../../core/sync/build-demo.ts';
import type { CommandHandler } from '../main.ts';
import { DEFAULT_DEMO_CASES, describeDemo, runDemoBuild } from './demo.ts';

/** Parts of `serve` that later releases switch on; listed so nobody waits for them. */
const NOT_YET = [
  'demo stores for Amazon, Shopify and Wish (the eBay and Walmart demo stores are here), and connecting your own stores',
  'the MCP server for AI IDEs and agents',
  'the scheduler (syncs every 15 minutes, daily digests)',
  'the Slack and Discord bots',
];

export const serveCommand: CommandHandler = async (ctx) => {
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    // First start with no store at all: fill the demo, so there is something to look at.
    let demo: DemoBuildResult | null = null;
    if ((await describeDatabase(db)).counts.stores === 0) {
      if (!ctx.json) process.stderr.write('First start: building the demo stores from the built-in sandboxes…\n');
      demo = await runDemoBuild(db, ctx, { cases: DEFAULT_DEMO_CASES, seed: 42 });
    }
    const d = await describeDatabase(db);
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({ database: d, timeZone: ctx.config.timeZone, demoBuilt: demo !== null, notAvailableYet: NOT_YET })}\n`);
      return 0;
    }
    const engine = d.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const updates = d.migrationsAppliedNow.length
      ? `brought up to date (${d.migrationsAppliedNow.length} update${d.migrationsAppliedNow.length === 1 ? '' : 's'} applied)`
      : 'already up to date';
    ctx.stdout.write(
      [
        ...(demo ? [describeDemo(demo)] : []),
        'HelloWord is ready.',
        '',
        `  Database   ${engine} at ${d.location}, ${updates}`,
        `  Contents   ${d.counts.stores} stores, ${d.counts.orders} orders, ${d.counts.cases} after-sales cases`,
        `  Time zone  ${ctx.config.timeZone}`,
        '',
        'Not available yet (coming in the next releases):',
        ...NOT_YET.map((n) => `  - ${n}`),
        '',
        'See every command with: npx helloword --help',
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
  }
};
