// `npm run bench -- <name>`: runs one benchmark (or all) and prints its table.
// Benchmarks compare ratios within one run on one engine; they never assert absolute times.
// They run with the heap setting the helloword command uses, so memory figures are the product's.
import { preferSmallHeap } from '../cli/prefer-small-heap.js';

preferSmallHeap();
const BENCHES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  store: () => import('./store.ts'),
  sync: () => import('./sync.ts'),
  query: () => import('./query.ts'),
  'sync-stage': () => import('./sync-stage.ts'),
  mcp: () => import('./mcp.ts'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !BENCHES[n]);
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
for (const name of names.length ? names : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (bench) await (await bench()).run();
}
