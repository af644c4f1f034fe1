import { Box } from 'ink';
import type { OrgView } from '../../org/org-view.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import { Line } from '../components/Line.js';
import { fit } from '../model/cells.js';

export interface Props {
  readonly view: OrgView;
  readonly width: number;
  readonly height: number;
}

/** The org explorer's keys and what its columns mean; any key closes it. */
export function OrgHelp({ view, width, height }: Props) {
  const departedAfter = view.settings?.departedAfter ?? '1y';
  const rows: readonly (readonly [string, string])[] = [
    ['Move', 'j/k ↑/↓ · g/G Home/End · PgUp/PgDn, Ctrl-u/Ctrl-d'],
    ['Fold', 'l/→ open a repository, then into its modules · h/← close, to parent · Enter/space'],
    ['Views', 'p people key in the most repositories · d departed people still holding files'],
    ['Detail', 'Tab: into the pane · Enter: go to that person or repository · Esc/Tab back'],
    ['Quit', 'q · Ctrl-C'],
    ['', ''],
    ['BF', 'bus factor: fewest people whose leaving orphans over half of the files (1! red)'],
    ['active', 'the same over people still here: departed people author nothing'],
    ['lost', `files whose every author has departed (no activity in ${safe(departedAfter)})`],
    ['order', 'active ↑, then lost ↓, then BF ↑, then more files'],
    ['key in', 'repositories where the person is among the key people (active: among those still here)'],
    ['†', 'departed in that repository'],
    ['people', 'matched across repositories by email (case-insensitive); names never merge two'],
  ];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line segments={[{ text: 'busfactor org · help (any key closes it)', bold: true }]} width={width} />
      {rows.slice(0, Math.max(0, height - 1)).map(([label, text], i) => (
        <Line key={i} segments={[{ text: fit(label, 8), bold: true }, { text: `  ${text}` }]} width={width} />
      ))}
    </Box>
  );
}
