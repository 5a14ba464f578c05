import { minorDigits } from '../platforms/money.ts';
import type { ColumnType, ReportColumn } from './report-column.ts';

// Excel number formats per column type: what a person expects to see when the file opens.
const FORMATS: Readonly<Record<Exclude<ColumnType, 'text' | 'money'>, string>> = {
  integer: '0',
  number: '0.0##',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

export function columnFormat(type: ColumnType): string | undefined {
  return type === 'text' || type === 'money' ? undefined : FORMATS[type];
}

/** 1,234.50 "USD" — the amount with its own currency's decimals; the code is kept to letters so it cannot break the format. */
export function moneyFormat(currency: string): string {
  const code = currency.toUpperCase().replace(/[^A-Z]/g, '');
  const decimals = minorDigits(code);
  return `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${code ? ` "${code}"` : ''}`;
}

const MIN_WIDTH: Readonly<Record<ColumnType, number>> = { text: 12, integer: 8, number: 10, percent: 9, money: 14, date: 11, datetime: 17 };

/** Wide enough for the header and the usual values, never wider than a screen third: rows are streamed, so widths cannot be measured. */
export function columnWidth(column: ReportColumn): number {
  return Math.min(60, Math.max(column.header.length + 3, column.width ?? 0, MIN_WIDTH[column.type]));
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
