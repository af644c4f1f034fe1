import type { CheckResult, Finding } from '../../check/check-result.js';
import { escapeCommandData, escapeCommandProperty } from '../escape-workflow-command.js';
import { sanitizeForTerminal } from '../sanitize.js';
import { findingLine } from './finding-location.js';
import { findingSentences } from './finding-prose.js';

/**
 * `busfactor check --format github`: one GitHub Actions workflow command a finding
 * (`::error file=…,line=…,title=…::message`), which the runner turns into an annotation on the run
 * and, with a file, on the pull request's diff (docs/check.md, "Formats"). `file` and `line` only
 * where the finding has a declaration: an annotation on a folder is not shown on any file.
 */
export function renderWorkflowCommands(result: CheckResult): string {
  return result.findings.map((finding) => `${command(finding)}\n`).join('');
}

function command(finding: Finding): string {
  const line = findingLine(finding);
  const properties = [
    ...(finding.location?.file ? [`file=${escapeCommandProperty(visible(finding.location.file))}`] : []),
    ...(line === undefined ? [] : [`line=${line}`]),
    `title=${escapeCommandProperty(visible(`busfactor ${finding.rule}: ${finding.subject.name}`))}`,
  ];
  const message = findingSentences(finding, { candidates: false }).join(' ');
  return `::${finding.level} ${properties.join(',')}::${escapeCommandData(visible(message))}`;
}

/**
 * The log shows these lines as a terminal would (colours included): control and bidi characters
 * from repository data are made visible first, all but CR and LF, which the command escapes keep.
 */
function visible(text: string): string {
  return text.replace(/[^\r\n]+/g, sanitizeForTerminal);
}
