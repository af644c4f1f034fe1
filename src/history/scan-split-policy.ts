import { InputError } from '../errors.js';

/**
 * When the history scan splits in two processes (history/scan-with-fallback.ts):
 * - `auto`: once the list of commits is known, if it is long and most of the walk is still ahead,
 *   on a machine with two cores or more;
 * - `never`: one process, as git log alone;
 * - `after`: after exactly this many commits of the walk (0: before it), whatever the length: how
 *   the tests and the verification scripts exercise every way in on small histories.
 */
export type ScanSplitPolicy = { readonly kind: 'auto'; readonly minCommits: number } | { readonly kind: 'never' } | { readonly kind: 'after'; readonly commits: number };

/**
 * Below this many commits one process is as fast: the list of commits costs a second walk of the
 * history (git/git's 82k commits: 0.9 s without a commit-graph), two processes save half the
 * diffing (3–4 s there). jekyll's 11.9k commits: 1.6 s in one process, 1.3 s split.
 */
const MIN_COMMITS = 10_000;

/**
 * The policy: `BUSFACTOR_SCAN_SPLIT` (`auto`, `never`, `after:N`; docs/performance.md), else
 * `auto`; `auto` on a single core is `never`.
 */
export function scanSplitPolicy(cores: number, setting = process.env.BUSFACTOR_SCAN_SPLIT): ScanSplitPolicy {
  const value = (setting ?? '').trim();
  if (value === '' || value === 'auto') return cores >= 2 ? { kind: 'auto', minCommits: MIN_COMMITS } : { kind: 'never' };
  if (value === 'never') return { kind: 'never' };
  const after = /^after:(\d{1,9})$/.exec(value);
  if (after) return { kind: 'after', commits: Number(after[1]) };
  throw new InputError(`BUSFACTOR_SCAN_SPLIT=${value}: expected auto, never or after:N (docs/performance.md)`);
}
