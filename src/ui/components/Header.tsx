import { Box } from 'ink';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import { plural } from '../model/cells.js';
import type { View } from '../model/explorer-state.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  readonly view: View;
  readonly width: number;
}

/** `busfactor · express @ 1a2b3c4d5e6f · 5,874 commits · 141 files · 300 authors   [Modules] People`. */
export function Header({ report, view, width }: Props) {
  const rev = report.revision === 'HEAD' ? '' : ` (${safe(report.revision)})`;
  const scope = report.repository.scope ? `/${safe(report.repository.scope.replace(/\/$/, ''))}` : '';
  const warnings = report.warnings.length > 0 ? ` · ${plural(report.warnings.length, 'warning')} (?)` : '';
  const facts = `${safe(report.repository.name)}${scope} @ ${report.head.slice(0, 8)}${rev} · ${plural(report.totals.commits, 'commit')} · ${plural(report.totals.files, 'file')} · ${plural(report.totals.authors, 'author')}`;
  const tabs = view === 'modules' ? ' [Modules] People ' : '  Modules [People]';
  return (
    <Box>
      <Line segments={[{ text: 'busfactor', bold: true, color: 'cyan' }, { text: ` · ${facts}` }, { text: warnings, color: 'yellow' }]} width={Math.max(0, width - tabs.length)} />
      <Line segments={[{ text: tabs, bold: true }]} width={tabs.length} />
    </Box>
  );
}
