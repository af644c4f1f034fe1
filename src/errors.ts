/**
 * Known failures. Library code throws these; only `cli/` turns them into a message and an exit
 * code, in one place (`cli/report-error.ts`). Anything else that escapes is an {@link InternalError}.
 */

/** Exit codes of the command-line contract (README, "Exit codes"). */
export const EXIT = { ok: 0, breach: 1, input: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Base class: a message for the user, an exit code, and an optional hint line. */
export class BusfactorError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode?: ExitCode; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? EXIT.input;
    this.hint = options.hint;
  }
}

/** The path is missing, not a repository, has no commits, or the revision is unknown. */
export class InputError extends BusfactorError {}

/** A git process failed in a way the analysis cannot recover from. */
export class GitError extends BusfactorError {
  readonly args: readonly string[];
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when git was killed for sitting idle while an answer was due. */
  readonly stalledMs: number | undefined;

  constructor(
    message: string,
    details: { args: readonly string[]; stderr: string; code: number | null; signal: NodeJS.Signals | null; stalledMs?: number },
  ) {
    super(message);
    this.args = details.args;
    this.stderr = details.stderr;
    this.code = details.code;
    this.signal = details.signal;
    this.stalledMs = details.stalledMs;
  }
}

/** The run was cancelled (Ctrl-C, an AbortSignal). */
export class CancelledError extends BusfactorError {
  constructor(message = 'cancelled') {
    super(message, { exitCode: EXIT.input });
  }
}

/**
 * A bug: printed with versions and a request to report it. It still exits with 2, so scripts that
 * rely on the contract (1 = the gate found a breach) never mistake a crash for a verdict.
 */
export class InternalError extends BusfactorError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: EXIT.input, cause });
  }
}

/** Where an error happened, innermost first, kept for BUSFACTOR_DEBUG (cli/report-error.ts). */
const contexts = new WeakMap<object, string[]>();

/**
 * Records where `error` happened (`replaying commit 1234abcd`, `applying the diff of src/a.js`) and
 * returns it. The one-line message stays as it was; the context is for bug reports.
 */
export function withContext<E>(error: E, where: string): E {
  if (typeof error === 'object' && error !== null) {
    const list = contexts.get(error) ?? [];
    list.push(where);
    contexts.set(error, list);
  }
  return error;
}

/** The context {@link withContext} recorded, innermost first. */
export function contextOf(error: unknown): readonly string[] {
  return typeof error === 'object' && error !== null ? (contexts.get(error) ?? []) : [];
}

/**
 * The isomorphic-git engine could not read part of the repository that the analysis can do
 * without (its tags): a warning, as a failing git process would be (docs/engine.md).
 */
export class RepositoryReadError extends BusfactorError {}
