import type { Report } from '../../report/report.js';
import { filesBelow, indexAuthorship, scoreFiles, type ScopeScore } from '../../report/what-if.js';
import { detailPeople, type DetailPerson } from './detail-people.js';
import type { ExplorerState } from './explorer-state.js';
import { knowledgeIslands, type IslandSummary } from './knowledge-islands.js';
import { lineShares, type LineSummary } from './line-shares.js';
import { buildModuleTree, type ModuleNode } from './module-tree.js';
import { peopleRows, type PersonRow } from './people-rows.js';
import { scoreTree } from './score-tree.js';
import { treeCursor, visibleRows, type TreeRow } from './visible-rows.js';

/** What one state of the explorer shows. */
export interface ExplorerView {
  /** Bus factors as scanned, and with the people marked as leaving gone. */
  readonly baseScores: ReadonlyMap<string, ScopeScore>;
  readonly scores: ReadonlyMap<string, ScopeScore>;
  readonly rows: readonly TreeRow[];
  readonly cursor: number;
  readonly node: ModuleNode;
  readonly detail: readonly DetailPerson[];
  readonly lines: LineSummary | undefined;
  readonly islands: IslandSummary;
  /** Only computed in the people view. */
  readonly people: readonly PersonRow[];
}

export interface ExplorerModel {
  readonly report: Report;
  readonly tree: ModuleNode;
  /** Pure: the same state gives the same view (results are cached per set of marks). */
  view(state: ExplorerState): ExplorerView;
}

/**
 * Authorship is indexed and the tree built once per report; a set of marks reruns only the greedy
 * loop per folder (milliseconds on git/git) and is cached, so rendering a frame and interpreting
 * a key from the same state agree, and nothing touches git again.
 */
export function createExplorerModel(report: Report): ExplorerModel {
  const index = indexAuthorship(report);
  const tree = buildModuleTree(report);
  const noMarks: ReadonlySet<number> = new Set();
  const baseScores = scoreTree(tree, index, noMarks);
  const moduleFiles = report.modules.map((module) => filesBelow(report, module.path));
  const treeScores = new WeakMap<ReadonlySet<number>, Map<string, ScopeScore>>();
  const moduleScores = new WeakMap<ReadonlySet<number>, ScopeScore[]>();
  const scoresFor = (leaving: ReadonlySet<number>) => {
    if (leaving.size === 0) return baseScores;
    let scores = treeScores.get(leaving);
    if (!scores) treeScores.set(leaving, (scores = scoreTree(tree, index, leaving)));
    return scores;
  };
  // Keyed by the set of marks itself: a new mark makes a new set (explorer-state.ts `toggle`).
  const modulesFor = (leaving: ReadonlySet<number>) => {
    let scores = moduleScores.get(leaving);
    if (!scores) moduleScores.set(leaving, (scores = moduleFiles.map((files) => scoreFiles(index, files, leaving))));
    return scores;
  };
  const nodeFacts = new Map<string, { lines: LineSummary | undefined; islands: IslandSummary }>();
  const factsOf = (node: ModuleNode) => {
    let facts = nodeFacts.get(node.path);
    if (!facts) nodeFacts.set(node.path, (facts = { lines: lineShares(report, node), islands: knowledgeIslands(report, node) }));
    return facts;
  };

  const view = (state: ExplorerState): ExplorerView => {
    const scores = scoresFor(state.leaving);
    const filter = state.filters.modules;
    const rows = visibleRows(tree, { expanded: state.expanded, filter, sort: state.sorts.modules, scores });
    const cursor = treeCursor(rows, state.selected, filter);
    const node = rows[cursor]?.node ?? tree;
    const { lines, islands } = factsOf(node);
    const score = scores.get(node.path);
    const detail = score ? detailPeople(report, index, node, score, state.leaving, lines) : [];
    const people =
      state.view === 'people' ? peopleRows(report, { moduleScores: modulesFor(state.leaving), baseModuleScores: modulesFor(noMarks), leaving: state.leaving, filter: state.filters.people, sort: state.sorts.people }) : [];
    return { baseScores, scores, rows, cursor, node, detail, lines, islands, people };
  };
  return { report, tree, view };
}
