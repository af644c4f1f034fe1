import { count, plural, precisePercent as percent } from '../format.js';
import { STEWARDSHIP_KINDS, type ModuleReport, type Report } from '../report/report.js';
import type { Warning } from '../warnings.js';
import { RULE_IDS, type Candidate, type CheckOutcome, type Finding, type Holder, type RuleId, type Subject } from './check-result.js';
import { DRIFT_KINDS, type DriftKind } from './drift-kinds.js';
import {
  activityCandidates,
  activityHolders,
  activityNoun,
  activityRemedy,
  holdersOf,
  moduleLabel,
  peopleById,
  authorsRemedy,
  spreadRemedy,
  successorCandidates,
  type PeopleById,
} from './explain.js';
import { findingFingerprint } from './fingerprint.js';
import type { CheckPolicy, ScopePolicy, Threshold } from './policy.js';
import { closeMatches, moduleSelector, namesExactly, type Selector } from './select-modules.js';

/** What evaluating the policies against one report gives, before the baseline is applied. */
export interface Evaluation {
  readonly checks: CheckOutcome[];
  /** At the policy's level. */
  readonly findings: Finding[];
  readonly warnings: Warning[];
  readonly ignoredModules: number;
}

export interface EvaluationInput {
  readonly report: Report;
  readonly policy: CheckPolicy;
  /**
   * Pull-request mode: the ids of the modules the changes touch. Only their module rules run; the
   * repository-wide rules (repository, stewardship, CODEOWNERS drift) are left to the full check.
   */
  readonly touched?: ReadonlySet<string>;
  /** Pull-request mode: person ids of the changes' authors, never suggested as their own reviewers. */
  readonly authors?: ReadonlySet<string>;
}

/** The details of a failed check, beside its figures. */
interface Explanation {
  readonly message: string;
  readonly holders: readonly Holder[];
  readonly remedy: string;
  readonly candidates: readonly Candidate[];
  readonly location?: { readonly file: string; readonly line?: number };
}

/**
 * Evaluates every policy (docs/check.md, "Policies"). A `min` rule fails when the figure is below
 * its threshold, a `max` rule when it is above. Each failure explains itself: who holds the
 * knowledge, whether they left, who could spread it.
 */
