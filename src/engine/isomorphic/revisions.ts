import git from 'isomorphic-git';
import { InputError } from '../../errors.js';
import type { ObjectStore } from './object-store.js';
import { damaged } from './object-store.js';
import { parseCommit, parseTag } from './parse-objects.js';
import { readOnlyFs } from './read-only-fs.js';
import { readSmallFile } from './safe-read.js';

/** Where refs live: the common git dir, and a linked worktree's own (its HEAD). */
export interface RefLocation {
  readonly gitdir: string;
  readonly privateGitdir: string;
}

/** `<name>` then any of `~N`, `^N`, `^{commit}`, `^{}` (git rev-parse's suffixes the engine understands). */
const REVISION = /^([^~^:@]+|@|HEAD)((?:~[0-9]*|\^[0-9]*|\^\{(?:commit|)\})*)$/;
const SUFFIX = /~([0-9]*)|\^\{(commit|)\}|\^([0-9]*)/g;

function unknownRevision(revision: string): InputError {
  return new InputError(`unknown revision: ${revision}`, { hint: 'give a commit, branch or tag that exists in this repository' });
}

/** A ref or an object id (full or abbreviated) to an object id, with git's lookup order (refs first). */
async function resolveName(name: string, refs: RefLocation, revision: string): Promise<string> {
  if (name === 'HEAD' || name === '@') return resolveHead(refs);
  if (/^[0-9a-f]{40}$/.test(name)) return name;
  try {
    // isomorphic-git tries git's refs/ rules in git's order: name, refs/, refs/tags/, refs/heads/, refs/remotes/, refs/remotes/…/HEAD.
    return await git.resolveRef({ fs: readOnlyFs, gitdir: refs.gitdir, ref: name });
  } catch {
    // not a ref
  }
  if (/^[0-9a-f]{4,39}$/i.test(name)) {
    try {
      return await git.expandOid({ fs: readOnlyFs, gitdir: refs.gitdir, oid: name.toLowerCase(), cache: {} });
    } catch (error) {
      if ((error as { code?: string }).code === 'AmbiguousError') throw new InputError(`ambiguous revision: ${revision} (several objects start with ${name})`, { hint: 'give more digits of the id' });
    }
  }
  throw unknownRevision(revision);
}

/** HEAD, read from the worktree's own git dir (a linked worktree has its own). */
async function resolveHead(refs: RefLocation): Promise<string> {
  const head = (await readSmallFile(`${refs.privateGitdir}/HEAD`, { noFollow: false, maxBytes: 4096 }))?.toString('utf8').trim();
  if (head === undefined) throw new InputError('the repository has no HEAD');
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const target = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!target) throw damaged(`HEAD cannot be read (${JSON.stringify(head.slice(0, 60))})`);
  try {
    return await git.resolveRef({ fs: readOnlyFs, gitdir: refs.gitdir, ref: target });
  } catch {
    const any = (await git.listBranches({ fs: readOnlyFs, gitdir: refs.gitdir })).length + (await git.listTags({ fs: readOnlyFs, gitdir: refs.gitdir })).length;
    if (any === 0) throw new InputError('the repository has no commits yet');
    throw new InputError('HEAD has no commits yet (its branch is unborn)', { hint: 'give a branch or commit with --rev' });
  }
}

/** Follows tags down to what they tag. */
async function peel(store: ObjectStore, oid: string, revision: string): Promise<{ oid: string; type: string }> {
  let current = oid;
  for (let depth = 0; depth < 100; depth += 1) {
    const object = await store.read(current);
    if (!object) throw damaged(`${revision} points to ${current}, which cannot be read`);
    if (object.type !== 'tag') return { oid: current, type: object.type };
    current = parseTag(object.content).object;
  }
  throw damaged(`${revision}: a chain of tags too long to follow`);
}

/**
 * `git rev-parse --verify <revision>^{commit}` without git: a branch, tag, `HEAD`, a full or
 * abbreviated id, followed by `~N`, `^N`, `^{commit}`. Other syntax (`@{…}`, `:/text`, ranges)
 * needs git and says so.
 */
export async function resolveRevision(store: ObjectStore, refs: RefLocation, revision: string, parentsOf: (oid: string) => Promise<readonly string[]>): Promise<string> {
  const match = REVISION.exec(revision);
  if (!match) {
    throw new InputError(`revision ${revision}: only a branch, tag, commit id or HEAD, with ~N or ^N, can be read without git`, { hint: 'install git for other revision syntax' });
  }
  const named = await resolveName(match[1] as string, refs, revision);
  // A full id "resolves" whether or not the object exists: a mistyped one is unknown, not damage.
  if (named === match[1] && !(await store.read(named))) throw unknownRevision(revision);
  let { oid, type } = await peel(store, named, revision);
  for (const suffix of (match[2] as string).matchAll(SUFFIX)) {
    if (type !== 'commit') throw new InputError(`not a commit: ${revision} is a ${type}`, { hint: 'give a commit, branch or tag' });
    if (suffix[2] !== undefined) continue; // ^{commit} / ^{}: peeled already
    const tilde = suffix[1] !== undefined;
    const count = Number((tilde ? suffix[1] : suffix[3]) || (tilde ? '1' : '1'));
    if (tilde) {
      for (let i = 0; i < count; i += 1) {
        const parents = await parentsOf(oid);
        if (parents.length === 0) throw unknownRevision(revision);
        oid = parents[0] as string;
      }
    } else if (count > 0) {
      const parents = await parentsOf(oid);
      if (parents.length < count) throw unknownRevision(revision);
      oid = parents[count - 1] as string;
    }
  }
  if (type !== 'commit') throw new InputError(`not a commit: ${revision} is a ${type}`, { hint: 'give a commit, branch or tag' });
  const content = await store.read(oid);
  if (!content) throw damaged(`${revision} points to ${oid}, which cannot be read`);
  parseCommit(content.content);
  return oid;
}
