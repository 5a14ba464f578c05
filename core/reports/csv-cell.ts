import type { CellValue, ReportColumn } from './report-column.ts';

/** 2026-12-04T10:00:00.000Z for a datetime, 2026-12-04 for a date (the UTC calendar day). */
export function isoText(value: Date, type: 'date' | 'datetime'): string {
  const iso = value.toISOString();
  return type === 'date' ? iso.slice(0, 10) : iso;
}

// Excel and LibreOffice run a CSV cell that starts with = + - @ as a formula. Buyers write
// the customer text, so a text cell starting that way gets a leading apostrophe (OWASP's
// advice) and opens as the words it is.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as CSV writes it: plain numbers, ISO dates, empty for none. */
export function csvCell(column: ReportColumn, value: CellValue | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoText(value, column.type === 'date' ? 'date' : 'datetime');
  if (typeof value === 'number') return value;
  return column.type === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
}
