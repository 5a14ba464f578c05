import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { csvCell } from './csv-cell.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';

/**
 * Writes rows as CSV to `file` (which must not exist yet) as they arrive, with backpressure, and
 * returns how many rows were written. The header row holds the column names (stable for
 * scripts); a byte-order mark makes Excel read accents and Chinese text as UTF-8.
 */
export async function writeCsv(file: string, columns: readonly ReportColumn[], rows: AsyncIterable<ReportRow>): Promise<number> {
  let count = 0;
  async function* records() {
    yield columns.map((c) => c.name);
    for await (const row of rows) {
      count++;
      yield columns.map((c) => csvCell(c, row[c.name]));
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true }), createWriteStream(file, { flags: 'wx' }));
  return count;
}
