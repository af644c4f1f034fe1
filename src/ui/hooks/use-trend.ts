import { useEffect, useState } from 'react';
import type { TrendSeries } from '../model/trend-line.js';

/** Computes the trend behind the explorer; given by the command, which has the analysis session. */
export type LoadTrend = (signal: AbortSignal) => Promise<TrendSeries>;

/** Three times Ink's frame interval at its default 30 frames a second (run-on-screen.tsx). */
const FRAME_OUT_MS = 100;

/**
 * The trend, started once the explorer is on screen (`start`): it replays the history at every
 * point, so it must not hold up the first frame. A failure only leaves the sparkline out, and
 * leaving the explorer aborts it.
 */
export function useTrend(load: LoadTrend | undefined, start: boolean): TrendSeries | undefined {
  const [trend, setTrend] = useState<TrendSeries | undefined>(undefined);
  useEffect(() => {
    if (!load || !start) return;
    const controller = new AbortController();
    let live = true;
    // Effects run once React has committed the frame, but Ink may still hold it: it draws at most
    // 30 frames a second, and the scan's last progress frame ("building the explorer") was drawn
    // just before. The trend's first step keeps the thread for 70 ms and more on git/git, so it
    // starts once Ink's throttle has surely let the frame out.
    const timer = setTimeout(() => {
      load(controller.signal).then(
        (next) => {
          if (live) setTrend(next);
        },
        () => {},
      );
    }, FRAME_OUT_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      controller.abort();
    };
  }, [load, start]);
  return trend;
}
