import { greedyTruckFactor, type TruckFactorResult } from '../bus-factor/greedy-truck-factor.js';
import { compareForRemoval } from '../bus-factor/tie-break.js';
import type { FileUniverse } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship } from '../knowledge/compute-authorship.js';
import { directoryModules } from '../modules/directory-modules.js';
import type { LineOwnershipResult } from '../ownership/line-ownership.js';
import type { Warning } from '../warnings.js';
import { LineShares, type ScopeLines } from './line-shares.js';
import type { KeyPerson, ModuleReport, Report, ReportSettings } from './report.js';
import { TOOL_VERSION } from './version.js';

export interface ReportInput {
  readonly repo: Repository;
  readonly head: string;
  readonly revision: string;
  /** Seconds since the epoch; undefined when the analysed commit has no usable date. */
  readonly headTime: number | undefined;
  readonly commits: number;
  readonly people: People;
  readonly authorship: Authorship;
  readonly universe: FileUniverse;
  readonly warnings: readonly Warning[];
  readonly algorithm: Report['algorithm'];
  readonly settings: ReportSettings;
  /** Of `authorship.withoutHistory`, the files only commits without any identity changed (`no-author`). */
  readonly withoutAuthor: readonly string[];
  /** Surviving lines per file, when line ownership ran. */
  readonly ownership?: LineOwnershipResult;
}

/** ISO 8601 UTC, or null for a date the history does not give (a forged or damaged commit). */
const isoTime = (seconds: number | undefined): string | null => (seconds === undefined ? null : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));

/** The universe's exclusions plus the files the history cannot attribute, by cause. */
function excludedWithHistory(excluded: Report['excluded'], withoutHistory: readonly string[], withoutAuthor: readonly string[]): Report['excluded'] {
  const noAuthor = withoutAuthor.length;
  const noHistory = withoutHistory.length - noAuthor;
  return { ...excluded, ...(noHistory > 0 ? { 'no-history': noHistory } : {}), ...(noAuthor > 0 ? { 'no-author': noAuthor } : {}) };
}

/** Assembles the report: repository and module bus factors from one authorship computation. */
export function buildReport(input: ReportInput): Report {
  const { people, authorship, settings } = input;
  const tieBreak = compareForRemoval(people.people, authorship.changes);
  const keyPeopleOf = (result: TruckFactorResult): KeyPerson[] =>
    result.keyPeople.map(({ person, files }) => {
      const who = people.people[person];
      return { id: who?.id ?? '', name: who?.name ?? '', email: who?.email ?? '', files, share: result.files === 0 ? 0 : files / result.files };
    });

  const repoResult = greedyTruckFactor({ fileAuthors: authorship.authors, tieBreak });
  const shares = input.ownership ? new LineShares(input.ownership.files, people) : undefined;
  const folders = directoryModules(authorship.files, { depth: settings.depth, minFiles: settings.minFiles, scope: input.repo.scope }).map((module) => ({
    ...module,
    paths: module.files.map((index) => authorship.files[index] as string),
  }));
  // Line shares per module, once: the modules' lines and the module islands both come from them.
  const moduleLines = folders.map((module) => shares?.scope(module.paths));
  const modules: ModuleReport[] = folders.map((module, i) => {
    const fileAuthors = module.files.map((index) => authorship.authors[index] as Int32Array);
    const result = greedyTruckFactor({ fileAuthors, tieBreak });
    const authors = new Set<number>();
    for (const list of fileAuthors) for (const person of list) authors.add(person);
    const lines = moduleLines[i];
    return {
      path: module.path,
      depth: module.depth,
      files: result.files,
      busFactor: result.busFactor,
      keyPeople: keyPeopleOf(result),
      authors: authors.size,
      orphanFiles: result.files - result.authoredFiles,
      ...(lines ? { lines: lines.lines, lineOwners: lines.owners } : {}),
    };
  });

  const filesAuthored = new Int32Array(people.people.length);
  for (const list of authorship.authors) for (const person of list) filesAuthored[person] = (filesAuthored[person] as number) + 1;

  return {
    schemaVersion: 1,
    tool: { name: 'busfactor', version: TOOL_VERSION },
    repository: { name: input.repo.name, scope: input.repo.scope, objectFormat: input.repo.objectFormat, shallow: input.repo.isShallow },
    head: input.head,
    revision: input.revision,
    headTime: isoTime(input.headTime),
    algorithm: input.algorithm,
    busFactor: repoResult.busFactor,
    coverage: repoResult.coverage,
    totals: {
      files: repoResult.files,
      authoredFiles: repoResult.authoredFiles,
      commits: input.commits,
      people: people.people.length,
      authors: filesAuthored.filter((count) => count > 0).length,
    },
    keyPeople: keyPeopleOf(repoResult),
    people: people.people.map((person) => ({
      id: person.id,
      name: person.name,
      emails: person.emails,
      names: person.names,
      commits: person.commits,
      firstCommitAt: isoTime(person.firstCommitAt),
      lastCommitAt: isoTime(person.lastCommitAt),
      bot: person.bot,
      filesAuthored: filesAuthored[person.index] as number,
      changes: authorship.changes[person.index] as number,
    })),
    modules,
    files: authorship.files.map((path, index) => ({
      path,
      authors: Array.from(authorship.authors[index] as Int32Array, (person) => people.people[person]?.id ?? ''),
      ...shares?.file(path),
    })),
    excluded: excludedWithHistory(input.universe.excluded, authorship.withoutHistory, input.withoutAuthor),
    settings,
    warnings: input.warnings,
    ...(shares ? { lineOwnership: { ...shares.scope(authorship.files), islands: shares.islands(folders.map((m, i) => ({ path: m.path, ...(moduleLines[i] as ScopeLines) }))) } } : {}),
  };
}
