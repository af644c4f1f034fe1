/**
 * What `busfactor org` analyses (docs/org.md, "Finding repositories"): a repository folder on this
 * machine, or a URL handed to the analysis as it is.
 */
export type RepositoryTarget =
  | {
      readonly kind: 'path';
      /** As the user wrote it (an argument, or a list file's line): what messages name. */
      readonly source: string;
      /** The repository's folder, absolute, symlinks resolved: duplicates are found by it. */
      readonly location: string;
    }
  | {
      readonly kind: 'url';
      readonly source: string;
      /** The URL as given (a trailing `/` dropped): the analysis clones or fetches it. */
      readonly location: string;
    };

/** An argument or list entry that names no repository: listed among the failures, never fatal alone. */
export interface DiscoveryProblem {
  readonly source: string;
  readonly message: string;
}

export interface Discovery {
  /** In the order the arguments and list lines name them, each folder's finds sorted by name; no duplicates. */
  readonly targets: readonly RepositoryTarget[];
  readonly problems: readonly DiscoveryProblem[];
}

/**
 * A repository URL as git takes one: `scheme://…` (https, ssh, git, file) or scp-like
 * `user@host:path`. A plain path never matches: it has no scheme, and no `@` before its first `:`.
 */
export function isRepositoryUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^\s/:@]+@[^\s/:]+:/.test(text);
}
