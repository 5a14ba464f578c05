import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue, ReportColumn, ReportRow } from './report-column.ts';
import { columnFormat, columnWidth, moneyFormat, sheetName } from './xlsx-formats.ts';

/** Excel's limit on the characters of one cell. */
const CELL_TEXT_LIMIT = 32_767;
const ROWS_BETWEEN_CHECKS = 500;
const MAX_BACKLOG_BYTES = 1 << 20;

/**
 * Bytes of sheet XML waiting for the zip. exceljs 4.4's streaming writer pushes committed rows
 * into the zip without backpressure (exceljs issues #1894, #2916: a 300,000-row export grew to
 * 450 MB), so we watch its internal pipe and wait while it is behind. If a later exceljs
 * changes these internals this reads 0 and the export still works, just without the brake.
 */
function zipBacklog(sheet: ExcelJS.Worksheet): number {
  const pipes = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length?: unknown } }[] } }).stream?.pipes ?? [];
  return pipes.reduce((sum, p) => sum + (typeof p._writableState?.length === 'number' ? p._writableState.length : 0), 0);
}

async function waitForZip(sheet: ExcelJS.Worksheet): Promise<void> {
  while (zipBacklog(sheet) > MAX_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 2));
}

function cellValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.length > CELL_TEXT_LIMIT) return `${value.slice(0, CELL_TEXT_LIMIT - 1)}…`;
  return value;
}

/** Excel's last row is 1,048,576; one is the header. */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly ReportColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => {
    const numFmt = columnFormat(c.type);
    return { header: c.header, key: c.name, width: columnWidth(c), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return sheet;
}

function closeSheet(sheet: ExcelJS.Worksheet, rows: number, columns: number): void {
  // Written at the end of the sheet, so it can cover every row.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
  sheet.commit();
}

/**
 * Writes rows to an .xlsx `file` (which must not exist yet) with exceljs's streaming writer:
 * each row is committed to the zip as it arrives. Typed cells (real dates, numbers, percents,
 * amounts in their row's currency), a bold, frozen header with filters. Rows beyond what one
 * sheet holds continue on a second sheet ("… (2)") with the same header. Returns the row count.
 */
export async function writeXlsx(
  file: string,
  title: string,
  columns: readonly ReportColumn[],
  rows: AsyncIterable<ReportRow>,
  options: { rowsPerSheet?: number } = {},
): Promise<number> {
  const rowsPerSheet = options.rowsPerSheet ?? EXCEL_MAX_DATA_ROWS;
  // Opening the file ourselves surfaces a bad path as an error here, not as an unhandled stream event.
  const handle = await open(file, 'wx');
  const stream = handle.createWriteStream();
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  let sheets = 1;
  let sheet = addSheet(workbook, sheetName(title), columns);
  let onSheet = 0;
  let count = 0;
  for await (const row of rows) {
    if (onSheet === rowsPerSheet) {
      closeSheet(sheet, onSheet, columns.length);
      sheets++;
      sheet = addSheet(workbook, sheetName(`${title.slice(0, 24)} (${sheets})`), columns);
      onSheet = 0;
    }
    const added = sheet.addRow(columns.map((c) => cellValue(row[c.name])));
    columns.forEach((c, i) => {
      if (c.type !== 'money' || typeof row[c.name] !== 'number') return;
      const currency = row[c.currencyColumn];
      if (typeof currency === 'string') added.getCell(i + 1).numFmt = moneyFormat(currency);
    });
    added.commit();
    onSheet++;
    count++;
    if (count % ROWS_BETWEEN_CHECKS === 0) await waitForZip(sheet);
  }
  closeSheet(sheet, onSheet, columns.length);
  await Promise.race([workbook.commit(), failed]);
  return count;
}
