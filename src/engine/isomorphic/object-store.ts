import git from 'isomorphic-git';
import { InputError } from '../../errors.js';
import { readOnlyFs } from './read-only-fs.js';

export interface GitObject {
  readonly type: string;
  readonly content: Buffer;
}

/** Parsed trees kept for the next commit's diff (a tree id is its content: never stale). */
const TREE_CACHE_ENTRIES = 8192;

/**
 * The repository's objects through isomorphic-git (loose objects and packs, deltas resolved), on
 * the read-only file system. One isomorphic-git `cache` object for the whole run, so each pack's
 * index is read once; a missing object is `undefined`, any other failure is damage.
 */
export class ObjectStore {
  /** isomorphic-git's own memo (pack indexes, packs), reused across calls as its docs advise. */
  private readonly cache: object = {};
  private readonly parsed = new Map<string, unknown>();

  constructor(readonly gitdir: string) {}

  async read(oid: string): Promise<GitObject | undefined> {
    try {
      const { type, object } = await git.readObject({ fs: readOnlyFs, gitdir: this.gitdir, oid, format: 'content', cache: this.cache });
      return { type, content: Buffer.from(object as Uint8Array) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw damaged(`object ${oid} cannot be read`, error);
    }
  }

  /** An object that must exist, of the given type: anything else means the repository is damaged. */
  async require(oid: string, type: string, what: string): Promise<Buffer> {
    const object = await this.read(oid);
    if (!object) throw damaged(`${what} ${oid} is missing`);
    if (object.type !== type) throw damaged(`${what} ${oid} is a ${object.type}, not a ${type}`);
    return object.content;
  }

  /**
   * A parsed object memoised by id (trees between consecutive commits' diffs), the least recently
   * used dropped past a bound.
   */
  async memo<T>(oid: string, load: (oid: string) => Promise<T>): Promise<T> {
    const known = this.parsed.get(oid);
    if (known !== undefined) {
      this.parsed.delete(oid);
      this.parsed.set(oid, known);
      return known as T;
    }
    const value = await load(oid);
    this.parsed.set(oid, value);
    if (this.parsed.size > TREE_CACHE_ENTRIES) this.parsed.delete(this.parsed.keys().next().value as string);
    return value;
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'NotFoundError';
}

/** The repository is damaged: one line, exit 2, as the git engine says it (git/repo.ts corruption). */
export function damaged(what: string, cause?: unknown): InputError {
  const reason = cause instanceof Error ? ` (${cause.message.split('\n')[0]})` : '';
  return new InputError(`the repository is corrupt: ${what}${reason}`, { hint: 'git fsck names the damage', ...(cause === undefined ? {} : { cause }) });
}
