import type { Warning } from '../warnings.js';

/**
 * The result of `busfactor check` (docs/check.md): every policy evaluated against one report, the
 * findings with who holds the knowledge and what would raise it. Plain data, sorted and
 * deterministic: every check format (text, JSON, SARIF, JUnit, Markdown, CodeClimate, GitHub
 * workflow commands) is a pure function of it. `--format json` prints it as is: a public contract
 * like the report's (adding fields is fine, renaming is not).
 */
export interface CheckResult {
  readonly schemaVersion: 1;
  readonly kind: 'busfactor-check';
  readonly tool: { readonly name: 'busfactor'; readonly version: string };
  readonly repository: { readonly name: string; readonly scope: string };
  /** Full id of the analysed commit. */
  readonly head: string;
  /** No finding at level `error`: the gate passes (exit 0); otherwise exit 1. */
  readonly passed: boolean;
  readonly counts: {
    readonly errors: number;
    readonly warnings: number;
    /** Checks evaluated (one per rule and subject), passed or not. */
    readonly checks: number;
    /** Modules left out by `ignore` (config `check.ignore`, `--ignore`). */
    readonly ignoredModules: number;
  };
  /** `full`: the whole repository; `changed-since`: only the modules a pull request touches. */
  readonly mode: CheckMode;
  /** Present with `--baseline`. */
  readonly baseline?: BaselineSummary;
  /** Errors first, then warnings; within a level by rule, then subject id. */
  readonly findings: readonly Finding[];
  /** Every check evaluated, passed or not, by rule then subject id (JUnit lists each as a test case); each failed one has exactly one finding. */
  readonly checks: readonly CheckOutcome[];
  /** The rules that ran, with their descriptions (SARIF lists one `reportingDescriptor` per rule). */
  readonly rules: readonly RuleDescription[];
  /** The report's warnings, then the check's own (a policy naming no module, a skipped rule). */
  readonly warnings: readonly Warning[];
}

export type CheckMode =
  | { readonly kind: 'full' }
  | {
      readonly kind: 'changed-since';
      /** The revision as given (`origin/main`), and the commit it names. */
      readonly since: string;
      readonly sinceCommit: string;
      /** The commit compared against: the revision itself, or its merge base with the head when it is not an ancestor. */
      readonly base: string;
      /** Commits from `base` to the head. */
      readonly commits: number;
      /** Files those commits changed (added, modified, deleted or renamed, both names of a rename). */
      readonly files: number;
      /** Ids of the modules those files belong to, sorted. Only their module checks ran. */
      readonly modules: readonly string[];
    };

/** The policy rules. Each is one SARIF rule, one JUnit test suite, one CodeClimate check name. */
export type RuleId =
  | 'min-bus-factor'
  | 'min-active-bus-factor'
  | 'max-lost'
  | 'min-stewardship-bus-factor'
  | 'min-active-stewardship-bus-factor'
  | 'max-codeowners-drift';

export const RULE_IDS: readonly RuleId[] = [
  'min-bus-factor',
  'min-active-bus-factor',
  'max-lost',
  'min-stewardship-bus-factor',
  'min-active-stewardship-bus-factor',
  'max-codeowners-drift',
];

export type Level = 'error' | 'warning';

export interface RuleDescription {
  readonly id: RuleId;
  /** A few words (`Minimum bus factor`). */
  readonly title: string;
  /** One or two sentences: what the rule measures and why it matters. */
  readonly description: string;
}

/** What a check is about. */
export interface Subject {
  /** `repository`; a module (`modules[]` of the report); a stewardship activity; a CODEOWNERS drift kind. */
  readonly kind: 'repository' | 'module' | 'stewardship' | 'codeowners';
  /**
   * Stable across runs: `repository`, the module id (`directory:lib/router`; a CODEOWNERS rule by
   * file and pattern, `codeowners:.github/CODEOWNERS:/src/api/`, as its module id is a line number
   * that moves), `stewardship:releases`, `codeowners:unowned`. Baselines and fingerprints are keyed by it.
   */
  readonly id: string;
  /** For people: the folder, the package name, the CODEOWNERS pattern, the activity. */
  readonly name: string;
  /** Modules: `directory`, `workspace`, `codeowners`, `config`. */
  readonly moduleKind?: string;
  /** Modules with a folder: the folder. */
  readonly path?: string;
}

/** One check: a rule applied to one subject. */
export interface CheckOutcome {
  readonly rule: RuleId;
  readonly subject: Subject;
  /** The figure measured: a bus factor, a share (0–1) of lost files, a count of drift findings. */
  readonly value: number;
  /** The limit: a minimum (`min-*` rules) or a maximum (`max-*` rules). */
  readonly threshold: number;
  readonly passed: boolean;
}

/** Someone who holds a subject's knowledge. */
export interface Holder {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Modules, repository: files they author; stewardship: their events (all history, or in the window for active rules). */
  readonly amount: number;
  /** `amount` as a share of the subject's files or events, 0–1. */
  readonly share: number;
  readonly departed: boolean;
}

/** A person who would spread a subject's knowledge: ask them to review, pair them with the holders. */
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Why them, in a few words (`knows 42 % of it, 17 recent changes`). */
  readonly evidence: string;
}

/** A check that did not pass: what, how far off, who holds it, what would raise it. */
export interface Finding extends CheckOutcome {
  readonly passed: false;
  /** The level it counts at: the policy's, or `warning` for known debt of the baseline. */
  readonly level: Level;
  /** The level the policy gives the rule. */
  readonly policyLevel: Level;
  /**
   * With `--baseline`: `debt` (in the baseline, no worse: a warning), `regression` (worse than the
   * baseline says), `new` (not in the baseline). Absent without a baseline.
   */
  readonly baseline?: 'debt' | 'regression' | 'new';
  /** The baseline's figure, when the subject is in it. */
  readonly baselineValue?: number;
  /** One plain sentence: subject, figure, limit (`lib/router has a bus factor of 1, below the minimum of 2`); the people are in `holders`. */
  readonly message: string;
  /** Who holds the knowledge, in the order the bus factor takes them; whether each has departed. */
  readonly holders: readonly Holder[];
  /** What would fix it, as a lower-case clause without a full stop (`have Bo Li review and pair on changes to it…`): formats add their own label. */
  readonly remedy: string;
  /** The people to ask for review or pairing, best first (a module's successors; others for stewardship). */
  readonly candidates: readonly Candidate[];
  /**
   * Where the subject is declared, for annotations: the module's CODEOWNERS line, its manifest
   * (`packages/api/package.json`), the config file. Absent for a plain folder or the repository.
   */
  readonly location?: { readonly file: string; readonly line?: number };
  /** Lowercase hex, stable across runs for the same rule and subject (SARIF `partialFingerprints`, CodeClimate `fingerprint`). */
  readonly fingerprint: string;
}

export interface BaselineSummary {
  /** As given (`--baseline`). */
  readonly file: string;
  /** Entries the baseline holds (after `--update-baseline`: the entries written). */
  readonly entries: number;
  /** Findings the baseline knows and that are no worse: warnings. */
  readonly debt: number;
  /** Findings worse than the baseline's figure. */
  readonly regressions: number;
  /** Findings the baseline does not know. */
  readonly new: number;
  /** Entries no finding matches any more: fixed since (`--update-baseline` drops them). */
  readonly fixed: number;
  /** The file was written by this run (`--update-baseline`). */
  readonly updated: boolean;
}
