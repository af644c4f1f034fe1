import { displayWidth } from '../../render/display-width.js';
import type { Report } from '../../report/report.js';
import { scoreStewardship } from '../../report/stewardship-score.js';
import { indexAuthorship, moduleMembers, scoreFiles, type ScopeScore } from '../../report/what-if.js';
import { departedIndices, goneWith } from './departed.js';
import { detailPeople, type DetailPerson } from './detail-people.js';
import type { ExplorerState } from './explorer-state.js';
import { knowledgeIslands, type IslandSummary } from './knowledge-islands.js';
import { lineShares, type LineSummary } from './line-shares.js';
import { buildModuleTree, kindsOf, type ModuleKind, type ModuleNode } from './module-tree.js';
import { peopleRows, type PersonRow } from './people-rows.js';
import { personRoles, ROLE_SEPARATOR } from '../../render/person-roles.js';
import { scoreTree } from './score-tree.js';
import { activityRows, stewardRows, type ActivityRow, type StewardRow, type StewardshipScores } from './stewardship-rows.js';
import { treeCursor, visibleRows, type TreeRow } from './visible-rows.js';

/** What one state of the explorer shows. */
export interface ExplorerView {
  /** Bus factors as scanned, and with the people marked as leaving gone. */
  readonly baseScores: ReadonlyMap<string, ScopeScore>;
  readonly scores: ReadonlyMap<string, ScopeScore>;
  /** Active bus factors (departed people gone) as scanned, and with the marked people gone too. */
  readonly activeBaseScores: ReadonlyMap<string, ScopeScore>;
  readonly activeScores: ReadonlyMap<string, ScopeScore>;
  readonly rows: readonly TreeRow[];
  readonly cursor: number;
  readonly node: ModuleNode;
  readonly detail: readonly DetailPerson[];
  readonly lines: LineSummary | undefined;
  readonly islands: IslandSummary;
  /** Only computed in the people view. */
  readonly people: readonly PersonRow[];
  /** Only computed in the stewardship view: the activities, the selected one, and its people. */
  readonly stewardship: StewardshipView;
}

export interface StewardshipView {
  readonly activities: readonly ActivityRow[];
  readonly cursor: number;
  readonly stewards: readonly StewardRow[];
}

export interface ExplorerModel {
  readonly report: Report;
  /** The kinds of module the report has, in the order `m` shows them. */
  readonly kinds: readonly ModuleKind[];
  /** Ids of the people who have departed (their names get a †). */
  readonly departedIds: ReadonlySet<string>;
  /** Display width of the longest roles text of the people view; 0 when nobody has a role. */
  readonly rolesWidth: number;
  /** The tree of one kind (built once per kind). */
  tree(kind: ModuleKind): ModuleNode;
  /** Pure: the same state gives the same view (results are cached per set of marks). */
  view(state: ExplorerState): ExplorerView;
}

/**
 * Authorship is indexed once per report and each kind's tree built when first shown; a set of
 * marks reruns only the greedy loop per module (milliseconds on git/git) and is cached, so
 * rendering a frame and interpreting a key from the same state agree, and nothing touches git.
 */
