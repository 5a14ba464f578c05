import { AppError } from '../../errors/app-error.ts';
import type { Log } from '../../logging/create-logger.ts';
import type { TokenBucket, Waiter } from './token-bucket.ts';

export interface RetryDeps {
  fetch: typeof fetch;
  waiter: Waiter;
  /** 0 ≤ x < 1; injected so tests can pin the jitter. */
  random: () => number;
  log: Log;
}

export interface RetryOptions {
  /** Names the platform and store in messages, e.g. "eBay (ebay-us)". */
  label: string;
  limiter: TokenBucket;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Counts each wait a platform asked for (429). */
  onRateLimited?: (waitMs: number) => void;
  signal?: AbortSignal;
}

/** Retry-After is seconds or an HTTP date; anything else means "use our own backoff". */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * One platform request through the store's limiter, retried with exponential backoff and full
 * jitter on 429 (honouring Retry-After), 5xx, network errors and timeouts. Other answers (2xx,
 * 4xx such as 401) go back to the caller, which knows what they mean. After the last attempt it
 * fails with PLATFORM_UNAVAILABLE, naming the platform and the last problem.
 */
export async function requestWithRetry(makeRequest: () => Request, options: RetryOptions, deps: RetryDeps): Promise<Response> {
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let lastProblem = '';
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) {
      const backoff = Math.floor(deps.random() * Math.min(cap, base * 2 ** attempt));
      await deps.waiter.sleep(backoff);
    }
    await options.limiter.take();
    // Our own controller and timer rather than AbortSignal.timeout()/any(): on Node 20 those
    // derived signals can be garbage-collected before they fire, leaving a request hanging.
    const controller = new AbortController();
    const onAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, timeoutMs);
    let response: Response;
    try {
      response = await deps.fetch(makeRequest(), { signal: controller.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      lastProblem = timedOut
        ? `no answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
        : `network error (${error instanceof Error ? error.message : String(error)})`;
      deps.log.debug({ attempt, platform: options.label }, lastProblem);
      continue;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (response.status === 429) {
      const wait = parseRetryAfter(response.headers.get('retry-after'), deps.waiter.now()) ?? Math.min(cap, base * 2 ** (attempt + 1));
      options.limiter.pause(wait);
      options.onRateLimited?.(wait);
      lastProblem = 'rate limited (429)';
      await response.body?.cancel();
      continue;
    }
    if (response.status >= 500) {
      lastProblem = `server error ${response.status}`;
      await response.body?.cancel();
      continue;
    }
    return response;
  }
  throw new AppError(
    'PLATFORM_UNAVAILABLE',
    `${options.label} did not answer properly after ${maxAttempts} tries (last: ${lastProblem}). The next sync tries again from where this one stopped.`,
  );
}
