#!/usr/bin/env node
// Entry point of the `helloword` command. Help, version and commands that are not built yet are
// answered from plain data here, so they are instant; everything else starts the TypeScript
// loader and runs cli/main.ts.
import { readFileSync } from 'node:fs';
import { COMMANDS, commandHelp, mainHelp } from '../cli/command-table.js';
import { preferSmallHeap } from '../cli/prefer-small-heap.js';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

function fail(code, message, exitCode) {
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
  process.stderr.write(`helloword: ${message}\n`);
  process.exit(exitCode);
}

const first = argv.find((a) => a !== '--json');
if (first === undefined || first === '--help' || first === '-h') {
  process.stdout.write(`${mainHelp(version)}\n`);
  process.exit(0);
}
if (first === '--version' || first === '-v') {
  process.stdout.write(json ? `${JSON.stringify({ version })}\n` : `${version}\n`);
  process.exit(0);
}
if (first === 'help') {
  const topic = COMMANDS.find((c) => c.name === argv[argv.indexOf('help') + 1]);
  process.stdout.write(`${topic ? commandHelp(topic) : mainHelp(version)}\n`);
  process.exit(0);
}
const command = COMMANDS.find((c) => c.name === first);
if (!command) {
  const near = COMMANDS.filter((c) => c.name.startsWith(first.slice(0, 2))).map((c) => c.name);
  fail(
    'BAD_INPUT',
    `"${first}" is not a helloword command${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}. Run "helloword --help" to see them all.`,
    2,
  );
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${commandHelp(command)}\n`);
  process.exit(0);
}
if (command.availableIn) {
  fail('NOT_AVAILABLE_YET', `"helloword ${command.name}" is not available yet: it arrives with ${command.availableIn}.`, 1);
}

preferSmallHeap();
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(argv);
