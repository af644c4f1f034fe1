import path from 'node:path';
import git from 'isomorphic-git';
import { CancelledError } from '../../errors.js';
import { attributesFromStates, type FileAttributes } from '../../files/read-attributes.js';
import type { TreeEntry } from '../../files/list-tree.js';
import type { RepositoryFacts } from '../../git/repo.js';
import type { TagRecord } from '../../stewardship/read-tags.js';
import type { RepositoryReader } from '../repository-reader.js';
import { AttributeStack, parseAttributesFile, type AttributesFile } from './attributes/gitattributes.js';
import { ancestorsOf, CommitReader } from './commit-walk.js';
import { Mailmap } from './mailmap.js';
import { ObjectStore } from './object-store.js';
import { S_IFLNK, S_IFMT, S_IFDIR, S_IFGITLINK } from './parse-objects.js';
import { readTagsWithoutGit } from './read-tags.js';
import { resolveRevision, type RefLocation } from './revisions.js';
import { readSmallFile } from './safe-read.js';
import { scanHistoryWithoutGit } from './scan-history.js';
import { TreeReader } from './trees.js';

/** Blob contents read for their sizes and kept for the reads that follow (the file universe reads the same blobs). */
const KEPT_BLOB_BYTES = 64 * 1024 * 1024;
const KEPT_BLOB_MAX = 1024 * 1024;
/** git ignores attribute files larger than this (attr.c ATTR_MAX_FILE_SIZE). */
const MAX_ATTRIBUTES_BYTES = 100 * 1024 * 1024;

/** What the isomorphic-git reader needs beyond the repository's facts. */
export interface IsomorphicLocation extends RefLocation {
  /** The user's own `mailmap.file`, resolved (engine/isomorphic/user-config.ts). */
  readonly userMailmapFile: string | undefined;
  /** A shallow clone's boundary commits (`$GIT_DIR/shallow`): walked as roots, as git does. */
  readonly shallow: ReadonlySet<string>;
}

/**
 * The reader of a machine without git (docs/engine.md): isomorphic-git for objects and refs, and
 * git's own rules ported for everything it does not do as git does — the walk order, the tree
 * diff with exact renames, `.mailmap`, trailers, attributes.
 */
