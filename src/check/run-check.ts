import path from 'node:path';
import { analyzeReport, type AnalyzeOptions } from '../analyze.js';
import { isRemoteTarget } from '../remote/resolve-target.js';
import { InputError } from '../errors.js';
import { requireGit } from '../engine/needs-git.js';
import { openRepository } from '../engine/open-repository.js';
import type { Report } from '../report/report.js';
import { TOOL_VERSION } from '../report/version.js';
import type { CheckPolicyValues } from '../settings/check-options.js';
import { ConfigError } from '../settings/load-config.js';
import type { Warning } from '../warnings.js';
import { applyBaseline, baselineText, readBaseline, type BaselineEntry } from './baseline.js';
import { changedFiles, type ChangedFiles } from './changed-files.js';
import { RULE_IDS, type BaselineSummary, type CheckMode, type CheckResult, type Finding } from './check-result.js';
import { evaluatePolicies } from './evaluate.js';
import { isEmptyPolicy, resolvePolicy, type CheckPolicy } from './policy.js';
import { RULES } from './rules.js';

export interface CheckOptions {
  /** The analysis, as `busfactor scan` would run it. */
  readonly analysis: AnalyzeOptions;
  /** The policy flags typed (settings/check-options.ts). */
  readonly flags: Partial<CheckPolicyValues>;
  /** Writes the baseline file for `--update-baseline` (atomically; the CLI's writer). */
  readonly writeFile: (file: string, text: string) => Promise<void>;
}

const SHALLOW =
  'this is a shallow clone: its history is cut off, so every bus factor would be wrong. Fetch the full history (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0; or git fetch --unshallow), or pass --allow-shallow';

const NO_POLICY = 'no policy to check: give a rule such as --min 2 or --module-min-active 1, or a "check" section in busfactor.json (docs/check.md)';

/**
 * `busfactor check` without the CLI (docs/check.md): one analysis (the scan's, unchanged), the
 * policies evaluated against its report, the baseline applied. Refusals — a shallow clone, a bad
 * baseline, a bad policy — are InputErrors (exit 2) raised before the analysis where they can be.
 */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { flags } = options;
  if (flags.updateBaseline && !flags.baseline) throw new InputError('--update-baseline needs --baseline FILE: the file to write');
  if (flags.updateBaseline && flags.changedSince) {
    throw new InputError('--update-baseline cannot be combined with --changed-since: the baseline covers the whole repository, so write it from a full check');
  }
  // The flags alone, validated before the analysis (a bad --max-drift fails at once).
  resolvePolicy({}, flags);
  // Before the analysis, so a shallow clone is refused at once. A URL's copy is a full clone of
  // busfactor's own, never shallow (docs/remote.md): it is fetched by the analysis itself, with git.
  if (!isRemoteTarget(options.analysis.path)) {
    const repo = await openRepository(options.analysis.path, { signal: options.analysis.signal, engine: options.analysis.engine });
    // Pull-request mode compares trees and logs a range with git itself (check/changed-files.ts).
    if (flags.changedSince) requireGit(repo, '--changed-since');
    if (repo.isShallow && !flags.allowShallow) throw new InputError(SHALLOW);
  }
  const baselineFile = flags.baseline ? path.resolve(flags.baseline) : undefined;
  // --update-baseline rewrites the file whatever it holds (an old version, a broken one): not read.
  const entries = baselineFile && !flags.updateBaseline ? await readBaseline(baselineFile) : undefined;
  if (baselineFile && entries === undefined && !flags.updateBaseline) {
    throw new InputError(`baseline ${flags.baseline as string}: no such file (write it once with --update-baseline, then commit it)`);
  }

  let policy: CheckPolicy | undefined;
  const session = await analyzeReport({
    ...options.analysis,
    // Every module a minimum could flag gets successors: what would raise it names people.
    successorsBelow: (settings) => {
      policy = resolvePolicy(settings.check.policy, flags);
      return highestModuleMinimum(policy);
    },
  });
  const { report, settings } = session;
  if (settings.check.problems.length > 0) throw new ConfigError(settings.check.problems[0] as string);
  policy ??= resolvePolicy(settings.check.policy, flags);
  if (isEmptyPolicy(policy)) throw new InputError(NO_POLICY);

  const warnings: Warning[] = [];
  const changed = flags.changedSince ? await changedFiles(session.repo, flags.changedSince, session.head, warnings, options.analysis.signal) : undefined;
  const touched = changed ? touchedModules(report, changed) : undefined;
  const authors = changed ? authorIds(report, changed.authors) : undefined;
  const evaluation = evaluatePolicies({ report, policy, ...(touched ? { touched: new Set(touched) } : {}), ...(authors ? { authors } : {}) });

  let findings: Finding[] = evaluation.findings;
  let baseline: BaselineSummary | undefined;
  if (baselineFile && flags.updateBaseline) {
    const text = baselineText(findings);
    await options.writeFile(baselineFile, text);
    const written = JSON.parse(text) as { findings: BaselineEntry[] };
    const applied = applyBaseline(findings, written.findings, evaluation.checks, flags.baseline as string);
    findings = applied.findings;
    baseline = { ...applied.summary, updated: true };
  } else if (entries) {
    const applied = applyBaseline(findings, entries, evaluation.checks, flags.baseline as string);
    findings = applied.findings;
    baseline = applied.summary;
  }
  // Known debt now warns: errors first again.
  findings = [...findings.filter((finding) => finding.level === 'error'), ...findings.filter((finding) => finding.level === 'warning')];

  const errors = findings.filter((finding) => finding.level === 'error').length;
  const ran = new Set(evaluation.checks.map((check) => check.rule));
  const mode: CheckMode = changed
    ? { kind: 'changed-since', since: changed.since, sinceCommit: changed.sinceCommit, base: changed.base, commits: changed.commits, files: changed.files.length, modules: touched ?? [] }
    : { kind: 'full' };
  return {
    schemaVersion: 1,
    kind: 'busfactor-check',
    tool: { name: 'busfactor', version: TOOL_VERSION },
    repository: { name: report.repository.name, scope: report.repository.scope },
    head: report.head,
    passed: errors === 0,
    counts: { errors, warnings: findings.length - errors, checks: evaluation.checks.length, ignoredModules: evaluation.ignoredModules },
    mode,
    ...(baseline ? { baseline } : {}),
    findings,
    checks: evaluation.checks,
    rules: RULE_IDS.filter((rule) => ran.has(rule)).map((rule) => RULES[rule]),
    warnings: [...report.warnings, ...evaluation.warnings, ...warnings],
  };
}

/** The highest module minimum of the policies (2 at least: the report's own default). */
function highestModuleMinimum(policy: CheckPolicy): number {
  const values = [policy.everyModule, ...policy.modules.map((entry) => entry.policy)].flatMap((scope) => [scope.min?.value ?? 0, scope.minActive?.value ?? 0]);
  return Math.max(2, ...values);
}

/** The people who wrote the changes, by the emails merged into them. */
function authorIds(report: Report, emails: readonly string[]): Set<string> {
  const wanted = new Set(emails);
  return new Set(report.people.filter((person) => person.emails.some((email) => wanted.has(email.toLowerCase()))).map((person) => person.id));
}

/** The modules holding a changed file (at the analysed commit), sorted by id. */
function touchedModules(report: Report, changed: ChangedFiles): string[] {
  const modulesOf = new Map(report.files.map((file) => [file.path, file.modules ?? []]));
  const touched = new Set<string>();
  for (const file of changed.files) for (const id of modulesOf.get(file) ?? []) touched.add(id);
  return [...touched].sort();
}
