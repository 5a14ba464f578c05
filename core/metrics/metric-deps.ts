import type { SqlDriver } from '../store/sql-driver.ts';

/** What every metric needs: the database, the clock, the team's time zone and reporting currency. */
export interface MetricDeps {
  sql: SqlDriver;
  now: () => Date;
  timeZone: string;
  reportingCurrency: string;
}
