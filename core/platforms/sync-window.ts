import type { SyncCursor } from '../store/sync-cursors.ts';
import type { FetchPageInput } from './spec.ts';

const DAY = 86_400_000;

export interface WindowOptions {
  /** How far back the first sync reaches. */
  firstSyncDays: number;
  /** How far before the last complete sync a new one starts, to pick up late status changes. */
  lookbackDays: number;
}

/**
 * Where a date-windowed sync starts reading. While a multi-page sync runs, the cursor keeps the
 * window's basis (the previous watermark), so a resumed sync reads the same window.
 */
export function windowStart(input: FetchPageInput, options: WindowOptions): Date {
  const basis = input.cursor?.watermark;
  return basis ? new Date(basis.getTime() - options.lookbackDays * DAY) : new Date(input.now.getTime() - options.firstSyncDays * DAY);
}

/** The position to save after a page: the platform's next-page token, or — when done — a new watermark. */
export function positionAfter(input: FetchPageInput, nextToken: string | null): { next: SyncCursor; hasMore: boolean } {
  return nextToken === null
    ? { hasMore: false, next: { cursor: null, watermark: input.now } }
    : { hasMore: true, next: { cursor: nextToken, watermark: input.cursor?.watermark ?? null } };
}
