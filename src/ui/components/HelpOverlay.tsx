import { Box } from 'ink';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import { windowText } from '../../render/render-stewardship.js';
import type { View } from '../model/explorer-state.js';
import { Line } from './Line.js';

export interface Props {
  readonly report: Report;
  /**
   * The view under the overlay: the stewardship view explains its own columns.
   * @default 'modules'
   */
  readonly view?: View;
  readonly width: number;
  readonly height: number;
}

/** A help row: label, text, and whether it gives way (with the others that do) when the screen is short. */
type HelpRow = readonly [string, string, 'optional'?];

const KEYS: readonly HelpRow[] = [
  ['Move', 'j/k ↑/↓ · g/G Home/End · PgUp/PgDn, Ctrl-u/Ctrl-d'],
  ['Fold', 'l/→ open, then into it · h/← close, then to parent · Enter/space'],
  ['Views', "p people · r roles (who runs it) · Tab: the module's people"],
  ['', 'm: next kind of module (folders, workspaces, configured, CODEOWNERS)'],
  ['What-if', "x: the module's top key person leaves · 1–9: the n-th person"],
  ['', 'space/x: a person in the people view or Tab list · c: clear all'],
  ['Find', '/ filter (modules: path, name, owners; people: name) · Enter, Esc'],
  ['Sort', 's: risk → size → name (people: impact → files → name)'],
  ['Quit', 'q · Ctrl-C'],
];

/** What the stewardship view's columns mean (docs/stewardship.md). */
function stewardshipMeaning(report: Report): HelpRow[] {
  return [
    ['BF', 'fewest people who did over half of the activity, all history;'],
    ['', "build: the build files' bus factor (AVL). absent: none in the history"],
    ['active', `the same within the window (${windowText(report.stewardship)}),`],
    ['', 'people still here only · 3→1!: before → after the marked people leave'],
    ['window', "events within the window · share: of them (build: of the build files)"],
    ['key', 'an active key person, the marks applied · x: the top one leaves'],
    ['†', `departed: no activity in the ${safe(report.settings.departedAfter)} before HEAD, or so configured`],
    ['sort', 's: window → all history → name (build: files → all → name)'],
  ];
}

/** What the module tree's and the people view's columns mean. */
function modulesMeaning(report: Report): HelpRow[] {
  const { depth, minFiles, departedAfter } = report.settings;
  const model = report.algorithm === 'recency' ? 'recency model' : 'AVL';
  return [
    ['BF', `bus factor (${model}): fewest people whose leaving leaves over half`],
    ['', 'the files without an author. 1! red · 2 yellow · 3+ green;'],
    ['', '3→1!: before → after the marked people leave'],
    ['active', 'the bus factor over people still here (the departed author nothing);'],
    ['', "risk sort: lowest first · 0 lost: every file's authors departed"],
    ['†', `departed: no activity in the ${safe(departedAfter)} before HEAD, or so configured`],
    ['lost', 'files whose every author departed · take over: who knows them next'],
    ['top', "bar: share of the folder's files its top key person authors"],
    ['impact', `modules (${depth >= 1000 ? 'every folder' : `folders to depth ${depth}`}, ≥ ${minFiles} files) only they still author`],
    ['islands', "≥ 90% of the lines one person's (--lines); else one-author files"],
    ['ages', `last commit, counted back from HEAD's date (${report.headTime?.slice(0, 10) ?? 'unknown'})`],
    ['trend', 'header BF ▁▄█ 1–3: bus factor from the first commit to HEAD'],
    ['roles', 'people view: their share of each activity within the window', 'optional'],
    ['', '(integrates 62%: of the merges and landings; build: of the build files)', 'optional'],
  ];
}

const BLANK: HelpRow = ['', ''];

/** The stewardship view's keys are its own: not one to drop there. */
const required = ([label, text]: HelpRow): HelpRow => [label, text];

/** The rows as lines, then the warnings; the optional rows are left out when everything would not fit. */
function helpLines(report: Report, rows: readonly HelpRow[], height: number): string[] {
  const warnings = report.warnings.map((warning) => `warning: ${safe(warning.message)}`);
  const extra = warnings.length > 0 ? warnings.length + 1 : 0;
  const fitting = rows.length + extra <= height - 1 ? rows : rows.filter(([, , optional]) => !optional);
  const row = ([label, text]: HelpRow) => (label === '' && text === '' ? '' : `  ${label.padEnd(9)}${text}`);
  return [...fitting.map(row), ...(warnings.length > 0 ? ['', ...warnings] : [])];
}

/** What the key map and the columns mean; any key closes it. */
export function HelpOverlay({ report, view = 'modules', width, height }: Props) {
  const rows = view === 'stewardship' ? [...KEYS.map(required), BLANK, ...stewardshipMeaning(report)] : [...KEYS, BLANK, ...modulesMeaning(report)];
  const lines = helpLines(report, rows, height);
  return (
    <Box flexDirection="column" height={height}>
      <Line segments={[{ text: 'busfactor · keys and columns', bold: true, color: 'cyan' }, { text: '   any key closes this', dim: true }]} width={width} />
      {lines.slice(0, height - 1).map((text, i) => (
        <Line key={i} segments={[{ text, color: text.startsWith('warning:') ? 'yellow' : undefined }]} width={width} />
      ))}
    </Box>
  );
}
