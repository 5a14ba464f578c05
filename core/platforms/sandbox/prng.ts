/**
 * Deterministic randomness addressed by keys: `unit(seed, a, b)` is the same number for the same
 * keys, whatever was generated before. That is what lets the sandboxes build page 40,000 of a
 * million-case store without generating pages 1 to 39,999 or keeping anything in memory.
 */
function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of a string (FNV-1a), to turn store ids and labels into keys. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) determined by the keys. */
export function unit(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const k of keys) h = mix(h ^ mix(k + 0x632be5ab));
  return h / 4294967296;
}

/** An integer in [0, n). */
export function below(n: number, ...keys: number[]): number {
  return Math.floor(unit(...keys) * n);
}

/** Picks from weighted options with one key-addressed draw. */
export function weighted<T>(options: readonly (readonly [T, number])[], ...keys: number[]): T {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = unit(...keys) * total;
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  const last = options.at(-1);
  if (!last) throw new Error('weighted() needs at least one option');
  return last[0];
}
