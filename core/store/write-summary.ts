/** What one bulk write did: the counts a sync run records. */
export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export function emptySummary(): WriteSummary {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function addSummaries(a: WriteSummary, b: WriteSummary): WriteSummary {
  return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
}

/** Keeps the last occurrence of each key: a page that repeats an item must not write it twice. */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    map.delete(k);
    map.set(k, item);
  }
  return map;
}
