import { displayWidth } from '../../render/display-width.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Report } from '../../report/report.js';
import type { ScopeScore } from '../../report/what-if.js';
import { count, percent, plural, riskLevel } from '../../format.js';
import { activeCell, busFactorCell, DEPARTED_MARK, fit, fitWithMarker, type Segment } from './cells.js';
import type { DetailPerson } from './detail-people.js';
import { formatAge } from './format-age.js';
import type { IslandSummary } from './knowledge-islands.js';
import type { LineSummary } from './line-shares.js';
import type { RowScores } from './module-row.js';
import type { ModuleNode } from './module-tree.js';

/** `── lib/router · 12 files · 4 authors · bus factor 3→1! · active 2→0! ─────` */
export function detailTitle(node: ModuleNode, scores: RowScores, width: number): Segment[] {
  const { base, now } = scores;
  const before = base?.busFactor ?? 0;
  const after = now?.busFactor ?? 0;
  const activeAfter = scores.activeNow?.busFactor ?? 0;
  const orphans = (now?.files ?? 0) - (now?.authoredFiles ?? 0);
  const authors = base?.authors.size ?? 0;
  const cell = busFactorCell(before, after).trimEnd();
  const active = activeCell(scores.activeBase?.busFactor ?? 0, activeAfter, scores.allLost).trimEnd();
  const tail = ` · active ${active} `;
  const title = (withOrphans: boolean) =>
    `── ${safe(node.module?.path ?? node.name)} · ${plural(node.files.length, 'file')} · ${plural(authors, 'author')}${withOrphans && orphans > 0 ? ` · ${count(orphans)} without author` : ''} · bus factor `;
  // The bus factors matter more than the orphan count: it gives way when the line is too short.
  const fits = (head: string) => displayWidth(head) + cell.length + displayWidth(tail) <= width;
  const head = fits(title(true)) ? title(true) : title(false);
  const used = displayWidth(head) + cell.length + displayWidth(tail);
  return [
    { text: head, bold: true },
    { text: cell, bold: true, color: riskLevel(after) },
    { text: ' · active ', bold: true },
    { text: active, bold: true, color: riskLevel(activeAfter) },
    { text: ` ${'─'.repeat(Math.max(0, width - used))}` },
  ];
}

/** Name column width of the detail pane's people list. */
const nameWidth = (width: number, hasLines: boolean) => Math.max(10, width - (hasLines ? 46 : 39));

export function detailHeading(width: number, hasLines: boolean): Segment[] {
  const lines = hasLines ? `${fit('lines', 6, 'right')} ` : '';
  return [{ text: `        ${fit('key people, in removal order', nameWidth(width, hasLines))} ${fit('files', 6, 'right')} ${fit('share', 6, 'right')} ${lines}  last commit`, bold: true }];
}

/** `› 1. [x] Alice Archer      10    83%    71%  3 months ago`; a departed person `Bob Baker †  …  departed`, dimmed. */
export function detailPersonSegments(person: DetailPerson, position: number, headTime: string | null, width: number, selected: boolean, hasLines: boolean): Segment[] {
  const lines = hasLines ? `${fit(person.lineShare === undefined ? '' : percent(person.lineShare), 6, 'right')} ` : '';
  const dim = person.departed && !person.leaving;
  const name = fitWithMarker(safe(person.name || person.email), person.departed ? DEPARTED_MARK : '', nameWidth(width, hasLines));
  return [
    { text: `${selected ? '›' : ' '}${fit(`${position}.`, 3, 'right')} ` },
    { text: person.leaving ? '[x] ' : '[ ] ', color: person.leaving ? 'red' : undefined, bold: person.leaving },
    { text: `${name} ${fit(count(person.files), 6, 'right')} ${fit(percent(person.share), 6, 'right')} ${lines}  `, dim },
    { text: person.leaving ? 'leaving' : person.departed ? 'departed' : formatAge(person.lastCommitAt, headTime), color: person.leaving ? 'red' : undefined, dim },
  ];
}

/** Who wrote the surviving lines, or how to get that. */
export function lineSummarySegments(lines: LineSummary | undefined): Segment[] {
  if (!lines) return [{ text: 'line ownership: run with --lines', dim: true }];
  const top = lines.owners.slice(0, 3).map((owner) => `${safe(owner.name || owner.email)} ${percent(owner.share)}`);
  const rest = lines.owners.slice(3);
  const others = rest.length > 0 ? [`${rest.length} others ${percent(rest.reduce((total, owner) => total + owner.share, 0))}`] : [];
  return [{ text: `lines (${count(lines.lines)}): `, bold: true }, { text: [...top, ...others].join(' · ') || 'none' }];
}

/** Knowledge islands, saying which kind: line-based with `--lines`, else single-author files. */
export function islandSegments(report: Report, islands: IslandSummary): Segment[] {
  const nameOf = (id: string) => {
    const person = report.people.find((candidate) => candidate.id === id);
    return safe(person?.name || id);
  };
  if (islands.kind === 'lines') {
    const list = islands.islands.slice(0, 4).map((island) => `${safe(island.path)} (${nameOf(island.owner)} ${percent(island.share)})`);
    return [{ text: `islands (≥90% of lines one person's): ${count(islands.islands.length)}`, bold: true }, { text: list.length > 0 ? ` · ${list.join(' · ')}` : '' }];
  }
  const list = islands.byPerson.slice(0, 4).map((entry) => `${nameOf(entry.id)} ${count(entry.files)}`);
  return [
    { text: `single-author files (DOA, --lines for line islands): ${count(islands.files)} of ${count(islands.of)}`, bold: true },
    { text: list.length > 0 ? ` · ${list.join(' · ')}` : '' },
  ];
}

/**
 * CODEOWNERS in the detail pane: for a rule, its declared owners (whom they are in the history)
 * and where declaration and knowledge part; for the root, the files no rule owns.
 */
export function codeownersSegments(report: Report, node: ModuleNode): Segment[] | undefined {
  const codeowners = report.codeowners;
  if (!codeowners) return undefined;
  const nameOf = (id: string) => safe(report.people.find((candidate) => candidate.id === id)?.name || id);
  if (!node.module) {
    const unowned = codeowners.drift.find((drift) => drift.kind === 'unowned');
    const findings = codeowners.drift.filter((drift) => drift.kind !== 'unowned').length;
    return [{ text: `${safe(codeowners.file)}: `, bold: true }, { text: `${plural(findings, 'drift finding')} · ${unowned ? `${count(unowned.files)} files no rule owns` : 'every file owned'}` }];
  }
  if (node.module.kind !== 'codeowners') return undefined;
  const rule = codeowners.rules.find((candidate) => candidate.id === node.module?.id);
  if (!rule) return undefined;
  const owners = rule.owners.map((owner) => {
    const match = codeowners.owners.find((candidate) => candidate.owner === owner);
    return `${safe(owner)}${match?.person ? ` = ${nameOf(match.person)}` : match?.type === 'team' ? ' (team)' : ' (unmatched)'}`;
  });
  const drift = rule.drift.map((finding) =>
    finding.kind === 'owner-without-knowledge' ? `${safe(finding.owner)} authors none` : finding.kind === 'key-person-not-owner' ? `${safe(finding.name)} key, not owner${finding.unverifiable ? '?' : ''}` : '',
  );
  return [
    { text: 'owners: ', bold: true },
    { text: owners.join(' ') || '(none: unowned)' },
    { text: drift.length > 0 ? ` · drift: ${drift.join(' · ')}` : ' · no drift', color: drift.length > 0 ? 'yellow' : undefined },
  ];
}
