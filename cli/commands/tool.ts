import { AppError } from '../../core/errors/app-error.ts';
import { openDatabase } from '../../core/store/open-database.ts';
import { findTool, TOOLS } from '../../core/tools/registry.ts';
import { renderToolText } from '../../core/tools/render-tool-text.ts';
import { runTool } from '../../core/tools/run-tool.ts';
import type { CommandHandler } from '../main.ts';
import { parseInputFlag } from '../parse-input-flag.ts';
import { toolDepsFor } from '../tool-deps.ts';

/** `helloword tool list` and `helloword tool <name> [--input JSON] [--json]`: the registry, for people and scripts. */
export const toolCommand: CommandHandler = async (ctx) => {
  const [name, ...extra] = ctx.positionals;
  if (!name) throw new AppError('BAD_INPUT', `Name a tool, or "list". Tools: ${TOOLS.map((t) => t.name).join(', ')}.`);
  if (extra.length > 0) throw new AppError('BAD_INPUT', `Unexpected "${extra.join(' ')}": give the tool's input with --input '<json>'.`);
  if (name === 'list') {
    if (ctx.json) {
      ctx.stdout.write(
        `${JSON.stringify(
          TOOLS.map((t) => ({ name: t.name, title: t.title, description: t.description, annotations: t.annotations })),
          null,
          2,
        )}\n`,
      );
    } else {
      const width = Math.max(...TOOLS.map((t) => t.name.length));
      ctx.stdout.write(
        `${TOOLS.map((t) => `  ${t.name.padEnd(width)}  ${t.title}`).join('\n')}\n\nRun one: helloword tool <name> --input '<json>'  (add --json for the exact output)\n`,
      );
    }
    return 0;
  }
  const tool = findTool(name);
  if (!tool) throw new AppError('BAD_INPUT', `There is no tool "${name}". Tools: ${TOOLS.map((t) => t.name).join(', ')}.`);
  const input = parseInputFlag(ctx.flags.input);
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    const result = await runTool(tool, input, toolDepsFor(ctx, db));
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    ctx.stdout.write(ctx.json ? `${JSON.stringify(result.output, null, 2)}\n` : renderToolText(tool.title, result.output));
    return 0;
  } finally {
    await db.close();
  }
};
