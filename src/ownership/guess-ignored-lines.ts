/**
 * Git blame's heuristic for commits listed in `--ignore-revs-file` (git 2.39 `blame.c`), for one
 * file and one parent: which parent line each line the ignored commit changed is blamed on.
 *
 * Git runs it from `pass_blame_to_parent(..., ignore_diffs = 1)`: `blame_chunk_cb` calls
 * `blame_chunk` once per diff hunk, in order, and `blame_chunk` calls `guess_line_blames` for the
 * hunks that have target lines. The parent's fingerprints are computed once for that pass and the
 * first pass of each hunk subtracts from them, so later hunks see what earlier ones consumed; git
 * drops them after the pass (`drop_origin_blob`), so every call here starts afresh. The answer for
 * a line does not depend on which target lines are still to be blamed.
 */
import { KEY_SPACE, findLineStarts, lineFingerprints, loadFingerprint, similarityWithLoaded, unloadFingerprint, type LineFingerprints } from './fingerprint.js';
import { fuzzyFindMatchingLines } from './fuzzy-match.js';
import { hunkStart } from './apply-hunks.js';

/** A target line outside every hunk: the caller maps it through the diff as usual. */
export const UNCHANGED_LINE = -2;
/** A changed target line git cannot pass to the parent: it stays with the ignored commit. */
export const UNBLAMABLE_LINE = -1;

/** `FINGERPRINT_FILE_THRESHOLD`: the least similarity the second pass accepts. */
const FINGERPRINT_FILE_THRESHOLD = 10;

/**
 * @internal Exported for tests.
 *
 * Ports `scan_parent_range` over the whole parent (`from` 0, `nr_lines` all): the parent line most
 * similar to target line `targetLine` with at least {@link FINGERPRINT_FILE_THRESHOLD}, ties going
 * to the line closest to `targetLine` (by number), and between two equally close ones to the later
 * (git scans upwards and lets an equally close line replace the best). -1 when none qualifies.
 *
 * Git compares the target line with every parent line. Here the similarities come from whichever
 * is cheaper for this line, with the same result: that walk (skipping parent lines whose remaining
 * pair count is below the best similarity so far, which git would skip too), or the parent's
 * inverted index (each key of the target line adds to the lines that hold it).
 */
export class ParentScanner {
  private index: { keyStarts: Int32Array; entries: Int32Array; lineOfEntry: Int32Array } | undefined;
  private readonly sums: Int32Array;
  private readonly touched: Int32Array;

  /**
   * @param parent the parent's fingerprints, as the first pass has left them so far.
   * @param strategy `auto` picks the cheaper way per line; the others force one (for tests).
   */
  constructor(
    private readonly parent: LineFingerprints,
    private readonly strategy: 'auto' | 'walk' | 'index' = 'auto',
  ) {
    this.sums = new Int32Array(parent.lineCount);
    this.touched = new Int32Array(parent.lineCount);
  }

  /** @param table a zeroed table of {@link KEY_SPACE} entries, returned zeroed. */
  scan(target: LineFingerprints, targetLine: number, table: Int32Array): number {
    if ((target.totals[targetLine] as number) < FINGERPRINT_FILE_THRESHOLD) return -1;
    if (this.strategy === 'index') return this.scanIndex(target, targetLine);
    if (this.strategy === 'walk') return this.scanWalk(target, targetLine, table);
    const index = (this.index ??= this.buildIndex());
    const first = target.offsets[targetLine] as number;
    const end = target.offsets[targetLine + 1] as number;
    let postings = 0;
    for (let e = first; e < end; e++) {
      const key = target.keys[e] as number;
      postings += (index.keyStarts[key + 1] as number) - (index.keyStarts[key] as number);
    }
    // Postings are read out of order: worth it when clearly fewer than the walk's entries.
    return postings * 4 < this.parent.keys.length ? this.scanIndex(target, targetLine) : this.scanWalk(target, targetLine, table);
  }

  /** Git's loop, in git's order. */
  private scanWalk(target: LineFingerprints, targetLine: number, table: Int32Array): number {
    loadFingerprint(target, targetLine, table);
    const parent = this.parent;
    let bestSimilarity = FINGERPRINT_FILE_THRESHOLD;
    let bestIndex = -1;
    for (let p = 0; p < parent.lineCount; p++) {
      if ((parent.totals[p] as number) < bestSimilarity) continue;
      const similarity = similarityWithLoaded(parent, p, table);
      if (similarity < bestSimilarity) continue;
      if (similarity === bestSimilarity && bestIndex !== -1 && Math.abs(bestIndex - targetLine) < Math.abs(p - targetLine)) continue;
      bestSimilarity = similarity;
      bestIndex = p;
    }
    unloadFingerprint(target, targetLine, table);
    return bestIndex;
  }

