import type { AnalyzeOptions, Progress } from '../../analyze.js';

/**
 * The analysis options a worker process is given: plain data only (they cross the IPC channel), so
 * no signal, no callbacks. The worker makes its own signal and reports progress back.
 */
export type WorkerAnalyzeOptions = Omit<AnalyzeOptions, 'signal' | 'onProgress' | 'successorsBelow'>;

/** Parent → worker: the one analysis to run. */
export interface WorkerJob {
  readonly kind: 'analyse';
  readonly options: WorkerAnalyzeOptions;
}

/** Worker → parent: progress while it runs, then exactly one of report or failure. */
export type WorkerMessage =
  | { readonly kind: 'progress'; readonly progress: Progress }
  /** The report as `busfactor scan --json` prints it: written to `--out` byte for byte. */
  | { readonly kind: 'report'; readonly json: string }
  /** The one line `busfactor scan` would print, without `busfactor: error: `. */
  | { readonly kind: 'failure'; readonly error: string };