export function evaluatePolicies(input: EvaluationInput): Evaluation {
  const { report, policy } = input;
  const people = peopleById(report);
  const checks: CheckOutcome[] = [];
  const findings: Finding[] = [];
  const warnings: Warning[] = [];
  const record = (rule: RuleId, subject: Subject, value: number, threshold: Threshold, kind: 'min' | 'max', explain: () => Explanation) => {
    const passed = kind === 'min' ? value >= threshold.value : value <= threshold.value;
    const outcome = { rule, subject, value, threshold: threshold.value };
    checks.push({ ...outcome, passed });
    if (passed) return;
    const explanation = explain();
    findings.push({
      ...outcome,
      passed: false,
      level: threshold.level,
      policyLevel: threshold.level,
      message: explanation.message,
      holders: explanation.holders,
      remedy: explanation.remedy,
      candidates: explanation.candidates,
      ...(explanation.location ? { location: explanation.location } : {}),
      fingerprint: findingFingerprint(rule, subject.id),
    });
  };

  const ignore = policy.ignore.map(moduleSelector);
  const entries = policy.modules.map((entry) => ({ ...entry, matcher: moduleSelector(entry.selector) }));
  warnings.push(...unmatchedSelectors([...entries.map((entry) => entry.matcher), ...ignore], report.modules));

  let ignoredModules = 0;
  for (const module of report.modules) {
    if (ignore.some((selector) => selector.matches(module))) {
      ignoredModules += 1;
      continue;
    }
    if (input.touched && !input.touched.has(module.id)) continue;
    const scope = modulePolicy(module, entries, policy.everyModule);
    const subject: Subject = { kind: 'module', id: subjectId(module), name: module.name, moduleKind: module.kind, ...(module.path !== undefined ? { path: module.path } : {}) };
    const location = module.definedIn;
    const explainBusFactor = (figure: string, value: number, limit: number) => (): Explanation => {
      const holders = holdersOf(module.keyPeople, people);
      const candidates = successorCandidates(module.successors, input.authors);
      // In pull-request mode the changes' own authors are not their reviewers; say so when they were the only candidates.
      const byAuthors = candidates.length === 0 && successorCandidates(module.successors).length > 0;
      return {
        message: `${moduleLabel(module)} has ${figure} of ${value}, below the minimum of ${limit}`,
        holders,
        remedy: byAuthors ? authorsRemedy(holders) : spreadRemedy(holders, candidates, 'it'),
        candidates,
        ...(location ? { location } : {}),
      };
    };
    if (scope.min) record('min-bus-factor', subject, module.busFactor, scope.min, 'min', explainBusFactor('a bus factor', module.busFactor, scope.min.value));
    if (scope.minActive) {
      record('min-active-bus-factor', subject, module.activeBusFactor, scope.minActive, 'min', explainBusFactor('an active bus factor (people still here)', module.activeBusFactor, scope.minActive.value));
    }
    if (scope.maxLost) {
      const share = module.files === 0 ? 0 : module.lostFiles / module.files;
      record('max-lost', subject, share, scope.maxLost, 'max', () => {
        const holders = holdersOf(module.keyPeople, people);
        const candidates = successorCandidates(module.successors, input.authors);
        return {
          message: `${moduleLabel(module)} has lost every author of ${percent(share)} of its files (${count(module.lostFiles)} of ${count(module.files)}), above the maximum of ${percent(scope.maxLost?.value ?? 0)}`,
          holders,
          remedy: candidates.length > 0 ? `give its lost files a new owner: ${candidates.map((candidate) => candidate.name).join(', ')} know the module best` : 'give its lost files a new owner: nobody still here has worked on them',
          candidates,
          ...(location ? { location } : {}),
        };
      });
    }
  }

  if (!input.touched) {
    repositoryChecks(report, policy.repository, people, record);
    stewardshipChecks(report, policy, record, warnings);
    driftChecks(report, policy, record, warnings);
  }

  const levelOrder = (finding: Finding) => (finding.level === 'error' ? 0 : 1);
  const byRuleAndSubject = (a: CheckOutcome, b: CheckOutcome) => ruleOrder(a.rule) - ruleOrder(b.rule) || (a.subject.id < b.subject.id ? -1 : a.subject.id > b.subject.id ? 1 : 0);
  checks.sort(byRuleAndSubject);
  findings.sort((a, b) => levelOrder(a) - levelOrder(b) || byRuleAndSubject(a, b));
  return { checks, findings, warnings, ignoredModules };
}

/**
 * A module's id as a check subject: the module id, except for CODEOWNERS rules, whose module ids
 * are line numbers (`codeowners:12`) that move when a line is added above: there the file and the
 * pattern, so a baseline entry and a fingerprint stay with their rule.
 */
export function subjectId(module: ModuleReport): string {
  return module.kind === 'codeowners' ? `codeowners:${module.definedIn?.file ?? 'CODEOWNERS'}:${module.name}` : module.id;
}

const ruleOrder = (rule: RuleId) => RULE_IDS.indexOf(rule);

type Record_ = (rule: RuleId, subject: Subject, value: number, threshold: Threshold, kind: 'min' | 'max', explain: () => Explanation) => void;

/**
 * A module's policy: per rule, an entry naming it exactly (id or name) wins over a glob; among
 * equals the later entry in the file wins; the `--module-*` flags win over both.
 */
