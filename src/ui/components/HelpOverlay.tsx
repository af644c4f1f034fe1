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
  const { depth, minFiles, departedAfter } = report.settings;
  const model = report.algorithm === 'recency' ? 'recency model' : 'AVL';
  const meaning: readonly (readonly [string, string])[] = [
    ['BF', `bus factor (${model}): fewest people whose leaving leaves over half`],
    ['', 'the files without an author. 1! red · 2 yellow · 3+ green;'],
    ['', '3→1!: before → after the marked people leave'],
    ['active', 'the bus factor over people still here (the departed author nothing);'],
    ['', "risk sort: lowest first · 0 lost: every file's authors departed"],
    ['†', `departed: no commit in the ${safe(departedAfter)} before HEAD, or so configured`],
    ['lost', 'files whose every author departed · take over: who knows them next'],
    ['top', "bar: share of the folder's files its top key person authors"],
    ['impact', `modules (${depth >= 1000 ? 'every folder' : `folders to depth ${depth}`}, ≥ ${minFiles} files) only they still author`],
    ['islands', "≥ 90% of the lines one person's (--lines); else one-author files"],
    ['ages', `last commit, counted back from HEAD's date (${report.headTime?.slice(0, 10) ?? 'unknown'})`],
    ['trend', 'header BF ▁▄█ 1–3: bus factor from the first commit to HEAD'],
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
