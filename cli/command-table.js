// The commands of `helloword`, their flags and their help texts, as plain data.
// Plain JavaScript on purpose: `helloword --help` prints from this file without starting the
// TypeScript loader, Prisma or any bot library, so help is instant. Types: command-table.d.ts.

/** Flags every command accepts. */
export const GLOBAL_FLAGS = {
  json: { type: 'boolean', help: 'print machine-readable JSON on stdout (logs stay on stderr)' },
  help: { type: 'boolean', short: 'h', help: 'show help for the command' },
};

export const COMMANDS = [
  {
    name: 'serve',
    summary: 'Start HelloWord: database, demo stores, MCP server, scheduler and chat bots',
    usage: 'helloword serve',
    flags: {},
    help: `Opens (and if needed creates) the database, brings it up to date, and starts
everything that is configured. \`npm start\` runs this command.

On the very first start it fills the demo stores. Then it keeps running until
you press Ctrl+C: it syncs every store every 15 minutes, and offers the tools to
AI assistants over MCP at http://127.0.0.1:8377/mcp with a token (it prints where
the token is; the README shows the settings for Claude, Cursor and VS Code). The
Slack/Discord bots arrive in the next releases and will start from here.`,
  },
  {
    name: 'demo',
    summary: 'Rebuild the demo database from the built-in sample stores',
    usage: 'helloword demo [--cases N] [--seed S]',
    flags: {
      cases: { type: 'string', help: 'how many after-sales cases the sample stores hold in all (default 5000, up to 2000000)' },
      seed: { type: 'string', help: 'a number that picks one reproducible set of sample data' },
    },
    help: `Fills the database with realistic sample stores by syncing them the same way real
stores sync, from built-in copies of the platforms (nothing goes to the internet).
Replaces the previous demo data; your own stores are not touched. The demo has
stores on Amazon (US and DE), eBay (US and UK), Shopify, Walmart and Wish.`,
  },
  {
    name: 'sync',
    summary: 'Fetch new returns, refunds, claims and orders from your stores',
    usage: 'helloword sync [--platform P] [--store ID]',
    flags: {
      platform: { type: 'string', help: 'only stores of this platform: amazon, ebay, shopify, walmart or wish' },
      store: { type: 'string', help: 'only this store (its id)' },
    },
    help: `Pulls everything that changed since the last sync from each store and shows
progress per store. Safe to stop and run again: it continues where it left off.
Your own stores are listed in helloword.stores.json with their credentials in
environment variables (see the README, "Connecting your stores").`,
  },
  {
    name: 'tool',
    summary: 'List or run one of the assistant tools directly',
    usage: "helloword tool list | helloword tool <name> [--input '<json>']",
    flags: {
      input: { type: 'string', help: 'the tool\'s input as JSON, e.g. \'{"period":"this_month"}\'' },
    },
    help: `Runs the same tools the chat assistant and AI IDEs use and prints a readable
answer, or the exact output with --json. Examples:
  helloword tool list
  helloword tool get_overview
  helloword tool rank_skus --input '{"by":"reason","reasons":["size"],"period":"this_month"}'
  helloword tool search_cases --input '{"statuses":"pending","platforms":"amazon"}'
  helloword tool sku_reasons --input '{"skus":"TEE-SLIM-BLK-M"}'
Periods and "this month" are in your team's time zone (HELLOWORD_TZ); money is in
HELLOWORD_CURRENCY (default USD).`,
  },
  {
    name: 'ask',
    summary: 'Ask a question in plain English or Chinese',
    usage: 'helloword ask "<question>"',
    flags: {},
    help: `Answers one question, for example:
  helloword ask "which SKUs had the most size complaints this month?"
  helloword ask "这个月哪些SKU尺码投诉最多？"`,
    availableIn: 'the assistant release',
  },
  {
    name: 'chat',
    summary: 'Talk with the assistant in this terminal',
    usage: 'helloword chat',
    flags: {},
    help: 'Opens a conversation with the assistant in the terminal. Type your question; Ctrl+D leaves.',
    availableIn: 'the assistant release',
  },
  {
    name: 'mcp',
    summary: 'Serve the tools to an AI IDE or agent over stdio (MCP)',
    usage: 'helloword mcp',
    flags: {},
    help: `For Claude Desktop, Claude Code, Cursor, VS Code and other MCP clients: they start
this command and talk to it over stdin/stdout. It serves the same tools as
"helloword tool", read-only, on the database in DATABASE_URL. The README has
copy-paste settings for each client. To use HelloWord over the network instead,
"helloword serve" offers MCP over HTTP with a token.`,
  },
  {
    name: 'digest',
    summary: 'Send (or print) the daily after-sales health digest',
    usage: 'helloword digest [--print]',
    flags: {
      print: { type: 'boolean', help: 'print the digest here instead of posting it to Slack/Discord' },
    },
    help: 'Builds the daily digest: refund rate, pending cases, disputes due, what changed.',
    availableIn: 'the digest release',
  },
  {
    name: 'report',
    summary: 'Export a report as an Excel or CSV file',
    usage: "helloword report list | helloword report <name> --format csv|xlsx --out FILE [--input '<json>']",
    flags: {
      format: { type: 'string', help: 'xlsx (Excel: dates, amounts and percents ready to sort and filter) or csv; taken from --out when left out' },
      out: { type: 'string', help: 'the file to write, e.g. returns.xlsx; an existing file is replaced' },
      input: { type: 'string', help: 'which rows, as JSON with the same fields as the matching tool, e.g. \'{"period":"last_month"}\'' },
    },
    help: `Writes every matching row to a file you can open in Excel, Numbers or Google
Sheets, or load into another system. Reports:
  cases              every case with all its fields (filters of search_cases)
  sku_ranking        SKUs by refund rate, by a reason, or by money refunded
  sku_reasons        why the SKUs you name come back, reason by reason
  agent_performance  per team member: cases, hours to decide, rates
  disputes           open claims, disputes and chargebacks, soonest deadline first
  custom             cases with only the columns you choose
"helloword report list" shows each report's columns. Examples:
  helloword report cases --format xlsx --out returns-last-month.xlsx --input '{"period":"last_month"}'
  helloword report cases --format csv --out amazon-size.csv --input '{"platforms":"amazon","reasons":"size","period":"this_month"}'
  helloword report sku_ranking --format xlsx --out size-complaints.xlsx --input '{"by":"reason","reasons":"size"}'
  helloword report disputes --format xlsx --out disputes.xlsx
  helloword report custom --format csv --out refunds.csv --input '{"columns":["platform_order_id","refunded_at","refunded_amount"],"period":"last_7_days","date_basis":"refund_date"}'
Times are in UTC (the column headers say so); "this month" and other periods are in
your team's time zone (HELLOWORD_TZ). Amounts stay in their own currency, next to a
currency column; sku_ranking's refunded amount is in HELLOWORD_CURRENCY. The file
appears only when it is complete. With --json, prints {report, format, out, rows, ...}.`,
  },
  {
    name: 'proposals',
    summary: 'List refund decisions waiting for a person to confirm',
    usage: 'helloword proposals',
    flags: {},
    help: 'Shows the pending proposals with their amount, checks and expiry time.',
    availableIn: 'the refund actions release',
  },
  {
    name: 'confirm',
    summary: 'Confirm a proposed refund decision',
    usage: 'helloword confirm <proposal-id> --as <member>',
    flags: {
      as: { type: 'string', help: 'your team member id; your role must allow the amount' },
    },
    help: 'Carries out a proposal after checking that the member may confirm it. Runs once, however often it is confirmed.',
    availableIn: 'the refund actions release',
  },
  {
    name: 'reject',
    summary: 'Reject a proposed refund decision',
    usage: 'helloword reject <proposal-id> --as <member>',
    flags: {
      as: { type: 'string', help: 'your team member id' },
    },
    help: 'Rejects a proposal; nothing is sent to the platform.',
    availableIn: 'the refund actions release',
  },
];

