import type { SyncProgress } from '../core/sync/sync-stores.ts';

/**
 * Sync progress for a person: on a terminal one live line per store × resource that updates in
 * place; elsewhere (CI, logs, pipes) one plain line when each finishes. Written to stderr, so
 * stdout stays for results and --json.
 */
export function createSyncProgressPrinter(stream: NodeJS.WriteStream | NodeJS.WritableStream): (p: SyncProgress) => void {
  const tty = 'isTTY' in stream && stream.isTTY === true;
  const describe = (p: SyncProgress) => {
    const c = p.counts;
    const waits = c.rateLimitWaits ? `, ${c.rateLimitWaits} rate-limit waits` : '';
    const problems = c.skipped ? `, ${c.skipped} skipped` : '';
    return `  ${p.storeId.padEnd(18)} ${p.resource.padEnd(13)} ${String(c.pages).padStart(5)} pages ${String(c.fetched).padStart(8)} records (${c.created} new, ${c.updated} updated${problems}${waits})${p.done ? (c.errors ? '  FAILED' : '  done') : ''}`;
  };
  let live = '';
  return (p) => {
    if (!tty) {
      if (p.done) stream.write(`${describe(p)}\n`);
      return;
    }
    const line = describe(p);
    stream.write(`${live ? '\r\x1b[2K' : ''}${line}${p.done ? '\n' : ''}`);
    live = p.done ? '' : line;
  };
}
