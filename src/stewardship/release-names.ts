import { compileGlobs } from '../files/match-globs.js';

/**
 * A version, after an optional package or product prefix ending in `/`, `@`, `-` or `_`
 * (`pkg@1.2.3`, `api/v2.0`, `gitgui-0.10.0`): an optional `v`, at least two numbers separated by
 * dots, or all by underscores (`curl-8_5_0`, `REL_16_1`), and an optional pre-release or build
 * suffix (`-rc1`, `.beta2`, `+build5`, `rc1`). One number alone is not a release (`v1`: the moving
 * major tags of GitHub Actions). Tag names are short (git refuses names beyond a path's length):
 * the prefix's backtracking stays small.
 */
const VERSION = /^(?:[^\s]*[/@_-])?[vV]?\d+([._])\d+(?:\1\d+)*[0-9A-Za-z.+-]*$/;
/** `release-*`, `release/*`, `release_*`, `releases/*`. */
const RELEASE_WORD = /^(?:[^\s]*\/)?releases?[-_/]\S+$/i;

/**
 * Whether a tag names a release (docs/stewardship.md, "Releases"): by default a version or a
 * `release-*` name; the config's `stewardship.releaseTags` globs replace that rule.
 */
export function releaseTagMatcher(globs: readonly string[]): (tag: string) => boolean {
  const configured = compileGlobs(globs.map((glob) => glob.replace(/^\//, '')));
  if (configured) return (tag) => configured(tag);
  return (tag) => VERSION.test(tag) || RELEASE_WORD.test(tag);
}
