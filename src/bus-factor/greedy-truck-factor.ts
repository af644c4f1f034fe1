/** One person removed by the greedy loop, with the number of files they author in the scope. */
export interface KeyPersonScore {
  readonly person: number;
  readonly files: number;
}

export interface TruckFactorResult {
  readonly busFactor: number;
  /** The removed people, in removal order. */
  readonly keyPeople: readonly KeyPersonScore[];
  /** Number of files in the scope (N, including files nobody authors). */
  readonly files: number;
  /** Share of files still authored by someone when the loop stopped. */
  readonly coverage: number;
  /** Files with at least one author before anyone was removed. */
  readonly authoredFiles: number;
}

export interface TruckFactorInput {
  /** Author sets of the scope's files (person indices). */
  readonly fileAuthors: readonly ArrayLike<number>[];
  /** Tie-break between people who author as many files: negative when `a` goes first. */
  readonly tieBreak: (a: number, b: number) => number;
  /** People taken out beforehand (what-if, departed): as if they authored nothing. */
  readonly without?: ReadonlySet<number>;
}

/** Java's `(float) covered / n`: the reference compares a float with 0.5. */
function coverageOf(covered: number, n: number): number {
  return Math.fround(covered / n);
}

/**
 * The greedy truck factor of Avelino et al. (docs/algorithms.md §1, the reference's
 * `GreedyTruckFactor`): while at least half the files have an author among the remaining people,
 * remove the person who authors the most files and count one. "Most files" is the size of the
 * person's whole author set in the scope, not the files only they cover, exactly as the reference
 * does; so the removal order is fixed up front and the loop only tracks coverage.
 */
export function greedyTruckFactor(input: TruckFactorInput): TruckFactorResult {
  const removal = removalOrder(input);
  const { n, authoredBy } = removal;
  const keyPeople: KeyPersonScore[] = [];
  let coverage = n === 0 ? 0 : coverageOf(removal.covered, n);
  for (const person of removal.order) {
    // Exactly 0.5 keeps going; below 0.5 stops (so 0 when coverage starts below one half).
    if (coverage < 0.5) break;
    const files = authoredBy.get(person) as number[];
    keyPeople.push({ person, files: files.length });
    coverage = coverageOf(removal.remove(person), n);
  }
  return { busFactor: keyPeople.length, keyPeople, files: n, coverage, authoredFiles: removal.authoredFiles };
}

/** One point of the knowledge-concentration curve: after removing `removed` people, the share of files still authored. */
export interface CurvePoint {
  readonly removed: number;
  /** The person removed last (none for the first point). */
  readonly person: number | undefined;
  readonly coverage: number;
}

/**
 * The knowledge-concentration curve (docs/report.md): the greedy loop's removals carried on past
 * one half, one point per person, from everyone present down to no file authored or `maxPoints`
 * removals. Its first `busFactor` steps are exactly the truck factor's.
 */
export function removalCurve(input: TruckFactorInput, maxPoints: number): CurvePoint[] {
  const removal = removalOrder(input);
  const n = removal.n;
  const points: CurvePoint[] = [{ removed: 0, person: undefined, coverage: n === 0 ? 0 : coverageOf(removal.covered, n) }];
  for (const person of removal.order) {
    if (points.length > maxPoints || removal.covered === 0) break;
    points.push({ removed: points.length, person, coverage: coverageOf(removal.remove(person), n) });
  }
  return points;
}

/**
 * The removal order of the reference: people by the size of their author set in the scope, most
 * first, ties by `tieBreak`; and the covered-file count as people are removed in that order.
 */
function removalOrder(input: TruckFactorInput): { n: number; order: number[]; authoredBy: Map<number, number[]>; covered: number; authoredFiles: number; remove: (person: number) => number } {
  const n = input.fileAuthors.length;
  const authoredBy = new Map<number, number[]>();
  const remaining = new Int32Array(n);
  let covered = 0;
  input.fileAuthors.forEach((authors, file) => {
    for (let i = 0; i < authors.length; i += 1) {
      const person = authors[i] as number;
      if (input.without?.has(person)) continue;
      let list = authoredBy.get(person);
      if (!list) authoredBy.set(person, (list = []));
      list.push(file);
      remaining[file] = (remaining[file] as number) + 1;
    }
    if ((remaining[file] as number) > 0) covered += 1;
  });
  const order = [...authoredBy.keys()].sort(
    (a, b) => (authoredBy.get(b) as number[]).length - (authoredBy.get(a) as number[]).length || input.tieBreak(a, b),
  );
  const state = {
    n,
    order,
    authoredBy,
    covered,
    authoredFiles: covered,
    /** Takes one person's files out; the files still covered. */
    remove(person: number): number {
      for (const file of authoredBy.get(person) ?? []) {
        remaining[file] = (remaining[file] as number) - 1;
        if (remaining[file] === 0) state.covered -= 1;
      }
      return state.covered;
    },
  };
  return state;
}
