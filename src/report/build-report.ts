import { compareForRemoval } from '../bus-factor/tie-break.js';
import type { FileUniverse } from '../files/types.js';
import type { Repository } from '../git/repo.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship } from '../knowledge/compute-authorship.js';
import type { ModuleDefinition } from '../modules/module-definition.js';
import type { LineOwnershipResult } from '../ownership/line-ownership.js';
import type { Warning } from '../warnings.js';
import type { ActivityCollector } from '../history/activity-collector.js';
import type { PathLineage } from '../history/lineage-collector.js';
import { LineShares, type ScopeLines } from './line-shares.js';
import { lostKnowledge, successorsOf } from './people-over-time.js';
import { codeownersReport } from './codeowners-report.js';
import type { ModuleReport, Report, ReportSettings, Stewardship, WhatIf } from './report.js';
import { STEWARDSHIP_KINDS } from './report.js';
import { stewardshipReport, type StewardshipInput } from './stewardship-report.js';
import { scoreStewardship } from './stewardship-score.js';
import { lostFileFlags, scoreFiles, type AuthorshipIndex, type ScopeScore } from './what-if.js';
import { TOOL_VERSION } from './version.js';

export interface ReportInput {
  readonly repo: Repository;
  /** The URL the repository was given as (docs/remote.md), without secrets. */
  readonly source?: Report['source'];
  readonly head: string;
  readonly revision: string;
  /** Seconds since the epoch; undefined when the analysed commit has no usable date. */
  readonly headTime: number | undefined;
  readonly commits: number;
  readonly people: People;
  readonly authorship: Authorship;
  readonly universe: FileUniverse;
  readonly warnings: readonly Warning[];
  readonly cache: Report['cache'];
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
  /** Seconds since the epoch: the analysed commit's committer time (ages are measured from it). */
  readonly referenceTime: number | undefined;
  /** Per person index: why they have departed, undefined for people still here. */
  readonly departure: readonly ('inactive' | 'config' | undefined)[];
  /** `--without`: person indices leaving in the what-if (empty: no what-if). */
  readonly without: readonly number[];
  /**
   * Modules whose active bus factor is below this get successors (default 2: those at 0 or 1).
   * `busfactor check` raises it to its highest module minimum, so every module it flags names them.
   */
  readonly successorsBelow?: number;
  /** Rename groups and dated activity: successors' evidence. */
  readonly lineages: ReadonlyMap<string, PathLineage>;
  readonly activity: ActivityCollector;
  /** Per person index: last activity of any kind (people/last-active.ts), seconds. */
  readonly lastActive: readonly (number | undefined)[];
  /** The stewardship lens's inputs (the rest comes from the report's own people and departures). */
  readonly stewardship: Omit<StewardshipInput, 'people' | 'index' | 'departed' | 'includeBots' | 'referenceTime'>;
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
  const departed = new Set(input.departure.flatMap((why, person) => (why ? [person] : [])));
  const repoScore = scoreFiles(index, everyFile);
  const activeScore = scoreFiles(index, everyFile, departed);
  const shares = input.ownership ? new LineShares(input.ownership.files, people) : undefined;
  const listed = input.modules.filter((module) => module.files.length > 0);
  const lost = lostFileFlags(authorship.authors, departed);
  const leaving = new Set(input.without);
  const gone = new Set([...departed, ...leaving]);
  const successorInput = { authorship, people, lineages: input.lineages, activity: input.activity, gone, includeBots: settings.includeBots, shares };
  // Line shares per module, once: the modules' lines and the module islands both come from them.
  const moduleLines = listed.map((module) => shares?.scope(module.files.map((i) => authorship.files[i] as string)));
  const modules: ModuleReport[] = listed.map((module, i) => {
    const active = scoreFiles(index, module.files, departed);
    const holders = new Set(active.keyPeople.map((person) => index.indexOf.get(person.id) as number));
    const successors = active.busFactor < (input.successorsBelow ?? 2) ? successorsOf(successorInput, module.files, holders) : undefined;
    return moduleReport(module, scoreFiles(index, module.files), active, module.files.filter((file) => lost[file]).length, successors, moduleLines[i]);
  });
  const membership = authorship.files.map((): string[] => []);
  for (const module of listed) for (const file of module.files) membership[file]?.push(module.id);

  const filesAuthored = new Int32Array(people.people.length);
  for (const list of authorship.authors) for (const person of list) filesAuthored[person] = (filesAuthored[person] as number) + 1;
  const codeowners = codeownersReport({ modules: input.modules, index, people: people.people, aliases: input.aliases, files: authorship.files });
  const stewardship = stewardshipReport({ ...input.stewardship, people, index, departed, includeBots: settings.includeBots, referenceTime: input.referenceTime });

