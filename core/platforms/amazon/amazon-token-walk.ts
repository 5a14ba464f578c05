import { z } from 'zod';
import type { Log } from '../../logging/create-logger.ts';
import type { SyncCursor } from '../../store/sync-cursors.ts';
import type { FetchPageInput } from '../spec.ts';
import { windowStart } from '../sync-window.ts';

/**
 * The position of a NextToken walk (financial events, orders): the window fixed when the walk
 * began and Amazon's token for the next page. The window end is fixed so a resumed walk asks for
 * the same events, and becomes the next sync's watermark.
 */
export const TokenCursor = z.object({ after: z.string(), before: z.string(), nextToken: z.string().optional() });
export type TokenCursor = z.infer<typeof TokenCursor>;

// Amazon refuses an end later than two minutes before the request; three leave room for a slow clock.
const END_MARGIN_MS = 3 * 60_000;

export function readTokenCursor(input: FetchPageInput, options: { firstSyncDays: number; lookbackDays: number; log: Log }): TokenCursor {
  if (input.cursor?.cursor) {
    let json: unknown = null;
    try {
      json = JSON.parse(input.cursor.cursor);
    } catch {
      // fall through to a fresh window
    }
    const parsed = TokenCursor.safeParse(json);
    if (parsed.success) return parsed.data;
    options.log.warn({ resource: input.resource }, 'unreadable Amazon cursor; reading the window again');
  }
  return {
    after: windowStart(input, options).toISOString(),
    before: new Date(input.now.getTime() - END_MARGIN_MS).toISOString(),
  };
}

/** Next page of the same walk, or — at its end — the watermark the next sync starts from. */
export function tokenPosition(input: FetchPageInput, state: TokenCursor, nextToken: string | null | undefined): { next: SyncCursor; hasMore: boolean } {
  return nextToken
    ? { hasMore: true, next: { cursor: JSON.stringify({ after: state.after, before: state.before, nextToken }), watermark: input.cursor?.watermark ?? null } }
    : { hasMore: false, next: { cursor: null, watermark: new Date(state.before) } };
}
