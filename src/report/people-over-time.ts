import { compareText } from '../compare-text.js';
import type { ActivityCollector } from '../history/activity-collector.js';
import { renameGroupPaths, type PathLineage } from '../history/lineage-collector.js';
import type { People } from '../identity/merge-identities.js';
import type { Authorship } from '../knowledge/compute-authorship.js';
import type { LineShares } from './line-shares.js';
import type { LostKnowledge, ModuleLoss, Successor } from './report.js';

/** Successors listed per module (best first). */
export const MAX_SUCCESSORS = 5;

/** The repository's and each module's lost files, modules most lost first. */
export function lostKnowledge(lost: readonly boolean[], modules: readonly { id: string; files: readonly number[] }[]): LostKnowledge {
  const files = lost.filter(Boolean).length;
  const perModule: ModuleLoss[] = [];
  for (const module of modules) {
    const count = module.files.filter((file) => lost[file]).length;
    if (count > 0) perModule.push({ id: module.id, files: count, share: count / module.files.length });
  }
  perModule.sort((a, b) => b.share - a.share || b.files - a.files || compareText(a.id, b.id));
  return { files, share: lost.length === 0 ? 0 : files / lost.length, modules: perModule };
}

export interface SuccessorInput {
  readonly authorship: Authorship;
  readonly people: People;
  readonly lineages: ReadonlyMap<string, PathLineage>;
  readonly activity: ActivityCollector;
  /** People who cannot take over: departed, or leaving in the what-if. */
  readonly gone: ReadonlySet<number>;
  readonly includeBots: boolean;
  readonly shares: LineShares | undefined;
}

/**
 * Who could take a module over (docs/algorithms.md §6): the active people, other than those who
 * already hold it (`holders`, its active key people), ranked by knowledge — the mean over the
 * module's files of their degree of authorship relative to each file's best (an author counts 1) —
 * then by their changes to it within the recent window, then, with line ownership, by their
 * surviving lines in it.
 */
export function successorsOf(input: SuccessorInput, files: readonly number[], holders: ReadonlySet<number>): Successor[] {
  const { authorship, people } = input;
  const evidence = new Map<number, { knowledge: number; authored: number; touched: number; recent: number; lines: number }>();
  const entry = (person: number) => {
    let found = evidence.get(person);
    if (!found) evidence.set(person, (found = { knowledge: 0, authored: 0, touched: 0, recent: 0, lines: 0 }));
    return found;
  };
  const eligible = (person: number) => !input.gone.has(person) && !holders.has(person) && (input.includeBots || !people.people[person]?.bot);
  for (const file of files) {
    const path = authorship.files[file] as string;
    const authors = authorship.authors[file] as Int32Array;
    const degrees = authorship.degrees[file];
    if (degrees) {
      for (let i = 0; i < degrees.people.length; i += 1) {
        const person = degrees.people[i] as number;
        if (!eligible(person)) continue;
        const found = entry(person);
        found.touched += 1;
        found.knowledge += authors.includes(person) ? 1 : (degrees.relative[i] as number);
        if (authors.includes(person)) found.authored += 1;
      }
    }
    const recentByPerson = new Map<number, number>();
    for (const member of renameGroupPaths([path], input.lineages)) {
      for (const [identity, dated] of input.activity.paths.get(member) ?? []) {
        const person = people.personOf[identity] as number;
        if (dated.recent > 0 && eligible(person)) recentByPerson.set(person, (recentByPerson.get(person) ?? 0) + dated.recent);
      }
    }
    for (const [person, recent] of recentByPerson) entry(person).recent += recent;
    if (input.shares) for (const [person, found] of evidence) found.lines += input.shares.linesOf(path, person);
  }
  const ranked = [...evidence].filter(([, found]) => found.knowledge > 0 || found.recent > 0 || found.lines > 0);
  ranked.sort(([a, x], [b, y]) => y.knowledge - x.knowledge || y.recent - x.recent || y.lines - x.lines || compareText(people.people[a]?.id ?? '', people.people[b]?.id ?? ''));
  return ranked.slice(0, MAX_SUCCESSORS).map(([person, found]): Successor => {
    const who = people.people[person];
    return {
      id: who?.id ?? '',
      name: who?.name ?? '',
      email: who?.email ?? '',
      knowledge: files.length === 0 ? 0 : found.knowledge / files.length,
      authoredFiles: found.authored,
      touchedFiles: found.touched,
      recentChanges: found.recent,
      ...(input.shares ? { lines: found.lines } : {}),
    };
  });
}
