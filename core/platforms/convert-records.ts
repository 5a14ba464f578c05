import type { z } from 'zod';
import type { Log } from '../logging/create-logger.ts';

/** One converted record and the platform values our tables did not know ("field:VALUE"). */
export interface Converted<T> {
  record: T;
  unmapped: string[];
}

export interface ConvertedRecords<T> {
  records: T[];
  skipped: number;
  unmapped: Record<string, number>;
}

/**
 * Parses and converts a page's records one by one: a record that does not parse is logged,
 * counted and skipped — one bad record never aborts a sync — and the unmapped platform values the
 * converter reports are tallied for the sync run.
 */
export function convertRecords<S extends z.ZodType, T>(
  raws: readonly unknown[] | null | undefined,
  schema: S,
  convert: (parsed: z.output<S>) => { record: T; unmapped?: readonly string[] },
  context: { log: Log; store: string; resource: string },
): ConvertedRecords<T> {
  const out: ConvertedRecords<T> = { records: [], skipped: 0, unmapped: {} };
  for (const raw of raws ?? []) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      out.skipped++;
      context.log.warn(
        { store: context.store, resource: context.resource, issues: parsed.error.issues.slice(0, 3) },
        'skipped a record that could not be read',
      );
      continue;
    }
    const converted = convert(parsed.data);
    out.records.push(converted.record);
    for (const value of converted.unmapped ?? []) out.unmapped[value] = (out.unmapped[value] ?? 0) + 1;
  }
  return out;
}
