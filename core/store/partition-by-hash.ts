export interface Hashed<R> {
  key: string;
  record: R;
  hash: string;
}

export interface Partitioned<R, E> {
  fresh: Hashed<R>[];
  changed: (Hashed<R> & { existing: E })[];
  unchanged: number;
}

/** Splits a page into records not yet stored, stored with other content, and stored as they are. */
export function partitionByHash<R, E extends { hash: string }>(records: Iterable<Hashed<R>>, existing: Map<string, E>): Partitioned<R, E> {
  const out: Partitioned<R, E> = { fresh: [], changed: [], unchanged: 0 };
  for (const item of records) {
    const found = existing.get(item.key);
    if (!found) out.fresh.push(item);
    else if (found.hash !== item.hash) out.changed.push({ ...item, existing: found });
    else out.unchanged++;
  }
  return out;
}
