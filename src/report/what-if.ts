import { greedyTruckFactor } from '../bus-factor/greedy-truck-factor.js';
import { compareForRemoval } from '../bus-factor/tie-break.js';
import type { KeyPerson, Report, ReportPerson } from './report.js';

/**
 * The report's authorship in the shape the greedy loop takes: person indices instead of ids.
 * Authorship is fixed once the history is scanned, so any scope (a folder, the repository) and any
 * set of people leaving is one greedy run over this index: no rescan (docs/algorithms.md §2).
 */
export interface AuthorshipIndex {
  /** `report.people` in order; a person's index is their position here. */
  readonly people: readonly ReportPerson[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Author indices of `report.files[i]`. */
  readonly fileAuthors: readonly Int32Array[];
  /** The greedy loop's order between people who author as many files (`bus-factor/tie-break.ts`). */
  readonly tieBreak: (a: number, b: number) => number;
}

export function indexAuthorship(report: Report): AuthorshipIndex {
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const fileAuthors = report.files.map((file) => Int32Array.from(file.authors, (id) => indexOf.get(id) ?? -1).filter((index) => index >= 0));
  const tieBreak = compareForRemoval(report.people, report.people.map((person) => person.changes));
  return { people: report.people, indexOf, fileAuthors, tieBreak };
}

/** A scope's bus factor, as `ModuleReport` has it, for any set of files and people leaving. */
export interface ScopeScore {
  readonly files: number;
  readonly busFactor: number;
  /** Removal order, among the people who stay. */
  readonly keyPeople: readonly KeyPerson[];
  /** Files with an author among the people who stay. */
  readonly authoredFiles: number;
  /** Person indices of everyone who authors a file of the scope, leaving or not. */
  readonly authors: ReadonlySet<number>;
}

/**
 * The greedy truck factor of the files `fileIndices` (indices into `report.files`), as if the
 * people in `leaving` (person indices) authored nothing.
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
    return { id: who?.id ?? '', name: who?.name ?? '', email: who?.emails[0] ?? '', files, share: result.files === 0 ? 0 : files / result.files };
  });
  return { files: result.files, busFactor: result.busFactor, keyPeople, authoredFiles: result.authoredFiles, authors };
}

/** Indices into `report.files` of the files below a folder (`''` = every file). */
export function filesBelow(report: Report, folder: string): number[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const indices: number[] = [];
  report.files.forEach((file, i) => {
    if (file.path.startsWith(prefix)) indices.push(i);
  });
  return indices;
}
