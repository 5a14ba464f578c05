// Plain JavaScript so that bin/helloword.js can call it before the TypeScript loader starts.
// Types: prefer-small-heap.d.ts.
import v8 from 'node:v8';

/**
 * Asks V8 to keep the heap close to the data actually in use.
 *
 * Why: V8 sizes its heap for the machine. On a machine with plenty of RAM it lets garbage pile
 * up before collecting, so a sync whose live data is under 50 MB reached 470-555 MB of memory.
 * With this flag the same sync of a million cases peaks at 282 MB and takes no longer (the work
 * is in SQLite and the platforms' pacing, not in the collector). Unlike a heap cap
 * (--max-old-space-size) it leaves the heap limit where it was, so a big job cannot run out of
 * memory because of it: it only changes when V8 collects. Call it before the heavy modules load.
 * It is set at runtime (no re-launch of node): Node keeps V8's flags writable after start for
 * v8.setFlagsFromString (nodejs' V8 fork, "Disable freezing V8 flags on initialization"), and
 * this flag only steers the collector's sizing. prefer-small-heap.test.ts checks that the Node
 * running the tests honours it.
 */
export function preferSmallHeap() {
  v8.setFlagsFromString('--optimize-for-size');
}
