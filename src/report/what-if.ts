import { greedyTruckFactor } from '../bus-factor/greedy-truck-factor.js';
import { compareForRemoval } from '../bus-factor/tie-break.js';
import type { KeyPerson, Report } from './report.js';

/** Who a person index stands for, as key-people lists show them. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/**
 * Authorship in the shape the greedy loop takes: person indices instead of ids. Authorship is
 * fixed once the history is scanned, so any set of files (a module of any kind, the repository)
 * and any set of people leaving is one greedy run over this index: no rescan (docs/algorithms.md
 * §2). The report is built with it, and the explorer's what-if rebuilds it from the report.
 */
export interface AuthorshipIndex {
  readonly people: readonly PersonRef[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Author indices of each counted file (`report.files[i]`). */
  readonly fileAuthors: readonly Int32Array[];
  /** The greedy loop's order between people who author as many files (`bus-factor/tie-break.ts`). */
  readonly tieBreak: (a: number, b: number) => number;
}

/** The index of a finished report: what the explorer and every later view score with. */
export function indexAuthorship(report: Report): AuthorshipIndex {
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const fileAuthors = report.files.map((file) => Int32Array.from(file.authors, (id) => indexOf.get(id) ?? -1).filter((index) => index >= 0));
  return authorshipIndex(report.people.map((person) => ({ id: person.id, name: person.name, email: person.emails[0] ?? '', changes: person.changes })), fileAuthors);
}

/**
 * The index from people (in `report.people` order, with their tie-break changes) and each file's
 * author indices: how the HTML report's page builds it from its embedded data (report-client/).
 */
export function authorshipIndex(people: readonly (PersonRef & { readonly changes: number; readonly idRank?: number })[], fileAuthors: readonly Int32Array[]): AuthorshipIndex {
  const ranked = people.every((person) => person.idRank !== undefined);
  return {
    people: people.map(({ id, name, email }) => ({ id, name, email })),
    indexOf: new Map(people.map((person, index) => [person.id, index])),
    fileAuthors,
    // Pseudonymized ids (--anonymize) sort differently: the ranks of the real ids break ties then.
    tieBreak: compareForRemoval(people, people.map((person) => person.changes), ranked ? people.map((person) => person.idRank ?? 0) : undefined),
  };
}

/**
 * Files lost with `gone` (person indices) gone (docs/algorithms.md §6): every author is among
 * them. Files nobody authors are orphans, not lost: nobody held them to lose.
 */
export function lostFileFlags(fileAuthors: readonly ArrayLike<number>[], gone: ReadonlySet<number>): boolean[] {
  return fileAuthors.map((authors) => {
    if (authors.length === 0) return false;
    for (let i = 0; i < authors.length; i += 1) if (!gone.has(authors[i] as number)) return false;
    return true;
  });
}

/** A set of files' bus factor, as `ModuleReport` has it, for any set of people leaving. */
export interface ScopeScore {
  readonly files: number;
  readonly busFactor: number;
  /** Removal order, among the people who stay. */
  readonly keyPeople: readonly KeyPerson[];
  /** Files with an author among the people who stay. */
  readonly authoredFiles: number;
  /** Share of files still authored when the greedy loop stopped. */
  readonly coverage: number;
  /** Person indices of everyone who authors a file of the scope, leaving or not. */
  readonly authors: ReadonlySet<number>;
}

/**
 * The one scoring function: the greedy truck factor of the files `fileIndices` (indices into the
 * counted files), as if the people in `leaving` (person indices) authored nothing.
 */
export function scoreFiles(index: AuthorshipIndex, fileIndices: ArrayLike<number>, leaving: ReadonlySet<number> = new Set()): ScopeScore {
  const fileAuthors: Int32Array[] = [];
  const authors = new Set<number>();
  for (let i = 0; i < fileIndices.length; i += 1) {
    const list = index.fileAuthors[fileIndices[i] as number] ?? new Int32Array();
    fileAuthors.push(list);
    for (const person of list) authors.add(person);
  }
  const result = greedyTruckFactor({ fileAuthors, tieBreak: index.tieBreak, without: leaving });
  const keyPeople = result.keyPeople.map(({ person, files }): KeyPerson => {
    const who = index.people[person];
    return { id: who?.id ?? '', name: who?.name ?? '', email: who?.email ?? '', files, share: result.files === 0 ? 0 : files / result.files };
  });
  return { files: result.files, busFactor: result.busFactor, keyPeople, authoredFiles: result.authoredFiles, coverage: result.coverage, authors };
}

/** Every module's files (indices into `report.files`), from `files[].modules`, by module id. */
export function moduleMembers(report: Report): Map<string, number[]> {
  const members = new Map<string, number[]>(report.modules.map((module) => [module.id, []]));
  report.files.forEach((file, index) => {
    for (const id of file.modules ?? []) members.get(id)?.push(index);
  });
  return members;
}
