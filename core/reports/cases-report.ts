import type { z } from 'zod';
import { resolveToolScope } from '../tools/resolve-tool-scope.ts';
import { searchCasesTool } from '../tools/search-cases.ts';
import { CASE_REPORT_COLUMNS, caseReportRow } from './case-columns.ts';
import { defineReport, type ReportDeps } from './report-definition.ts';
import { streamCases } from './stream-cases.ts';

// A file holds every matching case, so the paging and sort fields of search_cases do not apply.
export const casesReportInput = searchCasesTool.input.omit({ sort: true, limit: true, offset: true });

/** Resolves the search_cases filters exactly as the tool does: no period means all dates. */
export async function resolveCaseScope(input: z.output<typeof casesReportInput>, deps: ReportDeps) {
  const s = await resolveToolScope(deps, input, { period: 'when-given' });
  return { filters: { ...s.filters, dateBasis: input.date_basis }, meta: await s.meta(input.date_basis) };
}

export const casesReport = defineReport({
  name: 'cases',
  title: 'After-sales cases',
  description:
    'One row per case (return, refund, cancellation, inquiry, claim, chargeback) with every field: dates, amounts in their own currency, SKUs, assignee, the buyer\'s words and the link to the platform. Takes the filters of search_cases (platforms, stores, statuses, kinds, types, reasons or groups such as "size", skus, assignees, order_id, text, period or from/to, date_basis); all cases when none are given. In case-number order.',
  inputLike: 'search_cases',
  input: casesReportInput,
  columns: CASE_REPORT_COLUMNS,
  async prepare(input, deps, options) {
    const { filters, meta } = await resolveCaseScope(input, deps);
    async function* rows() {
      for await (const c of streamCases(deps.sql, filters, options)) yield caseReportRow(c.row, c.lines);
    }
    return { columns: CASE_REPORT_COLUMNS, rows: rows(), ...meta };
  },
});
