import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { CancelledError, GitError } from '../errors.js';
import { safeGitArgs, safeGitEnv, subcommandOf } from './safety.js';
import { RecordSplitter } from './split-records.js';
import { stallMsFromEnv, watchForStall } from './stall-watch.js';

/** One git invocation. `args` start with the subcommand; safety settings are added here. */
export interface GitCommand {
  /** Directory git runs in (the repository's work tree, or its git dir when bare). */
  readonly cwd: string;
  readonly args: readonly string[];
  /** Extra environment on top of the sanitised one (e.g. a temporary GIT_INDEX_FILE). */
  readonly env?: Readonly<Record<string, string>>;
  /** Aborting kills the process and rejects with {@link CancelledError}. */
  readonly signal?: AbortSignal;
  /**
   * Run at the lowest CPU priority: for work that only decorates the real work (the commit count
   * behind the progress ETA), so on a small machine it never slows the scan it reports on.
   */
  readonly background?: boolean;
}

/**
 * When git owes us output: while this says true and git writes nothing and uses no CPU for the
 * stall window, it is killed and the call fails (see stall-watch.ts). Default: always.
 */
export type IsWaiting = () => boolean;

const STDERR_LIMIT = 64 * 1024;
/** Niceness 19 on Unix (os.constants.priority.PRIORITY_LOW is only 10). */
const LOWEST_PRIORITY = 19;

/** git processes that were killed for sitting idle while an answer was due, and for how long. */
const stalled = new WeakMap<ChildProcess, number>();

/**
 * Starts git without a shell, with the safety settings of docs/safety.md. The only spawn of git.
 * The process is watched: if it stops answering while `isWaiting()`, it is killed, and its failure
 * message says so.
 */
export function spawnGit(command: GitCommand, isWaiting: IsWaiting = () => true): ChildProcess {
  if (command.signal?.aborted) throw new CancelledError();
  const child = spawn('git', safeGitArgs(command.args), {
    cwd: command.cwd,
    env: safeGitEnv(command.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  // An EPIPE on stdin (git exited early) surfaces through the exit status instead.
  child.stdin?.on('error', () => {});
  if (command.background && child.pid !== undefined) {
    try {
      setPriority(child.pid, LOWEST_PRIORITY);
    } catch {
      // Not permitted or already exited: it then simply runs at normal priority.
    }
  }
  const watch = watchForStall(child, {
    stallMs: stallMsFromEnv(),
    isWaiting,
    onStall: (idleMs) => {
      stalled.set(child, idleMs);
      child.kill('SIGKILL');
    },
  });
  child.stdout?.on('data', watch.progressed);
  child.stderr?.on('data', watch.progressed);
  child.once('close', watch.stop);
  child.once('error', watch.stop);
  return child;
}

/** Keeps the first 64 KiB of a git process's stderr for error messages. */
export function collectStderr(child: ChildProcess): () => string {
  const parts: Buffer[] = [];
  let size = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    if (size < STDERR_LIMIT) {
      parts.push(chunk);
      size += chunk.length;
    }
  });
  return () => Buffer.concat(parts).toString('utf8');
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the tool killed git for not answering: how long it had been idle. */
  stalledMs?: number;
}

/** How a git process ended, with the stall mark when the watch killed it. */
export function exitOf(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): Exit {
  const stalledMs = stalled.get(child);
  return stalledMs === undefined ? { code, signal } : { code, signal, stalledMs };
}

/** The error for a git that could not be started: git missing, or the folder to run it in gone. */
export function spawnFailure(command: GitCommand, error: NodeJS.ErrnoException): Error {
  if (error.code !== 'ENOENT') return error;
  const reason = existsSync(command.cwd) ? 'git is not installed or not on PATH' : `the folder to run git in no longer exists: ${command.cwd}`;
  return new GitError(reason, { args: command.args, stderr: '', code: null, signal: null });
}

function waitForExit(child: ChildProcess, command: GitCommand): Promise<Exit> {
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(spawnFailure(command, error)));
    child.once('close', (code, signal) => resolve(exitOf(child, code, signal)));
  });
}

/** The line of git's stderr that explains a failure, without its `fatal:` / `error:` prefix. */
export function summariseGitStderr(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const key = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[lines.length - 1];
  return key?.replace(/^(fatal|error):\s*/, '');
}

