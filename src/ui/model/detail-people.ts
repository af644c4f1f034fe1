import type { Report } from '../../report/report.js';
import type { AuthorshipIndex, ScopeScore } from '../../report/what-if.js';
import type { LineSummary } from './line-shares.js';
import type { ModuleNode } from './module-tree.js';

/** One person in the detail pane's list. */
export interface DetailPerson {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Files of the folder this person authors. */
  readonly files: number;
  readonly share: number;
  readonly leaving: boolean;
  /** Has departed (`report.people[].departed`): no recent commit, or the config says so. */
  readonly departed: boolean;
  /** Share of the folder's surviving lines, with line ownership. */
  readonly lineShare: number | undefined;
  readonly lastCommitAt: string | null;
}

/**
 * The detail pane's people: those marked as leaving who author files here first (so a mark can
 * be taken back where it was made), then the key people in removal order among those who stay.
 */
export function detailPeople(report: Report, index: AuthorshipIndex, node: ModuleNode, score: ScopeScore, leaving: ReadonlySet<number>, lines: LineSummary | undefined): DetailPerson[] {
  const total = node.files.length;
  const lineShare = (id: string) => (lines ? (lines.owners.find((owner) => owner.id === id)?.share ?? 0) : undefined);
  const person = (at: number, files: number, isLeaving: boolean): DetailPerson => {
    const who = report.people[at];
    const id = who?.id ?? '';
    return {
      index: at,
      id,
      name: who?.name ?? '',
      email: who?.emails[0] ?? '',
      files,
      share: total === 0 ? 0 : files / total,
      leaving: isLeaving,
      departed: who?.departed ?? false,
      lineShare: lineShare(id),
      lastCommitAt: who?.lastCommitAt ?? null,
    };
  };
  const gone = [...leaving]
    .filter((at) => score.authors.has(at))
    .sort((a, b) => a - b)
    .map((at) => person(at, countAuthored(index, node, at), true));
  const keys = score.keyPeople.map((key) => person(index.indexOf.get(key.id) ?? -1, key.files, false));
  return [...gone, ...keys];
}

function countAuthored(index: AuthorshipIndex, node: ModuleNode, person: number): number {
  let count = 0;
  for (const file of node.files) if (index.fileAuthors[file]?.includes(person)) count += 1;
  return count;
}
