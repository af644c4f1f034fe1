/**
 * Line fingerprints of git blame's heuristic for ignored commits (git 2.39 `blame.c`,
 * `struct fingerprint` and the functions around it).
 *
 * A fingerprint is the multiset of the lower-cased byte pairs of a line, with whitespace turned
 * into 0, a 0 added at the end, and the pair (0, 0) left out. "Darth   Radar" gives
 * {"\0d", "da", "da", "ar", "ar", "rt", "th", "h\0", "\0r", "ra", "ad", "r\0"}. Git keys its
 * hashmap by the 16-bit value `previous | current << 8` (its hashmap compares hashes only), so
 * a key here is that same 16-bit number.
 *
 * Git's `isspace`/`tolower` are its own locale-independent ones (`sane_ctype` in `ctype.c`):
 * whitespace is TAB, LF, CR and space only (not VT or FF), and only ASCII letters fold. Bytes,
 * not characters: a UTF-8 sequence contributes its byte pairs.
 *
 * All lines of a file live in flat typed arrays: line `i` owns entries `offsets[i]` to
 * `offsets[i + 1]`, each a distinct `keys` value with its `counts` (how often the pair occurs).
 * `fingerprintSubtract` lowers counts in place; a count of 0 stands for an entry git removed
 * from its hashmap, which gives the same similarities.
 */

/** The fingerprints of every line of one file. Counts and totals are mutable (see subtract). */
export interface LineFingerprints {
  /** Number of lines, as `find_line_starts` counts them (a last line without newline counts). */
  readonly lineCount: number;
  /** `lineCount + 1` entry offsets into `keys`/`counts`. */
  readonly offsets: Int32Array;
  /** Byte-pair keys, `previous | current << 8`, distinct within a line. */
  readonly keys: Uint16Array;
  /** Occurrences of each key in its line; 0 once subtracted away. */
  readonly counts: Int32Array;
  /** Sum of a line's counts: an upper bound of its similarity with any line. */
  readonly totals: Int32Array;
}

/** Size of a dense table indexed by key. */
export const KEY_SPACE = 1 << 16;

/** Git's `sane_ctype` whitespace: TAB, LF, CR, space. */
function isGitSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Git's `tolower`: ASCII letters only. */
function gitToLower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
}

/**
 * Ports `find_line_starts`: the offset of each line start, plus the buffer length at the end.
 * A last line without newline is a line; an empty buffer has none.
 */
export function findLineStarts(buf: Uint8Array): Int32Array {
  let count = 0;
  for (let p = 0; p < buf.length; ) {
    count += 1;
    const nl = buf.indexOf(0x0a, p);
    p = nl < 0 ? buf.length : nl + 1;
  }
  const starts = new Int32Array(count + 1);
  let line = 0;
  for (let p = 0; p < buf.length; ) {
    starts[line++] = p;
    const nl = buf.indexOf(0x0a, p);
    p = nl < 0 ? buf.length : nl + 1;
  }
  starts[count] = buf.length;
  return starts;
}

/**
 * Ports `get_line_fingerprints` over a whole file (`fill_origin_fingerprints`), with
 * `get_fingerprint` for each line: the bytes from the line start up to and including the position
 * of the next line start, where that last position always reads as whitespace. The line's own
 * newline is therefore whitespace too, and a CR before it adds nothing (a pair of zeros).
 *
 * @param scratch a zeroed table of {@link KEY_SPACE} entries, returned zeroed.
 */
export function lineFingerprints(buf: Uint8Array, scratch: Int32Array): LineFingerprints {
  const starts = findLineStarts(buf);
  const lineCount = starts.length - 1;
  // At most one entry per position read: the line's bytes plus its terminating position.
  const keys = new Uint16Array(buf.length + lineCount);
  const counts = new Int32Array(buf.length + lineCount);
  const offsets = new Int32Array(lineCount + 1);
  const totals = new Int32Array(lineCount);
  let entries = 0;
  for (let line = 0; line < lineCount; line++) {
    const begin = starts[line] as number;
    const end = starts[line + 1] as number;
    const first = entries;
    let c0 = 0;
    let total = 0;
    for (let p = begin; p <= end; p++) {
      const byte = p === end ? 0 : (buf[p] as number);
      const c1 = p === end || isGitSpace(byte) ? 0 : gitToLower(byte);
      const key = c0 | (c1 << 8);
      c0 = c1;
      if (key === 0) continue; // whitespace pairs are ignored
      total += 1;
      const slot = scratch[key] as number;
      if (slot === 0) {
        keys[entries] = key;
        counts[entries] = 1;
        entries += 1;
        scratch[key] = entries; // entry index + 1
      } else {
        counts[slot - 1] = (counts[slot - 1] as number) + 1;
      }
    }
    for (let e = first; e < entries; e++) scratch[keys[e] as number] = 0;
    totals[line] = total;
    offsets[line + 1] = entries;
  }
  return { lineCount, offsets, keys: keys.slice(0, entries), counts: counts.slice(0, entries), totals };
}

/** Writes a line's counts into a dense key table, for {@link similarityWithLoaded}. */
export function loadFingerprint(fp: LineFingerprints, line: number, table: Int32Array): void {
  const end = fp.offsets[line + 1] as number;
  for (let e = fp.offsets[line] as number; e < end; e++) table[fp.keys[e] as number] = fp.counts[e] as number;
}

/** Clears what {@link loadFingerprint} wrote. */
export function unloadFingerprint(fp: LineFingerprints, line: number, table: Int32Array): void {
  const end = fp.offsets[line + 1] as number;
  for (let e = fp.offsets[line] as number; e < end; e++) table[fp.keys[e] as number] = 0;
}

/**
 * Ports `fingerprint_similarity`: the size of the multiset intersection of line `line` of `fp`
 * and the fingerprint loaded into `table` (the sum over shared keys of the smaller count).
 */
export function similarityWithLoaded(fp: LineFingerprints, line: number, table: Int32Array): number {
  let intersection = 0;
  const end = fp.offsets[line + 1] as number;
  for (let e = fp.offsets[line] as number; e < end; e++) {
    const theirs = table[fp.keys[e] as number] as number;
    if (theirs === 0) continue;
    const ours = fp.counts[e] as number;
    intersection += ours < theirs ? ours : theirs;
  }
  return intersection;
}

/**
 * Ports `fingerprint_subtract`: removes line `lineB` of `b` from line `lineA` of `a`, in place.
 * An entry of A whose count does not exceed B's is removed (count 0), else it loses B's count.
 *
 * @param scratch a zeroed table of {@link KEY_SPACE} entries, returned zeroed.
 */
export function fingerprintSubtract(a: LineFingerprints, lineA: number, b: LineFingerprints, lineB: number, scratch: Int32Array): void {
  const firstA = a.offsets[lineA] as number;
  const endA = a.offsets[lineA + 1] as number;
  for (let e = firstA; e < endA; e++) scratch[a.keys[e] as number] = e + 1;
  let removed = 0;
  const endB = b.offsets[lineB + 1] as number;
  for (let e = b.offsets[lineB] as number; e < endB; e++) {
    const slot = scratch[b.keys[e] as number] as number;
    if (slot === 0) continue;
    const ours = a.counts[slot - 1] as number;
    const theirs = b.counts[e] as number;
    const next = ours <= theirs ? 0 : ours - theirs;
    removed += ours - next;
    a.counts[slot - 1] = next;
  }
  for (let e = firstA; e < endA; e++) scratch[a.keys[e] as number] = 0;
  a.totals[lineA] = (a.totals[lineA] as number) - removed;
}
