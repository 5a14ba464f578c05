import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { readCsvReport, readXlsxReport } from '../testing/read-report-file.ts';
import type { ReportColumn, ReportRow } from './report-column.ts';
import { checkOutPath, writeAtomically } from './write-atomically.ts';
import { writeCsv } from './write-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

// One column of every type, rows with two currencies, an empty cell and a buyer's text that
// a spreadsheet would otherwise run as a formula.
const COLUMNS: readonly ReportColumn[] = [
  { name: 'sku', header: 'SKU', type: 'text' },
  { name: 'units', header: 'Units', type: 'integer' },
  { name: 'hours', header: 'Hours', type: 'number' },
  { name: 'share', header: 'Share', type: 'percent' },
  { name: 'amount', header: 'Amount', type: 'money', currencyColumn: 'currency' },
  { name: 'day', header: 'Day', type: 'date' },
  { name: 'at', header: 'At (UTC)', type: 'datetime' },
  { name: 'note', header: "Buyer's words", type: 'text', width: 40 },
];
const ROWS: ReportRow[] = [
  {
    sku: 'TEE-M',
    units: 3,
    hours: 14.5,
    share: 0.6,
    amount: 1234.5,
    currency: 'USD',
    day: new Date('2026-12-01T00:00:00Z'),
    at: new Date('2026-12-04T01:30:00Z'),
    note: '=HYPERLINK("http://x")',
  },
  { sku: 'MUG', units: 0, hours: null, share: null, amount: 1500, currency: 'JPY', day: null, at: new Date('2026-11-12T00:00:00Z'), note: '尺码偏小' },
];

async function* stream(rows: readonly ReportRow[], failAfter?: number): AsyncGenerator<ReportRow> {
  for (const [i, row] of rows.entries()) {
    if (failAfter !== undefined && i >= failAfter) throw new Error('the database went away');
    yield row;
  }
}

describe('report writers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-report-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('CSV: column names as header, plain numbers, ISO dates, empty for none, formulas defused, UTF-8 with a BOM', async () => {
    const file = path.join(dir, 'r.csv');
    expect(await writeCsv(file, COLUMNS, stream(ROWS))).toBe(2);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = readCsvReport(file);
    expect(csv.header).toEqual(['sku', 'units', 'hours', 'share', 'amount', 'day', 'at', 'note']);
    expect(csv.rows).toEqual([
      ['TEE-M', '3', '14.5', '0.6', '1234.5', '2026-12-01', '2026-12-04T01:30:00.000Z', '\'=HYPERLINK("http://x")'],
      ['MUG', '0', '', '', '1500', '', '2026-11-12T00:00:00.000Z', '尺码偏小'],
    ]);
  });

  it('xlsx: typed cells with formats, amounts in their own currency, a bold frozen header with filters', async () => {
    const file = path.join(dir, 'r.xlsx');
    expect(await writeXlsx(file, 'Claims, disputes and chargebacks: all', COLUMNS, stream(ROWS))).toBe(2);
    const x = await readXlsxReport(file);
    expect(x.name).toBe('Claims, disputes and chargeback');
    expect(x.name.length).toBeLessThanOrEqual(31);
    expect(x.header).toEqual(['SKU', 'Units', 'Hours', 'Share', 'Amount', 'Day', 'At (UTC)', "Buyer's words"]);
    expect(x.headerBold.every(Boolean)).toBe(true);
    expect(x.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(x.autoFilter).toBe('A1:H3');
    expect(x.widths[7]).toBe(40);
    expect(x.widths.every((w) => (w ?? 0) >= 8)).toBe(true);

    const [tee, mug] = x.rows;
    expect(tee?.map((c) => c.value)).toEqual([
      'TEE-M',
      3,
      14.5,
      0.6,
      1234.5,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-04T01:30:00Z'),
      // A text cell is never a formula in xlsx, so the words stay as written.
      '=HYPERLINK("http://x")',
    ]);
    expect(tee?.map((c) => c.numFmt)).toEqual([undefined, '0', '0.0##', '0.0%', '#,##0.00 "USD"', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm', undefined]);
    expect(tee?.[5]?.value).toBeInstanceOf(Date);
    expect(mug?.[4]).toEqual({ value: 1500, numFmt: '#,##0 "JPY"' });
    expect(mug?.[2]?.value).toBeNull();
    expect(mug?.[7]?.value).toBe('尺码偏小');
  });

  it('xlsx: rows beyond one sheet continue on the next sheet with the same header', async () => {
    const file = path.join(dir, 'r.xlsx');
    const three = [...ROWS, { ...ROWS[0], sku: 'CAP' }];
    expect(await writeXlsx(file, 'After-sales cases', COLUMNS, stream(three), { rowsPerSheet: 2 })).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['After-sales cases', 'After-sales cases (2)']);
    const second = workbook.worksheets[1];
    expect(second?.getRow(1).getCell(1).value).toBe('SKU');
    expect(second?.getRow(2).getCell(1).value).toBe('CAP');
    expect(second?.autoFilter).toBe('A1:H2');
    expect(workbook.worksheets[0]?.rowCount).toBe(3);
  });

  it.each(['csv', 'xlsx'] as const)('a %s export that fails halfway leaves the previous file and no temp file', async (format) => {
    const out = path.join(dir, `r.${format}`);
    writeFileSync(out, 'yesterday');
    const write = (temp: string) => (format === 'csv' ? writeCsv(temp, COLUMNS, stream(ROWS, 1)) : writeXlsx(temp, 'r', COLUMNS, stream(ROWS, 1)));
    await expect(writeAtomically(out, write)).rejects.toThrow('the database went away');
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect(readdirSync(dir)).toEqual([`r.${format}`]);

    await writeAtomically(out, (temp) => writeCsv(temp, COLUMNS, stream(ROWS)));
    expect(readCsvReport(out).rows).toHaveLength(2);
    expect(readdirSync(dir)).toEqual([`r.${format}`]);
  });

  it('refuses a folder, a missing folder and a file used as a folder, naming the path', async () => {
    const folder = path.join(dir, 'reports');
    mkdirSync(folder);
    const expectBadInput = async (out: string, message: string) => {
      const error = await checkOutPath(out).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_INPUT');
      expect((error as AppError).userMessage).toContain(message);
    };
    await expectBadInput(folder, `${folder} is a folder. Give a file name inside it`);
    await expectBadInput(path.join(dir, 'nope', 'r.csv'), `the folder ${path.join(dir, 'nope')} does not exist`);
    writeFileSync(path.join(dir, 'plain'), '');
    await expectBadInput(path.join(dir, 'plain', 'r.csv'), 'is a file, not a folder');
    expect(await checkOutPath(path.join(folder, 'r.csv'))).toBe(path.join(folder, 'r.csv'));
    expect(existsSync(path.join(folder, 'r.csv'))).toBe(false);
  });
});
