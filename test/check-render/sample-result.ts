import type { CheckOutcome, CheckResult, Finding, Holder, RuleDescription } from '../../src/check/check-result.js';

/**
 * Hand-built check results for the renderer tests: the renderers are pure functions of the result,
 * so each test states its input in full rather than running git.
 */

export const RULES: readonly RuleDescription[] = [
  { id: 'min-bus-factor', title: 'Minimum bus factor', description: 'How many people would have to leave before a module has no author left. Below two, one departure loses it.' },
  { id: 'min-active-bus-factor', title: 'Minimum active bus factor', description: 'The bus factor over the people still here.' },
  { id: 'max-lost', title: 'Maximum lost knowledge', description: 'The share of files whose every author has departed.' },
  { id: 'min-stewardship-bus-factor', title: 'Minimum stewardship bus factor', description: 'How many people do an activity such as releases.' },
  { id: 'min-active-stewardship-bus-factor', title: 'Minimum active stewardship bus factor', description: 'The stewardship bus factor in the window, people still here.' },
  { id: 'max-codeowners-drift', title: 'Maximum CODEOWNERS drift', description: 'CODEOWNERS findings of a kind: owners without knowledge, key people who are not owners, unowned files.' },
];

export const HEAD = '0123456789abcdef0123456789abcdef01234567';
export const BASE = 'fedcba9876543210fedcba9876543210fedcba98';

export const ADA: Holder = { id: 'p1', name: 'Ada Lovelace', email: 'ada@example.com', amount: 8, share: 0.8, departed: false };
export const ADA_DEPARTED: Holder = { ...ADA, amount: 9, share: 0.9, departed: true };
const BO = { id: 'p2', name: 'Bo Li', email: 'bo@example.com', evidence: 'knows 42 % of it, 17 recent changes' };
const CY = { id: 'p3', name: 'Cy Young', email: 'cy@example.com', evidence: 'knows 10 % of it, 3 recent changes' };

