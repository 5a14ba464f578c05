import { AppError } from '../../errors/app-error.ts';
import { getJsonAuthorized, type TokenSource } from '../http/authorized-get.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { type RetryDeps, requestWithRetry } from '../http/request-with-retry.ts';
import { createTokenBucket, type TokenBucket } from '../http/token-bucket.ts';
import { wishFetch } from './wish-fetch.ts';
import { WishAccessToken, WishEnvelope } from './wish-schemas.ts';
import { WISH_BASE_URL, WISH_SPEC } from './wish-spec.ts';

export interface WishCredentials {
  /** The OAuth access token (Wish's expire after 30 days). */
  accessToken: string;
  /** With these three the client renews an expired access token itself. */
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
}

export interface WishClientOptions {
  storeId: string;
  credentials: WishCredentials;
  /** The setting that holds the credentials, named in messages (never the secret). */
  credentialsRef: string;
  baseUrl?: string;
  /** The limiter's pace; the platform's published limits unless a benchmark lifts them. */
  limits?: { requestsPerSecond: number; burst: number };
}

export interface WishClient {
  /** GET an `/api/v3/…` path; the `data` of Wish's envelope, or an error when its `code` is not 0. */
  getData(pathAndQuery: string): Promise<{ data: unknown; rateLimitWaits: number }>;
}

const describeWishError = (body: unknown): string | null => {
  const parsed = WishEnvelope.safeParse(body ?? {});
  return parsed.success && (parsed.data.code != null || parsed.data.message) ? `code ${parsed.data.code ?? '?'}: ${parsed.data.message || 'no message'}` : null;
};

/** Wish Merchant API v3 for one store: bearer token (renewed through the refresh token when given), limiter, retries, the envelope. */
export function createWishClient(options: WishClientOptions, deps: RetryDeps): WishClient {
  const baseUrl = options.baseUrl ?? WISH_BASE_URL;
  const label = `Wish (${options.storeId})`;
  const limiter = createTokenBucket(options.limits ?? WISH_SPEC.limits, deps.waiter);
  const http: RetryDeps = { ...deps, fetch: wishFetch(deps.fetch, deps.waiter.now) };
  const { clientId, clientSecret, refreshToken } = options.credentials;
  const canRenew = Boolean(clientId && clientSecret && refreshToken);

  const tokenRefused = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      canRenew
        ? `Wish refused the access token of store ${options.storeId} (${detail}). Check CLIENT_ID, CLIENT_SECRET and renew REFRESH_TOKEN in ${options.credentialsRef}, then sync again.`
        : `Wish refused the access token of store ${options.storeId} (${detail}). Renew ACCESS_TOKEN in ${options.credentialsRef} (or set CLIENT_ID, CLIENT_SECRET and REFRESH_TOKEN there so HelloWord renews it), then sync again.`,
    );
  const refreshRefused = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `Wish refused to renew the access token of store ${options.storeId} (${detail}). Check CLIENT_ID and CLIENT_SECRET and renew REFRESH_TOKEN in ${options.credentialsRef}, then sync again.`,
    );

  const token = wishTokenSource({ ...options, baseUrl, label, limiter, canRenew, refreshRefused, tokenRefused }, http);
  return {
    async getData(pathAndQuery) {
      const { body, rateLimitWaits } = await getJsonAuthorized(
        {
          label,
          limiter,
          token,
          url: `${baseUrl}${pathAndQuery}`,
          headers: (t) => ({ Authorization: `Bearer ${t}`, Accept: 'application/json' }),
          authFailed: tokenRefused,
          describeError: describeWishError,
        },
        http,
      );
      const envelope = WishEnvelope.safeParse(body);
      if (!envelope.success || envelope.data.code === undefined) {
        throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered without Wish's {code, message, data} envelope. The next sync tries again.`);
      }
      if (Number(envelope.data.code) !== 0) {
        const detail = describeWishError(body);
        throw new AppError('PLATFORM_BAD_RESPONSE', `${label} refused the request (${detail}). The next sync tries again.`, {
          details: { status: 200, detail },
        });
      }
      return { data: envelope.data.data, rateLimitWaits };
    },
  };
}

/**
 * The store's access token: the one configured, until Wish refuses it (or it is about to expire);
 * then — when the store has a client id, secret and refresh token — a new one from
 * `GET /api/v3/oauth/refresh_token`. Wish revokes the previous access token then and answers with a
 * refresh token, which replaces the configured one for the rest of this process.
 */
function wishTokenSource(
  o: {
    baseUrl: string;
    label: string;
    limiter: TokenBucket;
    credentials: WishCredentials;
    canRenew: boolean;
    tokenRefused(detail: string): AppError;
    refreshRefused(detail: string): AppError;
  },
  deps: RetryDeps,
): TokenSource {
  let current: { value: string; expiresAt: number } | null = o.credentials.accessToken
    ? { value: o.credentials.accessToken, expiresAt: Number.POSITIVE_INFINITY }
    : null;
  let refreshToken = o.credentials.refreshToken ?? '';
  let pending: Promise<string> | null = null;

  async function renew(): Promise<string> {
    const query = new URLSearchParams({
      client_id: o.credentials.clientId ?? '',
      client_secret: o.credentials.clientSecret ?? '',
      refresh_token: refreshToken,
      grant_type: 'refresh_token',
    });
    const response = await requestWithRetry(
      () => new Request(`${o.baseUrl}/api/v3/oauth/refresh_token?${query}`, { headers: { Accept: 'application/json' } }),
      { label: o.label, limiter: o.limiter },
      deps,
    );
    const body = response.ok || response.status === 400 || response.status === 401 ? await readJsonBody(response, o.label) : null;
    const envelope = WishEnvelope.safeParse(body ?? {});
    const code = envelope.success ? Number(envelope.data.code ?? Number.NaN) : Number.NaN;
    if (!response.ok || code !== 0) {
      const message = envelope.success && envelope.data.message ? `code ${envelope.data.code}: ${envelope.data.message}` : `HTTP ${response.status}`;
      throw o.refreshRefused(message);
    }
    const fresh = WishAccessToken.safeParse(envelope.success ? envelope.data.data : null);
    if (!fresh.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${o.label} sent a token answer without an access token.`);
    if (fresh.data.refresh_token) refreshToken = fresh.data.refresh_token;
    const expiresAt = fresh.data.expiry_time ? Date.parse(fresh.data.expiry_time) : Number.NaN;
    current = { value: fresh.data.access_token, expiresAt: Number.isNaN(expiresAt) ? Number.POSITIVE_INFINITY : expiresAt };
    return current.value;
  }

  return {
    async get(forceRenew) {
      const usable = current && !forceRenew && current.expiresAt - 60_000 > deps.waiter.now();
      if (usable && current) return current.value;
      if (!o.canRenew) throw o.tokenRefused(current ? 'HTTP 401' : 'no access token configured');
      pending ??= renew().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}
