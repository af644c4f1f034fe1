import type { TreeEntry } from '../../files/list-tree.js';
import { damaged, type ObjectStore } from './object-store.js';
import { parseTree, S_IFDIR, S_IFGITLINK, S_IFLNK, S_IFMT, type RawTreeEntry } from './parse-objects.js';

/** Trees by id, parsed once and memoised (tree-diff.ts and the file listing share them). */
export class TreeReader {
  constructor(private readonly store: ObjectStore) {}

  readonly read = (oid: string): Promise<readonly RawTreeEntry[]> =>
    this.store.memo(`tree ${oid}`, async () => {
      const content = await this.store.require(oid, 'tree', 'tree');
      try {
        return parseTree(content);
      } catch (error) {
        throw damaged(`tree ${oid} cannot be parsed`, error);
      }
    });

  /**
   * Every non-folder entry below a tree, recursively, in git's order (`ls-tree -r`), without sizes:
   * `size` is filled in by the caller, which reads the blobs.
   */
  async list(tree: string): Promise<Omit<TreeEntry, 'size'>[]> {
    const entries: Omit<TreeEntry, 'size'>[] = [];
    const walk = async (oid: string, prefix: string) => {
      for (const entry of await this.read(oid)) {
        const type = entry.mode & S_IFMT;
        const path = prefix + entry.name;
        if (type === S_IFDIR) {
          await walk(entry.oid, `${path}/`);
          continue;
        }
        const rawPath = Buffer.from(path, 'latin1');
        entries.push({ kind: type === S_IFGITLINK ? 'submodule' : type === S_IFLNK ? 'symlink' : 'blob', oid: entry.oid, path: rawPath.toString('utf8'), rawPath });
      }
    };
    await walk(tree, '');
    return entries;
  }

  /** The entry at `path` (`/`-separated, from the top), or undefined. */
  async lookup(tree: string, path: string): Promise<RawTreeEntry | undefined> {
    const parts = Buffer.from(path, 'utf8').toString('latin1').split('/');
    let current = tree;
    for (let i = 0; i < parts.length; i += 1) {
      const entry = (await this.read(current)).find((candidate) => candidate.name === parts[i]);
      if (!entry) return undefined;
      if (i === parts.length - 1) return entry;
      if ((entry.mode & S_IFMT) !== S_IFDIR) return undefined;
      current = entry.oid;
    }
    return undefined;
  }
}
