import { percent, riskLevel } from '../format.js';
import type { Trend, TrendFigures } from '../trend/compute-trend.js';
import { sparkline } from '../trend/sparkline.js';
import type { RenderOptions } from './renderers.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import { formatTable } from './table.js';

const day = (seconds: number | undefined): string => (seconds === undefined ? 'undated' : new Date(seconds * 1000).toISOString().slice(0, 10));

/** One row's figures across the points: null where the series has no value there. */
type Series = readonly (TrendFigures | null)[];

const last = <T>(values: readonly (T | null)[]): T | null => values[values.length - 1] ?? null;

/**
 * `busfactor trend` as text: a header with the span, then a row per series (the repository, then
 * each top-level folder) with the bus factor's sparkline, its first and last values, and the
 * active bus factor's and lost share's sparklines and last values. Repository text is sanitized.
 */
export function renderTrend(trend: Trend, options: RenderOptions): string {
  const { style } = options;
  const { points } = trend;
  const scope = trend.repository.scope ? ` ${safe(trend.repository.scope)}` : '';
  const span = points.length === 1 ? `1 point, ${day(points[0]?.date)}` : `${points.length} points, ${day(points[0]?.date)} → ${day(last(points)?.date)}`;
  const algorithm = trend.algorithm === 'recency' ? 'recency' : 'AVL';
  const lines = [`${style.paint('bold', safe(trend.repository.name))}${scope} @ ${trend.head.slice(0, 12)} · ${span} · ${algorithm}`, ''];

  const series: { name: string; values: Series }[] = [
    { name: trend.repository.scope ? safe(trend.repository.scope) : 'repository', values: points },
    ...trend.modules.map((module) => ({ name: safe(module.name), values: points.map((point) => point.modules[module.id] ?? null) })),
  ];
  const rows = [
    ['', 'bus factor', 'first', 'last', 'active', 'last', 'lost', 'last'],
    ...series.map(({ name, values }) => {
      const busFactor = values.map((value) => value?.busFactor ?? null);
      const active = values.map((value) => value?.activeBusFactor ?? null);
      const lost = values.map((value) => value?.lostShare ?? null);
      const first = busFactor.find((value) => value !== null) ?? null;
      const lastLost = last(lost);
      return [name, sparkline(busFactor), show(first), show(last(busFactor)), sparkline(active), show(last(active)), sparkline(lost), lastLost === null ? '-' : percent(lastLost)];
    }),
  ];
  const table = formatTable(
    rows,
    [{ align: 'left', maxWidth: 40 }, { align: 'left' }, { align: 'right' }, { align: 'right' }, { align: 'left' }, { align: 'right' }, { align: 'left' }, { align: 'right' }],
    (row, column, text) => {
      if (row === 0) return style.paint('bold', text);
      const value = Number(text.trim());
      return (column === 3 || column === 5) && text.trim() !== '-' ? style.paint(riskLevel(value), text) : text;
    },
  );
  lines.push(...table.map((line) => `  ${line}`), '');
  lines.push('Oldest point first. active: the bus factor without the people who had departed by then;', 'lost: the share of files whose every author had departed.');
  if (series.some(({ values }) => values.includes(null))) lines.push('A blank: no such folder (of --min-files files) at that point.');
  lines.push('', ...trend.warnings.map((warning) => style.paint('yellow', `warning: ${safe(warning.message)}`)));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function show(value: number | null): string {
  return value === null ? '-' : String(value);
}
