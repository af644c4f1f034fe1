import type { ChildProcess } from 'node:child_process';
import { GitError } from '../errors.js';
import { collectStderr, exitOf, gitFailureMessage, spawnFailure, spawnGit } from './run-git.js';

/** An object read through `git cat-file --batch`, or `undefined` content when it is missing. */
export interface BatchObject {
  readonly oid: string;
  readonly type: string | undefined;
  readonly content: Buffer | undefined;
}

/** `<oid> <type> <size>`; anything else is a reply without a body. */
const OBJECT_HEADER = /^([0-9a-f]{40,64}) ([a-z]+) ([0-9]+)$/;

interface Pending {
  readonly resolve: (object: BatchObject) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` process: objects by id (or `<rev>:<path>`), answered in
 * request order. A missing object (partial clones, mirrors without large blobs) is an answer with
 * no content, not an error.
 */
export class CatFileBatch {
  private readonly child: ChildProcess;
  private readonly queue: Pending[] = [];
  /** Bytes not yet parsed; while an object's body is incomplete, its chunks wait in `body`. */
  private buffer: Buffer = Buffer.alloc(0);
  private body: { oid: string; type: string; size: number; chunks: Buffer[]; received: number } | undefined;
  private failed: Error | undefined;
  private readonly stderr: () => string;

  constructor(cwd: string) {
    const command = { cwd, args: ['cat-file', '--batch'] };
    this.child = spawnGit(command, () => this.queue.length > 0);
    this.child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk));
    this.stderr = collectStderr(this.child);
    this.child.once('error', (error) => this.fail(spawnFailure(command, error)));
    this.child.once('close', (code, signal) => {
      const details = { args: command.args, stderr: this.stderr(), ...exitOf(this.child, code, signal) };
      this.fail(new GitError(gitFailureMessage(details.args, details.stderr, details), details));
    });
  }

  /** Reads one object. Object names must not contain a newline (git's batch protocol). */
  read(name: string): Promise<BatchObject> {
    if (this.failed) return Promise.reject(this.failed);
    if (name.includes('\n')) return Promise.resolve({ oid: name, type: undefined, content: undefined });
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child.stdin?.write(`${name}\n`);
    });
  }

  /** Ends the process once pending reads are answered. */
  close(): void {
    this.child.stdin?.end();
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }

  private onData(chunk: Buffer): void {
    // A large body arrives in many chunks: collect them and join once, instead of re-joining the
    // growing buffer on every chunk.
    if (this.body) {
      this.body.chunks.push(chunk);
      this.body.received += chunk.length;
      if (this.body.received < this.body.size + 1) return;
      const joined = Buffer.concat(this.body.chunks);
      const { oid, type, size } = this.body;
      this.body = undefined;
      this.queue.shift()?.resolve({ oid, type, content: joined.subarray(0, size) });
      this.buffer = joined.subarray(size + 1);
    } else {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    }
    for (;;) {
      const newline = this.buffer.indexOf(10);
      if (newline === -1) return;
      const header = OBJECT_HEADER.exec(this.buffer.subarray(0, newline).toString('latin1'));
      if (!header) {
        // "<name> missing" / "<name> ambiguous": no body follows.
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift()?.resolve({ oid: '', type: undefined, content: undefined });
        continue;
      }
      const size = Number(header[3]);
      const rest = this.buffer.subarray(newline + 1);
      if (rest.length < size + 1) {
        this.body = { oid: header[1] ?? '', type: header[2] ?? '', size, chunks: [rest], received: rest.length };
        this.buffer = Buffer.alloc(0);
        return;
      }
      // Copied out: the chunk it came from is otherwise kept alive by the view.
      const content = Buffer.from(rest.subarray(0, size));
      this.buffer = rest.subarray(size + 1);
      this.queue.shift()?.resolve({ oid: header[1] ?? '', type: header[2], content });
    }
  }
}
