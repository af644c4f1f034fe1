import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/report/report.js';
import { islandSegments, lineSummarySegments } from '../../src/ui/model/detail-lines.js';
import { knowledgeIslands } from '../../src/ui/model/knowledge-islands.js';
import { lineShares } from '../../src/ui/model/line-shares.js';
import { buildModuleTree, indexTree, type ModuleNode } from '../../src/ui/model/module-tree.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { useAcmeRepo } from './explorer-fixture.js';

const acme = useAcmeRepo();

const text = (segments: readonly { text: string }[]) => segments.map((s) => s.text).join('');

/**
 * Line ownership is optional in the report (`--lines`). These tests take the pipeline's report
 * and add the optional fields the way the line-ownership stage fills them, to check what the
 * detail pane makes of them.
 */
function withLines(report: Report): Report {
  const alice = { id: 'alice@example.com', name: 'Alice Archer', email: 'alice@example.com' };
  const carol = { id: 'carol@example.com', name: 'Carol Chen', email: 'carol@example.com' };
  return {
    ...report,
    files: report.files.map((file) =>
      file.path === 'src/ui/view.js'
        ? { ...file, lines: 10, owners: [{ ...carol, lines: 4 }, { ...alice, lines: 6 }] }
        : file.path === 'src/ui/theme.js'
          ? { ...file, lines: 10, owners: [{ ...carol, lines: 10 }] }
          : file,
    ),
    lineOwnership: { lines: 20, owners: [], islands: [{ kind: 'file', path: 'src/ui/theme.js', owner: carol.id, lines: 10, share: 1 }] },
  };
}

describe('detail pane: line ownership and knowledge islands', () => {
  it('without --lines: says how to get line ownership, and counts single-author files as DOA islands', async () => {
    const report = await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS });
    const ui = indexTree(buildModuleTree(report)).get('directory:src/ui') as ModuleNode;
    expect(lineShares(report, ui)).toBeUndefined();
    expect(text(lineSummarySegments(undefined))).toBe('line ownership: run with --lines');
    // explorer-history.ts: theme.js is Carol's alone; view.js has two authors.
    expect(text(islandSegments(report, knowledgeIslands(report, ui)))).toBe('single-author files (DOA, --lines for line islands): 1 of 2 · Carol Chen 1');
  });

  it('with line ownership: sums the files\' owners of a folder, and lists the line-based islands below it', async () => {
    const report = withLines(await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS }));
    const ui = indexTree(buildModuleTree(report)).get('directory:src/ui') as ModuleNode;
    const lines = lineShares(report, ui);
    expect(lines?.owners.map((owner) => [owner.name, owner.lines, owner.share])).toEqual([
      ['Carol Chen', 14, 0.7],
      ['Alice Archer', 6, 0.3],
    ]);
    expect(text(lineSummarySegments(lines))).toBe('lines (20): Carol Chen 70% · Alice Archer 30%');
    expect(text(islandSegments(report, knowledgeIslands(report, ui)))).toBe("islands (≥90% of lines one person's): 1 · src/ui/theme.js (Carol Chen 100%)");
    const lib = indexTree(buildModuleTree(report)).get('directory:lib') as ModuleNode;
    expect(knowledgeIslands(report, lib)).toEqual({ kind: 'lines', islands: [] });
    expect(lineShares(report, lib)).toEqual({ lines: 0, owners: [] });
  });

  it('counts lines of commits without an author in a folder\'s total, as the report does', async () => {
    const report = withLines(await analyze({ path: acme(), defaults: EXPLORER_DEFAULTS }));
    const files = report.files.map((file) => (file.path === 'src/ui/view.js' ? { ...file, lines: 12 } : file));
    const ui = indexTree(buildModuleTree(report)).get('directory:src/ui') as ModuleNode;
    const lines = lineShares({ ...report, files }, ui);
    expect(lines?.lines).toBe(22);
    expect(lines?.owners.map((owner) => [owner.name, owner.lines, owner.share])).toEqual([
      ['Carol Chen', 14, 14 / 22],
      ['Alice Archer', 6, 6 / 22],
    ]);
  });
});
