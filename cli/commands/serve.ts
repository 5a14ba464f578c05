import { startScheduler } from '../../bot/scheduler/start-scheduler.ts';
import { describeDatabase } from '../../core/store/describe-database.ts';
import type { DemoBuildResult } from '../../core/sync/build-demo.ts';
import { buildServer } from '../../mcp-server/build-server.ts';
import { resolveMcpToken } from '../../mcp-server/mcp-token.ts';
import { startMcpHttpServer } from '../../mcp-server/start-http-server.ts';
import type { CommandHandler } from '../main.ts';
import { mcpDepsFor } from '../mcp-deps.ts';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { syncDepsFor } from '../sync-deps.ts';
import { DEFAULT_DEMO_CASES, describeDemo, runDemoBuild } from './demo.ts';

/** Parts of `serve` that later releases switch on; listed so nobody waits for them. */
const NOT_YET = ['the assistant that answers questions in plain English and Chinese', 'daily digests', 'the Slack and Discord bots'];

/** Resolves when the process is asked to stop (Ctrl+C, or a service manager's SIGTERM). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: CommandHandler = async (ctx) => {
  const { db, configured } = await openConfiguredDatabase(ctx);
  try {
    // First start with no store at all and none configured: fill the demo, so there is something to look at.
    let demo: DemoBuildResult | null = null;
    if (configured.stores.length === 0 && (await describeDatabase(db)).counts.stores === 0) {
      if (!ctx.json) process.stderr.write('First start: building the demo stores from the built-in sandboxes…\n');
      demo = await runDemoBuild(db, ctx, { cases: DEFAULT_DEMO_CASES, seed: 42 });
    }
    const d = await describeDatabase(db);
    const token = resolveMcpToken(ctx.env, 'data');
    const mcpDeps = mcpDepsFor(ctx, db);
    const mcp = await startMcpHttpServer({ ...ctx.config.mcp, token: token.token }, () => buildServer(mcpDeps), ctx.log);
    // Listen for Ctrl+C before saying it stops us, so an early one is never lost.
    const stopped = untilStopped();
    const tokenWhere = token.source === 'file' ? `the token in ${token.file}${token.createdNow ? ' (created now)' : ''}` : 'the token in HELLOWORD_MCP_TOKEN';
    if (ctx.json) {
      ctx.stdout.write(
        `${JSON.stringify({ database: d, timeZone: ctx.config.timeZone, demoBuilt: demo !== null, running: ['scheduler', 'mcp'], mcp: { url: mcp.url, token: token.source === 'file' ? token.file : 'HELLOWORD_MCP_TOKEN' }, notAvailableYet: NOT_YET })}\n`,
      );
    }
    const engine = d.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    if (!ctx.json) {
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
          `  MCP        ${mcp.url} for AI IDEs and agents, with ${tokenWhere}`,
          '             as "Authorization: Bearer <token>" (the README shows the settings for each client)',
          '',
          'Try it in another terminal:',
          '  npx helloword tool get_overview',
          `  npx helloword tool rank_skus --input '{"by":"reason","reasons":"size","measure":"share"}'`,
          '',
          'Not available yet (coming in the next releases):',
          ...NOT_YET.map((n) => `  - ${n}`),
          '',
          "Running: the scheduler syncs each store every 15 minutes (or the store's own interval).",
          'See every command with: npx helloword --help (in another terminal). Press Ctrl+C to stop.',
          '',
        ].join('\n'),
      );
    }
    const scheduler = startScheduler(syncDepsFor(ctx, db, configured.credentials));
    const signal = await stopped;
    ctx.log.info({ signal }, 'stopping');
    await scheduler.stop();
    await mcp.close();
    if (!ctx.json) ctx.stdout.write('HelloWord stopped.\n');
    return 0;
  } finally {
    await db.close();
  }
};
