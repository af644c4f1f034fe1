import type { CheckOutcome, CheckResult, Finding, RuleId } from '../../check/check-result.js';
import { escapeXmlAttribute, escapeXmlText } from '../escape-xml.js';
import { figureWithLimit, findingSentences } from './finding-prose.js';

/**
 * `busfactor check --format junit`: JUnit XML for CI test-report views (GitLab, Jenkins, Azure,
 * test-reporter actions; docs/check.md, "Formats"). Every check evaluated is a test case, grouped
 * in one suite per rule, so a report shows what passed too. Only a finding at level `error` is a
 * failure: a warning (known debt of the baseline, a rule at level `warning`) does not fail the gate,
 * so it must not fail the test report either; its details go to the test case's output instead.
 */
export function renderCheckJunit(result: CheckResult): string {
  const findings = new Map(result.findings.map((finding) => [checkKey(finding), finding] as const));
  const suites = [...groupByRule(result.checks)].map(([rule, checks]) => renderSuite(rule, checks, findings));
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="busfactor check" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites.flatMap((suite) => suite.lines),
    '</testsuites>',
    '',
  ].join('\n');
}

function checkKey(check: CheckOutcome): string {
  return `${check.rule}\u0000${check.subject.id}`;
}

/** The checks come sorted by rule (check-result.ts): the suites keep that order. */
function groupByRule(checks: readonly CheckOutcome[]): Map<RuleId, CheckOutcome[]> {
  const groups = new Map<RuleId, CheckOutcome[]>();
  for (const check of checks) {
    const group = groups.get(check.rule);
    if (group) group.push(check);
    else groups.set(check.rule, [check]);
  }
  return groups;
}

interface Suite {
  readonly tests: number;
  readonly failures: number;
  readonly lines: readonly string[];
}

function renderSuite(rule: RuleId, checks: readonly CheckOutcome[], findings: ReadonlyMap<string, Finding>): Suite {
  const cases = checks.map((check) => renderCase(check, findings.get(checkKey(check))));
  const failures = cases.filter((testCase) => testCase.failed).length;
  return {
    tests: checks.length,
    failures,
    lines: [
      `  <testsuite name="${escapeXmlAttribute(rule)}" tests="${checks.length}" failures="${failures}" errors="0" skipped="0">`,
      ...cases.flatMap((testCase) => testCase.lines),
      '  </testsuite>',
    ],
  };
}

function renderCase(check: CheckOutcome, finding: Finding | undefined): { failed: boolean; lines: string[] } {
  const open = `    <testcase classname="${escapeXmlAttribute(`busfactor.${check.rule}`)}" name="${escapeXmlAttribute(check.subject.id)}"`;
  const type = escapeXmlAttribute(check.rule);
  if (finding?.level === 'warning') {
    return {
      failed: false,
      lines: [
        `${open}>`,
        '      <properties>',
        '        <property name="level" value="warning"/>',
        ...(finding.baseline ? [`        <property name="baseline" value="${escapeXmlAttribute(finding.baseline)}"/>`] : []),
        '      </properties>',
        `      <system-out>${details(finding)}</system-out>`,
        '    </testcase>',
      ],
    };
  }
  if (finding) {
    return {
      failed: true,
      lines: [
        `${open}>`,
        `      <failure message="${escapeXmlAttribute(finding.message)}" type="${type}">${details(finding)}</failure>`,
        '    </testcase>',
      ],
    };
  }
  if (!check.passed) {
    // A failed check always has a finding (check-result.ts); should one be missing, the test case
    // still fails rather than pass silently.
    const message = `${check.subject.name}: ${figureWithLimit(check)}`;
    return { failed: true, lines: [`${open}>`, `      <failure message="${escapeXmlAttribute(message)}" type="${type}"/>`, '    </testcase>'] };
  }
  return { failed: false, lines: [`${open}/>`] };
}

/**
 * One sentence a line, as element text: test-report views show it as it is. Each sentence is
 * escaped on its own, so a line break inside a name stays a character reference and only these
 * breaks are raw (escape-xml.ts).
 */
function details(finding: Finding): string {
  return findingSentences(finding).map(escapeXmlText).join('\n');
}
