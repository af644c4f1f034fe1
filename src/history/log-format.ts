/**
 * The `git log --format` string and the order of its fields, built from one list so the two cannot
 * drift (desktop/desktop's git-delimiter-parser does the same). With `-z`, fields are separated by
 * NUL and every commit starts with a 0x01 byte, which no status token of `--name-status` can start
 * with: the parser tells a new commit from the next file change by that byte alone.
 */
/**
 * The trailer keys read (git matches them case-insensitively): co-authors, and the review trailers
 * of git/git and Linux-style projects.
 */
export const TRAILER_KEYS = ['Co-authored-by', 'Reviewed-by', 'Acked-by', 'Tested-by', 'Signed-off-by'] as const;

export const LOG_FIELDS = [
  ['oid', '%H'],
  ['authorName', '%aN'],
  ['authorEmail', '%aE'],
  ['authorTime', '%at'],
  ['committerName', '%cN'],
  ['committerEmail', '%cE'],
  ['committerTime', '%ct'],
  ['parents', '%P'],
  // The trailers people are named in (docs/algorithms.md, "Co-authors"; docs/stewardship.md,
  // "Review"): `Key: value` as written, one trailer each, unfolded, separated by 0x1F (never in a
  // name or an email git accepts). One placeholder for all keys: git parses the message once.
  ['trailers', `%(trailers:${TRAILER_KEYS.map((key) => `key=${key}`).join(',')},unfold,separator=%x1f)`],
] as const;

/** Separates the trailers of the trailers field. */
export const TRAILER_SEPARATOR = '\x1f';

/** Marks the first field of a commit. */
export const COMMIT_START = 0x01;

export const LOG_FORMAT = `%x01${LOG_FIELDS.map(([, placeholder]) => placeholder).join('%x00')}`;

export const LOG_FIELD_COUNT = LOG_FIELDS.length;
