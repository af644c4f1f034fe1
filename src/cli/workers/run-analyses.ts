import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import type { Progress } from '../../analyze.js';
import { CancelledError } from '../../errors.js';
import { isDebug } from '../report-error.js';
import type { WorkerAnalyzeOptions, WorkerJob, WorkerMessage } from './worker-messages.js';

/** How one analysis ended: its JSON report, or the one line saying why not. */
export type AnalysisOutcome = { readonly kind: 'report'; readonly json: string } | { readonly kind: 'failure'; readonly error: string };

export interface RunAnalysesOptions {
  /** Analyses at once (`--jobs`), each in its own worker process. */
  readonly jobs: number;
  readonly signal: AbortSignal;
  /** The indices of `runs` in the order to start them (default: as given); callbacks still get each run's own index. */
  readonly order?: readonly number[];
  readonly onStart?: (index: number) => void;
  readonly onProgress?: (index: number, progress: Progress) => void;
  /** Called as each analysis ends, in the order they end; awaited before the next analysis of that slot starts. */
  readonly onOutcome: (index: number, outcome: AnalysisOutcome) => void | Promise<void>;
}

const WORKER = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));

/** A worker asked to stop (SIGTERM) is killed if it is still there after this. */
const STOP_GRACE_MS = 2000;
/** A worker that has sent its result but not ended after this is killed: every wait ends. */
const EXIT_GRACE_MS = 10_000;
/** The end of a worker's stderr kept, to say why it died (V8's "heap out of memory" is its last line). */
const STDERR_TAIL = 4096;

/**
 * Runs the analyses with at most `jobs` at once (p-limit), one worker process each
 * (cli/workers/analysis-worker.ts): a repository that crashes or exhausts its worker's memory fails
 * alone, and the others go on. Aborting `signal` (Ctrl-C) stops every worker and starts no more,
 * then rejects with {@link CancelledError}.
 */
export async function runAnalyses(runs: readonly WorkerAnalyzeOptions[], options: RunAnalysesOptions): Promise<void> {
  const limit = pLimit(Math.max(1, options.jobs));
  const order = options.order ?? runs.map((_run, index) => index);
  await Promise.all(
    order.map((index) =>
      limit(async () => {
        const run = runs[index];
        if (!run) return;
        if (options.signal.aborted) return;
        options.onStart?.(index);
        const outcome = await runInWorker(run, options.signal, (progress) => options.onProgress?.(index, progress), workerEnvironment(options.jobs));
        if (options.signal.aborted) return;
        await options.onOutcome(index, outcome);
      }),
    ),
  );
  if (options.signal.aborted) throw new CancelledError();
}

/**
 * Several analyses at once already use the cores: each scans its history in one process
 * (history/scan-split-policy.ts), unless the user chose otherwise with BUSFACTOR_SCAN_SPLIT.
 */
function workerEnvironment(jobs: number): NodeJS.ProcessEnv {
  if (jobs < 2 || process.env.BUSFACTOR_SCAN_SPLIT !== undefined) return process.env;
  return { ...process.env, BUSFACTOR_SCAN_SPLIT: 'never' };
}

function runInWorker(run: WorkerAnalyzeOptions, signal: AbortSignal, onProgress: (progress: Progress) => void, env: NodeJS.ProcessEnv): Promise<AnalysisOutcome> {
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      // stdout unused; stderr kept to tell a crash's cause; `advanced` serialisation sends the report text as it is.
      child = fork(WORKER, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env });
    } catch (error) {
      resolve({ kind: 'failure', error: `cannot start a worker process: ${(error as Error).message}` });
      return;
    }
    let result: AnalysisOutcome | undefined;
    let startError: Error | undefined;
    let tail = '';
    let exitTimer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    // A worker writes nothing to stderr but V8's last words, or with BUSFACTOR_DEBUG a failure's details: passed on then.
    const debug = isDebug();
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
      if (debug) process.stderr.write(chunk);
    });
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else if (!result) {
        result = message.kind === 'report' ? { kind: 'report', json: message.json } : { kind: 'failure', error: message.error };
        exitTimer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
      }
    });
    const stop = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    };
    signal.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      startError ??= error;
    });
    child.once('exit', (code, exitSignal) => {
      clearTimeout(exitTimer);
      clearTimeout(killTimer);
      signal.removeEventListener('abort', stop);
      if (result) return resolve(result);
      if (signal.aborted) return resolve({ kind: 'failure', error: 'cancelled' });
      resolve({ kind: 'failure', error: describeCrash(code, exitSignal, tail, startError) });
    });
    const job: WorkerJob = { kind: 'analyse', options: run };
    child.send(job, (error) => {
      if (error) startError ??= error;
    });
    if (signal.aborted) stop();
  });
}

/** Why a worker ended without an answer: out of memory (V8's last words), a signal, an exit code. */
export function describeCrash(code: number | null, signal: NodeJS.Signals | null, stderr: string, startError: Error | undefined): string {
  if (/heap out of memory|Allocation failed|out of memory/i.test(stderr)) return 'the analysis ran out of memory (its worker process was ended; the other repositories are not affected)';
  if (startError && code === null && signal === null) return `the analysis process could not start: ${startError.message}`;
  // A SIGKILL nobody here sent is most often the kernel's out-of-memory killer.
  const how = signal ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (the system may have run out of memory)' : ''}` : `exited with code ${String(code)}`;
  const last = stderr.trim().split('\n').pop()?.trim() ?? '';
  const detail = startError ? `: ${startError.message}` : last ? `: ${last.slice(0, 200)}` : '';
  return `the analysis process ${how} before it finished${detail}`;
}
