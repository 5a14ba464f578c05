import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A CSV report as written: the header row, then each row as strings. */
export function readCsvReport(file: string): { header: string[]; rows: string[][] } {
  const records = parse(readFileSync(file), { bom: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header, rows };
}

export interface XlsxCell {
  value: ExcelJS.CellValue;
  numFmt: string | undefined;
}

/** The first sheet of an .xlsx report: header texts, typed cells with their formats, and the sheet settings. */
export async function readXlsxReport(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${file} has no sheet`);
  const width = sheet.columnCount;
  const cellsOf = (rowNumber: number): XlsxCell[] =>
    Array.from({ length: width }, (_, i) => {
      const cell = sheet.getRow(rowNumber).getCell(i + 1);
      return { value: cell.value, numFmt: cell.numFmt || undefined };
    });
  const headerRow = sheet.getRow(1);
  return {
    name: sheet.name,
    header: cellsOf(1).map((c) => String(c.value)),
    headerBold: Array.from({ length: width }, (_, i) => headerRow.getCell(i + 1).font?.bold === true),
    rows: Array.from({ length: sheet.rowCount - 1 }, (_, i) => cellsOf(i + 2)),
    views: sheet.views,
    autoFilter: sheet.autoFilter,
    widths: sheet.columns.map((c) => c.width),
  };
}
