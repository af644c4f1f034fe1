import { Box } from 'ink';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import { percent, riskLevel } from '../../format.js';
import { busFactorCell, type Segment } from '../model/cells.js';
import type { SortOrder } from '../model/sort-order.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  /** The repository (root folder) with the marks applied. */
  readonly score: ScopeScore | undefined;
  readonly leaving: ReadonlySet<number>;
  readonly sort: SortOrder;
  readonly filter: string;
  /** No row matches the filter. */
  readonly noMatch: boolean;
  readonly width: number;
}

/** The repository's bus factor and key people, or the what-if in force; sort and filter on the right. */
export function StatusLine({ report, score, leaving, sort, filter, noMatch, width }: Props) {
  const after = score?.busFactor ?? report.busFactor;
  const names = [...leaving].map((index) => safe(report.people[index]?.name ?? '?'));
  const left: Segment[] =
    leaving.size === 0
      ? [
          { text: 'Bus factor ' },
          { text: busFactorCell(report.busFactor, after).trimEnd(), bold: true, color: riskLevel(after) },
          { text: ` · key people: ${(score?.keyPeople ?? []).map((p) => `${safe(p.name || p.email)} ${percent(p.share)}`).join(', ') || 'none'}` },
        ]
      : [
          { text: `What-if: ${leaving.size} leaving (${names.join(', ')}) · bus factor `, color: 'red' },
          { text: busFactorCell(report.busFactor, after).trimEnd(), bold: true, color: riskLevel(after) },
          { text: ' · c clears' },
        ];
  const right = ` sort: ${sort}${filter ? ` · filter "${safe(filter)}"${noMatch ? ' (no match)' : ''}` : ''}`;
  return (
    <Box>
      <Line segments={left} width={Math.max(0, width - right.length)} />
      <Line segments={[{ text: right, color: 'cyan' }]} width={Math.min(width, right.length)} />
    </Box>
  );
}
