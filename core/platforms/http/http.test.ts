import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../logging/create-logger.ts';
import { readJsonBody } from './read-json-body.ts';
import { parseRetryAfter, requestWithRetry } from './request-with-retry.ts';
import { createTokenBucket } from './token-bucket.ts';
import { virtualWaiter } from './virtual-waiter.ts';

const request = () => new Request('https://api.ebay.com/post-order/v2/return/search?limit=25&offset=0');

function scriptedFetch(answers: (() => Promise<Response>)[]) {
  const seen: Request[] = [];
  const fetchFn = (async (input: Parameters<typeof fetch>[0]) => {
    seen.push(input as Request);
    const next = answers.shift();
    if (!next) throw new Error('no more scripted answers');
    return next();
  }) as typeof fetch;
  return { fetchFn, seen };
}

const ok = () => Promise.resolve(Response.json({ members: [] }));
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(new Response('{}', { status: code, headers }));

describe('createTokenBucket', () => {
  it('lets a burst through, then spaces requests at the published rate', async () => {
    const waiter = virtualWaiter();
    const bucket = createTokenBucket({ requestsPerSecond: 0.5, burst: 2 }, waiter);
    expect([await bucket.take(), await bucket.take(), await bucket.take(), await bucket.take()]).toEqual([0, 0, 2000, 2000]);
  });

  it('holds everyone back while the platform asked to pause', async () => {
    const waiter = virtualWaiter();
    const bucket = createTokenBucket({ requestsPerSecond: 10, burst: 10 }, waiter);
    bucket.pause(5000);
    expect([await bucket.take(), await bucket.take()]).toEqual([5000, 100]);
  });
});

describe('requestWithRetry', () => {
  const base = (waiter = virtualWaiter(), random = () => 0.5) => ({
    deps: { waiter, random, log: createSilentLogger() },
    options: { label: 'eBay (ebay-us)', limiter: createTokenBucket({ requestsPerSecond: 1000, burst: 1000 }, waiter), maxAttempts: 3 },
    waiter,
  });

  it('honours Retry-After on 429 and counts the wait', async () => {
    const { deps, options, waiter } = base();
    const { fetchFn } = scriptedFetch([status(429, { 'Retry-After': '2' }), ok]);
    const waits: number[] = [];
    const response = await requestWithRetry(request, { ...options, onRateLimited: (ms) => waits.push(ms) }, { ...deps, fetch: fetchFn });
    expect(response.status).toBe(200);
    expect(waits).toEqual([2000]);
    expect(waiter.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2000);
  });

  it('backs off exponentially with jitter on 5xx and network errors', async () => {
    const { deps, options, waiter } = base();
    const { fetchFn, seen } = scriptedFetch([status(503), () => Promise.reject(new TypeError('fetch failed')), ok]);
    const response = await requestWithRetry(request, options, { ...deps, fetch: fetchFn });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(waiter.sleeps).toEqual([500, 1000]); // 0.5 × 500 × 2¹, 0.5 × 500 × 2²
  });

  it('gives a 401 straight back to the caller (it refreshes the token), without retrying', async () => {
    const { deps, options } = base();
    const { fetchFn, seen } = scriptedFetch([status(401)]);
    expect((await requestWithRetry(request, options, { ...deps, fetch: fetchFn })).status).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it('fails with a message naming the platform and the last problem after the last try', async () => {
    const { deps, options } = base();
    const { fetchFn } = scriptedFetch([status(500), status(502), status(500)]);
    await expect(requestWithRetry(request, options, { ...deps, fetch: fetchFn })).rejects.toMatchObject({
      code: 'PLATFORM_UNAVAILABLE',
      userMessage: 'eBay (ebay-us) did not answer properly after 3 tries (last: server error 500). The next sync tries again from where this one stopped.',
    });
  });

  it('treats a request that hangs past the timeout as a failed try', async () => {
    const { deps, options } = base();
    const fetchFn = ((_input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    await expect(requestWithRetry(request, { ...options, maxAttempts: 2, timeoutMs: 20 }, { ...deps, fetch: fetchFn })).rejects.toMatchObject({
      userMessage: expect.stringContaining('(last: no answer within 20 ms)'),
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 16:00:10 GMT', Date.parse('2026-12-04T16:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

describe('readJsonBody', () => {
  it('returns the data of a JSON answer', async () => {
    expect(await readJsonBody(Response.json({ code: 0, data: [] }), 'Wish (wish-main)')).toEqual({ code: 0, data: [] });
  });

  it.each([
    [
      new Response('<html><body>Service Unavailable</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'answered with a web page instead of data (HTTP 200)',
    ],
    [new Response('', { status: 200 }), 'answered with an empty body (HTTP 200)'],
    [new Response('{"members": [', { status: 200, headers: { 'content-type': 'application/json' } }), 'answered with data that is not valid JSON'],
  ])('turns a non-data answer into a recorded error', async (response, message) => {
    await expect(readJsonBody(response, 'Walmart (walmart-us)')).rejects.toMatchObject({
      code: 'PLATFORM_BAD_RESPONSE',
      userMessage: expect.stringContaining(`Walmart (walmart-us) ${message}`),
    });
  });
});