function modulePolicy(module: ModuleReport, entries: readonly { selector: string; policy: ScopePolicy; matcher: Selector }[], every: ScopePolicy): ScopePolicy {
  const matching = entries.filter((entry) => entry.matcher.matches(module));
  const ranked = [...matching.filter((entry) => !namesExactly(entry.selector, module)), ...matching.filter((entry) => namesExactly(entry.selector, module))];
  const pick = (key: keyof ScopePolicy): Threshold | undefined => every[key] ?? ranked.map((entry) => entry.policy[key]).filter((value) => value !== undefined).at(-1);
  const min = pick('min');
  const minActive = pick('minActive');
  const maxLost = pick('maxLost');
  return { ...(min ? { min } : {}), ...(minActive ? { minActive } : {}), ...(maxLost ? { maxLost } : {}) };
}

/** A policy key or ignore entry that names no module: a warning with the closest ids, names or folders. */
function unmatchedSelectors(selectors: readonly Selector[], modules: readonly ModuleReport[]): Warning[] {
  const seen = new Set<string>();
  const warnings: Warning[] = [];
  for (const selector of selectors) {
    if (seen.has(selector.text) || modules.some((module) => selector.matches(module))) continue;
    seen.add(selector.text);
    const close = closeMatches(selector.text, modules);
    warnings.push({
      code: 'policy-unmatched',
      message: `check: no module matches "${selector.text}"${close.length > 0 ? ` (did you mean ${close.map((text) => `"${text}"`).join(', ')}?)` : ''}: its policy applies to nothing`,
    });
  }
  return warnings;
}

function repositoryChecks(report: Report, scope: ScopePolicy, people: PeopleById, record: Record_): void {
  const subject: Subject = { kind: 'repository', id: 'repository', name: report.repository.scope === '' ? report.repository.name : report.repository.scope };
  const what = report.repository.scope === '' ? 'the repository' : report.repository.scope;
  const bestModules = (): Candidate[] => {
    // The repository's successors: those of its riskiest modules, first come first.
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const module of [...report.modules].sort((a, b) => a.activeBusFactor - b.activeBusFactor || b.files - a.files)) {
      for (const candidate of successorCandidates(module.successors)) {
        if (seen.has(candidate.id) || candidates.length >= 3) continue;
        seen.add(candidate.id);
        candidates.push({ ...candidate, evidence: `in ${module.name}: ${candidate.evidence}` });
      }
    }
    return candidates;
  };
  // Holders are the key people over all history, each marked departed or not: who held it, and who of them is gone.
  const explain = (figure: string, value: number, limit: number, keyPeople: Report['keyPeople']) => (): Explanation => {
    const holders = holdersOf(keyPeople, people);
    const candidates = bestModules();
    return { message: `${what} has ${figure} of ${value}, below the minimum of ${limit}`, holders, remedy: spreadRemedy(holders, candidates, 'its riskiest modules'), candidates };
  };
  if (scope.min) record('min-bus-factor', subject, report.busFactor, scope.min, 'min', explain('a bus factor', report.busFactor, scope.min.value, report.keyPeople));
  if (scope.minActive) {
    record('min-active-bus-factor', subject, report.activeBusFactor, scope.minActive, 'min', explain('an active bus factor (people still here)', report.activeBusFactor, scope.minActive.value, report.keyPeople));
  }
  if (scope.maxLost) {
    const limit = scope.maxLost.value;
    record('max-lost', subject, report.lost.share, scope.maxLost, 'max', () => {
      const worst = report.lost.modules.slice(0, 3).map((loss) => report.modules.find((module) => module.id === loss.id)?.name ?? loss.id);
      return {
        message: `${what} has lost every author of ${percent(report.lost.share)} of its files (${count(report.lost.files)} of ${count(report.totals.files)}), above the maximum of ${percent(limit)}`,
        holders: [],
        remedy: worst.length > 0 ? `give the lost files a new owner, starting with ${worst.join(', ')}` : 'give the lost files a new owner',
        candidates: bestModules(),
      };
    });
  }
}

