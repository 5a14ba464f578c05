import { z } from 'zod';

/**
 * Fault knobs of the sandboxes, so tests, the demo and the benchmarks can exercise the unhappy
 * paths: server errors, rate limits, slow answers, broken records, repeated items, expired
 * cursors. All rates are per request (or per record) and deterministic for a seed.
 */
export const SandboxKnobs = z
  .object({
    /** Share of requests answered 500/503. */
    serverErrorRate: z.number().min(0).max(1).default(0),
    /** Share of requests answered 429 with Retry-After. */
    rateLimitRate: z.number().min(0).max(1).default(0),
    /** Seconds in Retry-After. */
    retryAfterSeconds: z.number().int().min(0).max(60).default(1),
    /** Milliseconds added to every answer. */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of records sent with a broken shape (missing ids, wrong types). */
    malformedRate: z.number().min(0).max(1).default(0),
    /** Repeat the last item of each page at the start of the next one. */
    repeatAcrossPages: z.boolean().default(false),
    /** Requests with a cursor older than this many seconds are refused as expired (0 = never). */
    cursorTtlSeconds: z.number().int().min(0).default(0),
  })
  .strict();
export type SandboxKnobs = z.output<typeof SandboxKnobs>;

export const NO_FAULTS: SandboxKnobs = SandboxKnobs.parse({});

/** Where a page really starts: one item early when the knob repeats items across pages. */
export function pageStart(offset: number, knobs: SandboxKnobs): number {
  return Math.max(0, offset - (knobs.repeatAcrossPages && offset > 0 ? 1 : 0));
}
