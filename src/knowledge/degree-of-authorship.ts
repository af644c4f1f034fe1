/**
 * Degree of authorship (Fritz et al., as used by Avelino et al. 2016; docs/algorithms.md §1):
 * `DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)`.
 */
export function degreeOfAuthorship(firstAuthorship: number, deliveries: number, acceptances: number): number {
  return 3.293 + 1.098 * firstAuthorship + 0.164 * deliveries - 0.321 * Math.log(1 + acceptances);
}

/**
 * The reference reads its thresholds from config.properties into Java `float`s, so the absolute
 * threshold is float(3.293) = 3.2929999828…, compared against a double DOA. Reproduced exactly.
 */
const ABSOLUTE_THRESHOLD = Math.fround(3.293);
const NORMALISED_THRESHOLD = 0.75;

/** d authors f iff DOA_N > 0.75 and (DOA ≥ 3.293 or d created f). */
export function isAuthor(doa: number, bestDoa: number, firstAuthorship: number): boolean {
  return doa / bestDoa > NORMALISED_THRESHOLD && (doa >= ABSOLUTE_THRESHOLD || firstAuthorship === 1);
}
