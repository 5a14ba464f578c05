import type { CaseRecord, OrderRecord, SkuRecord } from '../domain/records.ts';
import type { Platform } from '../domain/taxonomy.ts';
import type { SyncCursor } from '../store/sync-cursors.ts';

/**
 * What one platform is to HelloWord. A sixth platform is a folder with a connector that
 * implements this, plus one line in the registry; nothing in core/sync knows a platform by name.
 */

/** The kinds of data a store is synced for. Each is synced and resumed on its own. */
export const RESOURCES = ['orders', 'returns', 'refunds', 'cancellations', 'inquiries', 'claims', 'disputes'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Write-back actions a platform offers (refund decisions arrive with the actions issue). */
export type WriteAction = 'issue_refund' | 'approve_return' | 'decline_return' | 'approve_cancellation' | 'reply_to_buyer';

export interface PlatformSpec {
  platform: Platform;
  /** Resources this platform has an API for, in the order a full sync runs them (orders first: the denominators). */
  resources: readonly Resource[];
  /** How a resource's position is kept: an opaque next-page token, an offset, or an update-time window. */
  cursorKinds: Readonly<Partial<Record<Resource, 'token' | 'offset' | 'time_window'>>>;
  /** Published request limits, which the client's limiter honours. */
  limits: { requestsPerSecond: number; burst: number };
  writeActions: readonly WriteAction[];
}

/** One page as the connector read and normalised it. */
export interface SyncPage {
  skus?: SkuRecord[];
  orders?: OrderRecord[];
  cases?: CaseRecord[];
  /** Records that could not be parsed or mapped and were left out (each one logged by the connector). */
  skipped: number;
  /** Platform values our tables did not know, e.g. {"status:RETURN_ON_HOLD": 2}; their records were still written. */
  unmapped: Record<string, number>;
  /**
   * The position to save with this page: where the next page starts, or — on the last page —
   * where the next sync starts (e.g. an update-time watermark minus the look-back window).
   */
  next: SyncCursor;
  /** False on the last page of this sync. */
  hasMore: boolean;
  /** How often the platform made us wait (429) while reading this page. */
  rateLimitWaits?: number;
}

export interface FetchPageInput {
  resource: Resource;
  /** The last committed position, or null on a first sync. */
  cursor: SyncCursor | null;
  now: Date;
  signal?: AbortSignal;
}

/** A connector for one store: its client, schemas and mappers behind one call. */
export interface PlatformConnector {
  spec: PlatformSpec;
  fetchPage(input: FetchPageInput): Promise<SyncPage>;
}
