import { sparkline } from '../../trend/sparkline.js';

/**
 * What the explorer shows of a trend (trend/compute-trend.ts `Trend` is one): the repository's
 * bus factor at each point, oldest first, the last one the analysed commit.
 */
export interface TrendSeries {
  readonly points: readonly { readonly busFactor: number | null }[];
}

/**
 * `BF ▁▃▅█ 1–3`: the repository's bus factor over time. The sparkline is scaled to its own range
 * (its lowest value ▁, its highest █), so the range is printed beside it: the bars alone cannot
 * tell 1 → 2 from 1 → 20. Undefined when there is nothing to draw.
 */
export function trendText(trend: TrendSeries | undefined): string | undefined {
  const values = trend?.points.map((point) => point.busFactor) ?? [];
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return undefined;
  const low = Math.min(...present);
  const high = Math.max(...present);
  return `BF ${sparkline(values)} ${low === high ? low : `${low}–${high}`}`;
}