  /** The same choice from the similarities of the parent lines sharing a key with the target line. */
  private scanIndex(target: LineFingerprints, targetLine: number): number {
    const { keyStarts, entries, lineOfEntry } = (this.index ??= this.buildIndex());
    const counts = this.parent.counts;
    const sums = this.sums;
    const touched = this.touched;
    let touchedCount = 0;
    const end = target.offsets[targetLine + 1] as number;
    for (let e = target.offsets[targetLine] as number; e < end; e++) {
      const key = target.keys[e] as number;
      const ours = target.counts[e] as number;
      const postingsEnd = keyStarts[key + 1] as number;
      for (let j = keyStarts[key] as number; j < postingsEnd; j++) {
        const entry = entries[j] as number;
        const theirs = counts[entry] as number;
        if (theirs === 0) continue;
        const line = lineOfEntry[entry] as number;
        if (sums[line] === 0) touched[touchedCount++] = line;
        sums[line] = (sums[line] as number) + (ours < theirs ? ours : theirs);
      }
    }
    let bestSimilarity = FINGERPRINT_FILE_THRESHOLD;
    let bestIndex = -1;
    for (let i = 0; i < touchedCount; i++) {
      const p = touched[i] as number;
      const similarity = sums[p] as number;
      sums[p] = 0;
      if (similarity < bestSimilarity) continue;
      if (similarity === bestSimilarity && bestIndex !== -1) {
        const distance = Math.abs(p - targetLine);
        const bestDistance = Math.abs(bestIndex - targetLine);
        if (distance > bestDistance || (distance === bestDistance && p < bestIndex)) continue;
      }
      bestSimilarity = similarity;
      bestIndex = p;
    }
    return bestIndex;
  }

  /** Postings per key: the parent's entries holding it, in line order. */
  private buildIndex(): NonNullable<ParentScanner['index']> {
    const { keys, offsets, lineCount } = this.parent;
    const keyStarts = new Int32Array(KEY_SPACE + 1);
    for (let e = 0; e < keys.length; e++) keyStarts[(keys[e] as number) + 1] = (keyStarts[(keys[e] as number) + 1] as number) + 1;
    for (let k = 0; k < KEY_SPACE; k++) keyStarts[k + 1] = (keyStarts[k + 1] as number) + (keyStarts[k] as number);
    const fill = keyStarts.slice(0, KEY_SPACE);
    const entries = new Int32Array(keys.length);
    const lineOfEntry = new Int32Array(keys.length);
    for (let line = 0; line < lineCount; line++) {
      for (let e = offsets[line] as number; e < (offsets[line + 1] as number); e++) {
        const key = keys[e] as number;
        entries[fill[key] as number] = e;
        fill[key] = (fill[key] as number) + 1;
        lineOfEntry[e] = line;
      }
    }
    return { keyStarts, entries, lineOfEntry };
  }
}

/**
 * git blame's treatment of a commit listed in --ignore-revs-file, for one file: where each line the
 * commit changed is blamed instead. `hunks` are the -U0 diff hunks from parent to target as
 * quadruples (old start, old count, new start, new count; 1-based starts as git prints them; for an
 * empty side the start is the line before). Returns one entry per target line: -2 for lines outside
 * every hunk (unchanged: the caller maps them the ordinary way), a 0-based parent line index for a
 * changed line blamed on the parent, or -1 for a changed line that stays with the ignored commit
 * ("unblamable").
 *
 * Lines are counted as git's `find_line_starts` does: a last line without newline is a line.
 * Throws a RangeError when the hunks do not fit the two files.
 */
export function guessIgnoredLines(parent: Buffer, target: Buffer, hunks: readonly number[]): Int32Array {
  if (hunks.length % 4 !== 0) throw new RangeError('hunks must be quadruples');
  const targetStarts = findLineStarts(target);
  const blames = new Int32Array(targetStarts.length - 1).fill(UNCHANGED_LINE);

  let scratch: Int32Array | undefined;
  let parentFps: LineFingerprints | undefined;
  let targetFps: LineFingerprints | undefined;
  let scanner: ParentScanner | undefined;
  let previousEnd = 0;
  for (let h = 0; h < hunks.length; h += 4) {
    const countA = hunks[h + 1] as number;
    const countB = hunks[h + 3] as number;
    // blame_chunk_cb's 0-based starts (xdiff's i1, i2).
    const startA = hunkStart(hunks[h] as number, countA);
    const startB = hunkStart(hunks[h + 2] as number, countB);
    if (startB < previousEnd || startB + countB > blames.length || startA < 0 || countA < 0 || countB < 0) {
      throw new RangeError(`hunk ${h / 4} does not fit the target`);
    }
    previousEnd = startB + countB;
    // blame_chunk: tlno = start_b, offset = start_a - start_b, same = start_b + count_b,
    // parent_len = count_a; guess_line_blames only when same - tlno > 0.
    if (countB === 0) continue;
    if (scratch === undefined || parentFps === undefined || targetFps === undefined) {
      scratch = new Int32Array(KEY_SPACE);
      parentFps = lineFingerprints(parent, scratch);
      targetFps = lineFingerprints(target, scratch);
    }
    if (startA + countA > parentFps.lineCount) throw new RangeError(`hunk ${h / 4} does not fit the parent`);
    scanner ??= new ParentScanner(parentFps);
    guessLineBlames(parentFps, targetFps, startA, countA, startB, countB, scratch, scanner, blames);
  }
  return blames;
}

/**
 * Ports `guess_line_blames` for one hunk: the first pass matches within the hunk
 * (`fuzzy_find_matching_lines`), the second scans the whole parent for lines the first left
 * unmatched (`scan_parent_range`). Writes `blames[startB ..]`.
 */
function guessLineBlames(
  parent: LineFingerprints,
  target: LineFingerprints,
  startA: number,
  countA: number,
  startB: number,
  countB: number,
  scratch: Int32Array,
  scanner: ParentScanner,
  blames: Int32Array,
): void {
  const fuzzyMatches = fuzzyFindMatchingLines(parent, target, startA, countA, startB, countB, scratch);
  for (let i = 0; i < countB; i++) {
    const targetLine = startB + i;
    let best = fuzzyMatches === null ? -1 : (fuzzyMatches[i] as number);
    if (best < 0) best = scanner.scan(target, targetLine, scratch);
    blames[targetLine] = best >= 0 ? best : UNBLAMABLE_LINE;
  }
}
