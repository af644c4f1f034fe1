import { useEffect, useState } from 'react';
import type { Progress } from '../../analysis-progress.js';
import type { Report } from '../../report/report.js';

/** Runs the analysis; given by the command, which knows the flags. */
export type LoadReport = (onProgress: (progress: Progress) => void, signal: AbortSignal) => Promise<Report>;

export type ScanState =
  | { readonly status: 'loading'; readonly progress: Progress | undefined }
  | { readonly status: 'ready'; readonly report: Report }
  | { readonly status: 'error'; readonly error: unknown };

/**
 * Progress is drawn at most this often (a phase change at once), as git's own progress is (once a
 * second). Each frame is a React render, an Ink layout and a redraw, on the thread the scan runs
 * on, in code run too seldom to be optimised: about 10 ms a frame. At 100 ms git/git's 7 s scan
 * spent 0.5 s of that thread drawing its loading screen, at 250 ms 0.3 s (docs/performance.md,
 * "The explorer's first frame, third round" and "fourth round").
 */
const PROGRESS_INTERVAL_MS = 1000;

/**
 * The scan behind the explorer: progress while it runs, then the report or the error. Leaving
 * the screen (quit during the scan) aborts it.
 */
export function useScan(load: LoadReport): ScanState {
  const [state, setState] = useState<ScanState>({ status: 'loading', progress: undefined });
  useEffect(() => {
    const controller = new AbortController();
    let live = true;
    let shown: { phase: Progress['phase']; at: number } | undefined;
    load((progress) => {
      const now = Date.now();
      if (!live || (shown?.phase === progress.phase && now - shown.at < PROGRESS_INTERVAL_MS)) return;
      shown = { phase: progress.phase, at: now };
      setState({ status: 'loading', progress });
    }, controller.signal).then(
      (report) => {
        if (live) setState({ status: 'ready', report });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', error });
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
  }, [load]);
  return state;
}
