import type { CacheUse } from '../cache/cache-use.js';
import type { ExclusionReason } from '../files/types.js';
import type { Warning } from '../warnings.js';

/**
 * The report model: one versioned plain-data object that every output is a pure function of.
 * `--json` prints it as is. Fields documented here are a public contract: never rename or
 * remove them within a schema version; adding fields is fine. Sorted, deterministic, no absolute
 * paths, no clock time.
 */
export interface Report {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'busfactor'; readonly version: string };
  readonly repository: {
    /** The repository folder's name (no path). */
    readonly name: string;
    /** Folder the analysis is limited to (`packages/api/`), '' for the whole repository. */
    readonly scope: string;
    readonly objectFormat: string;
    readonly shallow: boolean;
  };
  /**
   * Present when the repository was given as a URL (docs/remote.md): the URL analysed, without any
   * user name or password (an ssh user name stays: it is no secret). The analysis ran on the
   * copy busfactor keeps of it.
   */
  readonly source?: ReportSource;
  /** Full id of the analysed commit. */
  readonly head: string;
  /** The revision as given (`--rev`, default `HEAD`). */
  readonly revision: string;
  /**
   * Author time of the analysed commit, ISO 8601 UTC (its committer time when the author time is
   * unusable); null when neither is a real date (a forged commit; `warnings` has `bad-dates`).
   */
  readonly headTime: string | null;
  /**
   * `avl`: the published Avelino et al. model (docs/algorithms.md §1); `recency`: JetBrains'
   * recency-weighted model (§3).
   */
  readonly algorithm: 'avl' | 'recency';
  /**
   * The analysed commit's committer time, ISO 8601 UTC: what ages (departed people, the recency
   * window) are measured from; null when it has no usable date.
   */
  readonly referenceTime: string | null;
  /** The repository's (or scope's) bus factor. */
  readonly busFactor: number;
  /** The bus factor counted over people still here: departed people author nothing (docs/algorithms.md §6). */
  readonly activeBusFactor: number;
  /** The people the greedy loop removed among those still here. */
  readonly activeKeyPeople: readonly KeyPerson[];
  /** Knowledge already gone: files whose every author has departed. */
  readonly lost: LostKnowledge;
  /** Present with `--without`: every bus factor as if those people left. */
  readonly whatIf?: WhatIf;
  /** Share of files still authored by someone once the key people are removed. */
  readonly coverage: number;
  readonly totals: ReportTotals;
  /** The people the greedy loop removed, in removal order. */
  readonly keyPeople: readonly KeyPerson[];
  /** Everyone in the history, most commits first. */
  readonly people: readonly ReportPerson[];
  /**
   * The modules of the kinds chosen (`--modules`): directories sorted by path, workspaces by path,
   * CODEOWNERS rules by line, configured modules by name, in the order of `settings.moduleKinds`
   * (renderers sort by risk themselves). Modules with no counted file are left out.
   */
  readonly modules: readonly ModuleReport[];
  /** Every counted file with its authors, sorted by path. */
  readonly files: readonly FileReport[];
  /**
   * Tree entries left out of the analysis, per reason; `no-history` counts files whose path never
   * appears in the kept history (docs/algorithms.md §1: skipped, not counted at all), `no-author` files
   * only commits without any author or committer identity changed (skipped as the reference does),
   * `no-recent-data` (recency model) files with no change in its 547-day window.
   */
  readonly excluded: Readonly<Partial<Record<ExclusionReason | 'no-history' | 'no-author' | 'no-recent-data', number>>>;
  readonly settings: ReportSettings;
  readonly warnings: readonly Warning[];
  /** Present when line ownership ran (`--lines`): surviving lines per person, repository-wide. */
  readonly lineOwnership?: LineOwnership;
  /** Present when CODEOWNERS rules are modules (`--modules codeowners`) and the file exists. */
  readonly codeowners?: CodeownersReport;
  /**
   * Who runs the project (docs/stewardship.md): integration, releases, review, build and delivery.
   * Always of the whole repository, also when the analysis is limited to a folder.
   */
  readonly stewardship: Stewardship;
  /**
   * How this run used the cache (docs/cache.md): `hit` the analysed commit's states were loaded,
   * `extended` a cached ancestor's states were extended with the commits since, `cold` nothing
   * usable was cached (the run stored its states), `off` no cache (`--no-cache`, a library call,
   * a shallow clone, or a cache folder that cannot be used). No other field depends on it.
   */
  readonly cache: CacheUse;
}

