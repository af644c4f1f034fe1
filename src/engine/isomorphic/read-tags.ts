import git from 'isomorphic-git';
import { RepositoryReadError } from '../../errors.js';
import { parseEpochSeconds } from '../../history/parse-log.js';
import type { Signature, TagRecord } from '../../stewardship/read-tags.js';
import type { ObjectStore } from './object-store.js';
import { parseTag } from './parse-objects.js';
import { readOnlyFs } from './read-only-fs.js';

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
  const names = await git.listTags({ fs: readOnlyFs, gitdir });
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const tags: TagRecord[] = [];
  for (const name of names) {
    let oid: string;
    try {
      oid = await git.resolveRef({ fs: readOnlyFs, gitdir, ref: `refs/tags/${name}` });
    } catch (error) {
      throw new RepositoryReadError(`tag ${name} cannot be resolved (${(error as Error).message})`);
    }
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
