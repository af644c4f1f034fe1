import type { CheckResult, Finding } from '../../check/check-result.js';
import { count, percent, plural } from '../../format.js';
import { clipData, escapeMarkdownCell, escapeMarkdownText, MARKDOWN_COMMENT_LIMIT } from '../escape-markdown.js';
import { describeCandidate, formatFigure, limitKind } from './finding-prose.js';

/**
 * `busfactor check --format markdown`: the GitHub job summary or pull-request comment
 * (docs/check.md, "Formats"). Every piece of repository data goes through `escape-markdown.ts`.
 * GitHub refuses a comment over 65,536 characters, so the output stays under {@link MAX_LENGTH}:
 * at most {@link MAX_ROWS} findings in the table, long names clipped, and every section cut
 * where the budget ends, with a line saying what was left out.
 */
export const MAX_LENGTH = MARKDOWN_COMMENT_LIMIT;
export const MAX_ROWS = 100;
/** Room kept for the lines that say what was cut. */
const RESERVE = 1_000;
const MAX_HOLDERS = 5;
const MAX_MODULES_LISTED = 20;
const MAX_WARNINGS = 50;
/** Longest piece of repository data shown, in characters, before escaping. */
const MAX_DATA = 200;
const MAX_REMEDY = 400;

export function renderCheckMarkdown(result: CheckResult): string {
  const out = new BoundedLines(MAX_LENGTH - RESERVE);
  for (const line of header(result)) out.add(line);

  if (result.findings.length === 0) {
    out.add('No findings.');
  } else {
    out.add('| Level | Rule | Subject | Figure | Held by | What would raise it |');
    out.add('| --- | --- | --- | --- | --- | --- |');
    let shown = 0;
    for (const finding of result.findings.slice(0, MAX_ROWS)) {
      if (!out.add(findingRow(finding))) break;
      shown += 1;
    }
    const cut = result.findings.length - shown;
    if (cut > 0) out.force('', `_${plural(cut, 'more finding')} not shown: \`--format json\` or \`--format sarif\` lists them all._`);
  }

  if (result.mode.kind === 'changed-since') out.section(reviewerLines(result.findings));
  out.section(warningLines(result));
  if (out.truncated) out.force('', `_Cut to stay under ${count(MAX_LENGTH)} characters: \`--format json\` has everything._`);
  return `${out.lines.join('\n')}\n`;
}

/** Lines up to a length budget; `force` writes past it into the reserve (the notices of what was cut). */
class BoundedLines {
  readonly lines: string[] = [];
  truncated = false;
  private length = 0;

  constructor(private readonly budget: number) {}

  add(line: string): boolean {
    if (this.truncated || this.length + line.length + 1 > this.budget) {
      this.truncated = true;
      return false;
    }
    this.force(line);
    return true;
  }

  /** A section: a blank line, then its lines while they fit. Empty sections write nothing. */
  section(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.add('');
    for (const line of lines) if (!this.add(line)) return;
  }

  force(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.length += line.length + 1;
    }
  }
}

const clip = (data: string, max = MAX_DATA): string => clipData(data, max);

const text = (data: string): string => escapeMarkdownText(clip(data));
const cell = (data: string): string => escapeMarkdownCell(clip(data));

function header(result: CheckResult): string[] {
  const { counts } = result;
  const verdict = result.passed ? '## ✅ busfactor check passed' : '## ❌ busfactor check failed';
  const ignored = counts.ignoredModules > 0 ? `, ${plural(counts.ignoredModules, 'module')} ignored` : '';
  const scope = result.repository.scope ? ` (scope **${text(result.repository.scope)}**)` : '';
  const lines = [
    verdict,
    '',
    `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(counts.checks, 'check')}${ignored}.`,
    '',
    `Repository **${text(result.repository.name)}**${scope} at commit ${text(result.head.slice(0, 12))}.`,
    modeLine(result),
  ];
  if (result.baseline) lines.push(baselineLine(result.baseline));
  lines.push('');
  return lines;
}

