import { fromMinor, minorDigits } from '../platforms/money.ts';
import type { SqlDriver } from '../store/sql-driver.ts';

/** An amount in one currency, in major units (24.99), as outputs show money. */
export interface Money {
  amount: number;
  currency: string;
}

/** A total in the reporting currency, plus what could not be converted (no rate on or before its date). */
export interface ConvertedTotal {
  amount: number;
  currency: string;
  unconverted: Money[];
}

export interface FxTable {
  /** Units of `to` for one unit of `from` on `day` (YYYY-MM-DD): the latest rate on or before it; null when there is none. */
  rate(from: string, to: string, day: string): number | null;
}

/** Loads the dated FX table once per question (it is small: a few currencies × days). */
export async function loadFxTable(sql: SqlDriver): Promise<FxTable> {
  const rows = await sql.all<{ day: string; base: string; quote: string; rate: number }>(
    'SELECT "day", "base", "quote", "rate" FROM "fx_rates" ORDER BY "day"',
  );
  const byPair = new Map<string, { day: string; rate: number }[]>();
  const add = (base: string, quote: string, day: string, rate: number) => {
    const key = `${base}>${quote}`;
    const list = byPair.get(key) ?? [];
    list.push({ day, rate });
    byPair.set(key, list);
  };
  for (const r of rows) {
    add(r.base, r.quote, r.day, Number(r.rate));
    if (Number(r.rate) !== 0) add(r.quote, r.base, r.day, 1 / Number(r.rate));
  }
  for (const list of byPair.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return {
    rate(from, to, day) {
      if (from === to) return 1;
      const list = byPair.get(`${from}>${to}`);
      let found: number | null = null;
      for (const entry of list ?? []) {
        if (entry.day > day) break;
        found = entry.rate;
      }
      return found;
    },
  };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Sums amounts kept per currency and day into the reporting currency with the rate of each
 * amount's day. Amounts without a rate stay listed in their own currency, never dropped.
 */
export function convertTotal(
  parts: readonly { currency: string; day: string; minor: bigint | number }[],
  fx: FxTable,
  reportingCurrency: string,
): ConvertedTotal {
  let total = 0;
  const unconverted = new Map<string, number>();
  for (const p of parts) {
    const major = Number(p.minor) / 10 ** minorDigits(p.currency);
    const rate = fx.rate(p.currency, reportingCurrency, p.day);
    if (rate === null) unconverted.set(p.currency, (unconverted.get(p.currency) ?? 0) + Number(p.minor));
    else total += major * rate;
  }
  return {
    amount: round(total, minorDigits(reportingCurrency)),
    currency: reportingCurrency,
    unconverted: [...unconverted].map(([currency, minor]) => ({ currency, amount: Number(fromMinor(minor, currency)) })),
  };
}
