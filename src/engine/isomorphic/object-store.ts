import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import git from 'isomorphic-git';
import { InputError } from '../../errors.js';
import { PackReader } from './pack-reader.js';
import { createReadOnlyFs } from './read-only-fs.js';

export interface GitObject {
  readonly type: string;
  readonly content: Buffer;
}

/** Parsed trees kept for the next commit's diff (a tree id is its content: never stale). */
const TREE_CACHE_ENTRIES = 8192;

/** git knows the empty tree whether or not the repository stores it. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * The repository's objects, on the read-only file system (docs/engine.md): loose objects and packs
 * read directly with Node's zlib (pack-reader.ts: isomorphic-git's own reader inflates in
 * JavaScript and keeps every object it read, minutes and gigabytes on a long history), and
 * isomorphic-git's `readObject` for what that fast path does not take (a version 1 pack index), with
 * one `cache` object for the run as its docs advise. A missing object is `undefined`, any other
 * failure is damage.
 */
export class ObjectStore {
  /** isomorphic-git's own memo (pack indexes, packs), reused across calls. */
  private readonly cache: object = {};
  private readonly parsed = new Map<string, unknown>();
  private readonly fs = createReadOnlyFs({ remember: true });
  private readonly packs: PackReader;

  constructor(readonly gitdir: string) {
    this.packs = new PackReader(path.join(gitdir, 'objects'), (file) => this.fs.promises.readFile(file) as Promise<Buffer>);
  }

  async read(oid: string): Promise<GitObject | undefined> {
    try {
      const fast = (await this.readLoose(oid)) ?? (await this.packs.read(oid));
      if (fast) return fast;
    } catch (error) {
      if (!(error instanceof Error && /version 2 pack index/.test(error.message))) throw damaged(`object ${oid} cannot be read`, error);
    }
    if (oid === EMPTY_TREE) return { type: 'tree', content: Buffer.alloc(0) };
    try {
      const { type, object } = await git.readObject({ fs: this.fs, gitdir: this.gitdir, oid, format: 'content', cache: this.cache });
      return { type, content: Buffer.from(object as Uint8Array) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw damaged(`object ${oid} cannot be read`, error);
    }
  }

  /** The loose objects of one `objects/<2 hex>` folder, listed once (most repositories keep almost all in packs). */
  private readonly looseNames = new Map<string, Promise<ReadonlySet<string>>>();

  /** `objects/<2>/<38>`: zlib of `<type> <size>\0<content>`. */
  private async readLoose(oid: string): Promise<GitObject | undefined> {
    const prefix = oid.slice(0, 2);
    let names = this.looseNames.get(prefix);
    if (!names) {
      names = readdir(path.join(this.gitdir, 'objects', prefix)).then((list) => new Set(list), () => new Set<string>());
      this.looseNames.set(prefix, names);
    }
    if (!(await names).has(oid.slice(2))) return undefined;
    let deflated: Buffer;
    try {
      deflated = (await this.fs.promises.readFile(path.join(this.gitdir, 'objects', oid.slice(0, 2), oid.slice(2)))) as Buffer;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
    const raw = inflateSync(deflated);
    const nul = raw.indexOf(0);
    const header = /^([a-z]+) ([0-9]+)$/.exec(raw.toString('latin1', 0, nul));
    if (nul === -1 || !header || Number(header[2]) !== raw.length - nul - 1) throw new Error(`loose object ${oid} has a bad header`);
    return { type: header[1] as string, content: raw.subarray(nul + 1) };
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