function modeLine(result: CheckResult): string {
  const { mode } = result;
  if (mode.kind === 'full') return 'Checked the whole repository.';
  const listed = mode.modules.slice(0, MAX_MODULES_LISTED).map(text).join(', ');
  const more = mode.modules.length > MAX_MODULES_LISTED ? ` and ${mode.modules.length - MAX_MODULES_LISTED} more` : '';
  const touched = mode.modules.length === 0 ? 'no module touched' : `${plural(mode.modules.length, 'module')} touched: ${listed}${more}`;
  return (
    `Checked the changes since **${text(mode.since)}** (base ${text(mode.base.slice(0, 12))}): ` +
    `${plural(mode.commits, 'commit')}, ${plural(mode.files, 'file')}, ${touched}.`
  );
}

function baselineLine(baseline: NonNullable<CheckResult['baseline']>): string {
  const parts = [
    `${baseline.debt} known debt`,
    plural(baseline.regressions, 'regression'),
    `${baseline.new} new`,
    `${baseline.fixed} fixed`,
  ];
  const updated = baseline.updated ? ' Updated by this run.' : '';
  return `Baseline **${text(baseline.file)}** (${count(baseline.entries)} ${baseline.entries === 1 ? 'entry' : 'entries'}): ${parts.join(', ')}.${updated}`;
}

const BASELINE_STATE: Readonly<Record<NonNullable<Finding['baseline']>, string>> = {
  debt: 'known debt',
  regression: 'regression',
  new: 'new',
};

function findingRow(finding: Finding): string {
  const level = `${finding.level === 'error' ? '❌ error' : '⚠️ warning'}${finding.baseline ? ` (${BASELINE_STATE[finding.baseline]})` : ''}`;
  const figure = `${formatFigure(finding.rule, finding.value)} (${limitKind(finding.rule)} ${formatFigure(finding.rule, finding.threshold)}${
    finding.baselineValue === undefined ? '' : `; baseline ${formatFigure(finding.rule, finding.baselineValue)}`
  })`;
  const holders = finding.holders
    .slice(0, MAX_HOLDERS)
    .map((holder) => `${cell(holder.name)} ${percent(holder.share)}${holder.departed ? ' (departed)' : ''}`);
  if (finding.holders.length > MAX_HOLDERS) holders.push(`${finding.holders.length - MAX_HOLDERS} more`);
  const cells = [level, finding.rule, cell(finding.subject.name), figure, holders.join(', ') || '—', escapeMarkdownCell(clip(finding.remedy, MAX_REMEDY)) || '—'];
  return `| ${cells.join(' | ')} |`;
}

/** Per module, the candidates of all its findings, best first, each once. */
function reviewerLines(findings: readonly Finding[]): string[] {
  const byModule = new Map<string, { name: string; candidates: Map<string, string> }>();
  for (const finding of findings) {
    if (finding.subject.kind !== 'module' || finding.candidates.length === 0) continue;
    const entry = byModule.get(finding.subject.id) ?? { name: finding.subject.name, candidates: new Map<string, string>() };
    for (const candidate of finding.candidates) {
      if (!entry.candidates.has(candidate.id)) entry.candidates.set(candidate.id, text(describeCandidate(candidate)));
    }
    byModule.set(finding.subject.id, entry);
  }
  if (byModule.size === 0) return [];
  return ['### Reviewers to ask', '', ...[...byModule.values()].map(({ name, candidates }) => `- **${text(name)}**: ${[...candidates.values()].join('; ')}`)];
}

function warningLines(result: CheckResult): string[] {
  if (result.warnings.length === 0) return [];
  const lines = result.warnings.slice(0, MAX_WARNINGS).map((warning) => {
    const paths = warning.count ?? warning.paths?.length ?? 0;
    return `- **${text(warning.code)}**: ${text(warning.message)}${paths > 0 ? ` (${plural(paths, 'path')})` : ''}`;
  });
  if (result.warnings.length > MAX_WARNINGS) lines.push(`- ${plural(result.warnings.length - MAX_WARNINGS, 'more warning')}`);
  return ['### Warnings', '', ...lines];
}