/** Where a repository given as a URL came from. */
export interface ReportSource {
  readonly url: string;
}

/** The four stewardship activities, by key. */
export type StewardshipKind = 'integration' | 'releases' | 'review' | 'build';
export const STEWARDSHIP_KINDS: readonly StewardshipKind[] = ['integration', 'releases', 'review', 'build'];

export interface Stewardship {
  /** `--stewardship-window` as given (`1y`), and the dates it spans (ISO 8601 UTC; null without a usable analysed-commit date). */
  readonly window: { readonly age: string; readonly from: string | null; readonly to: string | null };
  readonly integration: IntegrationActivity;
  readonly releases: ReleaseActivity;
  readonly review: ReviewActivity;
  readonly build: BuildActivity;
}

/**
 * One activity. Counted activities (integration, releases, review): the bus factor is the fewest
 * people whose events are more than half of all events — `busFactor` over all history, anyone;
 * `activeBusFactor` over the window, only people still here (0 when they together did no more than
 * half, or nobody did it in the window). Build: the AVL authorship of the build files and the greedy
 * truck factor, over everyone and over people still here. An activity the history shows none of is
 * `present: false` with null bus factors: absent, not a bus factor of 0.
 */
export interface StewardshipActivity {
  readonly present: boolean;
  readonly busFactor: number | null;
  readonly activeBusFactor: number | null;
  /** Person ids, in the order the bus factor takes them (all history; the window, people still here). */
  readonly keyPeople: readonly string[];
  readonly activeKeyPeople: readonly string[];
  /** Events by people (bots left out unless `--include-bots`), all history and within the window. */
  readonly events: number;
  readonly windowEvents: number;
  /** Events by bots, not counted (0 with `--include-bots`, where bots are people). */
  readonly botEvents: number;
  /** Everyone with an event, most events in the window first, then most events, then id. */
  readonly people: readonly StewardPerson[];
}

export interface StewardPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly events: number;
  /** `events` as a share of the activity's events, 0–1. */
  readonly share: number;
  readonly windowEvents: number;
  readonly windowShare: number;
  /** ISO 8601 UTC time of their latest event; null when none is dated. */
  readonly last: string | null;
  readonly departed: boolean;
  readonly bot: boolean;
  /** Build: build files they author (AVL). */
  readonly files?: number;
  /** Releases: the name of their latest release. */
  readonly lastTag?: string;
  /** Review: commits they gave each kind of trailer on. */
  readonly kinds?: ReviewKinds;
}

export interface ReviewKinds {
  readonly reviewed: number;
  readonly acked: number;
  readonly tested: number;
  readonly signedOff: number;
}

export interface IntegrationActivity extends StewardshipActivity {
  /** Merge commits, each credited to whoever made it. */
  readonly merges: number;
  /** Non-merge commits committed by someone other than their author (applied, rebased, squashed). */
  readonly landed: number;
  /**
   * Non-merge commits a hosting platform's web interface committed (`GitHub <noreply@github.com>`:
   * squash and rebase merges, web edits): who landed them is not recorded, so they count for nobody.
   */
  readonly unattributed: number;
}

export interface ReleaseTag {
  readonly tag: string;
  /** ISO 8601 UTC: the tag's date (an annotated tag's tagger date, else the tagged commit's committer date). */
  readonly at: string | null;
  /** Person id of who made it. */
  readonly by: string;
}

