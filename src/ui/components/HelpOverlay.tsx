import { Box } from 'ink';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  readonly width: number;
  readonly height: number;
}

const KEYS: readonly (readonly [string, string])[] = [
  ['Move', 'j/k ↑/↓ · g/G Home/End · PgUp/PgDn, Ctrl-u/Ctrl-d'],
  ['Fold', 'l/→ open, then into it · h/← close, then to parent · Enter/space'],
  ['Views', "p people ⇄ modules · Tab: the module's people ⇄ the tree"],
  ['', 'm: next kind of module (folders, workspaces, configured, CODEOWNERS)'],
  ['What-if', "x: the module's top key person leaves · 1–9: the n-th person"],
  ['', 'space/x: a person in the people view or Tab list · c: clear all'],
  ['Find', '/ filter (modules: path, name, owners; people: name) · Enter, Esc'],
  ['Sort', 's: risk → size → name (people: impact → files → name)'],
  ['Quit', 'q · Ctrl-C'],
];

/** What the key map and the columns mean; any key closes it. */
export function HelpOverlay({ report, width, height }: Props) {
  const { depth, minFiles } = report.settings;
  const meaning: readonly (readonly [string, string])[] = [
    ['BF', 'bus factor (AVL): fewest people whose leaving leaves over half'],
    ['', 'the files without an author. 1! red · 2 yellow · 3+ green;'],
    ['', '3→1!: before → after the marked people leave'],
    ['top', "bar: share of the folder's files its top key person authors"],
    ['impact', `modules (${depth >= 1000 ? 'every folder' : `folders to depth ${depth}`}, ≥ ${minFiles} files) left without author`],
    ['', 'if this person leaves too'],
    ['islands', 'with --lines: one person owns ≥ 90% of the lines; without:'],
    ['', 'files that only one person authors (DOA)'],
    ['ages', `last commit, counted back from HEAD's date (${report.headTime?.slice(0, 10) ?? 'unknown'})`],
  ];
  const warnings = report.warnings.map((warning) => `warning: ${safe(warning.message)}`);
  const row = ([label, text]: readonly [string, string]) => `  ${label.padEnd(9)}${text}`;
  const lines = [...KEYS.map(row), '', ...meaning.map(row), ...(warnings.length > 0 ? ['', ...warnings] : [])];
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={[{ text: 'busfactor · keys and columns', bold: true, color: 'cyan' }, { text: '   any key closes this', dim: true }]} width={width} />
      {lines.slice(0, height - 1).map((text, i) => (
        <Line key={i} segments={[{ text, color: text.startsWith('warning:') ? 'yellow' : undefined }]} width={width} />
      ))}
    </Box>
  );
}
