import type { ModuleReport } from '../report/report.js';
import type { Warning } from '../warnings.js';
import type { ComparableSettings } from './comparable-settings.js';

/**
 * The organisation view (docs/org.md, "The view"): which repositories hang on whom, and who is a key
 * person in many. One versioned plain-data object built from per-repository reports — by `busfactor
 * org` from its own analyses, by `busfactor aggregate` from JSON reports made elsewhere — that every
 * org output is a pure function of; `--format json` prints it as is. Sorted and deterministic: the
 * same reports give the same view, in any order and with any `--jobs`.
 */
export interface OrgView {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'busfactor'; readonly version: string };
  /** The settings that make figures comparable, the same for every repository (aggregate refuses otherwise; org warns). */
  readonly settings: ComparableSettings | null;
  readonly totals: OrgTotals;
  /** Riskiest first: active bus factor ascending, then lost share descending, then bus factor ascending, then more files, then name. */
  readonly repositories: readonly OrgRepository[];
  /** People who are a key person of at least one repository: key in the most repositories first. */
  readonly people: readonly OrgPerson[];
  /** Departed people who still author files somewhere: key in the most of those first, then most files. */
  readonly departed: readonly DepartedHolder[];
  /** Repositories that could not be analysed, in the order they were named. */
  readonly failures: readonly OrgFailure[];
  /** About the view as a whole (settings that differ between repositories, a repository counted once). */
  readonly warnings: readonly Warning[];
}

export interface OrgTotals {
  /** Repositories in the view. */
  readonly repositories: number;
  /** Repositories that could not be analysed (`failures`). */
  readonly failed: number;
  /** Distinct people across the repositories (matched by email, docs/org.md), bots included. */
  readonly people: number;
  /** Distinct people who are a key person somewhere (`people`). */
  readonly keyPeople: number;
  /** Distinct departed people who still author files somewhere (`departed`). */
  readonly departedHolders: number;
  /** Counted files and commits, summed over the repositories. */
  readonly files: number;
  readonly commits: number;
}

/** One repository's figures, from its report. */
export interface OrgRepository {
  /** Unique in the view: the report's repository name (`/scope` when a folder was analysed); where two collide, their file stems. */
  readonly name: string;
  /** Where it came from: the folder or URL (org), the report file (aggregate). */
  readonly source: string;
  readonly head: string;
  readonly headTime: string | null;
  readonly referenceTime: string | null;
  readonly busFactor: number;
  readonly activeBusFactor: number;
  /** The report's `lost`: files whose every author has departed, and their share of the counted files. */
  readonly lost: { readonly files: number; readonly share: number };
  readonly files: number;
  readonly commits: number;
  readonly people: number;
  readonly authors: number;
  /** The report's key people in removal order, each with the org-wide person id (`people[].id`). */
  readonly keyPeople: readonly OrgKeyPerson[];
  readonly activeKeyPeople: readonly OrgKeyPerson[];
  /** The report's modules, in its order (the explorer's tree below the repository). */
  readonly modules: readonly OrgModule[];
  /** The report's warnings (a shallow clone among them). */
  readonly warnings: readonly Warning[];
}

export interface OrgKeyPerson {
  /** The org-wide person id. */
  readonly person: string;
  readonly name: string;
  readonly email: string;
  readonly files: number;
  readonly share: number;
  /** Departed in this repository. */
  readonly departed: boolean;
}

export interface OrgModule {
  readonly id: string;
  readonly kind: ModuleReport['kind'];
  readonly name: string;
  readonly path?: string;
  readonly files: number;
  readonly busFactor: number;
  readonly activeBusFactor: number;
  readonly lostFiles: number;
  readonly keyPeople: readonly OrgKeyPerson[];
}

/** A person across repositories: every report's people sharing an email, transitively. */
export interface OrgPerson {
  /** The report id of their identity with the most commits (a lower-cased email, or name). */
  readonly id: string;
  /** The name of that identity. */
  readonly name: string;
  /** Every email of theirs in any report, lower-cased, sorted. */
  readonly emails: readonly string[];
  /** Repositories where they are a key person (`keyPeople`), and where among the active key people. */
  readonly keyIn: number;
  readonly activeKeyIn: number;
  /** Files they author, summed over the repositories. */
  readonly files: number;
  /** Every repository where they author files: key ones first, then most files, then name. */
  readonly repositories: readonly PersonInRepository[];
}

export interface PersonInRepository {
  /** `repositories[].name`. */
  readonly repository: string;
  readonly key: boolean;
  readonly activeKey: boolean;
  readonly departed: boolean;
  readonly files: number;
  /** `files` as a share of the repository's counted files, 0–1. */
  readonly share: number;
  readonly commits: number;
}

/** A person departed in some repository whose files there still name them as an author. */
export interface DepartedHolder {
  readonly person: string;
  readonly name: string;
  readonly emails: readonly string[];
  /** Files they author in the repositories they have departed from. */
  readonly files: number;
  /** Of those repositories, where they are still a key person. */
  readonly keyIn: number;
  /** The repositories they have departed from and still author files of: key first, then most files. */
  readonly repositories: readonly { readonly repository: string; readonly files: number; readonly share: number; readonly key: boolean }[];
  /** Repositories where the same person is still here (worth asking them). */
  readonly activeIn: readonly string[];
}

export interface OrgFailure {
  /** A name for it: the file stem (org), the file (aggregate). */
  readonly repository: string;
  /** As the user named it: a folder, a list line, a URL. */
  readonly source: string;
  /** The one-line error, as `busfactor scan` would print it, without `busfactor: error: `. */
  readonly error: string;
}