export interface ReleaseActivity extends StewardshipActivity {
  /** Tags in the repository. */
  readonly tags: number;
  /** Release tags counted (made up to the analysed commit). */
  readonly releases: number;
  /** Tags not counted, by reason. */
  readonly ignored: {
    /** The name is not a release's (docs/stewardship.md; the config's `stewardship.releaseTags`). */
    readonly notRelease: number;
    /** It tags a tree or a blob, not a commit. */
    readonly notCommit: number;
    /** Made after the analysed commit: dated later, and tagging another commit. */
    readonly afterAnalysed: number;
    /** Nobody is named: no tagger and no committer. */
    readonly anonymous: number;
  };
  /** Release cadence: releases within the window, and the median days between consecutive ones (null below two). */
  readonly windowReleases: number;
  readonly medianDaysBetween: number | null;
  /** The latest releases, newest first (at most 10). */
  readonly recent: readonly ReleaseTag[];
}

export interface ReviewActivity extends StewardshipActivity {
  /** Trailers counted (from someone other than the author), by kind. */
  readonly kinds: ReviewKinds;
}

export interface BuildActivity extends StewardshipActivity {
  /** The build and delivery files of the analysed commit, with their AVL authors (person ids), sorted by path. */
  readonly files: readonly { readonly path: string; readonly category: string; readonly authors: readonly string[] }[];
}

/** Files whose every author has departed, for the repository and per module (most lost first). */
export interface LostKnowledge {
  readonly files: number;
  /** `files` as a share of the counted files, 0–1. */
  readonly share: number;
  /** Modules with at least one lost file. */
  readonly modules: readonly ModuleLoss[];
}

export interface ModuleLoss {
  readonly id: string;
  readonly files: number;
  readonly share: number;
}

/** `--without`: the bus factors as if these people left (before → after). */
export interface WhatIf {
  readonly without: readonly { readonly id: string; readonly name: string }[];
  readonly busFactor: BeforeAfter;
  readonly activeBusFactor: BeforeAfter;
  /** Every module, in `modules[]` order. */
  readonly modules: readonly { readonly id: string; readonly busFactor: BeforeAfter; readonly activeBusFactor: BeforeAfter }[];
  /** The stewardship activities present in the history. */
  readonly stewardship: Partial<Record<StewardshipKind, { readonly busFactor: BeforeAfter; readonly activeBusFactor: BeforeAfter }>>;
}

export interface BeforeAfter {
  readonly before: number;
  readonly after: number;
}

/** An active person who could take a module over, with the evidence (docs/algorithms.md §6). */
export interface Successor {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Mean over the module's files of their degree of authorship relative to each file's best (an author counts 1), 0–1. */
  readonly knowledge: number;
  /** Module files they author. */
  readonly authoredFiles: number;
  /** Module files they changed at all. */
  readonly touchedFiles: number;
  /** Their changes to the module's files within `--departed-after` of the analysed commit. */
  readonly recentChanges: number;
  /** With line ownership: their surviving lines in the module. */
  readonly lines?: number;
}

/**
 * The CODEOWNERS file against the history (docs/json-report.md, "codeowners"): every rule with the
 * files it finally owns, their bus factor and key people, and where declaration and knowledge part.
 */
export interface CodeownersReport {
  /** Where the file is (`.github/CODEOWNERS`). */
  readonly file: string;
  readonly rules: readonly CodeownersRuleReport[];
  /** Every owner named in the file, and whom in the history it was matched to. */
  readonly owners: readonly CodeownersOwner[];
  /** Every drift finding of every rule, then the files no rule owns. */
  readonly drift: readonly CodeownersDrift[];
}

export interface CodeownersRuleReport {
  /** The module's id (`codeowners:<line>`), also in `modules[]` when the rule owns files. */
  readonly id: string;
  /** The pattern as written in the file. */
  readonly pattern: string;
  readonly line: number;
  /** GitLab sections only. */
  readonly section?: string;
  /** As written: `@user`, `@org/team`, emails. */
  readonly owners: readonly string[];
  /** Counted files the rule finally owns (last match wins). */
  readonly files: number;
  readonly busFactor: number;
  readonly keyPeople: readonly KeyPerson[];
  readonly drift: readonly CodeownersDrift[];
}

