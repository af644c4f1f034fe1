import { useEffect, useState } from 'react';
import type { TrendSeries } from '../model/trend-line.js';

/** Computes the trend behind the explorer; given by the command, which has the analysis session. */
export type LoadTrend = (signal: AbortSignal) => Promise<TrendSeries>;

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
    // Effects run once React has committed the frame; the timer lets Ink write it out first.
    const timer = setTimeout(() => {
      load(controller.signal).then(
        (next) => {
          if (live) setTrend(next);
        },
        () => {},
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
      controller.abort();
    };
  }, [load, start]);
  return trend;
}
