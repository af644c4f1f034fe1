import { renameGroupPaths, type PathLineage } from '../history/lineage-collector.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship, AuthorshipOptions, FileDegrees } from './compute-authorship.js';

/** One file as a model rates it: everyone's degree, the best of them, and who authors it. */
export interface FileRating {
  readonly degrees: ReadonlyMap<number, number>;
  readonly best: number;
  readonly authors: readonly number[];
}

/**
 * A model's rating of one file from its rename group (docs/algorithms.md §1), skipping people
 * `skip` says to leave out (bots) and adding each person's counted changes to `changes` (the greedy
 * loop's tie-break). Undefined when the model has no data on the file (the recency window).
 */
export type RateFile = (group: ReadonlySet<string>, skip: (person: number) => boolean, changes: Int32Array) => FileRating | undefined;

/**
 * The author sets of the universe under one model: the walk both models share (files without
 * history, rename groups, bots, degrees relative to each file's best).
 */
export function authorSets(universe: readonly string[], lineages: ReadonlyMap<string, PathLineage>, people: People, options: AuthorshipOptions, rate: RateFile): Authorship {
  const files: string[] = [];
  const authors: Int32Array[] = [];
  const degrees: FileDegrees[] = [];
  const withoutHistory: string[] = [];
  const withoutRecentData: string[] = [];
  const changes = new Int32Array(people.people.length);
  const isBot = people.people.map((person) => person.bot && !options.includeBots);
  const skip = (person: number) => isBot[person] === true;
  for (const path of universe) {
    if (!lineages.has(path)) {
      withoutHistory.push(path);
      continue;
    }
    const rating = rate(renameGroupPaths([path], lineages), skip, changes);
    if (!rating) {
      withoutRecentData.push(path);
      continue;
    }
    files.push(path);
    authors.push(Int32Array.from(rating.authors).sort());
    degrees.push(fileDegrees(rating.degrees, rating.best));
  }
  return { files, authors, changes, withoutHistory, degrees, withoutRecentData };
}

/** The relative degrees of one file, from each person's degree and the best. */
export function fileDegrees(doas: ReadonlyMap<number, number>, best: number): FileDegrees {
  // Filled in one loop: TypedArray.from over an iterator, then a lookup per person, cost git/git
  // 40 ms for its 2,500 files.
  const people = new Int32Array(doas.size);
  const relative = new Float64Array(doas.size);
  let at = 0;
  for (const [person, doa] of doas) {
    people[at] = person;
    relative[at] = best > 0 ? Math.max(0, doa / best) : 0;
    at += 1;
  }
  return { people, relative };
}
