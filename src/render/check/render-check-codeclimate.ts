import type { CheckResult, Finding } from '../../check/check-result.js';
import { escapeMarkdownText } from '../escape-markdown.js';
import { ciLogJson } from './ci-log-json.js';
import { findingLine, findingPath } from './finding-location.js';
import { asSentence, describeBaseline, describeCandidate, describeHolder } from './finding-prose.js';

/**
 * `busfactor check --format codeclimate`: the CodeClimate issue format GitLab reads as a Code
 * Quality report (docs/check.md, "Formats"). GitLab needs `description`, `check_name`,
 * `fingerprint`, `severity` and `location.path` with `lines.begin` on every issue; it shows the
 * description in one line, so line breaks from repository data become spaces there.
 */
interface CodeClimateIssue {
  readonly type: 'issue';
  readonly check_name: string;
  readonly description: string;
  readonly content: { readonly body: string };
  readonly categories: readonly string[];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
  readonly fingerprint: string;
  readonly severity: 'major' | 'minor';
}

export function renderCheckCodeClimate(result: CheckResult): string {
  return ciLogJson(result.findings.map(issue));
}

function issue(finding: Finding): CodeClimateIssue {
  return {
    type: 'issue',
    check_name: finding.rule,
    description: oneLine(finding.message),
    content: { body: markdownBody(finding) },
    // A knowledge concentration is a risk of future defects; no other category comes closer.
    categories: ['Bug Risk'],
    location: { path: findingPath(finding, { trailingSlash: false }), lines: { begin: findingLine(finding) ?? 1 } },
    fingerprint: finding.fingerprint,
    // An error fails the gate, a warning does not: GitLab's `major` and `minor`.
    severity: finding.level === 'error' ? 'major' : 'minor',
  };
}

function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' ').trim();
}

/** The details as Markdown (CodeClimate's `content.body`), every piece of repository data escaped. */
function markdownBody(finding: Finding): string {
  const paragraphs = [escapeMarkdownText(asSentence(finding.message))];
  const baseline = describeBaseline(finding);
  if (baseline) paragraphs.push(escapeMarkdownText(baseline));
  if (finding.holders.length > 0) {
    paragraphs.push(['Held by:', ...finding.holders.map((holder) => `- ${escapeMarkdownText(describeHolder(holder))}`)].join('\n'));
  }
  if (finding.remedy.trim()) paragraphs.push(`Remedy: ${escapeMarkdownText(asSentence(finding.remedy))}`);
  if (finding.candidates.length > 0) {
    paragraphs.push(['Reviewers to ask:', ...finding.candidates.map((candidate) => `- ${escapeMarkdownText(describeCandidate(candidate))}`)].join('\n'));
  }
  return paragraphs.join('\n\n');
}