export function createExplorerModel(report: Report): ExplorerModel {
  const index = indexAuthorship(report);
  const kinds = kindsOf(report);
  const noMarks: ReadonlySet<number> = new Set();
  const departed = departedIndices(report);
  // Which files each module holds, once: every kind's tree and the people view use it.
  const members = moduleMembers(report);
  type Scores = Map<string, ScopeScore>;
  const trees = new Map<ModuleKind, { root: ModuleNode; base: Scores; scores: WeakMap<ReadonlySet<number>, Scores>; activeBase: Scores; active: WeakMap<ReadonlySet<number>, Scores> }>();
  const treeOf = (kind: ModuleKind) => {
    let entry = trees.get(kind);
    if (!entry) {
      const root = buildModuleTree(report, kind, members);
      const base = scoreTree(root, index, noMarks);
      // Nobody departed: the active bus factors are the bus factors, no second greedy run.
      const activeBase = departed.size === 0 ? base : scoreTree(root, index, departed);
      trees.set(kind, (entry = { root, base, scores: new WeakMap(), activeBase, active: new WeakMap() }));
    }
    return entry;
  };
  const moduleFiles = report.modules.map((module) => members.get(module.id) ?? []);
  const moduleScores = new WeakMap<ReadonlySet<number>, ScopeScore[]>();
  // Keyed by the set of marks itself: a new mark makes a new set (explorer-state.ts `toggle`).
  const scoresFor = (kind: ModuleKind, leaving: ReadonlySet<number>) => {
    const tree = treeOf(kind);
    if (leaving.size === 0) return tree.base;
    let scores = tree.scores.get(leaving);
    if (!scores) tree.scores.set(leaving, (scores = scoreTree(tree.root, index, leaving)));
    return scores;
  };
  // The active bus factor under what-if: departed ∪ marked, as `--without` computes it.
  const activeFor = (kind: ModuleKind, leaving: ReadonlySet<number>) => {
    const tree = treeOf(kind);
    if (leaving.size === 0) return tree.activeBase;
    let scores = tree.active.get(leaving);
    if (!scores) tree.active.set(leaving, (scores = scoreTree(tree.root, index, goneWith(departed, leaving))));
    return scores;
  };
  const modulesFor = (leaving: ReadonlySet<number>) => {
    let scores = moduleScores.get(leaving);
    if (!scores) moduleScores.set(leaving, (scores = moduleFiles.map((files) => scoreFiles(index, files, leaving))));
    return scores;
  };
  const nodeFacts = new Map<string, { lines: LineSummary | undefined; islands: IslandSummary }>();
  const factsOf = (node: ModuleNode) => {
    const key = `${node.module?.kind ?? ''}:${node.key}`;
    let facts = nodeFacts.get(key);
    if (!facts) nodeFacts.set(key, (facts = { lines: lineShares(report, node), islands: knowledgeIslands(report, node) }));
    return facts;
  };

  // Stewardship under what-if: the one scoring function, per set of marks, as the modules are.
  const roles = personRoles(report);
  let stewardBase: StewardshipScores | undefined;
  const stewardScores = new WeakMap<ReadonlySet<number>, StewardshipScores>();
  const stewardshipFor = (leaving: ReadonlySet<number>): StewardshipScores => {
    stewardBase ??= scoreStewardship(report.stewardship, index, noMarks, departed);
    if (leaving.size === 0) return stewardBase;
    let scores = stewardScores.get(leaving);
    if (!scores) stewardScores.set(leaving, (scores = scoreStewardship(report.stewardship, index, leaving, departed)));
    return scores;
  };
  const stewardshipView = (state: ExplorerState): StewardshipView => {
    const now = stewardshipFor(state.leaving);
    const activities = activityRows(report, stewardshipFor(noMarks), now);
    const cursor = Math.max(0, activities.findIndex((row) => row.kind === state.activity));
    const stewards = stewardRows(report, state.activity, { now, leaving: state.leaving, filter: state.filters.stewardship, sort: state.sorts.stewardship });
    return { activities, cursor, stewards };
  };
  const noStewardship: StewardshipView = { activities: [], cursor: 0, stewards: [] };

  const view = (state: ExplorerState): ExplorerView => {
    const kind = kinds.includes(state.kind) ? state.kind : (kinds[0] as ModuleKind);
    const tree = treeOf(kind).root;
    const baseScores = treeOf(kind).base;
    const scores = scoresFor(kind, state.leaving);
    const activeBaseScores = treeOf(kind).activeBase;
    const activeScores = activeFor(kind, state.leaving);
    const filter = state.filters.modules;
    const rows = visibleRows(tree, { expanded: state.expanded, filter, sort: state.sorts.modules, scores, activeScores });
    const cursor = treeCursor(rows, state.selected, filter);
    const node = rows[cursor]?.node ?? tree;
    const { lines, islands } = factsOf(node);
    const score = scores.get(node.key);
    const detail = score ? detailPeople(report, index, node, score, state.leaving, lines) : [];
    const people =
      state.view === 'people' ? peopleRows(report, { moduleScores: modulesFor(state.leaving), baseModuleScores: modulesFor(noMarks), leaving: state.leaving, filter: state.filters.people, sort: state.sorts.people, roles }) : [];
    const stewardship = state.view === 'stewardship' ? stewardshipView(state) : noStewardship;
    return { baseScores, scores, activeBaseScores, activeScores, rows, cursor, node, detail, lines, islands, people, stewardship };
  };
  const departedIds = new Set(report.people.filter((person) => person.departed).map((person) => person.id));
  const rolesWidth = Math.max(0, ...roles.map((list) => displayWidth(list.join(ROLE_SEPARATOR))));
  return { report, kinds, departedIds, rolesWidth, tree: (kind) => treeOf(kind).root, view };
}
