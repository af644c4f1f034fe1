import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { indexAuthorship } from '../../src/report/what-if.js';
import { buildModuleTree, indexTree, type ModuleNode } from '../../src/ui/model/module-tree.js';
import { scoreTree } from '../../src/ui/model/score-tree.js';
import { treeCursor, visibleRows } from '../../src/ui/model/visible-rows.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { useAcmeRepo } from './explorer-fixture.js';
import { EXPLORER_HISTORY } from './explorer-history.js';

const acme = useAcmeRepo();
const fixture = useFixtureRepos();

const outline = (node: ModuleNode): unknown => [node.name, node.files.length, node.children.map(outline)];

// Numbers worked out in explorer-history.ts.
describe('the module tree', () => {
  it('has every folder level, the repository as root, single-folder chains folded', async () => {
    const report = await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS });
    const tree = buildModuleTree(report);
    expect(outline(tree)).toEqual([
      'acme',
      14,
      [
        ['lib', 3, [['parsers/json', 1, []]]],
        ['src', 9, [['api', 3, []], ['core', 4, []], ['ui', 2, []]]],
        ['tools', 2, []],
      ],
    ]);
    // Keys are module ids; the folded chain lib/parsers → lib/parsers/json keeps the inner one.
    expect([...indexTree(tree).keys()]).toEqual(['', 'directory:lib', 'directory:lib/parsers/json', 'directory:src', 'directory:src/api', 'directory:src/core', 'directory:src/ui', 'directory:tools']);
  });

  it('starts at the scope when the analysis is limited to a folder', async () => {
    const report = await analyze({ path: `${fixture(EXPLORER_HISTORY).dir}/src`, defaults: EXPLORER_DEFAULTS });
    const tree = buildModuleTree(report);
    expect([tree.key, tree.name.endsWith('/src'), tree.files.length]).toEqual(['', true, 9]);
    expect(tree.children.map((child) => [child.key, child.name, child.depth])).toEqual([
      ['directory:src/api', 'api', 1],
      ['directory:src/core', 'core', 1],
      ['directory:src/ui', 'ui', 1],
    ]);
  });

  it('scores every folder with the greedy loop, and again without the people leaving', async () => {
    const report = await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS });
    const tree = buildModuleTree(report);
    const index = indexAuthorship(report);
    const bus = (scores: ReadonlyMap<string, { busFactor: number }>) => Object.fromEntries([...scores].map(([key, score]) => [key.replace(/^directory:/, ''), score.busFactor]));
    expect(bus(scoreTree(tree, index, new Set()))).toEqual({ '': 3, lib: 1, 'lib/parsers/json': 1, src: 2, 'src/api': 1, 'src/core': 1, 'src/ui': 2, tools: 2 });
    const alice = index.indexOf.get('alice@example.com') as number;
    expect(bus(scoreTree(tree, index, new Set([alice])))).toEqual({ '': 2, lib: 1, 'lib/parsers/json': 1, src: 1, 'src/api': 1, 'src/core': 0, 'src/ui': 1, tools: 2 });
  });
});

describe('visible rows', () => {
  it('sorts siblings by risk, size or name, and opens the folders on the way to a filter match', async () => {
    const report = await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS });
    const tree = buildModuleTree(report);
    const scores = scoreTree(tree, indexAuthorship(report), new Set());
    const names = (options: Partial<Parameters<typeof visibleRows>[1]>) =>
      visibleRows(tree, { expanded: new Set(['', 'directory:src']), filter: '', sort: 'risk', scores, ...options }).map((row) => row.node.key.replace(/^directory:/, ''));
    // Risk: bus factor 1 first (lib; src/api, src/core: the larger first), then 2 (src 9 files).
    expect(names({})).toEqual(['', 'lib', 'src', 'src/core', 'src/api', 'src/ui', 'tools']);
    expect(names({ sort: 'size' })).toEqual(['', 'src', 'src/core', 'src/api', 'src/ui', 'lib', 'tools']);
    expect(names({ sort: 'name' })).toEqual(['', 'lib', 'src', 'src/api', 'src/core', 'src/ui', 'tools']);
    // "json" is below lib, which is closed: it opens for the filter; src and tools have no match.
    expect(names({ filter: 'JSON' })).toEqual(['', 'lib', 'lib/parsers/json']);
    expect(names({ filter: 'nothing' })).toEqual(['']);
    const rows = visibleRows(tree, { expanded: new Set(['']), filter: 'json', sort: 'risk', scores });
    expect(treeCursor(rows, 'directory:src', 'json')).toBe(2);
  });
});
