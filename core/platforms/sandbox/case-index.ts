import { demoCase, type StorePlan, type TruthCase } from './demo-scenario.ts';

/** A store's cases of one resource as case numbers sorted by a time, built once: 12 bytes a case. */
export interface CaseIndex {
  cases: Int32Array;
  times: Float64Array;
}

export function buildCaseIndex(plan: StorePlan, include: (c: TruthCase) => boolean, timeOf: (c: TruthCase) => number): CaseIndex {
  const found: { i: number; t: number }[] = [];
  for (let i = 0; i < plan.cases; i++) {
    const c = demoCase(plan, i);
    if (include(c)) found.push({ i, t: timeOf(c) });
  }
  return indexByTime(found);
}

/** Numbers (case or order numbers) sorted by their time, ties by number. */
export function indexByTime(found: { i: number; t: number }[]): CaseIndex {
  found.sort((a, b) => a.t - b.t || a.i - b.i);
  return { cases: Int32Array.from(found.map((f) => f.i)), times: Float64Array.from(found.map((f) => f.t)) };
}

/** First position whose time is ≥ x (or > x when `after`). */
export function lowerBound(values: Float64Array, x: number, after = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid] ?? 0;
    if (v < x || (after && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lazily built indexes per store (and resource). */
export function caseIndexCache(build: (storeId: string) => CaseIndex): (storeId: string) => CaseIndex {
  const cache = new Map<string, CaseIndex>();
  return (storeId) => {
    let index = cache.get(storeId);
    if (!index) {
      index = build(storeId);
      cache.set(storeId, index);
    }
    return index;
  };
}
