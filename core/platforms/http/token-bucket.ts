export interface Waiter {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface TokenBucket {
  /** Waits until a request may go out; returns how long it waited (ms). */
  take(): Promise<number>;
  /** Empties the bucket for `ms`, after a platform said to slow down (429, Retry-After). */
  pause(ms: number): void;
}

/**
 * The per-platform limiter: `burst` requests at once, refilled at `requestsPerSecond`, the way the
 * platforms publish their limits (Amazon 0.5 rps burst 30, eBay daily quotas, …). Calls queue in
 * order, so a burst of callers is spread out rather than rejected.
 */
export function createTokenBucket(options: { requestsPerSecond: number; burst: number }, waiter: Waiter): TokenBucket {
  const interval = 1000 / options.requestsPerSecond;
  let tokens = options.burst;
  let updatedAt = waiter.now();
  let pausedUntil = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const refill = () => {
    const now = waiter.now();
    if (now <= updatedAt) return;
    tokens = Math.min(options.burst, tokens + (now - updatedAt) / interval);
    updatedAt = now;
  };

  const takeNow = async (): Promise<number> => {
    let waited = 0;
    for (;;) {
      const pause = pausedUntil - waiter.now();
      if (pause > 0) {
        await waiter.sleep(pause);
        waited += pause;
        continue;
      }
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return waited;
      }
      const wait = Math.ceil((1 - tokens) * interval);
      await waiter.sleep(wait);
      waited += wait;
    }
  };

  return {
    take() {
      const next = queue.then(takeNow);
      queue = next.catch(() => {});
      return next;
    },
    pause(ms: number) {
      // No tokens pile up during the pause: when it ends, one request may go (as Retry-After
      // says), then the normal rate applies, so a burst cannot trip the limit again at once.
      pausedUntil = Math.max(pausedUntil, waiter.now() + ms);
      tokens = 0;
      updatedAt = pausedUntil - interval;
    },
  };
}
