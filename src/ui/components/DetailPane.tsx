import { Box } from 'ink';
import type { Report } from '../../report/report.js';
import type { DetailPerson } from '../model/detail-people.js';
import { codeownersSegments, detailHeading, detailPersonSegments, detailTitle, islandSegments, lineSummarySegments } from '../model/detail-lines.js';
import { overTimeSegments } from '../model/detail-over-time.js';
import type { IslandSummary } from '../model/knowledge-islands.js';
import type { LineSummary } from '../model/line-shares.js';
import { lostCount } from '../model/lost-files.js';
import type { RowScores } from '../model/module-row.js';
import type { ModuleNode } from '../model/module-tree.js';
import { Line } from './Line.js';
import { ScrollList } from './ScrollList.js';

export interface Props {
  readonly report: Report;
  readonly node: ModuleNode;
  /** The node's bus factor and active bus factor, as scanned and under what-if. */
  readonly scores: RowScores;
  readonly people: readonly DetailPerson[];
  /** Ids of the people marked as leaving: not offered as successors. */
  readonly leaving: ReadonlySet<string>;
  readonly lines: LineSummary | undefined;
  readonly islands: IslandSummary;
  /** The tree shows CODEOWNERS rules: the last line is about owners and drift, not islands. */
  readonly codeowners?: boolean;
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

/** Rows of the pane that are not people: title, headings, lost and successors, line ownership, islands. */
const FIXED_LINES = 5;

/** Rows of key people the pane shows (what a page key moves when it has the keys). */
export const detailListHeight = (height: number): number => Math.max(1, height - FIXED_LINES);

/** The selected folder: key people in removal order (the leaving first), what is lost and who could take over, line ownership, islands. */
export function DetailPane({ report, node, scores, people, leaving, lines, islands, codeowners = false, cursor, focused = false, width, height }: Props) {
  const ownership = codeowners ? codeownersSegments(report, node) : undefined;
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={detailTitle(node, scores, width)} width={width} />
      <Line segments={detailHeading(width, lines !== undefined)} width={width} />
      <ScrollList
        items={people}
        cursor={cursor}
        height={detailListHeight(height)}
        width={width}
        focused={focused}
        itemKey={(person) => person.index}
        // The cursor row shows only while the list has the keys.
        segments={(person, position, selected) => detailPersonSegments(person, position + 1, report.headTime, width, selected && focused, lines !== undefined)}
        empty="        no key people: fewer than half of these files have an author"
      />
      <Line segments={overTimeSegments(lostCount(report, node), node.module?.successors, leaving, width)} width={width} />
      <Line segments={lineSummarySegments(lines)} width={width} />
      <Line segments={ownership ?? islandSegments(report, islands)} width={width} />
    </Box>
  );
}
