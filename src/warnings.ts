/**
 * Degraded input is data, not an exception (docs/architecture.md): each stage returns what it could not do
 * as warnings, and the report carries them all in `warnings[]`.
 */
export type WarningCode =
  | 'shallow-clone'
  | 'cache-unwritable'
  | 'cache-ignored'
  | 'rename-detection-fallback'
  | 'missing-objects'
  | 'no-history'
  | 'attributes-unreadable'
  | 'temp-folder-fallback'
  | 'ignore-revs-unusable'
  | 'line-ownership-self-check'
  | 'bad-dates'
  | 'anonymous-commits'
  | 'empty-scope'
  | 'config-unusable'
  | 'module-unmatched'
  | 'workspace-unreadable'
  | 'codeowners-unreadable'
  | 'no-recent-data'
  | 'trend-range'
  | 'tags-unreadable'
  | 'unencrypted-credentials'
  | 'engine-isomorphic-git'
  | 'policy-unmatched'
  | 'rule-skipped'
  | 'changed-since-merge-base'
  | 'step-summary-unwritable'
  /** The organisation view (docs/org.md): repositories measured under different settings. */
  | 'mixed-settings'
  /** The organisation view: two repositories are one history at one commit, counted once. */
  | 'same-repository';

export interface Warning {
  /** A stable machine-readable code. */
  readonly code: WarningCode;
  /** One human sentence. */
  readonly message: string;
  /** Affected paths, when there are any (at most a few dozen; `count` says how many in all). */
  readonly paths?: readonly string[];
  /** How many items the warning covers, when more than `paths` lists. */
  readonly count?: number;
}

/** Most paths a warning lists; the rest is counted. */
export const WARNING_PATH_LIMIT = 20;

/** Builds a warning that names at most {@link WARNING_PATH_LIMIT} paths. */
export function warningWithPaths(code: WarningCode, message: string, paths: readonly string[]): Warning {
  return paths.length <= WARNING_PATH_LIMIT
    ? { code, message, paths: [...paths] }
    : { code, message, paths: paths.slice(0, WARNING_PATH_LIMIT), count: paths.length };
}
