/**
 * How many standard errors an observed share k/n lies above an expected share p0 (a one-sided
 * binomial z-score). The insight rules use it so that 7 size complaints out of 10 returns do not
 * count as a finding while 30 out of 48 against a 35% norm do. 0 when there is nothing to test.
 */
export function shareZ(k: number, n: number, p0: number): number {
  if (n <= 0 || p0 <= 0 || p0 >= 1) return 0;
  return (k / n - p0) / Math.sqrt((p0 * (1 - p0)) / n);
}

/** The same for a count against the count expected at an earlier pace (Poisson). */
export function countZ(observed: number, expected: number): number {
  const e = Math.max(expected, 0.5);
  return (observed - e) / Math.sqrt(e);
}
