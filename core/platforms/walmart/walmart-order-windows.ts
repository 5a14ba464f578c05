/**
 * Walmart answers an orders query with at most 10,000 orders ("attempting to download more
 * returns an error"), so orders are read in date windows: each window is one query, paged by
 * Walmart's nextCursor. A window that holds too many orders is halved before any of it is
 * written. The position saved between pages is the window and Walmart's cursor inside it.
 */
export const MAX_ORDERS_PER_QUERY = 10_000;
export const FIRST_WINDOW_MS = 30 * 86_400_000;
const SMALLEST_WINDOW_MS = 60_000;

export interface OrderWindow {
  /** ISO times: the window is [from, to]. */
  from: string;
  to: string;
  /** Walmart's nextCursor inside the window; null before its first page. */
  next: string | null;
  /**
   * The window ends at the time the sync reached it: the last one. Decided when the window is
   * made, because every page of a sync has a later "now" — comparing with it would open a new
   * sliver of a window after each one, for ever.
   */
  last: boolean;
}

/** A window from `from` of the given size, cut at now (and then the last). */
function windowFrom(from: number, now: Date, sizeMs: number): OrderWindow {
  const last = from + sizeMs >= now.getTime();
  return { from: new Date(from).toISOString(), to: new Date(last ? now.getTime() : from + sizeMs).toISOString(), next: null, last };
}

export const firstWindow = (from: Date, now: Date, sizeMs: number): OrderWindow => windowFrom(from.getTime(), now, sizeMs);

/**
 * The window saved in a cursor. A cursor saved by an earlier version is Walmart's own nextCursor
 * (a query string): it is carried on to its end, as that version would have.
 */
export function decodeWindow(cursor: string | null | undefined, legacyFrom: Date, now: Date): OrderWindow | null {
  if (!cursor) return null;
  if (cursor.startsWith('?')) return { from: legacyFrom.toISOString(), to: now.toISOString(), next: cursor, last: true };
  let w: Partial<OrderWindow>;
  try {
    w = JSON.parse(cursor) as Partial<OrderWindow>;
  } catch {
    return null; // unreadable: the window starts again, and the writes are idempotent
  }
  if (typeof w?.from !== 'string' || typeof w.to !== 'string') return null;
  return { from: w.from, to: w.to, next: typeof w.next === 'string' ? w.next : null, last: w.last === true };
}

export const encodeWindow = (w: OrderWindow): string => JSON.stringify(w);

export const windowMs = (w: OrderWindow): number => Date.parse(w.to) - Date.parse(w.from);

/** The first half of a window that held too many orders, or null when it cannot be split further. */
export function halve(w: OrderWindow): OrderWindow | null {
  const size = windowMs(w);
  if (size <= SMALLEST_WINDOW_MS) return null;
  return { from: w.from, to: new Date(Date.parse(w.from) + Math.floor(size / 2)).toISOString(), next: null, last: false };
}

/** The window after this one (of the given size, cut at now), or null after the last one. */
export function nextWindow(w: OrderWindow, now: Date, sizeMs: number): OrderWindow | null {
  return w.last ? null : windowFrom(Date.parse(w.to), now, sizeMs);
}
