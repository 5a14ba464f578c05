/** Edit distance, for "did you mean" suggestions on SKUs, stores and agents. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The known names closest to what was typed: those containing it first, then by edit distance. */
export function closestNames(typed: string, known: readonly string[], count = 3): string[] {
  const t = typed.trim().toUpperCase();
  return [...known]
    .map((name) => {
      const n = name.toUpperCase();
      return { name, score: n.includes(t) || t.includes(n) ? -1 : distance(t, n) };
    })
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((x) => x.name);
}
