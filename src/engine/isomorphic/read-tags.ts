import { readdir } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { RepositoryReadError } from '../../errors.js';
import { parseEpochSeconds } from '../../history/parse-log.js';
import type { Signature, TagRecord } from '../../stewardship/read-tags.js';
import type { ObjectStore } from './object-store.js';
import { parseTag } from './parse-objects.js';
import { readOnlyFs } from './read-only-fs.js';
import { readSmallFile } from './safe-read.js';

/**
 * Every ref below refs/tags/ and what it names, as git reads them: `packed-refs` (peeled `^` lines
 * skipped), then the loose ref files, which win. Read once: isomorphic-git would parse
 * `packed-refs` again for every tag.
 */
async function tagRefs(gitdir: string): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  const packed = (await readSmallFile(path.join(gitdir, 'packed-refs'), { noFollow: false }))?.toString('utf8') ?? '';
  for (const line of packed.split('\n')) {
    const match = /^([0-9a-f]{40}) refs\/tags\/(.+)$/.exec(line);
    if (match) refs.set(match[2] as string, match[1] as string);
  }
  const walk = async (folder: string, prefix: string) => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${name}/`);
      else if (entry.isFile()) {
        const value = (await readSmallFile(path.join(folder, entry.name), { noFollow: false, maxBytes: 4096 }))?.toString('utf8').trim() ?? '';
        if (/^[0-9a-f]{40}$/.test(value)) refs.set(name, value);
        else if (value.startsWith('ref:')) {
          // A symbolic tag ref, rare: isomorphic-git follows it.
          const target = await git.resolveRef({ fs: readOnlyFs, gitdir, ref: `refs/tags/${name}` }).catch(() => undefined);
          if (target) refs.set(name, target);
        }
      }
    }
  };
  await walk(path.join(gitdir, 'refs', 'tags'), '');
  return refs;
}

/** The first header line starting with `key ` (ref-filter.c find_wholine), as text. */
function headerLine(content: Buffer, key: string): string | undefined {
  const end = content.indexOf('\n\n');
  const header = content.toString('utf8', 0, end === -1 ? content.length : end);
  return header.split('\n').find((line) => line.startsWith(`${key} `))?.slice(key.length + 1);
}

/**
 * ref-filter.c's `%(…name)`, `%(…email:trim)`, `%(…date:unix)` of one ident line: the name is
 * what precedes ` <`, the email what the angle brackets hold, the date the number after `> `.
 */
function signature(line: string | undefined): Signature | undefined {
  if (line === undefined) return undefined;
  const nameEnd = line.indexOf(' <');
  const name = nameEnd === -1 ? '' : line.slice(0, nameEnd);
  const open = line.indexOf('<');
  const close = open === -1 ? -1 : line.indexOf('>', open);
  const email = open === -1 || close === -1 ? '' : line.slice(open + 1, close);
  if (name === '' && email === '') return undefined;
  const after = line.indexOf('> ');
  const digits = after === -1 ? undefined : /^\s*([0-9]+)/.exec(line.slice(after + 2))?.[1];
  return { name, email, time: parseEpochSeconds(digits ?? '') };
}

/**
 * Every tag, as `git for-each-ref refs/tags/` lists them for stewardship/read-tags.ts: sorted by
 * name, annotated tags peeled one level, the tagger of a tag object and the committer and author of
 * a tagged commit. A tag whose objects cannot be read makes the whole list unreadable, as in git.
 */
export async function readTagsWithoutGit(store: ObjectStore, gitdir: string): Promise<TagRecord[]> {
  const refs = await tagRefs(gitdir);
  const names = [...refs.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const tags: TagRecord[] = [];
  for (const name of names) {
    const oid = refs.get(name) as string;
    const object = await store.read(oid);
    if (!object) throw new RepositoryReadError(`tag ${name} points to ${oid}, which is missing`);
    const commitPeople = async (commit: string, type: string) => {
      if (type !== 'commit') return { committer: undefined, author: undefined };
      const content = (await store.read(commit))?.content;
      if (!content) throw new RepositoryReadError(`tag ${name} tags ${commit}, which is missing`);
      return { committer: signature(headerLine(content, 'committer')), author: signature(headerLine(content, 'author')) };
    };
    if (object.type === 'tag') {
      const tag = parseTag(object.content);
      const target = await store.read(tag.object);
      if (!target) throw new RepositoryReadError(`tag ${name} tags ${tag.object}, which is missing`);
      const tagger = tag.tagger === undefined ? undefined : signature(tag.tagger.toString('utf8'));
      tags.push({ name, kind: 'annotated', target: target.type, object: tag.object, tagger, ...(await commitPeople(tag.object, target.type)) });
    } else {
      tags.push({ name, kind: 'lightweight', target: object.type, object: oid, tagger: undefined, ...(await commitPeople(oid, object.type)) });
    }
  }
  return tags;
}
