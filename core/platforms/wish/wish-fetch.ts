/**
 * Wish's answers brought to what the shared HTTP layer understands, so its retries and token
 * renewal apply unchanged:
 * - a 429 says when to come back in `Wish-Rate-Limit-Reset` (a time), not `Retry-After`;
 * - a refused or expired token may come as HTTP 400 with an OAuth error code in the envelope.
 */

/** Envelope codes that mean the access token is no good (Wish OAuth API: 1006, 1007, 1008, 1012) or the account is disabled (1002). */
const AUTH_CODES = new Set([1002, 1006, 1007, 1008, 1012]);
const MAX_WAIT_MS = 60 * 60_000;

/**
 * How long to wait for a `Wish-Rate-Limit-Reset` value. Wish documents it as "the time the
 * rate-limiter will reset" without a format, so ISO/HTTP dates, Unix seconds or milliseconds and
 * plain seconds-to-wait are all read. A time is measured against the answer's own `Date` header
 * when there is one, so a skewed local clock cannot stretch or cancel the wait.
 */
export function waitForReset(reset: string | null, serverDate: string | null, nowMs: number): number | null {
  const value = reset?.trim();
  if (!value) return null;
  let at: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    if (n < 1e9) return Math.min(MAX_WAIT_MS, Math.round(n * 1000));
    at = n > 1e12 ? n : n * 1000;
  } else {
    at = Date.parse(value);
    if (Number.isNaN(at)) return null;
  }
  const base = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Math.min(MAX_WAIT_MS, Math.max(0, at - (Number.isNaN(base) ? nowMs : base)));
}

export function wishFetch(inner: typeof fetch, now: () => number): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const response = await inner(input, init);
    if (response.status === 429 && !response.headers.get('retry-after')) {
      const wait = waitForReset(response.headers.get('wish-rate-limit-reset'), response.headers.get('date'), now());
      if (wait === null) return response;
      const headers = new Headers(response.headers);
      headers.set('Retry-After', String(wait / 1000));
      return new Response(response.body, { status: 429, statusText: response.statusText, headers });
    }
    if (response.status === 400 || response.status === 403) {
      const text = await response.text();
      let code: unknown = null;
      try {
        code = (JSON.parse(text) as { code?: unknown }).code;
      } catch {
        // not JSON: left as it is
      }
      const status = AUTH_CODES.has(Number(code)) ? 401 : response.status;
      return new Response(text, { status, statusText: response.statusText, headers: response.headers });
    }
    return response;
  }) as typeof fetch;
}
