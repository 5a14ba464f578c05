import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';
import type { SyncCursor } from '../../store/sync-cursors.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import type { FetchPageInput } from '../spec.ts';
import { windowStart } from '../sync-window.ts';
import type { AmazonClient } from './amazon-client.ts';
import { AmazonReport, AmazonReportDocument, CreateReportResponse } from './amazon-schemas.ts';
import type { TsvDocument } from './amazon-tsv.ts';

const DAY = 86_400_000;

/**
 * Where a report-based sync stands, saved as the cursor after every page: the whole sync's end,
 * the current window, the report requested for it, its document once done, and how many rows of
 * it are written. A crashed sync resumes at the same report and row — no report is requested twice.
 */
export const ReportCursor = z.object({
  v: z.literal(1),
  end: z.string(),
  from: z.string(),
  to: z.string(),
  reportId: z.string().optional(),
  documentId: z.string().optional(),
  offset: z.number().int().nonnegative(),
});
export type ReportCursor = z.infer<typeof ReportCursor>;

export interface ReportConfig {
  reportType: string;
  marketplaceId: string;
  /** The longest window Amazon accepts for this report type. */
  maxWindowDays: number;
  firstSyncDays: number;
  lookbackDays: number;
  /** Rows written per page (one transaction each). */
  pageRows: number;
  /** Moves a page's end so it does not split a group (an order's items). */
  boundary?: (doc: TsvDocument, end: number) => number;
  /** The longest wait between two getReport polls (they start at 1 s and double). */
  pollIntervalMs: number;
  maxPolls: number;
}

export interface ReportPage {
  rows: Record<string, string>[];
  next: SyncCursor;
  hasMore: boolean;
  rateLimitWaits: number;
}

/**
 * The Reports API state machine for one resource: createReport for a window → poll getReport
 * (IN_QUEUE → IN_PROGRESS → DONE | CANCELLED | FATAL) → getReportDocument → GET the pre-signed
 * URL → rows, served page by page. CANCELLED is an empty window (Amazon cancels a report with no
 * data), not an error. A FATAL report is requested once more; a second FATAL is a recorded error
 * and the next sync asks again. The document of the current window stays in memory as its bytes
 * (each page decodes and parses only its own rows), so paging through it costs no further
 * downloads; it is let go once its last page is read.
 */
