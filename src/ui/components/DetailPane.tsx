import { Box } from 'ink';
import type { Report } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import { useScrollTop } from '../hooks/use-scroll-top.js';
import type { DetailPerson } from '../model/detail-people.js';
import { detailHeading, detailPersonSegments, detailTitle, islandSegments, lineSummarySegments } from '../model/detail-lines.js';
import type { IslandSummary } from '../model/knowledge-islands.js';
import type { LineSummary } from '../model/line-shares.js';
import type { ModuleNode } from '../model/module-tree.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  readonly node: ModuleNode;
  readonly base: ScopeScore | undefined;
  readonly score: ScopeScore | undefined;
  readonly people: readonly DetailPerson[];
  readonly lines: LineSummary | undefined;
  readonly islands: IslandSummary;
  /** Position in `people` of the cursor. */
  readonly cursor: number;
  /**
   * The people list has the keys (Tab): its cursor is shown.
   * @default false
   */
  readonly focused?: boolean;
  readonly width: number;
  /** Lines in all, the title included. */
  readonly height: number;
}

/** Rows of the pane that are not people: title, headings, line ownership, islands. */
const FIXED_LINES = 4;

/** The selected folder: key people in removal order (the leaving first), line ownership, islands. */
export function DetailPane({ report, node, base, score, people, lines, islands, cursor, focused = false, width, height }: Props) {
  const listHeight = Math.max(1, height - FIXED_LINES);
  const top = useScrollTop(cursor, listHeight, people.length);
  const shown = people.slice(top, top + listHeight);
  const empty = people.length === 0 ? [<Line key="empty" segments={[{ text: '        no key people: fewer than half of these files have an author', dim: true }]} width={width} />] : [];
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={detailTitle(node, base, score, width)} width={width} />
      <Line segments={detailHeading(width, lines !== undefined)} width={width} />
      <Box flexDirection="column" height={listHeight}>
        {empty}
        {shown.map((person, i) => {
          const selected = focused && top + i === cursor;
          return (
            <Line key={person.index} segments={detailPersonSegments(person, top + i + 1, report.headTime, width, selected, lines !== undefined)} width={width} selected={selected} />
          );
        })}
      </Box>
      <Line segments={lineSummarySegments(lines)} width={width} />
      <Line segments={islandSegments(report, islands)} width={width} />
    </Box>
  );
}
