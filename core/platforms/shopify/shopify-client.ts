import { AppError } from '../../errors/app-error.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { type RetryDeps, requestWithRetry } from '../http/request-with-retry.ts';
import { createTokenBucket } from '../http/token-bucket.ts';
import { createCostPacer } from './cost-pacer.ts';
import { GraphqlEnvelope } from './shopify-schemas.ts';
import { SHOPIFY_API_VERSION, SHOPIFY_COST_LIMITS, SHOPIFY_SPEC } from './shopify-spec.ts';

export interface ShopifyClientOptions {
  storeId: string;
  /** The shop's myshopify domain, e.g. helloword-demo.myshopify.com. */
  shop: string;
  /** A custom app's Admin API access token (shpat_…); it does not expire and has no refresh. */
  accessToken: string;
  credentialsRef: string;
  apiVersion?: string;
  /** A ceiling on requests a second (the cost bucket is what paces); benchmarks lift it. */
  limits?: { requestsPerSecond: number; burst: number };
  /** How often a THROTTLED query is tried again before the sync gives up for now. */
  maxThrottledRetries?: number;
}

export interface ShopifyClient {
  /** Runs one query; THROTTLED answers are waited out and counted as rate-limit waits. */
  query(operationName: string, document: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<{ data: unknown; rateLimitWaits: number }>;
}

/**
 * The Admin GraphQL API of one shop: `X-Shopify-Access-Token`, requests paced by the cost
 * Shopify reports (`extensions.cost`), THROTTLED (HTTP 200) waited out for as long as the bucket
 * needs to refill, 429 and 5xx through the shared retries, other GraphQL errors recorded.
 */
export function createShopifyClient(options: ShopifyClientOptions, deps: RetryDeps): ShopifyClient {
  const url = `https://${options.shop}/admin/api/${options.apiVersion ?? SHOPIFY_API_VERSION}/graphql.json`;
  const label = `Shopify (${options.storeId})`;
  const limiter = createTokenBucket(options.limits ?? SHOPIFY_SPEC.limits, deps.waiter);
  const pacer = createCostPacer(SHOPIFY_COST_LIMITS, deps.waiter);
  // What each operation asked for last time: the best guess of what its next page will need.
  const lastRequested = new Map<string, number>();
  const maxThrottled = options.maxThrottledRetries ?? 10;

  const authFailed = (status: number) =>
    new AppError(
      'PLATFORM_AUTH_FAILED',
      `Shopify refused the access token of store ${options.storeId} (${options.shop}, HTTP ${status}). Create a new Admin API access token for the store's custom app (or reinstall it) and put it in ${options.credentialsRef}, then sync again.`,
    );

  async function send(operationName: string, document: string, variables: Record<string, unknown>, signal: AbortSignal | undefined, onRateLimited: () => void) {
    const response = await requestWithRetry(
      () =>
        new Request(url, {
          method: 'POST',
          headers: { 'X-Shopify-Access-Token': options.accessToken, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ query: document, variables, operationName }),
        }),
      { label, limiter, onRateLimited, signal },
      deps,
    );
    // A custom app's token cannot be refreshed: 401 (wrong or revoked) and 403 (app uninstalled or
    // a scope missing) both need a person to issue a new one.
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw authFailed(response.status);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: unknown } | null;
      const detail = typeof body?.errors === 'string' ? body.errors : null;
      throw new AppError('PLATFORM_BAD_RESPONSE', `${label} refused the request (HTTP ${response.status}: ${detail ?? 'no details'}).`, {
        details: { status: response.status, detail },
      });
    }
    const envelope = GraphqlEnvelope.safeParse(await readJsonBody(response, label));
    if (!envelope.success) throw new AppError('PLATFORM_BAD_RESPONSE', `${label} sent an answer that is not a GraphQL response.`);
    return envelope.data;
  }

  return {
    async query(operationName, document, variables, signal) {
      let rateLimitWaits = 0;
      for (let attempt = 0; attempt <= maxThrottled; attempt++) {
        await pacer.beforeRequest(lastRequested.get(operationName) ?? 0);
        const answer = await send(operationName, document, variables, signal, () => rateLimitWaits++);
        const cost = answer.extensions?.cost;
        pacer.observe(cost);
        if (cost?.requestedQueryCost) lastRequested.set(operationName, cost.requestedQueryCost);
        const errors = answer.errors ?? [];
        if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
          const wait = pacer.throttledWaitMs(cost);
          rateLimitWaits++;
          deps.log.debug({ store: options.storeId, operationName, waitMs: wait }, 'Shopify throttled the query; waiting for the bucket to refill');
          await deps.waiter.sleep(wait);
          continue;
        }
        if (errors.length > 0) {
          const messages = errors.map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message ?? ''}` : (e.message ?? 'error'))).join('; ');
          const tooCostly = errors.find((e) => e.extensions?.code === 'MAX_COST_EXCEEDED')?.extensions;
          throw new AppError('PLATFORM_BAD_RESPONSE', `${label} answered ${operationName} with errors (${messages}).`, {
            details: {
              errors: messages,
              codes: errors.map((e) => e.extensions?.code ?? null),
              // For MAX_COST_EXCEEDED: what the query cost and the most one query may cost.
              cost: typeof tooCostly?.cost === 'number' ? tooCostly.cost : (cost?.requestedQueryCost ?? null),
              maxCost: typeof tooCostly?.maxCost === 'number' ? tooCostly.maxCost : null,
            },
          });
        }
        return { data: answer.data, rateLimitWaits };
      }
      throw new AppError(
        'PLATFORM_UNAVAILABLE',
        `${label} kept throttling ${operationName} after ${maxThrottled + 1} tries. The next sync tries again from where this one stopped.`,
      );
    },
  };
}
