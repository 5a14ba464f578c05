import { AppError } from '../../errors/app-error.ts';
import { readJsonBody } from './read-json-body.ts';
import { type RetryDeps, requestWithRetry } from './request-with-retry.ts';
import type { TokenBucket, Waiter } from './token-bucket.ts';

/** An access token that is fetched when missing or about to expire, and renewed on demand. */
export interface TokenSource {
  get(forceRenew: boolean): Promise<string>;
}

export function cachedToken(fetchToken: () => Promise<{ value: string; expiresInSeconds: number }>, waiter: Waiter): TokenSource {
  let token: { value: string; expiresAt: number } | null = null;
  return {
    async get(forceRenew) {
      if (token && !forceRenew && token.expiresAt - 60_000 > waiter.now()) return token.value;
      const fresh = await fetchToken();
      token = { value: fresh.value, expiresAt: waiter.now() + fresh.expiresInSeconds * 1000 };
      return token.value;
    },
  };
}

export interface AuthorizedGet {
  label: string;
  limiter: TokenBucket;
  token: TokenSource;
  url: string;
  /** GET unless said otherwise; a body is sent as JSON. */
  method?: 'GET' | 'POST';
  body?: unknown;
  headers(token: string): Record<string, string>;
  /** The error for credentials the platform keeps refusing, saying what to renew. */
  authFailed(detail: string): AppError;
  /** The platform's own words for a refused request, from its error body. */
  describeError(body: unknown): string | null;
  /** Whether a refused answer means the token was refused (default: HTTP 401); Amazon also says so with a 403. */
  tokenRefused?(status: number, detail: string | null): boolean;
  /** How long one attempt may take before it counts as failed and is retried (default 30 s). */
  timeoutMs?: number;
}

/**
 * A request with the store's access token through the limiter and retries. A refused token
 * (HTTP 401) is renewed once (it expired early or was rotated); refused again, the credentials
 * are no good.
 */
export async function getJsonAuthorized(request: AuthorizedGet, deps: RetryDeps): Promise<{ body: unknown; rateLimitWaits: number }> {
  let rateLimitWaits = 0;
  const json = request.body === undefined ? undefined : JSON.stringify(request.body);
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await request.token.get(attempt > 0);
    const response = await requestWithRetry(
      () =>
        new Request(request.url, {
          method: request.method ?? 'GET',
          headers: { ...request.headers(token), ...(json === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: json,
        }),
      { label: request.label, limiter: request.limiter, timeoutMs: request.timeoutMs, onRateLimited: () => rateLimitWaits++ },
      deps,
    );
    if (!response.ok) {
      const detail = request.describeError(await response.json().catch(() => null));
      const refused = request.tokenRefused ? request.tokenRefused(response.status, detail) : response.status === 401;
      if (refused && attempt === 0) continue;
      if (refused) throw request.authFailed(`HTTP ${response.status} with a fresh token`);
      throw new AppError('PLATFORM_BAD_RESPONSE', `${request.label} refused the request (HTTP ${response.status}: ${detail ?? 'no details'}).`, {
        details: { status: response.status, detail },
      });
    }
    return { body: await readJsonBody(response, request.label), rateLimitWaits };
  }
  throw request.authFailed('HTTP 401');
}

/** POSTs a form to a token endpoint; a 400/401 there means the credentials were refused. */
export async function requestToken(
  request: {
    label: string;
    limiter: TokenBucket;
    url: string;
    basic: string;
    form: Record<string, string>;
    extraHeaders?: Record<string, string>;
    authFailed(detail: string): AppError;
  },
  deps: RetryDeps,
): Promise<{ value: string; expiresInSeconds: number }> {
  const response = await requestWithRetry(
    () =>
      new Request(request.url, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${request.basic}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          ...request.extraHeaders,
        },
        body: new URLSearchParams(request.form),
      }),
    { label: request.label, limiter: request.limiter },
    deps,
  );
  if (response.status === 400 || response.status === 401) {
    const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
    throw request.authFailed(typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`);
  }
  const json = (await readJsonBody(response, request.label)) as { access_token?: unknown; expires_in?: unknown };
  if (typeof json.access_token !== 'string') throw new AppError('PLATFORM_BAD_RESPONSE', `${request.label} sent a token answer without an access token.`);
  return { value: json.access_token, expiresInSeconds: typeof json.expires_in === 'number' ? json.expires_in : 900 };
}
