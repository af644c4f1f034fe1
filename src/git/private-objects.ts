import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTempFolder } from '../temp-folder.js';
import { deflateSync } from 'node:zlib';

/**
 * A temporary object directory of our own that borrows the repository's objects as an alternate
 * (`GIT_OBJECT_DIRECTORY` + `GIT_ALTERNATE_OBJECT_DIRECTORIES`): git processes run with {@link env}
 * see every object of the repository plus the few small ones we write here (synthetic trees), and
 * nothing is ever written into the repository itself.
 */
export class PrivateObjects {
  private readonly root: string;
  private readonly objects: string;
  private readonly hashName: 'sha1' | 'sha256';
  private readonly written = new Set<string>();
  readonly env: Readonly<Record<string, string>>;
  readonly emptyBlob: string;
  /**
   * An input line for `git diff-tree --stdin` (a synthetic commit and its parent) with a tiny,
   * non-empty diff: sent after each batch, its output tells the parser the batch is complete while
   * git waits for more input. (git flushes after each commit it diffs, not after an empty diff or a
   * tree pair, so both the terminator and our requests are commit pairs.)
   */
  readonly terminator: string;
  /** What git echoes for {@link terminator}: the synthetic commit's id. */
  readonly terminatorEcho: string;

  /** A new private object directory in a temporary folder of its own. */
  static async create(repositoryObjects: string, objectFormat: string): Promise<PrivateObjects> {
    return new PrivateObjects(await createTempFolder('busfactor-objects-'), repositoryObjects, objectFormat);
  }

  private constructor(root: string, repositoryObjects: string, objectFormat: string) {
    this.hashName = objectFormat === 'sha256' ? 'sha256' : 'sha1';
    this.root = root;
    this.objects = path.join(this.root, 'objects');
    mkdirSync(this.objects);
    this.env = { GIT_OBJECT_DIRECTORY: this.objects, GIT_ALTERNATE_OBJECT_DIRECTORIES: repositoryObjects };
    this.emptyBlob = this.write('blob', Buffer.alloc(0));
    this.terminator = this.commitPair(this.writeTree([]), this.writeTree([['busfactor-batch-end', this.emptyBlob]]));
    this.terminatorEcho = this.terminator.split(' ')[0] as string;
  }

  /**
   * `<child> <parent>` for `git diff-tree --stdin`: two synthetic commits whose trees are `before`
   * and `after`, so git diffs the trees and flushes its output right away.
   */
  commitPair(before: string, after: string): string {
    const parent = this.writeCommit(before, undefined);
    return `${this.writeCommit(after, parent)} ${parent}`;
  }

  private writeCommit(tree: string, parent: string | undefined): string {
    const who = 'busfactor <busfactor@invalid> 0 +0000';
    return this.write('commit', Buffer.from(`tree ${tree}\n${parent ? `parent ${parent}\n` : ''}author ${who}\ncommitter ${who}\n\nsynthetic\n`));
  }

  /** Writes a tree of regular files (`[name, blob id]`, names already in git's sorted order). */
  writeTree(entries: readonly (readonly [string, string])[]): string {
    const parts = entries.map(([name, oid]) => Buffer.concat([Buffer.from(`100644 ${name}\0`), Buffer.from(oid, 'hex')]));
    return this.write('tree', Buffer.concat(parts));
  }

  /**
   * Writes a tree with real paths (`a/b/c.js` → nested trees), so git sees the same names as in
   * the repository (its rename detection prefers sources with the same base name).
   */
  writePathTree(files: ReadonlyMap<string, string>): string {
    const root = new Map<string, unknown>();
    for (const [path, oid] of files) {
      const parts = path.split('/');
      let folder = root;
      for (const part of parts.slice(0, -1)) {
        let next = folder.get(part);
        if (!(next instanceof Map)) folder.set(part, (next = new Map<string, unknown>()));
        folder = next as Map<string, unknown>;
      }
      folder.set(parts[parts.length - 1] as string, oid);
    }
    const write = (folder: Map<string, unknown>): string => {
      // git orders entries by name bytes, a folder's name compared as if it ended with '/'.
      const entries = [...folder].map(([name, value]) => {
        const isFolder = value instanceof Map;
        return { name, isFolder, key: Buffer.from(isFolder ? `${name}/` : name), oid: isFolder ? write(value as Map<string, unknown>) : (value as string) };
      });
      entries.sort((a, b) => Buffer.compare(a.key, b.key));
      const body = entries.map((entry) => Buffer.concat([Buffer.from(`${entry.isFolder ? '40000' : '100644'} ${entry.name}\0`), Buffer.from(entry.oid, 'hex')]));
      return this.write('tree', Buffer.concat(body));
    };
    return write(root);
  }

  /** Writes a loose object (once); returns its id. */
  write(type: string, body: Buffer): string {
    const object = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
    const oid = createHash(this.hashName).update(object).digest('hex');
    if (!this.written.has(oid)) {
      const folder = path.join(this.objects, oid.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, oid.slice(2)), deflateSync(object, { level: 1 }));
      this.written.add(oid);
    }
    return oid;
  }

  /** Deletes the directory. */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
