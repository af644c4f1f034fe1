import { compareForRemoval } from '../bus-factor/tie-break.js';
import type { FileUniverse } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship } from '../knowledge/compute-authorship.js';
import type { ModuleDefinition } from '../modules/module-definition.js';
import type { LineOwnershipResult } from '../ownership/line-ownership.js';
import type { Warning } from '../warnings.js';
import { LineShares, type ScopeLines } from './line-shares.js';
import { codeownersReport } from './codeowners-report.js';
import type { ModuleReport, Report, ReportSettings } from './report.js';
import { scoreFiles, type AuthorshipIndex, type ScopeScore } from './what-if.js';
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
  /** Every module of the kinds chosen (modules/module-providers.ts), empty ones included. */
  readonly modules: readonly ModuleDefinition[];
  /** The config's aliases: CODEOWNERS @handles of people. */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
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

/** Assembles the report: the repository's and every module's bus factor, from one authorship index. */
export function buildReport(input: ReportInput): Report {
  const { people, authorship, settings } = input;
  const index: AuthorshipIndex = {
    people: people.people.map((person) => ({ id: person.id, name: person.name, email: person.email })),
    indexOf: new Map(people.people.map((person) => [person.id, person.index])),
    fileAuthors: authorship.authors,
    tieBreak: compareForRemoval(people.people, authorship.changes),
  };
  const everyFile = authorship.files.map((_, i) => i);
  const repoScore = scoreFiles(index, everyFile);
  const shares = input.ownership ? new LineShares(input.ownership.files, people) : undefined;
  const listed = input.modules.filter((module) => module.files.length > 0);
  // Line shares per module, once: the modules' lines and the module islands both come from them.
  const moduleLines = listed.map((module) => shares?.scope(module.files.map((i) => authorship.files[i] as string)));
  const modules: ModuleReport[] = listed.map((module, i) => moduleReport(module, scoreFiles(index, module.files), moduleLines[i]));
  const membership = authorship.files.map((): string[] => []);
  for (const module of listed) for (const file of module.files) membership[file]?.push(module.id);

  const filesAuthored = new Int32Array(people.people.length);
  for (const list of authorship.authors) for (const person of list) filesAuthored[person] = (filesAuthored[person] as number) + 1;
  const codeowners = codeownersReport({ modules: input.modules, index, people: people.people, aliases: input.aliases, files: authorship.files });

  return {
    schemaVersion: 1,
    tool: { name: 'busfactor', version: TOOL_VERSION },
    repository: { name: input.repo.name, scope: input.repo.scope, objectFormat: input.repo.objectFormat, shallow: input.repo.isShallow },
    head: input.head,
    revision: input.revision,
    headTime: isoTime(input.headTime),
    algorithm: input.algorithm,
    busFactor: repoScore.busFactor,
    coverage: repoScore.coverage,
    totals: {
      files: repoScore.files,
      authoredFiles: repoScore.authoredFiles,
      commits: input.commits,
      people: people.people.length,
      authors: filesAuthored.filter((count) => count > 0).length,
    },
    keyPeople: repoScore.keyPeople,
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
    files: authorship.files.map((path, i) => ({
      path,
      authors: Array.from(authorship.authors[i] as Int32Array, (person) => people.people[person]?.id ?? ''),
      ...((membership[i] as string[]).length > 0 ? { modules: membership[i] as string[] } : {}),
      ...shares?.file(path),
    })),
    excluded: excludedWithHistory(input.universe.excluded, authorship.withoutHistory, input.withoutAuthor),
    settings,
    warnings: input.warnings,
    ...(shares ? { lineOwnership: { ...shares.scope(authorship.files), islands: shares.islands(listed.map((m, i) => ({ path: m.path ?? m.name, module: m.id, ...(moduleLines[i] as ScopeLines) }))) } } : {}),
    ...(codeowners ? { codeowners } : {}),
  };
}

function moduleReport(module: ModuleDefinition, score: ScopeScore, lines: ScopeLines | undefined): ModuleReport {
  return {
    id: module.id,
    kind: module.kind,
    name: module.name,
    ...(module.path !== undefined ? { path: module.path } : {}),
    ...(module.depth !== undefined ? { depth: module.depth } : {}),
    ...(module.owners !== undefined ? { owners: module.owners } : {}),
    files: score.files,
    busFactor: score.busFactor,
    keyPeople: score.keyPeople,
    authors: score.authors.size,
    orphanFiles: score.files - score.authoredFiles,
    ...(lines ? { lines: lines.lines, lineOwners: lines.owners } : {}),
  };
}
