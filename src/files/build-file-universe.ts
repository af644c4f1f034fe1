import { lstat } from 'node:fs/promises';
import { infoFile } from '../engine/isomorphic/safe-read.js';
import { GitError } from '../errors.js';
import type { Repository } from '../git/repo.js';
import { warningWithPaths, type Warning } from '../warnings.js';
import { classifyBlob, excludeByName, needsContent, type FileFacts, type Verdict } from './classify-file.js';
import type { TreeEntry } from './list-tree.js';
import { compileGlobs, type PathMatcher } from './match-globs.js';
import { NO_ATTRIBUTES, type FileAttributes } from './read-attributes.js';
import { countLines } from './count-lines.js';
import type { ClassifiedBlob, ExclusionReason, FileUniverse, FileUniverseOptions, UniverseFile } from './types.js';

/**
 * Content is read up to this size. Linguist calls larger blobs `large?` and stops looking at
 * their lines (blob_helper.rb); it still peeks at their first 128 KiB, which here would mean
 * inflating the whole object: the name decides instead.
 */
const MAX_READ_BYTES = 1024 * 1024;

/** Exclusion reasons in precedence order: the order of `excluded`'s keys. */
const REASONS: readonly ExclusionReason[] = [
  'outside-scope', 'excluded-by-option', 'not-included', 'submodule', 'symlink', 'lockfile', 'vendored',
  'generated', 'documentation', 'binary', 'empty', 'not-code', 'unreadable',
];

interface Candidate extends FileFacts {
  readonly oid: string;
  readonly rawPath: Buffer;
}

/** The reasons decided by the tree entry and the options alone, in precedence order. */
function excludeEntry(entry: TreeEntry, scope: string, include: PathMatcher | undefined, exclude: PathMatcher | undefined): ExclusionReason | undefined {
  if (!entry.path.startsWith(scope)) return 'outside-scope';
  if (exclude?.(entry.path)) return 'excluded-by-option';
  if (include && !include(entry.path)) return 'not-included';
  if (entry.kind === 'submodule') return 'submodule';
  if (entry.kind === 'symlink') return 'symlink';
  return undefined;
}

function isAttributesFile(entry: TreeEntry): boolean {
  return entry.path === '.gitattributes' || entry.path.endsWith('/.gitattributes');
}

/** Whether the repository has an `info/attributes` with anything in it (git applies it above every .gitattributes). */
async function hasInfoAttributes(repo: Repository): Promise<boolean> {
  const info = await lstat(await infoFile(repo.gitDir, 'attributes')).catch(() => undefined);
  return info !== undefined && !info.isDirectory() && info.size > 0;
}

/**
 * Attributes for each of `blobs`, or a warning when git could not give them. Only worth a
 * temporary index when the tree has a .gitattributes somewhere (in scope or not: the top one
 * applies to every folder) or the repository an `info/attributes`.
 */
async function attributesFor(repo: Repository, commit: string, tree: readonly TreeEntry[], blobs: readonly TreeEntry[], known: ReadonlyMap<string, ClassifiedBlob> | undefined, signal?: AbortSignal): Promise<{ attributes?: FileAttributes[]; warning?: Warning }> {
  if (blobs.length === 0 || (!tree.some(isAttributesFile) && !(await hasInfoAttributes(repo)))) return {};
  // A path an earlier commit classified under the same .gitattributes (and info/attributes: the
  // cache key) has the same attributes whatever its content: git is asked about new paths only, and
  // a commit that changed known files alone makes no temporary index at all.
  const attributes = blobs.map((entry) => {
    const before = known?.get(entry.path);
    return before ? (before.attributes ?? NO_ATTRIBUTES) : undefined;
  });
  const ask = blobs.filter((_, i) => attributes[i] === undefined);
  try {
    const read = await repo.reader.readAttributes(commit, ask.map((e) => e.rawPath), signal);
    let next = 0;
    return { attributes: attributes.map((found) => found ?? (read[next++] as FileAttributes)) };
  } catch (error) {
    // git failed, or the temporary index could not be made (a system error with a `code`).
    const isSystemError = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
    if (!(error instanceof GitError) && !isSystemError) throw error;
    const reason = (error as Error).message;
    return { warning: { code: 'attributes-unreadable', message: `.gitattributes of ${commit.slice(0, 12)} could not be read (${reason}); Linguist overrides in them were ignored` } };
  }
}

/** A memo entry's attributes: only when any that matter are set (most paths have none). */
function attributesToKeep(attributes: FileAttributes | undefined): { attributes?: FileAttributes } {
  return attributes !== undefined && attributes !== NO_ATTRIBUTES ? { attributes } : {};
}

/**
 * The file universe of `commit` (docs/algorithms.md §1, §4): the files GitHub Linguist counts in a
 * repository's language statistics, minus the §4 exclusions and the user's globs. Every tree
 * entry left out is counted under one reason.
 */
