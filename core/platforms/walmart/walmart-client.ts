import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';
import { cachedToken, getJsonAuthorized, requestToken } from '../http/authorized-get.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
import { createTokenBucket } from '../http/token-bucket.ts';
import { WalmartError } from './walmart-schemas.ts';
import { WALMART_SPEC } from './walmart-spec.ts';

export interface WalmartCredentials {
  clientId: string;
  clientSecret: string;
}

export interface WalmartClientOptions {
  storeId: string;
  credentials: WalmartCredentials;
  credentialsRef: string;
  baseUrl?: string;
  /** The limiter's pace; the platform's published limits unless a benchmark lifts them. */
  limits?: { requestsPerSecond: number; burst: number };
  /** How long one request may take before it is retried (default 30 s). */
  timeoutMs?: number;
}

/** Walmart Marketplace over HTTP for one store: client-credentials token (15 min), WM_* headers, limiter, retries. */
export function createWalmartClient(options: WalmartClientOptions, deps: RetryDeps) {
  const baseUrl = options.baseUrl ?? 'https://marketplace.walmartapis.com';
  const label = `Walmart (${options.storeId})`;
  const limiter = createTokenBucket(options.limits ?? WALMART_SPEC.limits, deps.waiter);
  const service = { 'WM_SVC.NAME': 'Walmart Marketplace', Accept: 'application/json' };
  const authFailed = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `Walmart refused the credentials of store ${options.storeId} (${detail}). Check the client ID and secret in ${options.credentialsRef}, then sync again.`,
    );
  const token = cachedToken(
    () =>
      requestToken(
        {
          label,
          limiter,
          url: `${baseUrl}/v3/token`,
          basic: Buffer.from(`${options.credentials.clientId}:${options.credentials.clientSecret}`).toString('base64'),
          form: { grant_type: 'client_credentials' },
          extraHeaders: { ...service, 'WM_QOS.CORRELATION_ID': randomUUID() },
          authFailed,
        },
        deps,
      ),
    deps.waiter,
  );
  return {
    /** GET a path (with its query, or a `nextCursor` query string appended as Walmart sends it). */
    getJson: (pathAndQuery: string) =>
      getJsonAuthorized(
        {
          label,
          limiter,
          token,
          url: `${baseUrl}${pathAndQuery}`,
          timeoutMs: options.timeoutMs,
          headers: (t) => ({ ...service, 'WM_SEC.ACCESS_TOKEN': t, 'WM_QOS.CORRELATION_ID': randomUUID() }),
          authFailed,
          describeError: (body) => {
            const parsed = WalmartError.safeParse(body ?? {});
            const first = parsed.success ? (parsed.data.errors ?? parsed.data.error ?? [])[0] : undefined;
            return first ? `${first.code ?? 'error'}: ${first.description ?? first.info ?? 'no description'}` : null;
          },
        },
        deps,
      ),
  };
}