function stewardshipChecks(report: Report, policy: CheckPolicy, record: Record_, warnings: Warning[]): void {
  for (const kind of STEWARDSHIP_KINDS) {
    const rules = policy.stewardship[kind];
    if (!rules) continue;
    const activity = report.stewardship[kind];
    if (!activity.present || activity.busFactor === null || activity.activeBusFactor === null) {
      warnings.push({ code: 'rule-skipped', message: `check: the history shows no ${activityNoun(kind)}: its stewardship policy was not evaluated` });
      continue;
    }
    const subject: Subject = { kind: 'stewardship', id: `stewardship:${kind}`, name: kind };
    const buildFiles = kind === 'build' ? report.stewardship.build.files.length : undefined;
    const explain = (windowed: boolean, value: number, limit: number) => (): Explanation => {
      const holders = activityHolders(activity, windowed ? activity.activeKeyPeople : activity.keyPeople, windowed, buildFiles);
      const candidates = activityCandidates(activity, holders, kind);
      const span = windowed ? `an active bus factor (the last ${report.stewardship.window.age}, people still here)` : 'a bus factor (all history)';
      return { message: `${activityNoun(kind)} has ${span} of ${value}, below the minimum of ${limit}`, holders, remedy: activityRemedy(kind, candidates), candidates };
    };
    if (rules.min) record('min-stewardship-bus-factor', subject, activity.busFactor, rules.min, 'min', explain(false, activity.busFactor, rules.min.value));
    if (rules.minActive) record('min-active-stewardship-bus-factor', subject, activity.activeBusFactor, rules.minActive, 'min', explain(true, activity.activeBusFactor, rules.minActive.value));
  }
}

const DRIFT_REMEDY: Readonly<Record<DriftKind, string>> = {
  'owner-without-knowledge': 'update the rules, or have the declared owners learn the files they own',
  'key-person-not-owner': 'add the people who know the files as owners, or hand their knowledge to the declared owners',
  unowned: 'add rules for the files no rule owns',
};

function driftChecks(report: Report, policy: CheckPolicy, record: Record_, warnings: Warning[]): void {
  const kinds = DRIFT_KINDS.filter((kind) => policy.codeownersDrift[kind] !== undefined);
  if (kinds.length === 0) return;
  const codeowners = report.codeowners;
  if (!codeowners) {
    warnings.push({
      code: 'rule-skipped',
      message: 'check: CODEOWNERS drift was not evaluated: no CODEOWNERS rules among the modules (the repository has no CODEOWNERS file, or give --modules auto,codeowners)',
    });
    return;
  }
  for (const kind of kinds) {
    const limit = policy.codeownersDrift[kind] as Threshold;
    // Unverifiable key people (a rule naming teams or unmatched owners might include them) are not counted: precision first.
    const entries = codeowners.drift.filter((drift) => drift.kind === kind && !(drift.kind === 'key-person-not-owner' && drift.unverifiable));
    const value = kind === 'unowned' ? entries.reduce((sum, drift) => sum + (drift.kind === 'unowned' ? drift.files : 0), 0) : entries.length;
    const subject: Subject = { kind: 'codeowners', id: `codeowners:${kind}`, name: kind };
    record('max-codeowners-drift', subject, value, limit, 'max', () => {
      const first = entries[0];
      const examples = entries.slice(0, 3).map((drift) => {
        if (drift.kind === 'owner-without-knowledge') return `line ${drift.line}: ${drift.owner} authors none of "${drift.rule}"`;
        if (drift.kind === 'key-person-not-owner') return `line ${drift.line}: ${drift.name} holds ${plural(drift.files, 'file')} of "${drift.rule}" without owning it`;
        return drift.paths.slice(0, 3).join(', ');
      });
      const unit = kind === 'unowned' ? plural(value, 'file') : plural(value, 'finding');
      return {
        message: `${codeowners.file} has ${unit} of ${kind}, above the maximum of ${count(limit.value)}${examples.length > 0 ? ` (${examples.join('; ')})` : ''}`,
        holders: [],
        remedy: DRIFT_REMEDY[kind],
        candidates: [],
        location: { file: codeowners.file, ...(first && first.kind !== 'unowned' ? { line: first.line } : {}) },
      };
    });
  }
}
