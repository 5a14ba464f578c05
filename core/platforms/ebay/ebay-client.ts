import { AppError } from '../../errors/app-error.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { type RetryDeps, requestWithRetry } from '../http/request-with-retry.ts';
import { createTokenBucket } from '../http/token-bucket.ts';
import { EbayError } from './ebay-schemas.ts';
import { EBAY_SPEC } from './ebay-spec.ts';

export interface EbayCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface EbayClientOptions {
  storeId: string;
  marketplaceId: string;
  credentials: EbayCredentials;
  /** The setting that holds the credentials, named in messages (never the secret). */
  credentialsRef: string;
  baseUrl?: string;
}

export interface EbayClient {
  /** GET a path; `IAF` for the Post-Order API, `Bearer` for the Sell APIs. */
  getJson(pathAndQuery: string, scheme: 'Bearer' | 'IAF'): Promise<{ body: unknown; rateLimitWaits: number }>;
}

const SCOPES = 'https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.account';

/**
 * eBay over HTTP for one store: OAuth refresh-token → access token (renewed before it expires
 * and once more on a 401), the per-platform limiter and retries, and eBay's error envelope
 * turned into messages that say what to do.
 */
export function createEbayClient(options: EbayClientOptions, deps: RetryDeps): EbayClient {
  const baseUrl = options.baseUrl ?? 'https://api.ebay.com';
  const label = `eBay (${options.storeId})`;
  const limiter = createTokenBucket(EBAY_SPEC.limits, deps.waiter);
  let token: { value: string; expiresAt: number } | null = null;
  const authFailed = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `eBay refused the credentials of store ${options.storeId} (${detail}). Renew its refresh token in ${options.credentialsRef}, then sync again.`,
    );

  async function accessToken(forceRenew: boolean): Promise<string> {
    if (token && !forceRenew && token.expiresAt - 60_000 > deps.waiter.now()) return token.value;
    const basic = Buffer.from(`${options.credentials.clientId}:${options.credentials.clientSecret}`).toString('base64');
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: options.credentials.refreshToken, scope: SCOPES });
    const response = await requestWithRetry(
      () =>
        new Request(`${baseUrl}/identity/v1/oauth2/token`, {
          method: 'POST',
          headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        }),
      { label, limiter },
      deps,
    );
    if (response.status === 400 || response.status === 401) {
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      throw authFailed(answer.error ?? `HTTP ${response.status}`);
    }
    const json = (await readJsonBody(response, label)) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent a token answer without an access token.`);
    token = { value: json.access_token, expiresAt: deps.waiter.now() + (typeof json.expires_in === 'number' ? json.expires_in : 7200) * 1000 };
    return token.value;
  }

  return {
    async getJson(pathAndQuery, scheme) {
      let rateLimitWaits = 0;
      for (let attempt = 0; attempt < 2; attempt++) {
        const bearer = await accessToken(attempt > 0);
        const response = await requestWithRetry(
          () =>
            new Request(`${baseUrl}${pathAndQuery}`, {
              headers: { Authorization: `${scheme} ${bearer}`, 'X-EBAY-C-MARKETPLACE-ID': options.marketplaceId, Accept: 'application/json' },
            }),
          { label, limiter, onRateLimited: () => rateLimitWaits++ },
          deps,
        );
        if (response.status === 401) {
          await response.body?.cancel();
          if (attempt === 0) continue; // the token expired early or was revoked: renew once
          throw authFailed('HTTP 401 with a fresh token');
        }
        if (!response.ok) {
          const parsed = EbayError.safeParse(await response.json().catch(() => ({})));
          const first = parsed.success ? (parsed.data.error ?? parsed.data.errors ?? [])[0] : undefined;
          throw new AppError(
            'PLATFORM_BAD_RESPONSE',
            `${label} refused the request (HTTP ${response.status}${first?.errorId ? `, error ${first.errorId}` : ''}: ${first?.message ?? 'no details'}).`,
          );
        }
        return { body: await readJsonBody(response, label), rateLimitWaits };
      }
      throw authFailed('HTTP 401');
    },
  };
}
