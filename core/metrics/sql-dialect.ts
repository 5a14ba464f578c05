import type { Engine } from '../store/sql-driver.ts';

// The few expressions where SQLite (timestamps as epoch milliseconds) and PostgreSQL
// (timestamp(3) in UTC) differ. Everything else in the metrics is the same SQL on both.

/** The UTC calendar day of a timestamp column, as 'YYYY-MM-DD' (for the dated FX table). */
export function utcDay(engine: Engine, column: string): string {
  return engine === 'sqlite' ? `strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')` : `to_char(${column}, 'YYYY-MM-DD')`;
}

/** A timestamp column as epoch milliseconds (a number on both engines). */
export function epochMs(engine: Engine, column: string): string {
  return engine === 'sqlite' ? `${column}` : `(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`;
}

/** Integer division of epoch milliseconds into slots of `ms` (for bucketing by the team's days). */
export function epochSlot(engine: Engine, column: string, ms: number): string {
  return engine === 'sqlite' ? `(${column} / ${ms})` : `FLOOR(EXTRACT(EPOCH FROM ${column}) * 1000 / ${ms})::bigint`;
}
