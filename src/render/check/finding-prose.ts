import type { Candidate, Finding, Holder, RuleId } from '../../check/check-result.js';
import { percent, precisePercent } from '../../format.js';

/**
 * The wording the check formats share (SARIF, JUnit, CodeClimate, Markdown, workflow commands), as
 * plain text: each format escapes it for where it lands. One place, so a finding reads the same in
 * a code-scanning alert, a test report and a pull-request comment.
 */

/** `min-*` rules set a minimum, `max-*` rules a maximum (docs/check.md). */
export function limitKind(rule: RuleId): 'minimum' | 'maximum' {
  return rule.startsWith('max-') ? 'maximum' : 'minimum';
}

/**
 * A rule's figure: `max-lost` measures a share (0–1) of lost files, shown as a percentage with one
 * decimal at most, so that 25.4 % above a maximum of 25 % does not read "25% (maximum 25%)";
 * every other rule measures a bus factor or a count.
 */
export function formatFigure(rule: RuleId, value: number): string {
  return rule === 'max-lost' ? precisePercent(value) : String(value);
}

/** `1 (minimum 2)`, `40% (maximum 25%)`. */
export function figureWithLimit(outcome: { readonly rule: RuleId; readonly value: number; readonly threshold: number }): string {
  return `${formatFigure(outcome.rule, outcome.value)} (${limitKind(outcome.rule)} ${formatFigure(outcome.rule, outcome.threshold)})`;
}

/** `Ada Lovelace (80%, departed)`. */
export function describeHolder(holder: Holder): string {
  return `${holder.name} (${percent(holder.share)}${holder.departed ? ', departed' : ''})`;
}

/** `Bo Li (knows 42 % of it, 17 recent changes)`. */
export function describeCandidate(candidate: Candidate): string {
  return candidate.evidence ? `${candidate.name} (${candidate.evidence})` : candidate.name;
}

/** Ends a clause as a sentence, unless it already ends as one. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What the baseline says of the finding, when a baseline was given. */
export function describeBaseline(finding: Finding): string | undefined {
  const before = finding.baselineValue === undefined ? undefined : formatFigure(finding.rule, finding.baselineValue);
  switch (finding.baseline) {
    case undefined:
      return undefined;
    case 'debt':
      return before === undefined ? 'Known debt of the baseline.' : `Known debt of the baseline, which records ${before}.`;
    case 'regression':
      return before === undefined ? 'Worse than the baseline.' : `Worse than the baseline, which records ${before}.`;
    case 'new':
      return 'Not in the baseline.';
  }
}

/**
 * The finding in plain sentences: what is off, what the baseline says, who holds the knowledge,
 * what would raise it, whom to ask. Candidates are separated by semicolons because their evidence
 * has commas.
 */
export function findingSentences(finding: Finding, parts: { readonly candidates: boolean } = { candidates: true }): string[] {
  const sentences = [asSentence(finding.message)];
  const baseline = describeBaseline(finding);
  if (baseline) sentences.push(baseline);
  if (finding.holders.length > 0) sentences.push(`Held by ${finding.holders.map(describeHolder).join(', ')}.`);
  if (finding.remedy.trim()) sentences.push(`Remedy: ${asSentence(finding.remedy)}`);
  if (parts.candidates && finding.candidates.length > 0) {
    sentences.push(`Reviewers to ask: ${finding.candidates.map(describeCandidate).join('; ')}.`);
  }
  return sentences;
}
