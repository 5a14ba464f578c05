import { parseArgs } from 'node:util';
import { AppError } from '../core/errors/app-error.ts';
import { createLogger, type Log } from '../core/logging/create-logger.ts';
import { COMMANDS, type CommandSpec, GLOBAL_FLAGS } from './command-table.js';
import { type Config, readConfig } from './read-config.ts';

/** What a command handler gets: parsed flags, configuration and where to write. */
export interface CommandContext {
  command: CommandSpec;
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
  json: boolean;
  config: Config;
  log: Log;
  /** The one clock of the process: HELLOWORD_NOW when set, else the real time. */
  now: () => Date;
  stdout: NodeJS.WritableStream;
  /** The environment, for the few settings a command reads itself (store credentials). */
  env: NodeJS.ProcessEnv;
}

export type CommandHandler = (ctx: CommandContext) => Promise<number>;

// Loaded only for the command that runs, so one command never pays for another's libraries.
const HANDLERS: Record<string, () => Promise<CommandHandler>> = {
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  sync: async () => (await import('./commands/sync.ts')).syncCommand,
  tool: async () => (await import('./commands/tool.ts')).toolCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  mcp: async () => (await import('./commands/mcp.ts')).mcpCommand,
};

export interface MainIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Runs one `helloword` command line and returns the process exit code. */
export async function main(argv: string[], io: MainIo = { env: process.env, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const json = argv.includes('--json');
  let debug = false;
  try {
    const [name, ...rest] = argv.filter((a) => a !== '--json');
    const command = COMMANDS.find((c) => c.name === name);
    const load = command && HANDLERS[command.name];
    if (!command || !load) throw new AppError('BAD_INPUT', `"${name ?? ''}" is not a helloword command. Run "helloword --help" to see them all.`);
    const { values, positionals } = parseFlags(command, rest);
    const config = readConfig(io.env);
    debug = config.logLevel === 'debug' || config.logLevel === 'trace';
    const log = createLogger({ level: config.logLevel ?? (command.name === 'serve' ? 'info' : 'warn') });
    const pinned = config.now;
    const handler = await load();
    return await handler({
      command,
      flags: values,
      positionals,
      json,
      config,
      log,
      now: pinned ? () => new Date(pinned) : () => new Date(),
      stdout: io.stdout,
      env: io.env,
    });
  } catch (error) {
    const appError = AppError.from(error);
    if (json) io.stdout.write(`${JSON.stringify({ error: { code: appError.code, message: appError.userMessage } })}\n`);
    io.stderr.write(`helloword: ${appError.userMessage}\n`);
    if (debug || appError.code === 'INTERNAL') {
      const cause = appError.code === 'INTERNAL' ? appError.cause : appError;
      if (debug) io.stderr.write(`${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
      else io.stderr.write(`(${appError.message})\n`);
    }
    return appError.exitCode;
  }
}

function parseFlags(command: CommandSpec, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.flags, help: GLOBAL_FLAGS.help, json: GLOBAL_FLAGS.json },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /Option '(-{1,2}[\w-]+)/.exec(message)?.[1];
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    // node:util's messages run over several lines and talk to programmers; say it plainly.
    const reason =
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option
        ? `${option} needs a value (for a value that starts with a dash, write ${option}=-…)`
        : (message.split('\n')[0] ?? message).replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    throw new AppError('BAD_INPUT', `${reason}. Run "helloword ${command.name} --help" for its options.`);
  }
}
