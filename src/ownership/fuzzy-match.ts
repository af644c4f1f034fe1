/**
 * First pass of git blame's heuristic for ignored commits: matching the lines of one diff chunk in
 * the target (B) to lines of the same chunk in the parent (A) by fingerprint, keeping the order of
 * lines. Ports `fuzzy_find_matching_lines`, `fuzzy_find_matching_lines_recurse`,
 * `find_best_line_matches`, `get_similarity` and `map_line_number` of git 2.39 `blame.c`.
 *
 * Line numbers here are absolute (0-based lines of the whole file) where git's are relative to the
 * current recursion's `start_a`/`start_b`; every comparison git makes is between numbers of the
 * same frame, so the results are the same. Arithmetic is 32-bit like git's `int`, wrapping where
 * git's would overflow (only for chunks of tens of thousands of lines on both sides).
 */
import { fingerprintSubtract, loadFingerprint, similarityWithLoaded, unloadFingerprint, type LineFingerprints } from './fingerprint.js';

const CERTAIN_NOTHING_MATCHES = -2;
const CERTAINTY_NOT_CALCULATED = -1;

/**
 * Ports `map_line_number` for the chunk's mapping from B to A: the line of A at the same fraction
 * of its chunk as `line` in B's chunk, taking the middle one when several qualify.
 */
function mapLineNumber(line: number, startA: number, lengthA: number, startB: number, lengthB: number): number {
  const numerator = Math.imul((((line - startB) | 0) * 2 + 1) | 0, lengthA);
  return (((numerator / ((lengthB * 2) | 0)) | 0) + startA) | 0;
}

/**
 * Ports `fuzzy_find_matching_lines`: for each line of the target chunk `[startB, startB + lengthB)`,
 * the parent line of `[startA, startA + lengthA)` it matches, or -1. Returns null for an empty
 * parent chunk (git's NULL). Subtracts matched fingerprints from `a` in place, as git does on the
 * parent origin's fingerprints (which later chunks and the second pass then see).
 *
 * @param scratch a zeroed table of `KEY_SPACE` entries, returned zeroed.
 */
