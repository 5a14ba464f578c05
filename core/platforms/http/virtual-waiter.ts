import type { Waiter } from './token-bucket.ts';

/** A clock for tests and the demo: `sleep` moves time forward at once and records the wait. */
export function virtualWaiter(startMs = 0): Waiter & { sleeps: number[] } {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms: number) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** The real clock. */
export const realWaiter: Waiter = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