export interface CodeownersOwner {
  /** As written in the file. */
  readonly owner: string;
  readonly type: 'user' | 'team' | 'email';
  /** Person id it was matched to; absent when it could not be (teams never are: not expandable offline). */
  readonly person?: string;
  /** How: the person's email, their `users.noreply.github.com` address, or the config's `aliases`. */
  readonly matchedBy?: 'email' | 'noreply' | 'alias';
}

/**
 * - `owner-without-knowledge`: a declared owner (matched to a person) authors none of the rule's files;
 * - `key-person-not-owner`: a key person of the rule's files is not among its owners (`unverifiable`
 *   when the rule names teams or owners that could not be matched: they might include them);
 * - `unowned`: counted files no rule owns.
 */
export type CodeownersDrift =
  | { readonly kind: 'owner-without-knowledge'; readonly rule: string; readonly line: number; readonly owner: string; readonly person: string }
  | { readonly kind: 'key-person-not-owner'; readonly rule: string; readonly line: number; readonly person: string; readonly name: string; readonly files: number; readonly unverifiable: boolean }
  | { readonly kind: 'unowned'; readonly files: number; readonly paths: readonly string[] };

/** Who wrote the lines that survive at the analysed commit (docs/line-ownership.md), for a scope. */
export interface LineOwnership {
  /** Surviving lines of the scope's text files. */
  readonly lines: number;
  /** Most lines first. */
  readonly owners: readonly LineShare[];
  /** Files and modules where one person owns at least 90 % of the lines ("knowledge islands"). */
  readonly islands: readonly KnowledgeIsland[];
}

export interface LineShare {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly lines: number;
  /** `lines` as a share of the scope's lines, 0–1. */
  readonly share: number;
}

export interface KnowledgeIsland {
  readonly kind: 'file' | 'module';
  /** The file, or the module's folder (its name when it has none). */
  readonly path: string;
  /** Modules: the module's id. */
  readonly module?: string;
  /** Person id of the owner. */
  readonly owner: string;
  readonly lines: number;
  readonly share: number;
}

export interface ReportTotals {
  /** Files the bus factor is computed on (N). */
  readonly files: number;
  /** Files with at least one author. */
  readonly authoredFiles: number;
  /** Commits reachable from the analysed commit (merges included). */
  readonly commits: number;
  /** People (after identity merging), bots included. */
  readonly people: number;
  /** People who author at least one file. */
  readonly authors: number;
}

/** A person in a key-people list. */
export interface KeyPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Files this person authors in the scope of the list (repository or module). */
  readonly files: number;
  /** `files` as a share of the scope's files, 0–1. */
  readonly share: number;
}

export interface ReportPerson {
  /** Stable id: the lower-cased email (or name) this person used most. */
  readonly id: string;
  readonly name: string;
  /** Every email merged into this person, most used first. */
  readonly emails: readonly string[];
  /** Every name merged into this person, most used first. */
  readonly names: readonly string[];
  readonly commits: number;
  /** Commits they are a credited co-author of (`--co-authors credit`; 0 otherwise). */
  readonly coAuthored: number;
  /** ISO 8601 UTC author time of their first and last commit; null when none has a usable date. */
  readonly firstCommitAt: string | null;
  readonly lastCommitAt: string | null;
  /**
   * ISO 8601 UTC time of their last activity of any kind: a commit authored, or committed, merged,
   * tagged or reviewed (docs/stewardship.md); what `departed` is measured by. null when none is dated.
   */
  readonly lastActiveAt: string | null;
  readonly bot: boolean;
  /** Has left: no activity within `--departed-after` of the analysed commit, or the config says so. */
  readonly departed: boolean;
  /** Why: `inactive` (the age rule) or `config` (`people.departed`). Absent for people still here. */
  readonly departure?: 'inactive' | 'config';
  /** Files of the universe this person authors (AVL). */
  readonly filesAuthored: number;
  /**
   * Creations + deliveries over the counted files: the greedy loop's tie-break between people who
   * author as many files (what-if views recompute bus factors with it).
   */
  readonly changes: number;
}

