import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { closestNames } from '../metrics/closest-names.ts';
import { toList } from '../tools/common-schemas.ts';
import { CASE_REPORT_COLUMNS, caseReportRow } from './case-columns.ts';
import { casesReportInput, resolveCaseScope } from './cases-report.ts';
import type { ReportColumn } from './report-column.ts';
import { defineReport } from './report-definition.ts';
import { streamCases } from './stream-cases.ts';

const NAMES = CASE_REPORT_COLUMNS.map((c) => c.name);
const EXAMPLE = '["platform_order_id","reason","refunded_amount"]';
const key = (word: string) =>
  word
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * The chosen columns, in the order given. An amount needs its currency to mean anything, so a
 * money column brings its currency column along when it was not chosen.
 */
export function chooseCaseColumns(chosen: readonly string[]): ReportColumn[] {
  if (chosen.length === 0) throw new AppError('BAD_INPUT', `columns: choose at least one column, e.g. ${EXAMPLE}.`);
  const out: ReportColumn[] = [];
  const add = (column: ReportColumn) => {
    if (!out.includes(column)) out.push(column);
  };
  for (const word of chosen) {
    const column = CASE_REPORT_COLUMNS.find((c) => c.name === key(word));
    if (!column) {
      const close = closestNames(key(word), NAMES);
      throw new AppError(
        'BAD_INPUT',
        `columns: "${word}" is not a case column${close.length ? ` (closest: ${close.join(', ')})` : ''}; choose from ${NAMES.join(', ')}.`,
      );
    }
    add(column);
  }
  for (const column of [...out]) {
    if (column.type !== 'money') continue;
    const currency = CASE_REPORT_COLUMNS.find((c) => c.name === column.currencyColumn);
    if (currency && !out.includes(currency)) out.splice(out.indexOf(column) + 1, 0, currency);
  }
  return out;
}

export const customReport = defineReport({
  name: 'custom',
  title: 'Cases with the columns you choose',
  description:
    'Like the cases report (the same filters) with only the columns you list in "columns", in your order, e.g. {"columns":["platform_order_id","requested_at","reason","refunded_amount"],"reasons":"size"}. An amount always comes with its currency column.',
  inputLike: 'search_cases',
  input: casesReportInput.extend({
    columns: z
      .union([z.string(), z.array(z.string()).max(CASE_REPORT_COLUMNS.length * 2)], {
        error: (issue) => (issue.input === undefined ? `choose the columns to write, e.g. ${EXAMPLE}` : undefined),
      })
      .refine((v) => (toList(v)?.length ?? 0) > 0, { message: `choose at least one column, e.g. ${EXAMPLE}` })
      .describe(`The columns to write, in order: ${NAMES.join(', ')}.`),
  }),
  columns: CASE_REPORT_COLUMNS,
  async prepare(input, deps, options) {
    // Columns first: a typo should not wait for the database.
    const columns = chooseCaseColumns(toList(input.columns) ?? []);
    const { filters, meta } = await resolveCaseScope(input, deps);
    async function* rows() {
      for await (const c of streamCases(deps.sql, filters, options)) yield caseReportRow(c.row, c.lines);
    }
    return { columns, rows: rows(), ...meta };
  },
});
