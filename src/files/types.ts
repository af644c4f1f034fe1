import type { Warning } from '../warnings.js';

/**
 * Why a file in the analysed tree is not part of the file universe. Counted per reason in the
 * report's `excluded` (never dropped silently; docs/algorithms.md §4).
 */
export type ExclusionReason =
  /** Outside the folder the user pointed at (`busfactor path/inside/repo`). */
  | 'outside-scope'
  /** Matched an `--exclude` glob. */
  | 'excluded-by-option'
  /** `--include` globs were given and none matched. */
  | 'not-included'
  /** A gitlink (submodule): its history lives in another repository. */
  | 'submodule'
  /** A symbolic link: Linguist does not count them. */
  | 'symlink'
  /** A dependency lock file (package-lock.json, yarn.lock, Cargo.lock, go.sum, ...). */
  | 'lockfile'
  /** Linguist's vendor.yml, the §4 defaults, or `linguist-vendored` in .gitattributes. */
  | 'vendored'
  /** Linguist's generated-file rules (by name or content), or `linguist-generated`. */
  | 'generated'
  /** Linguist's documentation.yml, or `linguist-documentation`. */
  | 'documentation'
  /** Binary by extension, content or the `binary`/`-diff` attribute. */
  | 'binary'
  /** An empty file (Linguist detects no language in it). */
  | 'empty'
  /** A data or prose file, or no known language (counted with `--all-text`). */
  | 'not-code'
  /** Its content could not be read (missing object) and its name alone did not decide. */
  | 'unreadable';

/** A file of the analysed tree that the analysis counts. */
export interface UniverseFile {
  readonly path: string;
  /** Blob id at the analysed revision. */
  readonly oid: string;
  readonly size: number;
  /** Linguist language name; undefined for text files of no known language (`--all-text`). */
  readonly language: string | undefined;
  /** Lines as git counts them (count-lines.ts), when the content was read to classify the file. */
  readonly lines?: number;
}

/** The counted files of a revision and what was left out. */
export interface FileUniverse {
  /** Sorted by path (byte order of the UTF-8 path, as git sorts). */
  readonly files: readonly UniverseFile[];
  /** Number of tree entries left out, per reason; reasons with zero files are omitted. */
  readonly excluded: Readonly<Partial<Record<ExclusionReason, number>>>;
  /**
   * Tree entries left out (any reason), path → size in bytes (0 when unknown): e.g. to keep the
   * costliest of them out of later git calls.
   */
  readonly leftOut: ReadonlyMap<string, number>;
  /**
   * Every regular file of the analysed tree whose blob is present, path → blob id and size,
   * whatever the scope: where module providers find manifests (package.json, CODEOWNERS, …).
   */
  readonly blobs: ReadonlyMap<string, { readonly oid: string; readonly size: number }>;
  /** Every regular file of the analysed tree, whatever the scope, present or not, in git's order: where the build and delivery files are found. */
  readonly regularFiles: readonly string[];
  readonly warnings: readonly Warning[];
  /** What each blob's classification decided, for the next commit's universe (see {@link UniverseMemo}). */
  readonly memo: UniverseMemo;
}

/**
 * The classification of every blob in the scope, by path: a later commit's universe reclassifies
 * only the blobs that changed (the cache, docs/cache.md). A verdict depends on the blob, its path,
 * its attributes and the options; the options are in the cache's key, and `attributes` names every
 * `.gitattributes` blob of the tree, so a changed one invalidates every verdict.
 */
export interface UniverseMemo {
  readonly attributes: string;
  readonly byPath: ReadonlyMap<string, ClassifiedBlob>;
}

export interface ClassifiedBlob {
  readonly oid: string;
  /** The language when counted, else the reason it was left out. */
  readonly counted: boolean;
  readonly language?: string;
  readonly reason?: ExclusionReason;
  readonly lines?: number;
  /** Its path's attributes when any that matter are set (read-attributes.ts): a changed blob at the path has the same. */
  readonly attributes?: FileAttributes;
}

export interface FileUniverseOptions {
  /** Globs (picomatch, `dot: true`; a glob without `/` matches the base name anywhere). */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Count data, prose and unknown-language text files too, not only programming and markup. */
  readonly allText: boolean;
  readonly signal?: AbortSignal;
  /** An earlier commit's classifications (same options): unchanged blobs are not read again. */
  /** May still be loading (a cached ancestor's states): awaited once the tree is listed. */
  readonly previous?: UniverseMemo | Promise<UniverseMemo | undefined>;
}

/**
 * The `.gitattributes` a file has at the analysed revision, as Linguist reads them
 * (lazy_blob.rb; read-attributes.ts reads them). `undefined` = unspecified: Linguist's own rules decide.
 */
export interface FileAttributes {
  /** `linguist-vendored`: set or any value but `false` -> true; unset or `=false` -> false. */
  readonly vendored?: boolean;
  readonly generated?: boolean;
  readonly documentation?: boolean;
  /** `linguist-detectable`: counts a data/prose file (true) or drops a code file (false). */
  readonly detectable?: boolean;
  /**
   * `linguist-language=<alias>`: the value; `null` when set without a value (Linguist then finds
   * no language); undefined when unspecified or unset (detection decides).
   */
  readonly language?: string | null;
  /** `binary` set, or `diff` unset (`-diff`): git shows no diff, Linguist skips it. */
  readonly binary: boolean;
  /** `filter=lfs`: with a pointer as content, the real file is not in the repository. */
  readonly lfs: boolean;
}
