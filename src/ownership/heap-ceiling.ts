import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Collect once the heap holds this much more than was live after the last collection. */
const GROWTH = 0.5;
/** ... and at least this much more (a small heap is left to V8). */
const SLACK_BYTES = 48 * 1024 * 1024;

let collect: (() => void) | undefined;

/** V8's full collection, asked for by name (`--expose-gc` set at run time makes `gc` a global of new contexts). */
function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/**
 * Keeps the line replay's heap near what it holds. Left alone, V8 lets the heap grow to about 2.7×
 * what is live before a full collection, and keeps the pages it grew into: on git/git the replay
 * holds 75 MB, uses 200 MB before V8 collects and keeps 250 MB committed, while five git processes
 * run beside it, and that is the run's memory peak (docs/performance.md, "Line ownership's peak").
 * Called now and then (every 200 commits); collects when the heap has grown half again over what
 * the last collection left (a collection there costs 25–50 ms).
 */
export function heapCeiling(): () => void {
  let live = getHeapStatistics().used_heap_size;
  return () => {
    const used = getHeapStatistics().used_heap_size;
    if (used < live * (1 + GROWTH) + SLACK_BYTES) return;
    fullCollection()();
    live = getHeapStatistics().used_heap_size;
  };
}