export async function buildFileUniverse(repo: Repository, commit: string, options: FileUniverseOptions): Promise<FileUniverse> {
  const { signal, allText } = options;
  const include = compileGlobs(options.include);
  const exclude = compileGlobs(options.exclude);
  const tally = new Map<ExclusionReason, number>();
  const leftOut = new Map<string, number>();
  const leaveOut = (reason: ExclusionReason, path: string, size: number | undefined) => {
    tally.set(reason, (tally.get(reason) ?? 0) + 1);
    leftOut.set(path, size ?? 0);
  };
  const warnings: Warning[] = [];

  const entries = await repo.reader.listTree(commit, signal);
  const inScope = entries.filter((entry) => {
    const reason = excludeEntry(entry, repo.scope, include, exclude);
    if (reason) leaveOut(reason, entry.path, entry.size);
    return reason === undefined;
  });
  const attributesKey = entries.filter(isAttributesFile).map((entry) => `${entry.path}\0${entry.oid}`).join('\0');
  const previous = await options.previous;
  const known = previous?.attributes === attributesKey ? previous.byPath : undefined;
  const memo = new Map<string, ClassifiedBlob>();
  const verdicts = new Map<Candidate, Verdict>();
  const lineCounts = new Map<Candidate, number>();
  // Blobs an earlier commit classified, unchanged since: the same verdict, nothing read.
  const reused: { entry: TreeEntry; before: ClassifiedBlob }[] = [];
  const blobs = inScope.filter((entry) => {
    const before = known?.get(entry.path);
    if (!before || before.oid !== entry.oid) return true;
    reused.push({ entry, before });
    return false;
  });
  const { attributes, warning } = await attributesFor(repo, commit, entries, blobs, known, signal);
  if (warning) warnings.push(warning);
  // Verdicts made without the attributes git could not give are not remembered.
  const attributesFailed = attributes === undefined && warning !== undefined;

  const toRead: Candidate[] = [];
  const missing: string[] = [];
  blobs.forEach((entry, i) => {
    const candidate: Candidate = { path: entry.path, rawPath: entry.rawPath, oid: entry.oid, size: entry.size, attributes: attributes?.[i], included: include !== undefined };
    const reason = excludeByName(candidate);
    if (reason) {
      leaveOut(reason, candidate.path, candidate.size);
      // Decided by name, attributes and size, all the same for the same path and blob next time.
      if (!attributesFailed) memo.set(candidate.path, { oid: candidate.oid, counted: false, reason, ...attributesToKeep(candidate.attributes) });
    } else if (candidate.size === undefined) {
      // No size: the object is missing (ls-tree's BAD, or listed missing in a partial clone).
      // Never asked for: in a partial clone that alone would end cat-file.
      missing.push(candidate.path);
      verdicts.set(candidate, classifyBlob(candidate, undefined, { allText, missing: true }));
    } else if (candidate.size > MAX_READ_BYTES || !needsContent(candidate, allText)) {
      verdicts.set(candidate, classifyBlob(candidate, undefined, { allText, missing: false }));
    } else toRead.push(candidate);
  });

  await repo.reader.readBlobs(
    toRead,
    (candidate, content) => {
      if (content === undefined) missing.push(candidate.path);
      else lineCounts.set(candidate, countLines(content));
      verdicts.set(candidate, classifyBlob(candidate, content, { allText, missing: content === undefined }));
    },
    signal,
  );
  if (missing.length > 0) {
    const message = `${missing.length} file${missing.length === 1 ? '' : 's'} could not be read (objects missing from the repository, e.g. a partial clone): classified by name only`;
    warnings.push(warningWithPaths('missing-objects', message, missing));
  }

  const counted: (UniverseFile & { rawPath: Buffer })[] = [];
  for (const { entry, before } of reused) {
    const { path, oid, rawPath } = entry;
    memo.set(path, before);
    if (before.counted) counted.push({ path, oid, size: entry.size ?? 0, language: before.language, rawPath, ...(before.lines === undefined ? {} : { lines: before.lines }) });
    else leaveOut(before.reason as ExclusionReason, path, entry.size);
  }
  const unread = new Set(missing);
  for (const [candidate, verdict] of verdicts) {
    const { path, oid, size, rawPath } = candidate;
    const lines = lineCounts.get(candidate);
    // A blob classified without its content because it is missing is decided again next time.
    if (!unread.has(path) && !attributesFailed) {
      memo.set(path, { oid, counted: verdict.counted, ...(verdict.counted ? (verdict.language ? { language: verdict.language.name } : {}) : { reason: verdict.reason }), ...(lines === undefined ? {} : { lines }), ...attributesToKeep(candidate.attributes) });
    }
    // A missing object's size is unknown: 0.
    if (verdict.counted) counted.push({ path, oid, size: size ?? 0, language: verdict.language?.name, rawPath, ...(lines === undefined ? {} : { lines }) });
    else leaveOut(verdict.reason, path, size);
  }
  // git's order: the bytes of the UTF-8 path (JavaScript's string order differs beyond the BMP).
  counted.sort((a, b) => Buffer.compare(a.rawPath, b.rawPath));
  const files = counted.map(({ rawPath: _, ...file }): UniverseFile => file);
  const excluded = Object.fromEntries(REASONS.filter((r) => tally.has(r)).map((r) => [r, tally.get(r)]));
  const present = new Map<string, { oid: string; size: number }>();
  for (const entry of entries) if (entry.kind === 'blob' && entry.size !== undefined) present.set(entry.path, { oid: entry.oid, size: entry.size });
  const regularFiles = entries.filter((entry) => entry.kind === 'blob').map((entry) => entry.path);
  return { files, excluded, leftOut, blobs: present, regularFiles, warnings, memo: { attributes: attributesKey, byPath: memo } };
}