export interface ModuleReport {
  /** Unique: `directory:lib/router`, `workspace:packages/api`, `codeowners:12`, `config:billing`. */
  readonly id: string;
  readonly kind: 'directory' | 'workspace' | 'codeowners' | 'config';
  /** The folder, the package's name, the CODEOWNERS pattern as written, the configured name. */
  readonly name: string;
  /** The folder (directories, workspaces), without trailing slash. */
  readonly path?: string;
  /** Directories: folder depth below the analysed scope (1 = top level). */
  readonly depth?: number;
  /** CODEOWNERS rules: the declared owners, as written. */
  readonly owners?: readonly string[];
  /**
   * Where the module is declared, from the top of the repository: its CODEOWNERS file and line, its
   * package manifest (`packages/api/package.json`), the repository's busfactor.json. Absent for folders.
   */
  readonly definedIn?: { readonly file: string; readonly line?: number };
  readonly files: number;
  readonly busFactor: number;
  /** The module's bus factor over people still here. */
  readonly activeBusFactor: number;
  /** Removal order within the module. */
  readonly keyPeople: readonly KeyPerson[];
  /** Files of the module whose every author has departed. */
  readonly lostFiles: number;
  /** When the active bus factor is 0 or 1: who could take it over, best first. */
  readonly successors?: readonly Successor[];
  /** Distinct people who author at least one of its files. */
  readonly authors: number;
  /** Files of the module nobody authors. */
  readonly orphanFiles: number;
  /** With line ownership: the module's surviving lines and who wrote them. */
  readonly lines?: number;
  readonly lineOwners?: readonly LineShare[];
}

export interface FileReport {
  readonly path: string;
  /** Ids of the people who author it (AVL), in `people[]` order. */
  readonly authors: readonly string[];
  /** Ids of the modules (`modules[]`) it belongs to; absent when none. */
  readonly modules?: readonly string[];
  /** Present (true) when every author has departed. */
  readonly lost?: true;
  /** With line ownership: surviving lines at the analysed commit (absent for binary files). */
  readonly lines?: number;
  /** With line ownership: who introduced the surviving lines, most lines first. */
  readonly owners?: readonly LineOwner[];
}

/** One person's surviving lines in one file (`name`, `email`, `lines`: a public contract). */
export interface LineOwner {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly lines: number;
}

export interface ReportSettings {
  readonly depth: number;
  readonly minFiles: number;
  readonly includeBots: boolean;
  readonly allText: boolean;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /**
   * `similarity` (`-M`); `partly-exact` when some commits needed missing objects and were scanned
   * with exact renames only (`-M100%`; the warning says how many); `exact` for every commit under
   * the isomorphic-git engine, which has no similarity detection (docs/engine.md).
   */
  readonly renames: 'similarity' | 'partly-exact' | 'exact';
  /** What read the repository (docs/engine.md): `git`, or `isomorphic-git` on a machine without it. */
  readonly engine: 'git' | 'isomorphic-git';
  /** Line ownership ran (`--lines`). */
  readonly lines: boolean;
  /** Line ownership followed first parents only. */
  readonly firstParent: boolean;
  /** Line ownership honoured the repository's `.git-blame-ignore-revs`, if it has one. */
  readonly ignoreRevs: boolean;
  /** The module kinds asked for (`--modules`), as given (`auto` included). */
  readonly moduleKinds: readonly string[];
  /** `--departed-after`, as given (`1y`). */
  readonly departedAfter: string;
  /** The co-author policy that ran (`auto` resolved). */
  readonly coAuthors: 'ignore' | 'credit';
  /** `--without`, as given. */
  readonly without: readonly string[];
  /** `--stewardship-window`, as given (`1y`). */
  readonly stewardshipWindow: string;
  /** The config's `stewardship` lists: release tag globs (empty: the default rule), extra and excluded build files. */
  readonly releaseTags: readonly string[];
  readonly buildFiles: readonly string[];
  readonly notBuildFiles: readonly string[];
  /** Names of the configured modules (the config file's `modules`). */
  readonly configuredModules: readonly string[];
  /** The config file used: the repository's own (`busfactor.json`) or `--config FILE`. */
  readonly config?: { readonly source: 'repository' | 'file'; readonly path: string };
}
