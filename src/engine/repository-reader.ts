/**
 * The seam between the pipeline and whatever reads the repository (docs/engine.md,
 * docs/architecture.md "The engine seam"). Every stage that needs something from the repository —
 * a commit id, the history's commits, a tree, blobs, attributes, tags — asks the
 * {@link RepositoryReader} its {@link Repository} carries; the reader is chosen once, when the
 * repository is opened (engine/open-repository.ts). Two readers exist: git's plumbing
 * (engine/git-reader.ts), and isomorphic-git for machines without a `git` executable
 * (engine/isomorphic/isomorphic-reader.ts). Both produce the same records, so the history pass, its
 * collectors and every analysis after them run unchanged.
 */
import type { FileAttributes } from '../files/read-attributes.js';
import type { TreeEntry } from '../files/list-tree.js';
import type { BlobRequest } from '../files/read-blobs.js';
import type { TreeFile } from '../git/read-tree-file.js';
import type { HistoryPass } from '../history/history-pass.js';
import type { HistoryResult } from '../history/scan-with-fallback.js';
import type { TagRecord } from '../stewardship/read-tags.js';

import type { ENGINE_CHOICES } from '../settings/option-schema.js';

/** The engines `--engine` names (`auto`: git when it is on PATH, else isomorphic-git). */
export type EngineChoice = (typeof ENGINE_CHOICES)[number];
export type EngineName = Exclude<EngineChoice, 'auto'>;

/** Reads blobs one at a time (module manifests, CODEOWNERS); `close()` ends it. */
export interface BlobReader {
  /** The blob's bytes; undefined when the object is missing. */
  read(oid: string): Promise<Buffer | undefined>;
  close(): void;
}

/** What one history scan is asked for (history/scan-with-fallback.ts). */
export interface HistoryScanRequest {
  readonly head: string;
  readonly pass: HistoryPass;
  readonly signal: AbortSignal | undefined;
  readonly onCommits: (commits: number) => void;
  /**
   * The number of commits the scan covers, once known (the progress line's estimate): from the
   * scan's own list of its commits when it makes one (git, a long history), else counted beside it.
   */
  readonly onTotal?: (commits: number) => void;
  /** Only the commits made since this one (a cached head). */
  readonly since?: string;
  /**
   * The scan may use two processes on a long history (git: history/scan-split-policy.ts). Off for
   * line ownership, whose replay after the scan is the run's memory peak: V8 keeps the heap the
   * older part's commits needed while they waited (git/git: 828 instead of 760 MiB).
   */
  readonly mayParallelize?: boolean;
}

export interface RepositoryReader {
  readonly engine: EngineName;
  /**
   * What the analysis cache keys on besides the settings: this engine and its version (another
   * version may detect renames or parse dates differently; cache/cache-keys.ts).
   */
  version(signal?: AbortSignal): Promise<string>;
  /** A revision (`HEAD`, a branch, a tag, an id, `v1^`, …) to a full commit id; InputError when it names none. */
  resolveCommit(revision: string, signal?: AbortSignal): Promise<string>;
  /** The commits of `head`'s history (without `since`'s): what a scan reports as its total when it has no list of its own. */
  countCommits(head: string, since: string | undefined, signal?: AbortSignal): Promise<number>;
  /** Whether `ancestor` is `head` or one of its ancestors; false when either cannot be read. */
  isAncestor(ancestor: string, head: string, signal?: AbortSignal): Promise<boolean>;
  /** Which of these ids name commits this repository has. */
  commitsPresent(oids: readonly string[], signal?: AbortSignal): Promise<Set<string>>;
  /**
   * Feeds every commit of `head`'s history to the pass, newest first in git log's default order,
   * with its changes against its first parent (none for merges), `.mailmap` applied.
   */
  scanHistory(request: HistoryScanRequest): Promise<HistoryResult>;
  /** Every entry of the commit's tree, recursively, in git's order. */
  listTree(commit: string, signal?: AbortSignal): Promise<TreeEntry[]>;
  /** The `.gitattributes` of each path at the commit (one entry per path, in order). */
  readAttributes(commit: string, paths: readonly Buffer[], signal?: AbortSignal): Promise<FileAttributes[]>;
  /** Reads blobs and hands each to `handle` in request order; undefined content = missing. */
  readBlobs<T extends BlobRequest>(requests: readonly T[], handle: (request: T, content: Buffer | undefined) => void, signal?: AbortSignal): Promise<void>;
  openBlobReader(): BlobReader;
  /** A file the tool takes settings from, read from the commit's tree (git/read-tree-file.ts). */
  readTreeFile(commit: string, path: string, options: { readonly maxBytes: number; readonly signal?: AbortSignal }): Promise<TreeFile>;
  /** The id of the commit's `.mailmap` blob, '' without one (a bare repository maps names through it). */
  mailmapBlob(commit: string, signal?: AbortSignal): Promise<string>;
  /** Every tag, sorted by name as `git for-each-ref` lists them. */
  readTags(signal?: AbortSignal): Promise<TagRecord[]>;
  /**
   * What determines {@link readTags}' answer, for a cache key: cheaper to read than the tags
   * themselves where the engine can (git: each tag's name and the object its ref names, with
   * nothing peeled).
   */
  readTagRefs(signal?: AbortSignal): Promise<unknown>;
  /**
   * The replacement refs (`git replace`) this engine applies to every object it reads: they change
   * the history of the same commit, so the cache keys on them (cache/cache-keys.ts). '' from an
   * engine that applies none.
   */
  readReplaceRefs(signal?: AbortSignal): Promise<string>;
}
