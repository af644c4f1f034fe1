import { Box } from 'ink';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import { percent, riskLevel } from '../../format.js';
import { busFactorCell, DEPARTED_MARK, type Segment } from '../model/cells.js';
import type { SortOrder } from '../model/sort-order.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  /** The repository (root folder) with the marks applied. */
  readonly score: ScopeScore | undefined;
  /** The repository's active bus factor (departed people gone) with the marks applied. */
  readonly activeScore: ScopeScore | undefined;
  readonly leaving: ReadonlySet<number>;
  /** Ids of the people who have departed (their names get a †). */
  readonly departed: ReadonlySet<string>;
  readonly sort: SortOrder;
  readonly filter: string;
  /** No row matches the filter. */
  readonly noMatch: boolean;
  readonly width: number;
}

/** The repository's bus factor, active bus factor and key people, or the what-if in force; sort and filter on the right. */
export function StatusLine({ report, score, activeScore, leaving, departed, sort, filter, noMatch, width }: Props) {
  const after = score?.busFactor ?? report.busFactor;
  const activeAfter = activeScore?.busFactor ?? report.activeBusFactor;
  const names = [...leaving].map((index) => safe(report.people[index]?.name ?? '?'));
  const active: Segment[] = [
    { text: ' · active ' },
    { text: busFactorCell(report.activeBusFactor, activeAfter).trimEnd(), bold: true, color: riskLevel(activeAfter) },
  ];
  const keyPeople = (score?.keyPeople ?? []).map((p) => `${safe(p.name || p.email)}${departed.has(p.id) ? DEPARTED_MARK : ''} ${percent(p.share)}`);
  const left: Segment[] =
    leaving.size === 0
      ? [
          { text: 'Bus factor ' },
          { text: busFactorCell(report.busFactor, after).trimEnd(), bold: true, color: riskLevel(after) },
          ...active,
          { text: ` · key people: ${keyPeople.join(', ') || 'none'}` },
        ]
      : [
          { text: `What-if: ${leaving.size} leaving (${names.join(', ')}) · bus factor `, color: 'red' },
          { text: busFactorCell(report.busFactor, after).trimEnd(), bold: true, color: riskLevel(after) },
          ...active,
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
