import type { z } from 'zod';
import type { MetricDeps } from '../metrics/metric-deps.ts';
import type { ResolvedFilters } from '../tools/common-schemas.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';

/** Reports read through the same dependencies as the metrics and tools. */
export type ReportDeps = MetricDeps;

export interface ReportOptions {
  /** Cases read per query when a report streams cases (tests make it small to prove the paging). */
  chunkSize?: number;
}

/** A report ready to write: its columns, its rows as they are read, and what it counted. */
export interface PreparedReport {
  columns: readonly ReportColumn[];
  rows: AsyncIterable<ReportRow>;
  as_of: string | null;
  filters: ResolvedFilters;
}

/**
 * One report `helloword report` can write. Its input is the JSON of the matching tool (the
 * same fields, resolved the same way), so a report and a tool answer count the same rows.
 */
export interface ReportDefinition<I extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  /** For a seller's ops person: what one row is, the defaults, how to narrow it. */
  description: string;
  /** The tool whose input JSON this report takes. */
  inputLike: string;
  input: I;
  /** Every column the report writes (for `custom`: the columns to choose from). */
  columns: readonly ReportColumn[];
  prepare(input: z.output<I>, deps: ReportDeps, options: ReportOptions): Promise<PreparedReport>;
}

/** Keeps `prepare`'s input type tied to the schema. */
export function defineReport<I extends z.ZodObject>(report: ReportDefinition<I>): ReportDefinition<I> {
  return report;
}

export const DEFAULT_CHUNK_SIZE = 5000;

/** The rows of a small aggregate report, already in memory, as the stream the writers read. */
export async function* listRows<R extends object>(rows: readonly R[], toRow: (r: R) => ReportRow): AsyncGenerator<ReportRow> {
  for (const r of rows) yield toRow(r);
}
