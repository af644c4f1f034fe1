import { Box } from 'ink';
import { displayWidth } from '../../render/display-width.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import { truncate } from '../../render/table.js';
import type { Report } from '../../report/report.js';
import { plural } from '../../format.js';
import type { View } from '../model/explorer-state.js';
import { KIND_LABEL, type ModuleKind } from '../model/module-tree.js';
import { trendText, type TrendSeries } from '../model/trend-line.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  readonly view: View;
  /** The kind of module shown, when the report has several (`m` switches): named in the tab. */
  readonly kind?: ModuleKind;
  /** The repository's bus factor over time, once computed (it comes after the first frame). */
  readonly trend?: TrendSeries;
  readonly width: number;
}

/**
 * The facts after `busfactor · `, as many as fit in `room` columns with the warning count. The
 * warning count matters most (it says the numbers are partial), then the trend; the totals give
 * way first: authors, then commits, then files; only the name is ever cut.
 */
function headerFacts(report: Report, trend: string | undefined, room: number): { facts: string; warnings: string } {
  const rev = report.revision === 'HEAD' ? '' : ` (${safe(report.revision)})`;
  const scope = report.repository.scope ? `/${safe(report.repository.scope.replace(/\/$/, ''))}` : '';
  const warnings = report.warnings.length > 0 ? ` · ${plural(report.warnings.length, 'warning')} (?)` : '';
  const name = `${safe(report.repository.name)}${scope} @ ${report.head.slice(0, 8)}${rev}`;
  const commits = plural(report.totals.commits, 'commit');
  const files = plural(report.totals.files, 'file');
  const authors = plural(report.totals.authors, 'author');
  const totals = [[name, commits, files, authors], [name, commits, files], [name, files]];
  const withTrend = trend ? [...totals, [name]].map((parts) => [...parts, trend]) : [];
  for (const parts of [...withTrend, ...totals]) {
    const facts = parts.join(' · ');
    if (displayWidth(` · ${facts}${warnings}`) <= room) return { facts, warnings };
  }
  return { facts: truncate(name, Math.max(1, room - displayWidth(` · ${warnings}`))), warnings };
}

/** `busfactor · express @ 1a2b3c4d · 5,874 commits · 141 files · BF ▃▅█▆ 2–4   [Modules] People`. */
export function Header({ report, view, kind, trend, width }: Props) {
  const modules = kind ? KIND_LABEL[kind] : 'Modules';
  // The stewardship view (`r`) gets its tab only while it is shown: the other two keep their places.
  const tabs = view === 'modules' ? ` [${modules}] People ` : view === 'people' ? `  ${modules} [People]` : `  ${modules} People [Roles]`;
  const room = Math.max(0, width - tabs.length);
  const { facts, warnings } = headerFacts(report, trendText(trend), room - 'busfactor'.length);
  return (
    <Box>
      <Line segments={[{ text: 'busfactor', bold: true, color: 'cyan' }, { text: ` · ${facts}` }, { text: warnings, color: 'yellow' }]} width={room} />
      <Line segments={[{ text: tabs, bold: true }]} width={tabs.length} />
    </Box>
  );
}
