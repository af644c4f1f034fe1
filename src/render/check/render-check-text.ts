import type { CheckResult, Finding } from '../../check/check-result.js';
import { count, plural } from '../../format.js';
import type { RenderOptions } from '../renderers.js';
import { sanitizeForTerminal as safe } from '../sanitize.js';
import type { Style } from '../style.js';
import { describeHolder, formatFigure as figure } from './finding-prose.js';

/**
 * `busfactor check` on a terminal or in a CI log (docs/check.md, "Text"): the verdict first, then
 * each finding with who holds the knowledge, what would raise it and whom to ask, then warnings.
 * Every name and path from the repository goes through the terminal sanitiser.
 */
export function renderCheckText(result: CheckResult, options: RenderOptions): string {
  const { style } = options;
  const { counts } = result;
  const verdict = result.passed ? style.paint(['bold', 'green'], 'passed') : style.paint(['bold', 'red'], 'FAILED');
  const lines = [
    `busfactor check: ${verdict} — ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} (${plural(counts.checks, 'check')}) · ${safe(result.repository.name)}${result.repository.scope ? `/${safe(result.repository.scope)}` : ''} @ ${result.head.slice(0, 12)}`,
  ];
  const mode = result.mode;
  if (mode.kind === 'changed-since') {
    lines.push(
      `pull-request mode: ${plural(mode.commits, 'commit')} since ${safe(mode.since)}${mode.base === mode.sinceCommit ? '' : ` (from their merge base ${mode.base.slice(0, 12)})`}, ${plural(mode.files, 'file')} changed, ${plural(mode.modules.length, 'module')} checked${mode.modules.length > 0 ? `: ${mode.modules.slice(0, 8).map(safe).join(', ')}${mode.modules.length > 8 ? ', …' : ''}` : ''}`,
    );
  }
  if (result.baseline) {
    const b = result.baseline;
    lines.push(
      `baseline ${safe(b.file)}${b.updated ? ' (written)' : ''}: ${count(b.entries)} ${b.entries === 1 ? 'entry' : 'entries'}; ${count(b.debt)} known debt (warnings), ${plural(b.regressions, 'regression')}, ${count(b.new)} new, ${count(b.fixed)} fixed${b.fixed > 0 && !b.updated ? ' (tighten it with --update-baseline)' : ''}`,
    );
  }
  if (counts.ignoredModules > 0) lines.push(`${plural(counts.ignoredModules, 'module')} ignored by policy`);
  for (const finding of result.findings) lines.push('', ...findingLines(finding, style));
  if (result.findings.length === 0 && counts.checks > 0) lines.push('', style.paint('green', `every check passed`));
  if (counts.checks === 0) lines.push('', mode.kind === 'changed-since' ? 'nothing to check: no module with a policy is touched by these changes' : 'nothing to check: no policy applied to anything here (see the warnings)');
  if (result.warnings.length > 0) lines.push('', ...result.warnings.map((warning) => style.paint('yellow', `warning: ${safe(warning.message)}`)));
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding, style: Style): string[] {
  const mark = finding.level === 'error' ? style.paint('red', '✗ error  ') : style.paint('yellow', '⚠ warning');
  const lines = [`${mark} ${finding.rule}  ${style.paint('bold', safe(finding.subject.id))}`, `    ${safe(finding.message)}`];
  if (finding.holders.length > 0) lines.push(`    held by ${safe(finding.holders.map(describeHolder).join(', '))}`);
  if (finding.baseline === 'debt') lines.push(`    known debt: the baseline has ${figure(finding.rule, finding.baselineValue ?? finding.value)}`);
  else if (finding.baseline === 'regression') lines.push(`    regression: the baseline has ${figure(finding.rule, finding.baselineValue ?? finding.value)}, now ${figure(finding.rule, finding.value)}`);
  else if (finding.baseline === 'new') lines.push('    new: not in the baseline');
  if (finding.location) lines.push(`    declared in ${safe(finding.location.file)}${finding.location.line !== undefined ? `:${finding.location.line}` : ''}`);
  lines.push(`    → ${safe(finding.remedy)}`);
  for (const candidate of finding.candidates) lines.push(`      ask ${safe(candidate.name)} <${safe(candidate.email)}>: ${safe(candidate.evidence)}`);
  return lines;
}
