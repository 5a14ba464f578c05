import { AppError } from '../../errors/app-error.ts';

/**
 * Wish's paging (v3 "Pagination"): `limit` plus `updated_at_min`, sorted by `updated_at.asc`; the
 * next page starts at the last record's `updated_at`. The bound is inclusive, so the records at
 * exactly that time come again: the position remembers how many were already taken, asks for that
 * many more, and drops them. Records updated while a sync runs move to the end of the sort, so
 * none is missed.
 */
export interface KeysetPosition {
  /** The `updated_at_min` of the next request, exactly as Wish wrote it. */
  updatedAtMin: string;
  /** How many records at exactly that time the previous pages delivered. */
  taken: number;
}

export const MAX_LIMIT = 500;

export function encodePosition(p: KeysetPosition): string {
  return `${p.updatedAtMin}|${p.taken}`;
}

export function decodePosition(text: string): KeysetPosition | null {
  const bar = text.lastIndexOf('|');
  const taken = Number(text.slice(bar + 1));
  const updatedAtMin = text.slice(0, bar);
  return bar > 0 && Number.isInteger(taken) && taken >= 0 && !Number.isNaN(Date.parse(updatedAtMin)) ? { updatedAtMin, taken } : null;
}

/** A record's `updated_at` in ms, read even from a record that does not parse otherwise. */
const updatedAtOf = (raw: unknown): number | null => {
  const value = typeof raw === 'object' && raw !== null ? (raw as { updated_at?: unknown }).updated_at : undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
};

/**
 * Reads one page: drops the records the previous page already delivered and says where the next
 * page starts (null when this was the last page).
 */
export function keysetPage(
  raws: readonly unknown[],
  position: KeysetPosition,
  requested: number,
  label: string,
): { fresh: unknown[]; next: KeysetPosition | null } {
  const boundary = Date.parse(position.updatedAtMin);
  let toDrop = position.taken;
  const fresh = raws.filter((r) => !(toDrop > 0 && updatedAtOf(r) === boundary && toDrop-- > 0));
  if (raws.length < requested) return { fresh, next: null };
  let lastMs: number | null = null;
  let lastText = '';
  for (const r of raws) {
    const ms = updatedAtOf(r);
    if (ms !== null && (lastMs === null || ms >= lastMs)) {
      lastMs = ms;
      lastText = String((r as { updated_at: string }).updated_at);
    }
  }
  if (lastMs === null) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent a full page without any readable updated_at; cannot page on.`);
  const taken = raws.filter((r) => updatedAtOf(r) === lastMs).length;
  if (taken >= MAX_LIMIT) {
    throw new AppError('PLATFORM_BAD_RESPONSE', `${label} has more than ${MAX_LIMIT} records updated at ${lastText}; Wish's paging cannot get past them.`);
  }
  return { fresh, next: { updatedAtMin: lastText, taken } };
}
