/**
 * Line owners as runs: the replay's compact form of "per line, the commit that introduced it".
 * A file's owners are an `Int32Array` of pairs `[owner, end, owner, end, …]`, `end` the exclusive
 * line index where the run stops (cumulative), so runs can be walked in order and the line count
 * is the last `end`. Adjacent runs never have the same owner.
 *
 * Lines of one commit mostly come in blocks, so a file of thousands of lines has a few hundred
 * runs: applying a commit's hunks copies runs, not lines, and states share the arrays (never
 * mutated once built) between commits. Per-line arrays are built only where the per-line rule
 * needs them (merges' files changed on both sides, ignored commits) and for the analysed commit.
 */
import { fittedLength, hunkStart } from './apply-hunks.js';

export type LineRuns = Int32Array;

/** The runs of a file without lines. */
export const NO_RUNS: LineRuns = new Int32Array(0);

/** How many lines the runs hold. */
export function runsLength(runs: LineRuns): number {
  return runs.length === 0 ? 0 : (runs[runs.length - 1] as number);
}

/** A new file: every line owned by `owner`. */
export function newRuns(count: number, owner: number): LineRuns {
  return count === 0 ? NO_RUNS : Int32Array.of(owner, count);
}

/** Runs being built: pairs appended in line order, equal neighbours joined. */
class RunsBuilder {
  private data: Int32Array;
  private size = 0;
  private total = 0;

  constructor(capacity: number) {
    this.data = scratch(capacity);
  }

  push(owner: number, count: number): void {
    if (count <= 0) return;
    this.total += count;
    const data = this.data;
    if (this.size > 0 && data[this.size - 2] === owner) {
      data[this.size - 1] = this.total;
      return;
    }
    data[this.size] = owner;
    data[this.size + 1] = this.total;
    this.size += 2;
  }

  done(): LineRuns {
    return this.size === 0 ? NO_RUNS : this.data.slice(0, this.size);
  }
}

/** One scratch buffer for every build (the replay is single-threaded and builds one at a time). */
let buffer = new Int32Array(1024);
function scratch(capacity: number): Int32Array {
  if (buffer.length < capacity) buffer = new Int32Array(Math.max(capacity, buffer.length * 2));
  return buffer;
}

/** Per-line owners as runs. */
export function runsOf(owners: Int32Array): LineRuns {
  const builder = new RunsBuilder(owners.length * 2);
  let start = 0;
  for (let i = 1; i <= owners.length; i += 1) {
    if (i === owners.length || owners[i] !== owners[start]) {
      builder.push(owners[start] as number, i - start);
      start = i;
    }
  }
  return builder.done();
}

/** Runs as per-line owners. */
export function expandRuns(runs: LineRuns): Int32Array {
  const owners = new Int32Array(runsLength(runs));
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1] as number;
    owners.fill(runs[r] as number, from, end);
    from = end;
  }
  return owners;
}

/**
 * A non-merge commit on runs ({@link applyHunks} on per-line owners): keep old lines outside the
 * hunks, drop the removed ones, insert the new ones owned by `owner`. Null when the hunks do not
 * fit (checked before anything is built).
 */
export function applyHunksToRuns(old: LineRuns, hunks: readonly number[], owner: number): LineRuns | null {
  if (fittedLength(runsLength(old), hunks) < 0) return null;
  if (hunks.length === 0) return old;
  // Each hunk splits at most one run and inserts one.
  const out = new RunsBuilder(old.length + hunks.length + 2);
  let r = 0; // current run (pair index × 2) of `old`
  let from = 0;
  const copyUntil = (until: number) => {
    while (from < until) {
      const end = old[r + 1] as number;
      const stop = end < until ? end : until;
      out.push(old[r] as number, stop - from);
      from = stop;
      if (from === end) r += 2;
    }
  };
  for (let h = 0; h < hunks.length; h += 4) {
    const removed = hunks[h + 1] as number;
    copyUntil(hunkStart(hunks[h] as number, removed));
    // Skip the removed lines.
    from += removed;
    while (r < old.length && (old[r + 1] as number) <= from) r += 2;
    out.push(owner, hunks[h + 3] as number);
  }
  copyUntil(runsLength(old));
  return out.done();
}
