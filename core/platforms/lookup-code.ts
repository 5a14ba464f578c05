/**
 * A platform value translated into our vocabulary. `mapped` is false when the platform sent a
 * value our tables do not know: the fallback is used, the raw value is kept, and the sync
 * counts it as unmapped instead of failing.
 */
export interface Mapped<T extends string> {
  value: T;
  mapped: boolean;
  raw: string | null;
}

/** Platform codes compare case- and separator-insensitively: `size-too-small` = `SIZE_TOO_SMALL`. */
export function normaliseCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

export function lookupCode<T extends string>(table: Readonly<Record<string, T>>, raw: string | null | undefined, fallback: T): Mapped<T> {
  if (raw === null || raw === undefined || raw.trim() === '') return { value: fallback, mapped: true, raw: null };
  const value = table[normaliseCode(raw)];
  return value === undefined ? { value: fallback, mapped: false, raw } : { value, mapped: true, raw };
}
