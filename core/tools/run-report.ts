import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { exportReport, REPORT_FORMATS } from '../reports/export-report.ts';
import { findReport, REPORTS } from '../reports/reports.ts';
import { outputMeta } from './common-schemas.ts';
import { defineTool } from './tool-definition.ts';

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

export const runReportTool = defineTool({
  name: 'run_report',
  title: 'Write a report file',
  description: `Writes one of the reports to an Excel (xlsx, default) or CSV file on the machine HelloWord runs on, under data/reports/, and returns the file's path and how many rows it has — for a person who wants the rows in a spreadsheet. Reports: ${REPORTS.map((r) => r.name).join(', ')}. "input" takes the same fields as the matching tool (cases: those of search_cases; custom: those plus "columns"; sku_ranking: rank_skus; sku_reasons; agent_performance; disputes: list_disputes). For numbers to read or quote, use the other tools instead.`,
  input: z
    .object({
      report: z
        .string()
        .min(1)
        .describe(`One of: ${REPORTS.map((r) => r.name).join(', ')}`),
      format: z.enum(REPORT_FORMATS).default('xlsx'),
      input: z
        .record(z.string(), z.unknown())
        .default({})
        .describe('The report\'s filters, as for the matching tool, e.g. {"period": "last_month", "platforms": "amazon"}'),
    })
    .strict(),
  output: z.object({
    ...outputMeta,
    report: z.string(),
    format: z.enum(REPORT_FORMATS),
    file: z.string().describe('Absolute path of the file written'),
    rows: z.number().int(),
  }),
  // It writes a new file each time (nothing in HelloWord's data changes, nothing is overwritten).
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(input, deps) {
    const report = findReport(input.report);
    if (!report) throw new AppError('BAD_INPUT', `report: there is no report "${input.report}"; use ${REPORTS.map((r) => r.name).join(', ')}.`);
    const dir = path.resolve(deps.reportsDir ?? path.join('data', 'reports'));
    // The reports folder is ours to create on first use (a person's --out must exist; this one is not theirs).
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('BAD_INPUT', `Cannot create the reports folder ${dir} (${error.code ?? 'error'}). Make ./data writable.`, { cause: error });
    });
    const out = path.join(dir, `${report.name}-${stamp(deps.now())}.${input.format}`);
    const summary = await exportReport(report, input.input, { format: input.format, out }, deps);
    return { as_of: summary.as_of, filters: summary.filters, report: summary.report, format: summary.format, file: summary.out, rows: summary.rows };
  },
});
