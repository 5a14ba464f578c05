import path from 'node:path';
import { AppError } from '../../core/errors/app-error.ts';
import { exportReport, REPORT_FORMATS, type ReportFormat, type ReportSummary } from '../../core/reports/export-report.ts';
import type { ReportDefinition } from '../../core/reports/report-definition.ts';
import { findReport, REPORTS } from '../../core/reports/reports.ts';
import { checkOutPath } from '../../core/reports/write-atomically.ts';
import { openDatabase } from '../../core/store/open-database.ts';
import type { CommandContext, CommandHandler } from '../main.ts';
import { parseInputFlag } from '../parse-input-flag.ts';
import { toolDepsFor } from '../tool-deps.ts';

const NAMES = REPORTS.map((r) => r.name).join(', ');
const FORMAT_WORDS: Readonly<Record<ReportFormat, string>> = { csv: 'CSV', xlsx: 'Excel' };

/** --format, or the extension of --out when --format is left out (report.xlsx means Excel). */
function formatOf(flag: unknown, out: string): ReportFormat {
  const word = typeof flag === 'string' ? flag.trim().toLowerCase().replace(/^\./, '') : path.extname(out).slice(1).toLowerCase();
  const format = REPORT_FORMATS.find((f) => f === word);
  if (format) return format;
  if (typeof flag === 'string') throw new AppError('BAD_INPUT', `--format must be csv or xlsx (got "${flag}").`);
  throw new AppError('BAD_INPUT', 'Give --format csv or --format xlsx (or an --out file ending in .csv or .xlsx).');
}

function wrap(text: string, indent: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

function listReports(ctx: CommandContext): void {
  if (ctx.json) {
    const list = REPORTS.map((r: ReportDefinition) => ({
      name: r.name,
      title: r.title,
      description: r.description,
      input_like: r.inputLike,
      columns: r.columns.map((c) => ({ name: c.name, header: c.header, type: c.type, ...(c.type === 'money' ? { currency_column: c.currencyColumn } : {}) })),
    }));
    ctx.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  const blocks = REPORTS.map((r) =>
    [
      `${r.name}: ${r.title}`,
      wrap(r.description, '  '),
      `  Input: the JSON of the ${r.inputLike} tool (see "helloword tool list").`,
      wrap(`${r.name === 'custom' ? 'Columns to choose from' : 'Columns'}: ${r.columns.map((c) => c.name).join(', ')}`, '  '),
    ].join('\n'),
  );
  ctx.stdout.write(`${blocks.join('\n\n')}\n\nWrite one: helloword report <name> --format csv|xlsx --out FILE [--input '<json>']\n`);
}

function describeSummary(report: ReportDefinition, s: ReportSummary): string {
  const lines = [`Wrote ${s.rows.toLocaleString('en-US')} row${s.rows === 1 ? '' : 's'} of "${report.title}" to ${s.out} (${FORMAT_WORDS[s.format]}).`];
  const p = s.filters.period;
  if (p) lines.push(`Period: ${p.first_day} to ${p.last_day} (${p.time_zone})${s.filters.date_basis ? `, by ${s.filters.date_basis.replace('_', ' ')}` : ''}.`);
  lines.push(s.as_of ? `Data as of ${s.as_of} (the oldest last sync of the stores counted).` : 'Some of the stores counted have never synced.');
  return `${lines.join('\n')}\n`;
}

/** `helloword report list` and `helloword report <name> --format csv|xlsx --out FILE [--input JSON]`. */
export const reportCommand: CommandHandler = async (ctx) => {
  const [name, ...extra] = ctx.positionals;
  if (!name) throw new AppError('BAD_INPUT', `Name a report, or "list". Reports: ${NAMES}.`);
  if (extra.length > 0) throw new AppError('BAD_INPUT', `Unexpected "${extra.join(' ')}": give the report's filters with --input '<json>'.`);
  if (name === 'list') {
    listReports(ctx);
    return 0;
  }
  const report = findReport(name);
  if (!report) throw new AppError('BAD_INPUT', `There is no report "${name}". Reports: ${NAMES}. "helloword report list" shows their columns.`);
  const out = ctx.flags.out;
  if (typeof out !== 'string' || out.trim() === '') throw new AppError('BAD_INPUT', 'Give the file to write with --out, e.g. --out returns.xlsx.');
  const format = formatOf(ctx.flags.format, out);
  const input = parseInputFlag(ctx.flags.input, '{"period":"last_month","platforms":"amazon"}');
  // A path that cannot be written fails before the database is opened.
  await checkOutPath(out);
  const db = await openDatabase({ url: ctx.config.databaseUrl, log: ctx.log });
  try {
    const summary = await exportReport(report, input, { format, out }, toolDepsFor(ctx, db));
    ctx.stdout.write(ctx.json ? `${JSON.stringify(summary, null, 2)}\n` : describeSummary(report, summary));
    return 0;
  } finally {
    await db.close();
  }
};
