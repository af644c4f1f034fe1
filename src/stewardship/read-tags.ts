import type { Repository } from '../git/repo.js';
import { runGit, streamGitRecords } from '../git/run-git.js';
import { parseEpochSeconds } from '../history/parse-log.js';

/** Who made a tag or a commit, and when (seconds since the epoch; undefined when unusable). */
export interface Signature {
  readonly name: string;
  readonly email: string;
  readonly time: number | undefined;
}

/** One tag of the repository, as `for-each-ref` gives it. */
export interface TagRecord {
  /** Below `refs/tags/`. */
  readonly name: string;
  /** `annotated`: a tag object; `lightweight`: the ref points at the object directly. */
  readonly kind: 'annotated' | 'lightweight';
  /** The type of what it finally tags, one level down for a tag of a tag: `commit`, `tree`, `blob`, `tag`. */
  readonly target: string;
  /** An annotated tag's tagger; undefined when the tag object has none (tags made before git 0.99.1). */
  readonly tagger: Signature | undefined;
  /** The committer of the tagged commit (when it tags a commit). */
  readonly committer: Signature | undefined;
  /** The author of the tagged commit (when it tags a commit). */
  readonly author: Signature | undefined;
  /** The id of what it points at, one level down for an annotated tag. */
  readonly object: string;
}

/**
 * The fields, NUL-separated, one tag per line (ref names, names and emails never hold a NUL or a
 * line feed). `*` fields are of the object an annotated tag points at.
 */
const FIELDS = [
  '%(refname:strip=2)', '%(objecttype)', '%(*objecttype)', '%(objectname)', '%(*objectname)',
  '%(taggername)', '%(taggeremail:trim)', '%(taggerdate:unix)',
  '%(committername)', '%(committeremail:trim)', '%(committerdate:unix)',
  '%(*committername)', '%(*committeremail:trim)', '%(*committerdate:unix)',
  '%(authorname)', '%(authoremail:trim)', '%(authordate:unix)',
  '%(*authorname)', '%(*authoremail:trim)', '%(*authordate:unix)',
];

function signature(name = '', email = '', time = ''): Signature | undefined {
  if (name === '' && email === '') return undefined;
  return { name, email, time: parseEpochSeconds(time) };
}

/**
 * Each tag's name and the id of the object its ref names, one `name NUL id` line per tag: what
 * {@link readTags} reads follows from them, since objects never change (a tag object names its
 * tagger and target, a commit its author and committer). The finished report's cache key covers
 * the tags through this: no tag object or commit is opened, 5 ms on git/git's thousand tags where
 * reading them takes 35–60 ms, and a re-run needs the key before it can look its report up.
 */
export async function readTagRefs(repo: Repository, signal?: AbortSignal): Promise<string> {
  const result = await runGit({ cwd: repo.cwd, args: ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/tags/'], signal });
  return result.stdout.toString('utf8');
}

/** Every tag of the repository: one `for-each-ref`, streamed (thousands of tags are fine). */
export async function readTags(repo: Repository, signal?: AbortSignal): Promise<TagRecord[]> {
  const tags: TagRecord[] = [];
  const args = ['for-each-ref', `--format=${FIELDS.join('%00')}`, 'refs/tags/'];
  for await (const lines of streamGitRecords({ cwd: repo.cwd, args, signal }, 10)) {
    for (const line of lines) {
      const [name = '', type = '', peeledType = '', objectName = '', peeledObject = '', taggerName, taggerEmail, taggerTime, committerName, committerEmail, committerTime, peeledName, peeledEmail, peeledTime, authorName, authorEmail, authorTime, peeledAuthorName, peeledAuthorEmail, peeledAuthorTime] =
        line.toString('utf8').split('\0');
      if (name === '') continue;
      if (type === 'tag') {
        const commit = peeledType === 'commit';
        tags.push({
          name,
          kind: 'annotated',
          target: peeledType,
          object: peeledObject,
          tagger: signature(taggerName, taggerEmail, taggerTime),
          committer: commit ? signature(peeledName, peeledEmail, peeledTime) : undefined,
          author: commit ? signature(peeledAuthorName, peeledAuthorEmail, peeledAuthorTime) : undefined,
        });
      } else {
        const commit = type === 'commit';
        tags.push({
          name,
          kind: 'lightweight',
          target: type,
          object: objectName,
          tagger: undefined,
          committer: commit ? signature(committerName, committerEmail, committerTime) : undefined,
          author: commit ? signature(authorName, authorEmail, authorTime) : undefined,
        });
      }
    }
  }
  return tags;
}