export function isomorphicReader(facts: RepositoryFacts, location: IsomorphicLocation): RepositoryReader {
  const store = new ObjectStore(location.gitdir);
  const commits = new CommitReader(store, location.shallow);
  const trees = new TreeReader(store);
  const sizes = new Map<string, number>();
  const kept = new Map<string, Buffer>();
  let keptBytes = 0;
  const listings = new Map<string, Promise<Omit<TreeEntry, 'size'>[]>>();
  const ancestry = new Map<string, Promise<Set<string>>>();
  // Read once: a run asks for the tags and, for its cache key, for what determines them.
  let tags: Promise<TagRecord[]> | undefined;
  const readTags = () => (tags ??= readTagsWithoutGit(store, location.gitdir));

  const treeOf = async (commit: string) => (await commits.read(commit)).tree;
  const listing = (commit: string) => {
    let found = listings.get(commit);
    if (!found) {
      found = treeOf(commit).then((tree) => trees.list(tree));
      listings.set(commit, found);
      found.catch(() => listings.delete(commit));
      // A trend lists a dozen commits' trees: keep the last few only.
      if (listings.size > 4) listings.delete(listings.keys().next().value as string);
    }
    return found;
  };
  const ancestorsOfCommit = (commit: string, signal?: AbortSignal) => {
    let found = ancestry.get(commit);
    if (!found) {
      found = ancestorsOf(commits, commit, signal);
      ancestry.set(commit, found);
      found.catch(() => ancestry.delete(commit));
    }
    return found;
  };
  const readBlob = async (oid: string): Promise<Buffer | undefined> => {
    const known = kept.get(oid);
    if (known) return known;
    const object = await store.read(oid);
    return object && object.type === 'blob' ? object.content : undefined;
  };
  const mailmapOf = async (head: string): Promise<Mailmap> => {
    const mailmap = new Mailmap();
    // git's order (mailmap.c read_mailmap): the work tree's file (not through a symlink), or in a
    // bare repository the analysed commit's blob; then the user's mailmap.file.
    if (!facts.isBare) {
      const text = await readSmallFile(path.join(facts.cwd, '.mailmap'), { noFollow: true });
      if (text) mailmap.read(text.toString('utf8'));
    } else {
      const entry = await trees.lookup(await treeOf(head), '.mailmap');
      const blob = entry && (entry.mode & S_IFMT) !== S_IFDIR && (entry.mode & S_IFMT) !== S_IFGITLINK ? await readBlob(entry.oid) : undefined;
      if (blob) mailmap.read(blob.toString('utf8'));
    }
    if (location.userMailmapFile) {
      const text = await readSmallFile(location.userMailmapFile, { noFollow: false });
      if (text) mailmap.read(text.toString('utf8'));
    }
    return mailmap;
  };

  const countCommits = async (head: string, since: string | undefined, signal: AbortSignal | undefined): Promise<number> => {
    const all = await ancestorsOfCommit(head, signal);
    if (!since) return all.size;
    const before = await ancestorsOfCommit(since, signal);
    let count = 0;
    for (const oid of all) if (!before.has(oid)) count += 1;
    return count;
  };

  return {
    engine: 'isomorphic-git',
    version: async () => `isomorphic-git ${git.version()}`,
    resolveCommit: (revision) => resolveRevision(store, location, revision, (oid) => commits.read(oid)),
    countCommits,
    isAncestor: async (ancestor, head, signal) => {
      try {
        return (await ancestorsOfCommit(head, signal)).has(ancestor);
      } catch (error) {
        if (error instanceof CancelledError) throw error;
        return false;
      }
    },
    commitsPresent: async (oids) => {
      const present = new Set<string>();
      for (const oid of oids) if ((await store.read(oid))?.type === 'commit') present.add(oid);
      return present;
    },
    scanHistory: (request) => scanHistoryWithoutGit({ commits, trees: trees.read, mailmap: mailmapOf, count: countCommits }, request),
    listTree: async (commit, signal) => {
      const entries: TreeEntry[] = [];
      for (const entry of await listing(commit)) {
        if (signal?.aborted) throw new CancelledError();
        if (entry.kind === 'submodule') {
          entries.push({ ...entry, size: 0 });
          continue;
        }
        let size = sizes.get(entry.oid);
        if (size === undefined) {
          // No cheaper way to a blob's size here than reading it: kept for the read that follows.
          const content = await readBlob(entry.oid);
          if (content) {
            size = content.length;
            sizes.set(entry.oid, size);
            if (size <= KEPT_BLOB_MAX && keptBytes + size <= KEPT_BLOB_BYTES && !kept.has(entry.oid)) {
              kept.set(entry.oid, content);
              keptBytes += size;
            }
          }
        }
        entries.push({ ...entry, size });
      }
      return entries;
    },
    readAttributes: async (commit, paths) => {
      const files: AttributesFile[] = [];
      for (const entry of await listing(commit)) {
        if (entry.kind !== 'blob' || !(entry.path === '.gitattributes' || entry.path.endsWith('/.gitattributes'))) continue;
        const content = await readBlob(entry.oid);
        if (!content || content.length > MAX_ATTRIBUTES_BYTES) continue;
        const folder = entry.rawPath.subarray(0, Math.max(0, entry.rawPath.length - '/.gitattributes'.length));
        files.push(parseAttributesFile(content, entry.path === '.gitattributes' ? new Uint8Array(0) : folder, entry.path === '.gitattributes'));
      }
      const info = await readSmallFile(path.join(location.gitdir, 'info', 'attributes'), { noFollow: false, maxBytes: MAX_ATTRIBUTES_BYTES });
      const stack = new AttributeStack(files, info ? parseAttributesFile(info, new Uint8Array(0), true) : undefined);
      return paths.map((rawPath): FileAttributes => attributesFromStates(stack.attributesOf(rawPath)));
    },
    readBlobs: async (requests, handle, signal) => {
      for (const request of requests) {
        const content = await readBlob(request.oid);
        if (signal?.aborted) throw new CancelledError();
        kept.delete(request.oid);
        handle(request, content);
      }
      kept.clear();
      keptBytes = 0;
    },
    openBlobReader: () => ({ read: readBlob, close: () => {} }),
    readTreeFile: async (commit, file, options) => {
      const entry = await trees.lookup(await treeOf(commit), file);
      if (!entry) return { kind: 'absent' };
      const type = entry.mode & S_IFMT;
      if (type === S_IFDIR) return { kind: 'unusable', reason: 'is a folder' };
      if (type === S_IFGITLINK) return { kind: 'unusable', reason: 'is a submodule' };
      if (type === S_IFLNK) return { kind: 'unusable', reason: 'is a symbolic link (not followed)' };
      const content = await readBlob(entry.oid);
      if (!content) return { kind: 'unusable', reason: 'could not be read (its object is missing)' };
      if (content.length > options.maxBytes) return { kind: 'unusable', reason: `is larger than ${Math.round(options.maxBytes / 1024)} KiB` };
      return { kind: 'file', content };
    },
    mailmapBlob: async (commit) => (await trees.lookup(await treeOf(commit), '.mailmap'))?.oid ?? '',
    readTags,
    // Nothing cheaper without git: the tags themselves.
    readTagRefs: readTags,
    // isomorphic-git reads every object as stored: `git replace` does not apply (docs/engine.md).
    readReplaceRefs: async () => '',
  };
}
