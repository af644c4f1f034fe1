import git from 'isomorphic-git';
import { InputError } from '../../errors.js';
import type { ObjectStore } from './object-store.js';
import { damaged } from './object-store.js';
import { parseTag } from './parse-objects.js';
import { readOnlyFs } from './read-only-fs.js';
import { readSmallFile } from './safe-read.js';

/** Where refs live: the common git dir, and a linked worktree's own (its HEAD). */
export interface RefLocation {
  readonly gitdir: string;
  readonly privateGitdir: string;
}

/** `<name>` then any of `~N`, `^N`, `^{type}`, `^{}` (git rev-parse's suffixes the engine understands). */
const REVISION = /^([^~^:@]+|@|HEAD)((?:~[0-9]*|\^[0-9]*|\^\{(?:commit|tree|blob|tag|object|)\})*)$/;
const SUFFIX = /~([0-9]*)|\^\{(commit|tree|blob|tag|object|)\}|\^([0-9]*)/g;

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

async function typeOf(store: ObjectStore, oid: string, revision: string): Promise<string> {
  const object = await store.read(oid);
  if (!object) throw damaged(`${revision} points to ${oid}, which cannot be read`);
  return object.type;
}

/**
 * `git rev-parse --verify <revision>^{commit}` without git: a branch, tag, `HEAD`, a full or
 * abbreviated id, followed by `~N`, `^N`, `^{type}`, `^{}`. Other syntax (`@{…}`, `:/text`,
 * `<rev>:<path>`, ranges) needs git and says so. The messages are the git engine's (git/repo.ts).
 */
export async function resolveRevision(store: ObjectStore, refs: RefLocation, revision: string, commitOf: (oid: string) => Promise<{ readonly tree: string; readonly walkParents: readonly string[] }>): Promise<string> {
  const match = REVISION.exec(revision);
  if (!match) {
    throw new InputError(`revision ${revision}: only a branch, tag, commit id or HEAD, with ~N, ^N or ^{type}, can be read without git`, { hint: 'install git for other revision syntax' });
  }
  let oid = await resolveName(match[1] as string, refs, revision);
  // A full id "resolves" whether or not the object exists: a mistyped one is unknown, not damage.
  if (oid === match[1] && !(await store.read(oid))) throw unknownRevision(revision);
  for (const suffix of (match[2] as string).matchAll(SUFFIX)) {
    const peeled = await peel(store, oid, revision);
    const wanted = suffix[2];
    if (wanted === undefined) {
      // ~N, ^N: parents of a commit.
      if (peeled.type !== 'commit') throw unknownRevision(revision);
      const tilde = suffix[1] !== undefined;
      const count = Number((tilde ? suffix[1] : suffix[3]) || '1');
      oid = peeled.oid;
      if (tilde) {
        for (let i = 0; i < count; i += 1) {
          const parent = (await commitOf(oid)).walkParents[0];
          if (parent === undefined) throw unknownRevision(revision);
          oid = parent;
        }
      } else if (count > 0) {
        const parent = (await commitOf(oid)).walkParents[count - 1];
        if (parent === undefined) throw unknownRevision(revision);
        oid = parent;
      }
    } else if (wanted === '' || wanted === 'object') {
      if (wanted === '') oid = peeled.oid;
    } else if (wanted === 'tag') {
      if ((await typeOf(store, oid, revision)) !== 'tag') throw unknownRevision(revision);
    } else if (wanted === 'tree') {
      if (peeled.type === 'commit') oid = (await commitOf(peeled.oid)).tree;
      else if (peeled.type === 'tree') oid = peeled.oid;
      else throw unknownRevision(revision);
    } else {
      if (peeled.type !== wanted) throw unknownRevision(revision);
      oid = peeled.oid;
    }
  }
  const peeled = await peel(store, oid, revision);
  if (peeled.type === 'commit') return peeled.oid;
  throw new InputError(`not a commit: ${revision} is a ${await typeOf(store, oid, revision)}`, { hint: 'give a commit, branch or tag' });
}
