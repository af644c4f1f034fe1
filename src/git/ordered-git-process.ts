import type { ChildProcess } from 'node:child_process';
import { GitError } from '../errors.js';
import { collectStderr, exitOf, gitFailureMessage, spawnFailure, spawnGit, type GitCommand } from './run-git.js';

/** Turns a process's output chunks into items, one per input line. */
export interface ChunkParser<T> {
  push(chunk: Buffer): T[];
  end(): T[];
}

/** Why a batch did not complete: git died (e.g. on a missing object) after `completed` items. */
export class BatchFailure<T> extends GitError {
  constructor(
    readonly completed: readonly T[],
    details: { args: readonly string[]; stderr: string; code: number | null; signal: NodeJS.Signals | null; stalledMs?: number },
  ) {
    super(gitFailureMessage(details.args, details.stderr, details), details);
  }
}

/**
 * A batch that git never started on: queued behind the one it died on, or sent to a process that
 * had already exited. Safe to resend whole to a fresh process.
 */
export class BatchNotStarted extends Error {
  constructor() {
    super('git exited before this batch started');
  }
}

interface Batch<T> {
  readonly size: number;
  readonly items: T[];
  readonly resolve: (items: T[]) => void;
  readonly reject: (error: Error) => void;
}

export interface OrderedGitProcessOptions {
  /**
   * An input line written after every batch whose echo lets the parser close the batch's last item
   * without waiting for more input (e.g. an empty tree pair for `diff-tree`).
   */
  readonly terminator?: string;
}

/**
 * A long-lived git process reading requests on stdin (`diff-tree --stdin`, …) and answering each
 * input line with exactly one output item, in order. Requests are sent as batches; each batch's
 * promise resolves with its items. When git dies, the batch it was working on rejects with a
 * {@link BatchFailure} carrying the items it did finish, and every later batch rejects too.
 *
 * Every batch settles (docs/line-ownership.md, "No wait without an end"): git exiting, dying, or
 * sitting idle while an answer is owed all reject the batches still waiting, and a process that has
 * exited refuses new batches instead of taking them into a pipe nobody reads.
 */
export class OrderedGitProcess<T> {
  private readonly child: ChildProcess;
  private readonly batches: Batch<T>[] = [];
  private readonly stderr: () => string;
  private readonly terminator: string | undefined;
  private failed: Error | undefined;
  private closed = false;
  private exited = false;

  constructor(
    private readonly command: GitCommand,
    private readonly parser: ChunkParser<T>,
    options: OrderedGitProcessOptions = {},
  ) {
    this.terminator = options.terminator;
    // Answers must reach us while git waits for more input: flush after every record, whatever
    // GIT_FLUSH the user's environment has (GIT_FLUSH=0 would hold them back and hang us).
    // Watched while a batch waits: a git that sits idle then is deadlocked with us, and is killed.
    this.child = spawnGit({ ...command, env: { ...command.env, GIT_FLUSH: '1' } }, () => this.batches.length > 0);
    this.child.stdout?.on('data', (chunk: Buffer) => this.accept(this.parser.push(chunk)));
    this.stderr = collectStderr(this.child);
    this.child.once('error', (error) => {
      this.exited = true;
      this.fail(spawnFailure(command, error));
    });
    this.child.once('close', (code, signal) => {
      this.exited = true;
      // The parser's last item is only whole when git ended normally: after a crash it is the
      // output git managed to write before it died, and must not pass for a complete answer.
      if (code === 0 && signal === null) this.accept(this.parser.end());
      if (this.batches.length > 0) {
        this.fail(new BatchFailure(this.batches[0]?.items ?? [], { args: this.command.args, stderr: this.stderr(), ...exitOf(this.child, code, signal) }));
      }
    });
  }

  /** Sends one batch of input lines; resolves with one item per line. */
  send(lines: readonly string[]): Promise<T[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.exited) return Promise.reject(new BatchNotStarted());
    if (this.closed) return Promise.reject(new Error('send after close'));
    if (lines.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.batches.push({ size: lines.length, items: [], resolve, reject });
      this.child.stdin?.write(`${lines.join('\n')}\n${this.terminator === undefined ? '' : `${this.terminator}\n`}`);
    });
  }

  /** No more input: git finishes the pending batches and exits. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin?.end();
  }

  /** Stops git now (cancellation, or after a failure elsewhere). */
  kill(): void {
    this.closed = true;
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
  }

  private accept(items: T[]): void {
    for (const item of items) {
      const batch = this.batches[0];
      if (!batch) return; // output nobody asked for: ignore
      batch.items.push(item);
      if (batch.items.length === batch.size) {
        this.batches.shift();
        batch.resolve(batch.items);
      }
    }
  }

  private fail(error: Error): void {
    this.failed ??= error;
    const [first, ...rest] = this.batches.splice(0);
    first?.reject(error);
    for (const batch of rest) batch.reject(batch.items.length === 0 ? new BatchNotStarted() : error);
  }
}
