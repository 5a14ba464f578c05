import { unit } from './prng.ts';
import type { SandboxKnobs } from './sandbox-knobs.ts';

/**
 * The knobs' effect on one data request, decided by the request's number so a run is
 * reproducible: a 429 (with Retry-After), a 5xx, or nothing; plus the configured latency.
 */
export function createFaults(
  seed: number,
  render: { rateLimited(retryAfterSeconds: number): Response; serverError(): Response },
): { next(knobs: SandboxKnobs): Promise<Response | null>; count(): number } {
  let n = 0;
  return {
    count: () => n,
    async next(knobs) {
      const k = ++n;
      if (knobs.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.latencyMs));
      const u = unit(seed, 99, k);
      if (u < knobs.rateLimitRate) return render.rateLimited(knobs.retryAfterSeconds);
      if (u < knobs.rateLimitRate + knobs.serverErrorRate) return render.serverError();
      return null;
    },
  };
}