/** A CODEOWNERS module: its location is the rule's line. */
const CODEOWNERS_MODULE: Finding = {
  rule: 'min-bus-factor',
  subject: { kind: 'module', id: 'codeowners:3', name: '/src/billing/', moduleKind: 'codeowners' },
  value: 1,
  threshold: 2,
  passed: false,
  level: 'error',
  policyLevel: 'error',
  baseline: 'new',
  message: '/src/billing/ has a bus factor of 1, below the minimum of 2',
  holders: [ADA],
  remedy: 'have Bo Li review changes to it',
  candidates: [BO],
  location: { file: '.github/CODEOWNERS', line: 3 },
  fingerprint: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

/** A plain folder: no location, so SARIF points at the folder. */
const DIRECTORY_MODULE: Finding = {
  rule: 'min-bus-factor',
  subject: { kind: 'module', id: 'directory:lib/router', name: 'lib/router', moduleKind: 'directory', path: 'lib/router' },
  value: 1,
  threshold: 2,
  passed: false,
  level: 'error',
  policyLevel: 'error',
  baseline: 'regression',
  baselineValue: 2,
  message: 'lib/router has a bus factor of 1, below the minimum of 2',
  holders: [ADA_DEPARTED],
  remedy: 'pair Bo Li or Cy Young with Ada Lovelace on it',
  candidates: [BO, CY],
  fingerprint: '1b2c3d4e5f60718293a4b5c6d7e8f90a',
};

const REPOSITORY_LOST: Finding = {
  rule: 'max-lost',
  subject: { kind: 'repository', id: 'repository', name: 'acme' },
  value: 0.254,
  threshold: 0.25,
  passed: false,
  level: 'error',
  policyLevel: 'error',
  baseline: 'new',
  message: 'acme has lost 25.4% of its files, above the maximum of 25%',
  holders: [ADA_DEPARTED],
  remedy: 'have someone still here take over the files of Ada Lovelace',
  candidates: [],
  fingerprint: '2c3d4e5f60718293a4b5c6d7e8f90a1b',
};

const STEWARDSHIP: Finding = {
  rule: 'min-stewardship-bus-factor',
  subject: { kind: 'stewardship', id: 'stewardship:releases', name: 'releases' },
  value: 1,
  threshold: 2,
  passed: false,
  level: 'error',
  policyLevel: 'error',
  baseline: 'new',
  message: 'releases have a stewardship bus factor of 1, below the minimum of 2',
  holders: [{ ...ADA, amount: 12, share: 1 }],
  remedy: 'let Bo Li cut the next release with Ada Lovelace',
  candidates: [{ ...BO, evidence: 'cut 1 of the last 13 releases' }],
  fingerprint: '3d4e5f60718293a4b5c6d7e8f90a1b2c',
};

/** Known debt of the baseline: a warning although its policy says error. */
const DEBT: Finding = {
  rule: 'min-active-bus-factor',
  subject: DIRECTORY_MODULE.subject,
  value: 0,
  threshold: 1,
  passed: false,
  level: 'warning',
  policyLevel: 'error',
  baseline: 'debt',
  baselineValue: 0,
  message: 'lib/router has an active bus factor of 0, below the minimum of 1',
  holders: [ADA_DEPARTED],
  remedy: 'have Bo Li or Cy Young take over lib/router',
  candidates: [BO, CY],
  fingerprint: '4e5f60718293a4b5c6d7e8f90a1b2c3d',
};

/** A rule at level warning, located in the CODEOWNERS file without a line. */
const DRIFT: Finding = {
  rule: 'max-codeowners-drift',
  subject: { kind: 'codeowners', id: 'codeowners:unowned', name: 'unowned' },
  value: 3,
  threshold: 0,
  passed: false,
  level: 'warning',
  policyLevel: 'warning',
  baseline: 'new',
  message: '3 files match no CODEOWNERS rule, above the maximum of 0',
  holders: [],
  remedy: 'add CODEOWNERS rules for them',
  candidates: [],
  location: { file: '.github/CODEOWNERS' },
  fingerprint: '5f60718293a4b5c6d7e8f90a1b2c3d4e',
};

export const FAILING_FINDINGS = { CODEOWNERS_MODULE, DIRECTORY_MODULE, REPOSITORY_LOST, STEWARDSHIP, DEBT, DRIFT };

function outcome(finding: Finding): CheckOutcome {
  return { rule: finding.rule, subject: finding.subject, value: finding.value, threshold: finding.threshold, passed: false };
}

const API = { kind: 'module', id: 'workspace:packages/api', name: '@acme/api', moduleKind: 'workspace', path: 'packages/api' } as const;

/** Failing: four errors, two warnings, with a baseline, in pull-request mode. */
export const FAILING: CheckResult = {
  schemaVersion: 1,
  kind: 'busfactor-check',
  tool: { name: 'busfactor', version: '0.1.0' },
  repository: { name: 'acme', scope: '' },
  head: HEAD,
  passed: false,
  counts: { errors: 4, warnings: 2, checks: 10, ignoredModules: 1 },
  mode: { kind: 'changed-since', since: 'origin/main', sinceCommit: BASE, base: BASE, commits: 3, files: 7, modules: ['codeowners:3', 'directory:lib/router', 'workspace:packages/api'] },
  baseline: { file: '.busfactor-baseline.json', entries: 3, debt: 1, regressions: 1, new: 4, fixed: 1, updated: false },
  findings: [CODEOWNERS_MODULE, DIRECTORY_MODULE, REPOSITORY_LOST, STEWARDSHIP, DEBT, DRIFT],
  checks: [
    outcome(CODEOWNERS_MODULE),
    outcome(DIRECTORY_MODULE),
    { rule: 'min-bus-factor', subject: API, value: 3, threshold: 2, passed: true },
    outcome(DEBT),
    { rule: 'min-active-bus-factor', subject: API, value: 2, threshold: 1, passed: true },
    outcome(REPOSITORY_LOST),
    outcome(STEWARDSHIP),
    { rule: 'min-stewardship-bus-factor', subject: { kind: 'stewardship', id: 'stewardship:integration', name: 'integration' }, value: 2, threshold: 2, passed: true },
    outcome(DRIFT),
    { rule: 'max-codeowners-drift', subject: { kind: 'codeowners', id: 'codeowners:owner-without-knowledge', name: 'owner-without-knowledge' }, value: 0, threshold: 0, passed: true },
  ],
  rules: RULES.filter((rule) => rule.id !== 'min-active-stewardship-bus-factor'),
  warnings: [{ code: 'no-recent-data', message: 'No commit in the last 12 months: every active bus factor is 0.' }],
};

/** Passing: the whole repository, every check passed, no finding. */
export const PASSING: CheckResult = {
  schemaVersion: 1,
  kind: 'busfactor-check',
  tool: { name: 'busfactor', version: '0.1.0' },
  repository: { name: 'acme', scope: '' },
  head: HEAD,
  passed: true,
  counts: { errors: 0, warnings: 0, checks: 2, ignoredModules: 0 },
  mode: { kind: 'full' },
  findings: [],
  checks: [
    { rule: 'min-bus-factor', subject: { kind: 'repository', id: 'repository', name: 'acme' }, value: 3, threshold: 2, passed: true },
    { rule: 'min-bus-factor', subject: API, value: 2, threshold: 2, passed: true },
  ],
  rules: RULES.filter((rule) => rule.id === 'min-bus-factor'),
  warnings: [],
};

/** Everything a hostile repository can put in names, emails and paths. */
export const HOSTILE_NAME = 'Eve "</table><script>alert(1)</script>" & Co | 50%: a,b \u0007 ]]> \n::error::x [x](javascript:alert(1)) @octocat ##[error]y';
export const HOSTILE_PATH = 'lib/a|b <script>&"%:,\u0007]]>\n::error::x';
export const HOSTILE_FILE = 'docs/a b%,:]]>.md';

const HOSTILE_FINDING: Finding = {
  rule: 'min-bus-factor',
  subject: { kind: 'module', id: `directory:${HOSTILE_PATH}`, name: HOSTILE_PATH, moduleKind: 'directory', path: HOSTILE_PATH },
  value: 1,
  threshold: 2,
  passed: false,
  level: 'error',
  policyLevel: 'error',
  message: `${HOSTILE_PATH} has a bus factor of 1, below the minimum of 2`,
  holders: [{ id: 'p9', name: HOSTILE_NAME, email: 'eve@example.com\n::error::x', amount: 1, share: 1, departed: true }],
  remedy: `have ${HOSTILE_NAME} review changes to it`,
  candidates: [{ id: 'p8', name: HOSTILE_NAME, email: 'mallory@example.com', evidence: 'knows 1 % of it, 1 recent change' }],
  fingerprint: '60718293a4b5c6d7e8f90a1b2c3d4e5f',
};

const HOSTILE_LOCATED: Finding = {
  ...HOSTILE_FINDING,
  rule: 'min-active-bus-factor',
  subject: { kind: 'module', id: 'config:evil', name: HOSTILE_NAME, moduleKind: 'config' },
  level: 'warning',
  policyLevel: 'warning',
  message: `${HOSTILE_NAME} has an active bus factor of 0, below the minimum of 1`,
  value: 0,
  threshold: 1,
  location: { file: HOSTILE_FILE, line: 7 },
  fingerprint: '718293a4b5c6d7e8f90a1b2c3d4e5f60',
};

export const HOSTILE: CheckResult = {
  ...FAILING,
  repository: { name: HOSTILE_NAME, scope: '' },
  counts: { errors: 1, warnings: 1, checks: 2, ignoredModules: 0 },
  mode: { kind: 'changed-since', since: HOSTILE_NAME, sinceCommit: BASE, base: BASE, commits: 1, files: 1, modules: [HOSTILE_FINDING.subject.id, 'config:evil'] },
  baseline: undefined,
  findings: [HOSTILE_FINDING, HOSTILE_LOCATED],
  checks: [outcome(HOSTILE_FINDING), outcome(HOSTILE_LOCATED)],
  rules: RULES.filter((rule) => rule.id === 'min-bus-factor' || rule.id === 'min-active-bus-factor'),
  warnings: [{ code: 'module-unmatched', message: `no module matches "${HOSTILE_NAME}"` }],
};

/** `count` module findings at level error (min-bus-factor), for the size limits. */
export function manyFindings(count: number): CheckResult {
  const findings = Array.from({ length: count }, (_, i): Finding => {
    const path = `packages/module-${String(i).padStart(3, '0')}`;
    return {
      ...CODEOWNERS_MODULE,
      subject: { kind: 'module', id: `directory:${path}`, name: path, moduleKind: 'directory', path },
      baseline: undefined,
      message: `${path} has a bus factor of 1, below the minimum of 2`,
      location: undefined,
      fingerprint: i.toString(16).padStart(32, '0'),
    };
  });
  return {
    ...FAILING,
    mode: { kind: 'full' },
    baseline: undefined,
    counts: { errors: count, warnings: 0, checks: count, ignoredModules: 0 },
    findings,
    checks: findings.map(outcome),
  };
}
