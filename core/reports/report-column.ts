/**
 * What a report column holds. The writers turn each type into a typed spreadsheet cell (real
 * dates, numbers with formats) and into plain values in a CSV file.
 * - percent: a share from 0 to 1 (0.62 shows as 62.0% in Excel, stays 0.62 in CSV);
 * - money: an amount in the currency named by another column of the same row;
 * - date: a calendar day; datetime: an instant, written in UTC.
 */
export const COLUMN_TYPES = ['text', 'integer', 'number', 'percent', 'money', 'date', 'datetime'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

interface ColumnBase {
  /** Stable machine name: the CSV header, the key in each row, what `custom` columns choose. */
  name: string;
  /** The header a person reads in Excel. */
  header: string;
  /** Typical width in characters, when the header alone would make the column too narrow. */
  width?: number;
}

export type ReportColumn = ColumnBase &
  ({ type: Exclude<ColumnType, 'money'> } | { type: 'money' /** The column of the same row that names the currency. */; currencyColumn: string });

export type CellValue = string | number | Date | null;

/** One row, by column name. A row may carry more values than the columns written (a money column's currency). */
export type ReportRow = Readonly<Record<string, CellValue>>;