/** `git <subcommand> failed: <reason>`, the subcommand found past any `-c name=value` options. */
export function gitFailureMessage(args: readonly string[], stderr: string, exit: Exit): string {
  const { name } = subcommandOf(args);
  const git = `git${name === undefined ? '' : ` ${name}`}`;
  if (exit.stalledMs !== undefined) {
    return `${git} stopped answering: no output and no CPU time for ${Math.round(exit.stalledMs / 1000)} s while an answer was due (a file it reads may be a FIFO or device; see BUSFACTOR_STALL_SECONDS)`;
  }
  const reason = summariseGitStderr(stderr) ?? (exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
  return `${git} failed: ${reason}`;
}

function failure(command: GitCommand, stderr: string, exit: Exit): GitError {
  return new GitError(gitFailureMessage(command.args, stderr, exit), { args: command.args, stderr, ...exit });
}

/** Wires an AbortSignal to a child process; returns the detach function. */
function linkAbort(child: ChildProcess, signal: AbortSignal | undefined): () => void {
  if (!signal) return () => {};
  const onAbort = () => child.kill('SIGTERM');
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

export interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly code: number | null;
}

/**
 * Runs a git command whose output is small (rev-parse, ls-tree of one tree, config) and returns it
 * whole. Exit codes outside `okCodes` (default: 0) throw {@link GitError}.
 */
export async function runGit(
  command: GitCommand & { readonly input?: string | Buffer; readonly okCodes?: readonly number[] },
): Promise<GitResult> {
  const child = spawnGit(command);
  const stderr = collectStderr(child);
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const unlink = linkAbort(child, command.signal);
  child.stdin?.end(command.input ?? '');
  try {
    const exit = await waitForExit(child, command);
    if (command.signal?.aborted) throw new CancelledError();
    if (exit.code === null || !(command.okCodes ?? [0]).includes(exit.code)) throw failure(command, stderr(), exit);
    return { stdout: Buffer.concat(chunks), stderr: stderr(), code: exit.code };
  } finally {
    unlink();
  }
}

/**
 * Streams a long git output as batches of records split on `delimiter` (0 for `-z` output,
 * 10 for lines). Batches follow the pipe's chunks, so callers loop over arrays, not one await per
 * record. Throws {@link GitError} after the last batch if git failed. Stopping early kills git.
 */
export async function* streamGitRecords(command: GitCommand & { readonly input?: string | Buffer }, delimiter: number): AsyncGenerator<Buffer[]> {
  // While our consumer handles a batch, git may block on a full pipe: that is not a stall.
  let consumerBusy = false;
  // On a pipe git flushes after every record (GIT_FLUSH unset): ~one 200-byte chunk per commit,
  // which costs more in per-chunk overhead than git takes to log. Fully buffered output instead.
  const child = spawnGit({ ...command, env: { GIT_FLUSH: '0', ...command.env } }, () => !consumerBusy);
  // Written asynchronously while we read: git reads all of a --stdin revision list first.
  child.stdin?.end(command.input ?? '');
  const stderr = collectStderr(child);
  const exited = waitForExit(child, command);
  exited.catch(() => {}); // observed below; avoid an unhandled rejection while we read
  const unlink = linkAbort(child, command.signal);
  const splitter = new RecordSplitter(delimiter);
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const records = splitter.push(chunk);
      if (records.length > 0) {
        consumerBusy = true;
        yield records;
        consumerBusy = false;
      }
    }
    const tail = splitter.end();
    if (tail) yield [tail];
    const exit = await exited;
    finished = true;
    if (command.signal?.aborted) throw new CancelledError();
    if (exit.code !== 0) throw failure(command, stderr(), exit);
  } finally {
    unlink();
    if (!finished && child.exitCode === null) child.kill('SIGTERM');
  }
}

/**
 * True when git died because an object it needed is missing: partial clones and mirrors without
 * large blobs. The history scan then redoes that commit with exact renames only (blob ids, no
 * content), and the replay answers it without content.
 */
export function isMissingObjectFailure(error: unknown): boolean {
  return error instanceof GitError && /unable to read|missing (blob|object)|could not read|bad object|invalid object|could not fetch|promisor remote/i.test(error.stderr);
}
