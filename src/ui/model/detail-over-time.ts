import { displayWidth } from '../../render/display-width.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Successor } from '../../report/report.js';
import { count, percent, plural } from '../../format.js';
import type { Segment } from './cells.js';
import { allLost, type LostCount } from './lost-files.js';

/** Successors named in the detail pane (the line is cut at the pane's width anyway). */
const SUCCESSORS_SHOWN = 3;

/** `Ann (knowledge 42%, 3 recent changes)`: the evidence as the text output words it. */
export function successorText(successor: Successor): string {
  const evidence = [
    `knowledge ${percent(successor.knowledge)}`,
    ...(successor.recentChanges > 0 ? [plural(successor.recentChanges, 'recent change')] : []),
    ...(successor.lines !== undefined && successor.lines > 0 ? [`${count(successor.lines)} lines`] : []),
  ];
  return `${safe(successor.name || successor.email)} (${evidence.join(', ')})`;
}

/**
 * The detail pane's "people over time" line: what is already lost, then who could take over.
 * `successors` is the module's list from the report (present when its active bus factor is 0 or
 * 1), without the people marked as leaving: they cannot take anything over. Undefined: the report
 * has none for it (the root, or a module with an active bus factor of 2 or more). When the line is
 * longer than `width`, the lost count is said shorter so the first successor stays readable.
 */
export function overTimeSegments(lost: LostCount, successors: readonly Successor[] | undefined, leaving: ReadonlySet<string>, width: number): Segment[] {
  const share = lost.lost > 0 ? ` (${percent(lost.of === 0 ? 0 : lost.lost / lost.of)})` : '';
  const long = `lost ${count(lost.lost)} of ${plural(lost.of, 'file')}${share}`;
  const lostSegment = (text: string): Segment => ({ text, color: allLost(lost) ? 'red' : lost.lost > 0 ? 'yellow' : undefined, dim: lost.lost === 0 });
  if (!successors) return [lostSegment(long)];
  const candidates = successors.filter((successor) => !leaving.has(successor.id));
  const names = candidates.slice(0, SUCCESSORS_SHOWN).map(successorText);
  const more = candidates.length > SUCCESSORS_SHOWN ? `, +${candidates.length - SUCCESSORS_SHOWN} more` : '';
  const label = ' · who could take over: ';
  const who: Segment = names.length > 0 ? { text: `${names.join(', ')}${more}` } : { text: 'nobody else still here has worked on them', color: 'red' };
  const fits = displayWidth(long + label) + displayWidth(names[0] ?? who.text) <= width;
  return [lostSegment(fits ? long : `lost ${count(lost.lost)} of ${count(lost.of)}`), { text: label, bold: true }, who];
}
