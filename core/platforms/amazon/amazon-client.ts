import { AppError } from '../../errors/app-error.ts';
import { cachedToken, getJsonAuthorized } from '../http/authorized-get.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { type RetryDeps, requestWithRetry } from '../http/request-with-retry.ts';
import { createTokenBucket, type TokenBucket } from '../http/token-bucket.ts';
import { AmazonErrors, LwaError, LwaToken } from './amazon-schemas.ts';
import { AMAZON_OPERATION_LIMITS, type AmazonOperation, amazonBaseUrl, amazonRegion } from './amazon-spec.ts';
import { indexTsv, readTsv, type TsvDocument } from './amazon-tsv.ts';

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface AmazonClientOptions {
  storeId: string;
  /** The store's marketplace id (e.g. ATVPDKIKX0DER): picks the regional host. */
  marketplaceId: string;
  credentials: AmazonCredentials;
  /** The setting that holds the credentials, named in messages (never the secret). */
  credentialsRef: string;
  /** Overrides the regional SP-API host (tests). */
  baseUrl?: string;
  tokenUrl?: string;
  /** A benchmark's pace for every operation, instead of the published per-operation limits. */
  limits?: { requestsPerSecond: number; burst: number };
}

export interface AmazonClient {
  label: string;
  /** One SP-API call with the store's access token, through the operation's own limiter. */
  call(operation: AmazonOperation, method: 'GET' | 'POST', pathAndQuery: string, body?: unknown): Promise<{ body: unknown; rateLimitWaits: number }>;
  /**
   * GETs a report document from its pre-signed URL (no token), un-gzipping it when Amazon says so.
   * The body stays bytes (UTF-8): a large report is read page by page, never decoded whole.
   * `doc` is null when the download was refused (`status`).
   */
  download(url: string, compressionAlgorithm: string | null | undefined): Promise<{ doc: TsvDocument | null; status: number }>;
}

/**
 * SP-API over HTTP for one store: LWA refresh-token grant → `x-amz-access-token`, one token
 * bucket per operation (Amazon throttles each operation on its own), retries, 429 QuotaExceeded.
 */
export function createAmazonClient(options: AmazonClientOptions, deps: RetryDeps): AmazonClient {
  const baseUrl = options.baseUrl ?? amazonBaseUrl(amazonRegion(options.marketplaceId));
  const label = `Amazon (${options.storeId})`;
  const buckets = new Map<AmazonOperation, TokenBucket>();
  const limiter = (operation: AmazonOperation) => {
    let bucket = buckets.get(operation);
    if (!bucket) {
      bucket = createTokenBucket(options.limits ?? AMAZON_OPERATION_LIMITS[operation], deps.waiter);
      buckets.set(operation, bucket);
    }
    return bucket;
  };
  const authFailed = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `Amazon refused the credentials of store ${options.storeId} (${detail}). Renew its refresh token in ${options.credentialsRef}, then sync again.`,
    );
  const describe = (body: unknown) => {
    const parsed = AmazonErrors.safeParse(body ?? {});
    const first = parsed.success ? parsed.data.errors?.[0] : undefined;
    return first ? `${first.code ?? 'error'}: ${first.message ?? 'no message'}${first.details ? ` (${first.details})` : ''}` : null;
  };

  // LWA takes the app's id and secret in the form, not as Basic auth.
  const token = cachedToken(async () => {
    const response = await requestWithRetry(
      () =>
        new Request(options.tokenUrl ?? 'https://api.amazon.com/auth/o2/token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: options.credentials.refreshToken,
            client_id: options.credentials.clientId,
            client_secret: options.credentials.clientSecret,
          }),
        }),
      { label, limiter: limiter('lwaToken') },
      deps,
    );
    if (response.status === 400 || response.status === 401) {
      const answer = LwaError.safeParse(await response.json().catch(() => ({})));
      throw authFailed((answer.success && answer.data.error) || `HTTP ${response.status}`);
    }
    const parsed = LwaToken.safeParse(await readJsonBody(response, label));
    if (!parsed.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent a token answer without an access token.`);
    return { value: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in ?? 3600 };
  }, deps.waiter);

  return {
    label,
    call: (operation, method, pathAndQuery, body) =>
      getJsonAuthorized(
        {
          label,
          limiter: limiter(operation),
          token,
          url: `${baseUrl}${pathAndQuery}`,
          method,
          body,
          headers: (accessToken) => ({ 'x-amz-access-token': accessToken, Accept: 'application/json' }),
          authFailed,
          describeError: describe,
          // An expired or revoked token: 401, or 403 with code "Unauthorized" (another 403 is a missing role, not the token).
          tokenRefused: (status, detail) => status === 401 || (status === 403 && /^Unauthorized/.test(detail ?? '')),
        },
        deps,
      ),

    async download(url, compressionAlgorithm) {
      const response = await requestWithRetry(() => new Request(url), { label, limiter: limiter('download') }, deps);
      if (!response.ok) {
        await response.body?.cancel();
        return { doc: null, status: response.status };
      }
      const stream = compressionAlgorithm === 'GZIP' && response.body ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
      const { doc, head } = stream ? await readTsv(stream) : { doc: indexTsv(''), head: '' };
      if (/^\s*<(!doctype|html)/i.test(head)) {
        throw new AppError('PLATFORM_BAD_RESPONSE', `${label} served a report document that is a web page, not a report. The next sync tries again.`);
      }
      return { doc, status: response.status };
    },
  };
}