export const ENVIRONMENT_HELP = `Settings (environment variables):
  DATABASE_URL    where data lives: file:./data/helloword.db (default, SQLite)
                  or postgres://user:password@host:5432/database
  HELLOWORD_TZ    your team's time zone for "today", "this month"… (default UTC),
                  e.g. Asia/Shanghai, America/New_York
  HELLOWORD_NOW   pretend it is this moment (ISO time), for reproducible demos
  HELLOWORD_STORES_FILE  the file listing your own stores (default
                  ./helloword.stores.json); their credentials come from
                  HELLOWORD_<NAME>_CLIENT_ID and similar variables
  HELLOWORD_CURRENCY  the currency totals are shown in (default USD)
  HELLOWORD_MCP_TOKEN, HELLOWORD_MCP_PORT, HELLOWORD_HOST  MCP over HTTP in
                  "serve": the token (default: created in ./data/mcp-token),
                  port 8377 and address 127.0.0.1 (this machine only)
  LOG_LEVEL       error, warn, info or debug (debug also prints error details)`;

export function mainHelp(version) {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}${c.availableIn ? ' (coming soon)' : ''}`);
  return `HelloWord ${version}: your after-sales assistant for Amazon, eBay, Shopify, Walmart and Wish.

Usage: helloword <command> [options]

Commands:
${lines.join('\n')}

Options for every command:
  --json      ${GLOBAL_FLAGS.json.help}
  -h, --help  ${GLOBAL_FLAGS.help.help}

${ENVIRONMENT_HELP}

Run "helloword <command> --help" for details on one command.
Exit codes: 0 done, 1 failed, 2 bad usage or bad input.`;
}

export function commandHelp(command) {
  const flagLines = Object.entries(command.flags).map(([name, f]) => `  --${name.padEnd(10)} ${f.help}`);
  flagLines.push(`  --${'json'.padEnd(10)} ${GLOBAL_FLAGS.json.help}`);
  const soon = command.availableIn ? `\n\nNot available yet: this command arrives with ${command.availableIn}.` : '';
  return `Usage: ${command.usage}

${command.summary}.

${command.help}${soon}

Options:
${flagLines.join('\n')}`;
}
