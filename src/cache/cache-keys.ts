import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { infoFile } from '../engine/isomorphic/safe-read.js';
import type { Repository } from '../git/repo.js';
import type { CoAuthorPolicy } from '../history/history-pass.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Settings } from '../settings/resolve-settings.js';

/**
 * Bumped whenever what the cache stores changes shape or meaning (history-state.ts): an entry
 * written under another number is never read, whatever the tool version says.
 */
export const STATE_FORMAT = 2;

export function sha256(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * The repository, as its history names it: object format and root commits. Two clones of one
 * project share it wherever they live; a folder reused for another project does not.
 */
export function repoKey(objectFormat: string, roots: Iterable<string>): string {
  return sha256([objectFormat, ...[...roots].sort()]).slice(0, 32);
}

/** A file's content as a key part: absent, a symlink (its target), or the bytes' hash. */
async function fileFingerprint(file: string | undefined): Promise<string> {
  if (!file) return 'none';
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink()) return `link:${await readlink(file)}`;
    if (!info.isFile()) return 'not-a-file';
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return 'none';
  }
}

/**
 * The part of the key that comes from outside the settings: the engine and its version (`git
 * version 2.39.5`, `isomorphic-git 1.44.19`: results of the two differ, docs/engine.md), what git
 * reads beside the commit — the work tree's `.mailmap` (a bare repository reads the commit's own),
 * the user's mailmap file, `info/attributes` — and what rewrites the commit's history as git reads
 * it: the replacement refs (`git replace`) and `info/grafts`. A linked worktree's `info/` is its
 * repository's, in the common dir.
 */
export async function environmentKey(repo: Repository, signal: AbortSignal | undefined): Promise<string> {
  const [git, workTreeMailmap, userMailmap, infoAttributes, replaceRefs, grafts] = await Promise.all([
    repo.reader.version(signal),
    repo.isBare ? Promise.resolve('bare') : fileFingerprint(path.join(repo.cwd, '.mailmap')),
    fileFingerprint(repo.userMailmapFile),
    infoFile(repo.gitDir, 'attributes').then(fileFingerprint),
    repo.reader.readReplaceRefs(signal),
    infoFile(repo.gitDir, 'grafts').then(fileFingerprint),
  ]);
  const replaced = replaceRefs === '' ? 'none' : createHash('sha256').update(replaceRefs).digest('hex');
  return `${git}\0mailmap ${workTreeMailmap} ${userMailmap}\0attributes ${infoAttributes}\0replace ${replaced}\0grafts ${grafts}`;
}

/** What the cached states depend on besides the commit: the settings read by the pass and the universe. */
export interface StateKeyInput {
  readonly repo: Repository;
  readonly settings: Settings;
  readonly coAuthors: CoAuthorPolicy;
  /** {@link environmentKey}. */
  readonly environment: string;
}

/**
 * Everything that changes the cached states for one commit: the tool and state format, the V8 that
 * serialised them, git, the scope, every setting the history pass, the file universe or line
 * ownership reads, and what git reads from outside the commit ({@link environmentKey}). Settings
 * used only after the pass (algorithm, depth, modules, aliases, departed people, what-ifs) are not
 * in it: one entry serves them all.
 */
export function stateKey({ repo, settings, coAuthors, environment }: StateKeyInput): string {
  return sha256([
    `tool ${TOOL_VERSION}`,
    `state ${STATE_FORMAT}`,
    `v8 ${process.versions.v8}`,
    environment,
    repo.objectFormat,
    `scope ${repo.scope}`,
    `partial ${repo.isPartialClone}`,
    `co-authors ${coAuthors}`,
    `departed-after ${settings.departedAfter}`,
    `build-files ${JSON.stringify(settings.stewardship.buildFiles)} ${JSON.stringify(settings.stewardship.notBuildFiles)}`,
    `universe ${JSON.stringify(settings.include)} ${JSON.stringify(settings.exclude)} ${settings.allText}`,
    `lines ${settings.lines} ${settings.lines && settings.firstParent} ${settings.lines && settings.ignoreRevs}`,
  ]).slice(0, 32);
}

/**
 * The key of a result that objects missing from this copy degraded (rename detection fell back to
 * exact renames, unreadable files): bound to this copy's object store as it is now — its folder,
 * its packs, its loose-object folders, its alternates — so another copy that has the objects, or
 * this one after a fetch, never takes it for its own (docs/cache.md, "Missing objects").
 */
export async function localStateKey(complete: string, repo: Repository): Promise<string> {
  const objects = path.join(repo.gitDir, 'objects');
  const [folder, packs, loose, alternates] = await Promise.all([
    realpath(repo.gitDir).catch(() => repo.gitDir),
    readdir(path.join(objects, 'pack')).then((names) => names.filter((name) => name.endsWith('.pack')).sort().join(','), () => 'none'),
    readdir(objects).then((names) => String(names.filter((name) => /^[0-9a-f]{2}$/.test(name)).length), () => 'none'),
    fileFingerprint(path.join(objects, 'info', 'alternates')),
  ]);
  return sha256([complete, 'local', folder, packs, loose, alternates]).slice(0, 32);
}

/** Everything a finished report depends on beyond the cached states (analyze.ts, buildReport's inputs). */
export interface ReportKeyInput {
  /** The state key the report's states are stored under (the complete or this copy's own). */
  readonly stateKey: string;
  readonly head: string;
  /** The revision as the user gave it: the report names it. */
  readonly revision: string;
  readonly repo: Pick<Repository, 'name' | 'scope' | 'objectFormat' | 'isShallow'>;
  /** The URL a remote repository was analysed from (docs/remote.md), which the report names. */
  readonly sourceUrl: string | undefined;
  /** Every resolved setting, the config's modules, aliases, people and policies included. */
  readonly settings: Settings;
  /** The repository's tags as read for this run: a new or moved tag changes the releases. */
  readonly tags: unknown;
  /** The caller's successor threshold (check asks for its policies' highest minimum). */
  readonly successorsBelow: number | undefined;
}

/**
 * The key of a finished report (docs/cache.md, "Finished reports"): the state key plus every
 * other input of the report, so one entry serves exactly one way of asking. JSON of the resolved
 * settings covers the flags, the config file (a `--config` file's content, or the commit's own)
 * and the explorer's defaults alike.
 */
export function reportKey(input: ReportKeyInput): string {
  const { repo } = input;
  return sha256([
    `state ${input.stateKey}`,
    `head ${input.head}`,
    `revision ${input.revision}`,
    `repository ${JSON.stringify([repo.name, repo.scope, repo.objectFormat, repo.isShallow, input.sourceUrl ?? null])}`,
    `settings ${JSON.stringify(input.settings)}`,
    `tags ${sha256([JSON.stringify(input.tags)])}`,
    `successors ${String(input.successorsBelow)}`,
  ]).slice(0, 32);
}
