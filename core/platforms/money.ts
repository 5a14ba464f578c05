// Currencies without minor units (ISO 4217 exponent 0) among those sellers meet.
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF', 'TWD', 'UGX']);

export function minorDigits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** "24.99" or 24.99 in USD → 2499n; negative amounts (Walmart refunds) keep their sign. Null when absent or not a number. */
export function toMinor(value: string | number | null | undefined, currency: string): bigint | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return null;
  return BigInt(Math.round(n * 10 ** minorDigits(currency)));
}

/** 2499n in USD → "24.99": how the platforms write amounts. */
export function fromMinor(minor: bigint | number, currency: string): string {
  const digits = minorDigits(currency);
  return (Number(minor) / 10 ** digits).toFixed(digits);
}
