import { describeDatabase } from '../../core/store/describe-database.ts';
import { openDatabase } from '../../core/store/open-database.ts';
import type { CommandHandler } from '../main.ts';

/** Parts of `serve` that later releases switch on; listed so nobody waits for them. */
const NOT_YET = [
  'syncing the built-in demo stores (Amazon, eBay, Shopify, Walmart, Wish)',
  'the MCP server for AI IDEs and agents',
  'the scheduler (syncs every 15 minutes, daily digests)',
  'the Slack and Discord bots',
];

export const serveCommand: CommandHandler = async (ctx) => {
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    const d = await describeDatabase(db);
    if (ctx.json) {
      ctx.stdout.write(`${JSON.stringify({ database: d, timeZone: ctx.config.timeZone, notAvailableYet: NOT_YET })}\n`);
      return 0;
    }
    const engine = d.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const updates = d.migrationsAppliedNow.length
      ? `brought up to date (${d.migrationsAppliedNow.length} update${d.migrationsAppliedNow.length === 1 ? '' : 's'} applied)`
      : 'already up to date';
    ctx.stdout.write(
      [
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
