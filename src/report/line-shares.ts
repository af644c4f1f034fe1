import { compareText } from '../compare-text.js';
import type { People } from '../identity/merge-identities.js';
import type { FileOwnership } from '../ownership/line-ownership.js';
import type { KnowledgeIsland, LineOwner, LineShare } from './report.js';

/** One person owns at least this share of a file's or module's lines: a knowledge island. */
export const ISLAND_SHARE = 0.9;
/** Files shorter than this are not called islands (a 3-line file always has one owner). */
export const ISLAND_MIN_FILE_LINES = 20;

/** Person index → surviving lines, for one file. */
type Counts = Map<number, number>;

/** The surviving lines of a set of files and who owns them, most lines first. */
export interface ScopeLines {
  readonly lines: number;
  readonly owners: LineShare[];
}

/**
 * Line ownership in report terms: per file and person, and summed per scope (module,
 * repository). Lines whose commit has no author (a commit without identity) count toward the
 * total but belong to nobody.
 */
export class LineShares {
  private readonly byPath = new Map<string, { lines: number; counts: Counts }>();

  /** One person's surviving lines in one file (0 when none, or without line ownership of it). */
  linesOf(path: string, person: number): number {
    return this.byPath.get(path)?.counts.get(person) ?? 0;
  }

  constructor(
    files: readonly FileOwnership[],
    private readonly people: People,
  ) {
    for (const file of files) {
      const counts: Counts = new Map();
      for (const [identity, lines] of file.byIdentity) {
        if (identity < 0) continue;
        const person = people.personOf[identity] as number;
        counts.set(person, (counts.get(person) ?? 0) + lines);
      }
      this.byPath.set(file.path, { lines: file.lines, counts });
    }
  }

  /** `files[].lines` and `files[].owners` of one file; undefined without ownership data. */
  file(path: string): { lines: number; owners: LineOwner[] } | undefined {
    const entry = this.byPath.get(path);
    if (!entry) return undefined;
    return { lines: entry.lines, owners: this.ranked(entry.counts).map(({ person, lines }) => ({ ...this.who(person), lines })) };
  }

  /** Lines and owners of a set of files (a module, the repository). */
  scope(paths: readonly string[]): ScopeLines {
    let total = 0;
    const counts: Counts = new Map();
    for (const path of paths) {
      const entry = this.byPath.get(path);
      if (!entry) continue;
      total += entry.lines;
      for (const [person, lines] of entry.counts) counts.set(person, (counts.get(person) ?? 0) + lines);
    }
    return { lines: total, owners: this.ranked(counts).map(({ person, lines }) => ({ ...this.who(person), lines, share: total === 0 ? 0 : lines / total })) };
  }

  /**
   * Files (of at least {@link ISLAND_MIN_FILE_LINES} lines) and modules one person owns ≥ 90 % of;
   * the modules' lines as {@link scope} gave them.
   */
  islands(modules: readonly ({ readonly path: string; readonly module: string } & ScopeLines)[]): KnowledgeIsland[] {
    const islands: KnowledgeIsland[] = [];
    for (const { path, module, lines, owners } of modules) {
      const top = owners[0];
      if (top && lines > 0 && top.share >= ISLAND_SHARE) islands.push({ kind: 'module', path, module, owner: top.id, lines, share: top.share });
    }
    for (const [path, { lines, counts }] of this.byPath) {
      if (lines < ISLAND_MIN_FILE_LINES) continue;
      const [top] = this.ranked(counts);
      if (top && top.lines / lines >= ISLAND_SHARE) islands.push({ kind: 'file', path, owner: this.people.people[top.person]?.id ?? '', lines, share: top.lines / lines });
    }
    return islands.sort((a, b) => (a.kind === b.kind ? b.lines - a.lines || compareText(a.path, b.path) : a.kind === 'module' ? -1 : 1));
  }

  private ranked(counts: Counts): { person: number; lines: number }[] {
    return [...counts].map(([person, lines]) => ({ person, lines })).sort((a, b) => b.lines - a.lines || a.person - b.person);
  }

  private who(person: number): { id: string; name: string; email: string } {
    const p = this.people.people[person];
    return { id: p?.id ?? '', name: p?.name ?? '', email: p?.email ?? '' };
  }
}
