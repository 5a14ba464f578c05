import { AppError } from '../../errors/app-error.ts';
import { cachedToken, getJsonAuthorized, requestToken } from '../http/authorized-get.ts';
import type { RetryDeps } from '../http/request-with-retry.ts';
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
  /** The host of the payment-dispute API. */
  disputesBaseUrl?: string;
  /** The limiter's pace; the platform's published limits unless a benchmark lifts them. */
  limits?: { requestsPerSecond: number; burst: number };
}

export interface EbayClient {
  /** GET a path; `IAF` for the Post-Order API, `Bearer` for the Sell APIs; payment disputes live on the `apiz` host. */
  getJson(pathAndQuery: string, scheme: 'Bearer' | 'IAF', host?: 'api' | 'apiz'): Promise<{ body: unknown; rateLimitWaits: number }>;
}

const SCOPES = 'https://api.ebay.com/oauth/api_scope/sell.fulfillment https://api.ebay.com/oauth/api_scope/sell.account';

/** eBay over HTTP for one store: OAuth refresh token → access token, limiter, retries, eBay's error envelope. */
export function createEbayClient(options: EbayClientOptions, deps: RetryDeps): EbayClient {
  const baseUrl = options.baseUrl ?? 'https://api.ebay.com';
  const label = `eBay (${options.storeId})`;
  const limiter = createTokenBucket(options.limits ?? EBAY_SPEC.limits, deps.waiter);
  const authFailed = (detail: string) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `eBay refused the credentials of store ${options.storeId} (${detail}). Renew its refresh token in ${options.credentialsRef}, then sync again.`,
    );
  const token = cachedToken(
    () =>
      requestToken(
        {
          label,
          limiter,
          url: `${baseUrl}/identity/v1/oauth2/token`,
          basic: Buffer.from(`${options.credentials.clientId}:${options.credentials.clientSecret}`).toString('base64'),
          form: { grant_type: 'refresh_token', refresh_token: options.credentials.refreshToken, scope: SCOPES },
          authFailed,
        },
        deps,
      ),
    deps.waiter,
  );
  return {
    getJson: (pathAndQuery, scheme, host = 'api') =>
      getJsonAuthorized(
        {
          label,
          limiter,
          token,
          url: `${host === 'apiz' ? (options.disputesBaseUrl ?? 'https://apiz.ebay.com') : baseUrl}${pathAndQuery}`,
          headers: (t) => ({ Authorization: `${scheme} ${t}`, 'X-EBAY-C-MARKETPLACE-ID': options.marketplaceId, Accept: 'application/json' }),
          authFailed,
          describeError: (body) => {
            const parsed = EbayError.safeParse(body ?? {});
            const first = parsed.success ? (parsed.data.error ?? parsed.data.errors ?? [])[0] : undefined;
            return first ? `error ${first.errorId ?? '?'}: ${first.message ?? 'no message'}` : null;
          },
        },
        deps,
      ),
  };
}