  return {
    schemaVersion: 1,
    tool: { name: 'busfactor', version: TOOL_VERSION },
    repository: { name: input.repo.name, scope: input.repo.scope, objectFormat: input.repo.objectFormat, shallow: input.repo.isShallow },
    ...(input.source ? { source: input.source } : {}),
    head: input.head,
    revision: input.revision,
    headTime: isoTime(input.headTime),
    algorithm: input.algorithm,
    referenceTime: isoTime(input.referenceTime),
    busFactor: repoScore.busFactor,
    activeBusFactor: activeScore.busFactor,
    activeKeyPeople: activeScore.keyPeople,
    lost: lostKnowledge(lost, listed),
    ...(leaving.size > 0 ? { whatIf: whatIf(index, everyFile, listed, modules, leaving, departed, repoScore.busFactor, activeScore.busFactor, stewardship) } : {}),
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
      coAuthored: person.coAuthored,
      firstCommitAt: isoTime(person.firstCommitAt),
      lastCommitAt: isoTime(person.lastCommitAt),
      lastActiveAt: isoTime(input.lastActive[person.index]),
      bot: person.bot,
      departed: input.departure[person.index] !== undefined,
      ...(input.departure[person.index] ? { departure: input.departure[person.index] } : {}),
      filesAuthored: filesAuthored[person.index] as number,
      changes: authorship.changes[person.index] as number,
    })),
    modules,
    files: authorship.files.map((path, i) => ({
      path,
      authors: Array.from(authorship.authors[i] as Int32Array, (person) => people.people[person]?.id ?? ''),
      ...((membership[i] as string[]).length > 0 ? { modules: membership[i] as string[] } : {}),
      ...(lost[i] ? { lost: true as const } : {}),
      ...shares?.file(path),
    })),
    excluded: {
      ...excludedWithHistory(input.universe.excluded, authorship.withoutHistory, input.withoutAuthor),
      ...(authorship.withoutRecentData.length > 0 ? { 'no-recent-data': authorship.withoutRecentData.length } : {}),
    },
    settings,
    warnings: input.warnings,
    ...(shares ? { lineOwnership: { ...shares.scope(authorship.files), islands: shares.islands(listed.map((m, i) => ({ path: m.path ?? m.name, module: m.id, ...(moduleLines[i] as ScopeLines) }))) } } : {}),
    ...(codeowners ? { codeowners } : {}),
    stewardship,
    cache: input.cache,
  };
}

/** `--without`: the repository's and every module's bus factors before and after those people leave. */
function whatIf(
  index: AuthorshipIndex,
  everyFile: readonly number[],
  listed: readonly ModuleDefinition[],
  modules: readonly ModuleReport[],
  leaving: ReadonlySet<number>,
  departed: ReadonlySet<number>,
  busFactor: number,
  activeBusFactor: number,
  stewardship: Stewardship,
): WhatIf {
  const both = new Set([...leaving, ...departed]);
  const after = scoreStewardship(stewardship, index, leaving, departed);
  const stewardshipWhatIf: WhatIf['stewardship'] = {};
  for (const kind of STEWARDSHIP_KINDS) {
    const activity = stewardship[kind];
    const scores = after[kind];
    if (!scores || activity.busFactor === null || activity.activeBusFactor === null) continue;
    stewardshipWhatIf[kind] = { busFactor: { before: activity.busFactor, after: scores.busFactor.busFactor }, activeBusFactor: { before: activity.activeBusFactor, after: scores.activeBusFactor.busFactor } };
  }
  return {
    without: [...leaving].map((person) => ({ id: index.people[person]?.id ?? '', name: index.people[person]?.name ?? '' })),
    busFactor: { before: busFactor, after: scoreFiles(index, everyFile, leaving).busFactor },
    activeBusFactor: { before: activeBusFactor, after: scoreFiles(index, everyFile, both).busFactor },
    modules: listed.map((module, i) => ({
      id: module.id,
      busFactor: { before: modules[i]?.busFactor ?? 0, after: scoreFiles(index, module.files, leaving).busFactor },
      activeBusFactor: { before: modules[i]?.activeBusFactor ?? 0, after: scoreFiles(index, module.files, both).busFactor },
    })),
    stewardship: stewardshipWhatIf,
  };
}

function moduleReport(module: ModuleDefinition, score: ScopeScore, active: ScopeScore, lostFiles: number, successors: ModuleReport['successors'], lines: ScopeLines | undefined): ModuleReport {
  return {
    id: module.id,
    kind: module.kind,
    name: module.name,
    ...(module.path !== undefined ? { path: module.path } : {}),
    ...(module.depth !== undefined ? { depth: module.depth } : {}),
    ...(module.owners !== undefined ? { owners: module.owners } : {}),
    ...(module.source !== undefined ? { definedIn: { file: module.source, ...(module.line !== undefined ? { line: module.line } : {}) } } : {}),
    files: score.files,
    busFactor: score.busFactor,
    activeBusFactor: active.busFactor,
    keyPeople: score.keyPeople,
    lostFiles,
    ...(successors ? { successors } : {}),
    authors: score.authors.size,
    orphanFiles: score.files - score.authoredFiles,
    ...(lines ? { lines: lines.lines, lineOwners: lines.owners } : {}),
  };
}
