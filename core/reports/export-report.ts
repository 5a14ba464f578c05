import { AppError } from '../errors/app-error.ts';
import type { ResolvedFilters } from '../tools/common-schemas.ts';
import { describeIssues } from '../tools/run-tool.ts';
import type { ReportDefinition, ReportDeps, ReportOptions } from './report-definition.ts';
import { checkOutPath, writeAtomically } from './write-atomically.ts';
import { writeCsv } from './write-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportSummary {
  report: string;
  format: ReportFormat;
  /** The absolute path written. */
  out: string;
  rows: number;
  as_of: string | null;
  filters: ResolvedFilters;
}

/**
 * Validates a report's input, writes the report to `out` as CSV or Excel, and says what it
 * wrote. Bad input and an unusable path fail before the database is read.
 */
export async function exportReport(
  report: ReportDefinition,
  rawInput: unknown,
  target: { format: ReportFormat; out: string },
  deps: ReportDeps,
  options: ReportOptions = {},
): Promise<ReportSummary> {
  const parsed = report.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new AppError('BAD_INPUT', `Invalid input for the ${report.name} report: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, {
      details: { issues },
    });
  }
  const out = await checkOutPath(target.out);
  const prepared = await report.prepare(parsed.data, deps, options);
  const rows = await writeAtomically(out, (temp) =>
    target.format === 'csv' ? writeCsv(temp, prepared.columns, prepared.rows) : writeXlsx(temp, report.title, prepared.columns, prepared.rows),
  );
  return { report: report.name, format: target.format, out, rows, as_of: prepared.as_of, filters: prepared.filters };
}
