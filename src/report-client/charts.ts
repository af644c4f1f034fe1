import type { CurvePoint } from '../bus-factor/greedy-truck-factor.js';
import type { PageTrend } from '../render/report/html/page-data.js';
import { percent } from '../format.js';
import { h, svg } from './dom.js';

const CURVE = { width: 640, height: 260, left: 44, right: 12, top: 12, bottom: 34 };

/**
 * The knowledge-concentration curve: the share of files still authored (y) as the greedy loop
 * removes people one by one (x), one point per person; the dashed line is one half, where the
 * bus factor is read. Redrawn on every what-if (a few dozen points).
 */
export function drawCurve(container: HTMLElement, points: readonly CurvePoint[], busFactor: number, nameOf: (person: number) => string): void {
  const { width, height, left, right, top, bottom } = CURVE;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const steps = Math.max(1, points.length - 1);
  const x = (removed: number): number => left + (removed / steps) * plotWidth;
  const y = (coverage: number): number => top + (1 - coverage) * plotHeight;
  const image = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'curve-caption', class: 'curve' });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    image.append(
      svg('line', { x1: left, x2: width - right, y1: y(tick), y2: y(tick), class: tick === 0.5 ? 'half' : 'grid' }),
      svg('text', { x: left - 6, y: y(tick) + 4, class: 'axis', 'text-anchor': 'end' }, percent(tick)),
    );
  }
  image.append(
    svg('text', { x: left + plotWidth / 2, y: height - 4, class: 'axis', 'text-anchor': 'middle' }, 'people removed, most files first'),
    svg('polyline', { points: points.map((point) => `${x(point.removed).toFixed(1)},${y(point.coverage).toFixed(1)}`).join(' '), class: 'line' }),
  );
  for (const point of points) {
    const who = point.person === undefined ? 'everyone present' : `without ${nameOf(point.person)} and the ${point.removed - 1} before`;
    image.append(
      svg('circle', { cx: x(point.removed), cy: y(point.coverage), r: point.removed === busFactor ? 5 : 3, class: point.removed === busFactor ? 'dot bf' : 'dot' }, svg('title', {}, `${point.removed} removed (${who}): ${percent(point.coverage)} of files still authored`)),
    );
  }
  if (busFactor > 0 && busFactor < points.length) {
    image.append(svg('text', { x: x(busFactor) + 8, y: y(points[busFactor]?.coverage ?? 0) - 8, class: 'axis bf-label' }, `bus factor ${busFactor}`));
  }
  container.replaceChildren(image);
}

const SPARK = { width: 640, height: 120, left: 30, right: 12, top: 10, bottom: 24 };

/** The bus factor and active bus factor at the trend's points (docs/trend.md), oldest left. */
export function drawTrend(container: HTMLElement, trend: PageTrend): void {
  const { width, height, left, right, top, bottom } = SPARK;
  const n = trend.busFactor.length;
  const max = Math.max(1, ...trend.busFactor, ...trend.activeBusFactor);
  const x = (i: number): number => left + (i / Math.max(1, n - 1)) * (width - left - right);
  const y = (value: number): number => top + (1 - value / max) * (height - top - bottom);
  const line = (values: readonly number[], cls: string) => svg('polyline', { points: values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' '), class: cls });
  const image = svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'trend-caption', class: 'sparkline' },
    svg('line', { x1: left, x2: width - right, y1: y(0), y2: y(0), class: 'grid' }),
    svg('text', { x: left - 6, y: y(max) + 4, class: 'axis', 'text-anchor': 'end' }, String(max)),
    svg('text', { x: left - 6, y: y(0) + 4, class: 'axis', 'text-anchor': 'end' }, '0'),
    line(trend.busFactor, 'line'),
    line(trend.activeBusFactor, 'line active'),
    svg('text', { x: left, y: height - 4, class: 'axis' }, trend.dates[0] || 'first commit'),
    svg('text', { x: width - right, y: height - 4, class: 'axis', 'text-anchor': 'end' }, trend.dates[n - 1] || 'analysed commit'),
  );
  trend.busFactor.forEach((value, i) => {
    image.append(svg('circle', { cx: x(i), cy: y(value), r: 2.5, class: 'dot' }, svg('title', {}, `${trend.dates[i] || 'undated'}: bus factor ${value}, active ${trend.activeBusFactor[i] ?? 0}, ${percent(trend.lostShare[i] ?? 0)} lost`)));
  });
  container.replaceChildren(image, h('p', { class: 'legend' }, h('span', { class: 'key-line' }, 'bus factor'), ' ', h('span', { class: 'key-line active' }, 'active bus factor')));
}
