/** Counts rows per "status/reason": how sync tests compare the database with a sandbox's truth. */
export function tallyStatusReason(rows: readonly { status: string; reason: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.status}/${r.reason}`] = (out[`${r.status}/${r.reason}`] ?? 0) + 1;
  return out;
}
