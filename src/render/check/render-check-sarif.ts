import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CheckResult, Finding, RuleDescription } from '../../check/check-result.js';
import { ciLogJson } from './ci-log-json.js';
import { findingLine, findingPath, toUriReference } from './finding-location.js';
import { findingSentences, limitKind } from './finding-prose.js';

/**
 * `busfactor check --format sarif`: SARIF 2.1.0 for GitHub code scanning and any other SARIF
 * viewer (docs/check.md, "Formats"). One rule per policy rule, one result per finding. Deterministic:
 * no dates, no absolute paths, so the same check gives the same file.
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/busfactor/busfactor';
/** Every uri is relative to the repository root, named by this base id (SARIF §3.4.4). */
const SRCROOT = '%SRCROOT%';

export function renderCheckSarif(result: CheckResult): string {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index] as const));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            informationUri: INFORMATION_URI,
            rules: result.rules.map(reportingDescriptor),
          },
        },
        // GitHub keeps one set of alerts per category: this id is ours (a trailing slash: no run id).
        automationDetails: { id: 'busfactor/check/' },
        // The root's absolute URI is left out (SARIF §3.14.14 allows it): it would differ per machine
        // and reveal the runner's file system; GitHub resolves %SRCROOT% to the checkout.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the analysed repository.' } } },
        results: result.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.rule))),
      },
    ],
  };
  return ciLogJson(log);
}

/** `min-bus-factor` → `MinBusFactor`: SARIF's `name` is an identifier-like word (§3.49.7). */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function reportingDescriptor(rule: RuleDescription): ReportingDescriptor {
  const breach = limitKind(rule.id) === 'minimum' ? 'below the minimum' : 'above the maximum';
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    defaultConfiguration: { level: 'error' },
    help: { text: `${rule.description} A check fails when its figure is ${breach} the policy sets; see docs/check.md.` },
  };
}

function sarifResult(finding: Finding, ruleIndex: number | undefined): Result {
  const line = findingLine(finding);
  const baselineState = sarifBaselineState(finding);
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: finding.level,
    message: { text: plainTextMessage(findingSentences(finding).join(' ')) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriReference(findingPath(finding, { trailingSlash: true })), uriBaseId: SRCROOT },
          ...(line === undefined ? {} : { region: { startLine: line } }),
        },
      },
    ],
    partialFingerprints: { 'busfactor/v1': finding.fingerprint },
    ...(baselineState ? { baselineState } : {}),
    properties: {
      subjectId: finding.subject.id,
      subjectKind: finding.subject.kind,
      subjectName: finding.subject.name,
      value: finding.value,
      threshold: finding.threshold,
      policyLevel: finding.policyLevel,
      ...(finding.baseline ? { baseline: finding.baseline } : {}),
      ...(finding.baselineValue === undefined ? {} : { baselineValue: finding.baselineValue }),
      holders: finding.holders.map((holder) => ({ ...holder })),
      candidates: finding.candidates.map((candidate) => ({ ...candidate })),
    },
  };
}

/**
 * A plain-text SARIF message reads `[text](target)` as an embedded link (§3.11.6), so a name like
 * `[x](javascript:…)` would become one in a viewer: brackets (and the backslash that escapes them)
 * are backslash-escaped, which §3.11.6 defines as literal brackets.
 */
export function plainTextMessage(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

/**
 * SARIF's own baseline vocabulary (§3.27.24), beside our `properties.baseline`: known debt whose
 * figure moved (but not past the baseline's) has changed, so it is `updated`, like a regression.
 */
function sarifBaselineState(finding: Finding): Result.baselineState | undefined {
  switch (finding.baseline) {
    case undefined:
      return undefined;
    case 'new':
      return 'new';
    case 'regression':
      return 'updated';
    case 'debt':
      return finding.baselineValue === undefined || finding.baselineValue === finding.value ? 'unchanged' : 'updated';
  }
}