export function fuzzyFindMatchingLines(
  a: LineFingerprints,
  b: LineFingerprints,
  startA: number,
  lengthA: number,
  startB: number,
  lengthB: number,
  scratch: Int32Array,
): Int32Array | null {
  if (lengthA <= 0) return null;
  // max_search_distance_a: how far from the closest line in A lines are compared.
  let maxA = 10;
  if (maxA >= lengthA) maxA = lengthA - 1;
  // max_search_distance_b: how far apart two lines of B compared with one line of A can be.
  const maxB = ((((((2 * maxA + 1) * lengthB) | 0) - 1) / lengthA) | 0);
  const width = maxA * 2 + 1;

  const result = new Int32Array(lengthB).fill(-1);
  const secondBestResult = new Int32Array(lengthB).fill(-1);
  const certainties = new Int32Array(lengthB).fill(CERTAINTY_NOT_CALCULATED);
  // get_similarity(): row r (line startB + r of B) holds lines closest - maxA .. closest + maxA of A.
  const similarities = new Int32Array(lengthB * width).fill(-1);

  const closest = (lineB: number): number => mapLineNumber(lineB, startA, lengthA, startB, lengthB);

  /** Ports `find_best_line_matches` for line `lineB` within the A range `[fromA, toA)`. */
  const findBestLineMatches = (fromA: number, toA: number, lineB: number): void => {
    const row = lineB - startB;
    if (certainties[row] !== CERTAINTY_NOT_CALCULATED) return;
    const closestA = closest(lineB);
    const searchStart = closestA - maxA < fromA ? fromA : closestA - maxA;
    const searchEnd = closestA + maxA + 1 > toA ? toA : closestA + maxA + 1;
    let best = 0;
    let secondBest = 0;
    let bestIndex = fromA; // git's local index 0
    let secondBestIndex = fromA;
    let loaded = false;
    for (let i = searchStart; i < searchEnd; i++) {
      const cell = i - closestA + maxA + row * width;
      let similarity = similarities[cell] as number;
      if (similarity === -1) {
        if (!loaded) {
          loadFingerprint(b, lineB, scratch);
          loaded = true;
        }
        // Scaled by (1000 - distance from the closest line) to break ties by distance.
        const distance = i > closestA ? i - closestA : closestA - i;
        similarity = Math.imul(similarityWithLoaded(a, i, scratch), 1000 - distance);
        similarities[cell] = similarity;
      }
      if (similarity > best) {
        secondBest = best;
        secondBestIndex = bestIndex;
        best = similarity;
        bestIndex = i;
      } else if (similarity > secondBest) {
        secondBest = similarity;
        secondBestIndex = i;
      }
    }
    if (loaded) unloadFingerprint(b, lineB, scratch);
    if (best === 0) {
      certainties[row] = CERTAIN_NOTHING_MATCHES;
      result[row] = -1;
    } else {
      // A line matching two lines equally well is less certain than one matching one line.
      certainties[row] = (Math.imul(best, 2) - secondBest) | 0;
      result[row] = bestIndex;
      secondBestResult[row] = secondBestIndex;
    }
  };

  // fuzzy_find_matching_lines_recurse, with an explicit stack instead of recursion (a chunk can
  // nest as deep as it has lines). Quadruples (start A, length A, start B, length B) popped in
  // git's call order: the part before the most certain line, fully, then the part after it.
  const stack: number[] = [startA, lengthA, startB, lengthB];
  while (stack.length > 0) {
    const partLengthB = stack.pop() as number;
    const partStartB = stack.pop() as number;
    const partLengthA = stack.pop() as number;
    const partStartA = stack.pop() as number;
    const partEndA = partStartA + partLengthA;

    let mostCertainLocalB = -1;
    let mostCertainCertainty = -1;
    for (let i = 0; i < partLengthB; i++) {
      findBestLineMatches(partStartA, partEndA, partStartB + i);
      const certainty = certainties[partStartB + i - startB] as number;
      if (certainty > mostCertainCertainty) {
        mostCertainCertainty = certainty;
        mostCertainLocalB = i;
      }
    }
    if (mostCertainLocalB === -1) continue; // no matches

    const mostCertainB = partStartB + mostCertainLocalB;
    const mostCertainA = result[mostCertainB - startB] as number;
    // Other lines of B can't match the same parts of that line of A again.
    fingerprintSubtract(a, mostCertainA, b, mostCertainB, scratch);

    let invalidateMin = mostCertainLocalB - maxB;
    let invalidateMax = mostCertainLocalB + maxB + 1;
    if (invalidateMin < 0) invalidateMin = 0;
    if (invalidateMax > partLengthB) invalidateMax = partLengthB;

    // The fingerprint in A changed: forget similarities computed with it.
    for (let i = invalidateMin; i < invalidateMax; i++) {
      const closestA = closest(partStartB + i);
      const distance = mostCertainA > closestA ? mostCertainA - closestA : closestA - mostCertainA;
      if (distance > maxA) continue;
      similarities[mostCertainA - closestA + maxA + (partStartB + i - startB) * width] = -1;
    }
    // Forget matches whose order contradicts the one just chosen.
    for (let i = mostCertainLocalB - 1; i >= invalidateMin; i--) {
      const row = partStartB + i - startB;
      if ((certainties[row] as number) >= 0 && ((result[row] as number) >= mostCertainA || (secondBestResult[row] as number) >= mostCertainA)) {
        certainties[row] = CERTAINTY_NOT_CALCULATED;
      }
    }
    for (let i = mostCertainLocalB + 1; i < invalidateMax; i++) {
      const row = partStartB + i - startB;
      if ((certainties[row] as number) >= 0 && ((result[row] as number) <= mostCertainA || (secondBestResult[row] as number) <= mostCertainA)) {
        certainties[row] = CERTAINTY_NOT_CALCULATED;
      }
    }

    // Pushed in reverse: the lines after the most certain one run after those before it.
    if (mostCertainLocalB + 1 < partLengthB) {
      stack.push(mostCertainA, partEndA - mostCertainA, mostCertainB + 1, partLengthB - mostCertainLocalB - 1);
    }
    if (mostCertainLocalB > 0) {
      stack.push(partStartA, mostCertainA + 1 - partStartA, partStartB, mostCertainLocalB);
    }
  }
  return result;
}