export function createReportReader(client: AmazonClient, config: ReportConfig, deps: RetryDeps) {
  let cached: { documentId: string; doc: TsvDocument } | null = null;
  const label = client.label;

  function start(input: FetchPageInput): ReportCursor {
    const from = windowStart(input, { firstSyncDays: config.firstSyncDays, lookbackDays: config.lookbackDays });
    return windowFrom(from.getTime(), input.now.getTime());
  }
  function windowFrom(fromMs: number, endMs: number): ReportCursor {
    const to = Math.min(endMs, fromMs + config.maxWindowDays * DAY);
    return { v: 1, end: new Date(endMs).toISOString(), from: new Date(fromMs).toISOString(), to: new Date(to).toISOString(), offset: 0 };
  }
  function read(input: FetchPageInput): ReportCursor {
    if (!input.cursor?.cursor) return start(input);
    let json: unknown;
    try {
      json = JSON.parse(input.cursor.cursor);
    } catch {
      json = null;
    }
    const parsed = ReportCursor.safeParse(json);
    if (parsed.success) return parsed.data;
    deps.log.warn({ label, reportType: config.reportType }, 'unreadable report cursor; starting the window again');
    return start(input);
  }
  const save = (input: FetchPageInput, state: ReportCursor): { next: SyncCursor; hasMore: true } => ({
    hasMore: true,
    next: { cursor: JSON.stringify(state), watermark: input.cursor?.watermark ?? null },
  });
  /** After a window: the next one, or — at the end — the new watermark (the end of this sync). */
  const afterWindow = (input: FetchPageInput, state: ReportCursor): { next: SyncCursor; hasMore: boolean } => {
    const to = Date.parse(state.to);
    const end = Date.parse(state.end);
    if (to >= end) return { hasMore: false, next: { cursor: null, watermark: new Date(end) } };
    return save(input, windowFrom(to, end));
  };

  async function create(state: ReportCursor, waits: { n: number }): Promise<string> {
    const { body, rateLimitWaits } = await client.call('createReport', 'POST', '/reports/2021-06-30/reports', {
      reportType: config.reportType,
      marketplaceIds: [config.marketplaceId],
      dataStartTime: state.from,
      dataEndTime: state.to,
    });
    waits.n += rateLimitWaits;
    const parsed = CreateReportResponse.safeParse(body);
    if (!parsed.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered createReport without a reportId.`);
    return parsed.data.reportId;
  }

  /** Polls until the report leaves the queue; a report still running after maxPolls is left for the next sync. */
  async function poll(reportId: string, waits: { n: number }) {
    for (let k = 0; k < config.maxPolls; k++) {
      // 1 s, 2 s, 4 s … up to the interval: small reports are ready in seconds, big ones take minutes.
      if (k > 0) await deps.waiter.sleep(Math.min(config.pollIntervalMs, 1000 * 2 ** (k - 1)));
      const { body, rateLimitWaits } = await client.call('getReport', 'GET', `/reports/2021-06-30/reports/${encodeURIComponent(reportId)}`);
      waits.n += rateLimitWaits;
      const report = AmazonReport.safeParse(body);
      if (!report.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent report ${reportId} in an unexpected shape.`);
      const status = report.data.processingStatus;
      if (status === 'DONE' || status === 'CANCELLED' || status === 'FATAL') return { status, documentId: report.data.reportDocumentId ?? null };
      if (status !== 'IN_QUEUE' && status !== 'IN_PROGRESS') {
        throw new AppError('PLATFORM_BAD_RESPONSE', `${label} reported an unknown processing status "${status}" for report ${reportId}.`);
      }
    }
    throw new AppError(
      'PLATFORM_UNAVAILABLE',
      `${label} is still preparing the ${config.reportType} report ${reportId}. The next sync picks it up where this one stopped.`,
    );
  }

  async function document(documentId: string, waits: { n: number }): Promise<TsvDocument> {
    if (cached?.documentId === documentId) return cached.doc;
    cached = null;
    // A pre-signed URL lives about five minutes: ask for a fresh one when it was refused.
    for (let attempt = 0; attempt < 2; attempt++) {
      const { body, rateLimitWaits } = await client.call('getReportDocument', 'GET', `/reports/2021-06-30/documents/${encodeURIComponent(documentId)}`);
      waits.n += rateLimitWaits;
      const answer = AmazonReportDocument.safeParse(body);
      if (!answer.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent report document ${documentId} in an unexpected shape.`);
      const { doc, status } = await client.download(answer.data.url, answer.data.compressionAlgorithm);
      if (status === 403 && attempt === 0) continue;
      if (!doc || status >= 400) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} could not download report document ${documentId} (HTTP ${status}).`);
      cached = { documentId, doc };
      return doc;
    }
    throw new AppError('PLATFORM_BAD_RESPONSE', `${label} kept refusing the download of report document ${documentId}.`);
  }

  return {
    async readPage(input: FetchPageInput): Promise<ReportPage> {
      const waits = { n: 0 };
      let state = read(input);
      if (!state.reportId) {
        // Commit the report id before waiting for it: a crash now never requests it twice.
        const reportId = await create(state, waits);
        return { rows: [], rateLimitWaits: waits.n, ...save(input, { ...state, reportId, offset: 0 }) };
      }
      if (!state.documentId) {
        let outcome = await poll(state.reportId, waits);
        if (outcome.status === 'FATAL') {
          deps.log.warn({ label, reportId: state.reportId, reportType: config.reportType }, 'report FATAL; requesting it once more');
          state = { ...state, reportId: await create(state, waits) };
          outcome = await poll(state.reportId as string, waits);
          if (outcome.status === 'FATAL') {
            throw new AppError(
              'PLATFORM_BAD_RESPONSE',
              `${label} could not produce the ${config.reportType} report for ${state.from.slice(0, 10)} to ${state.to.slice(0, 10)} (FATAL, twice). The next sync asks again.`,
            );
          }
        }
        if (outcome.status === 'CANCELLED' || !outcome.documentId) return { rows: [], rateLimitWaits: waits.n, ...afterWindow(input, state) };
        state = { ...state, documentId: outcome.documentId, offset: 0 };
      }
      const doc = await document(state.documentId as string, waits);
      let end = Math.min(doc.length, state.offset + config.pageRows);
      if (config.boundary) end = config.boundary(doc, end);
      const rows = doc.rows(state.offset, end);
      if (end >= doc.length) cached = null;
      const position = end < doc.length ? save(input, { ...state, offset: end }) : afterWindow(input, state);
      return { rows, rateLimitWaits: waits.n, ...position };
    },
  };
}
