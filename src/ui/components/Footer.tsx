import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { ExplorerState } from '../model/explorer-state.js';
import { Line } from './Line.js';

export interface Props {
  readonly state: ExplorerState;
  readonly width: number;
}

/** Key hints per place the keys go; `optional` ones show only where the line has room for them. */
const HINTS: Readonly<Record<'tree' | 'detail' | 'people' | 'activities' | 'stewards', readonly (readonly [string, 'optional'?])[]>> = {
  tree: [['jk move'], ['hl fold'], ['tab people'], ['x leave'], ['p people'], ['r roles', 'optional'], ['/ find'], ['s sort'], ['?'], ['q']],
  detail: [['jk move'], ['space/x leave/stay'], ['tab back to tree'], ['c clear all'], ['r roles', 'optional'], ['? help'], ['q quit']],
  people: [['jk move'], ['space/x leave/stay'], ['c clear'], ['p modules'], ['r roles', 'optional'], ['/ find'], ['s sort'], ['?'], ['q']],
  activities: [['jk move'], ['tab people'], ['x leave'], ['r modules'], ['p people'], ['/ find'], ['s sort'], ['?'], ['q']],
  stewards: [['jk move'], ['space/x leave/stay'], ['tab back'], ['c clear all'], ['/ find'], ['s sort'], ['?'], ['q']],
};

/** The hints joined, without the optional ones when all of them would not fit in `width`. */
export function hintText(hints: readonly (readonly [string, 'optional'?])[], width: number): string {
  const all = hints.map(([text]) => text).join(' · ');
  return all.length <= width ? all : hints.flatMap(([text, optional]) => (optional ? [] : [text])).join(' · ');
}

const EDITING: Readonly<Record<ExplorerState['view'], string>> = {
  modules: 'modules by path or name',
  people: 'people by name or email',
  stewardship: "the activity's people by name or email",
};

/** Key hints for where the keys go, or the filter being typed. */
export function Footer({ state, width }: Props) {
  if (state.editing) {
    return <Line segments={[{ text: `/${safe(state.filters[state.view])}▏`, bold: true }, { text: `   filter ${EDITING[state.view]} · enter keeps · esc clears`, dim: true }]} width={width} />;
  }
  const place = state.view === 'people' ? 'people' : state.view === 'stewardship' ? (state.focus === 'detail' ? 'stewards' : 'activities') : state.focus;
  return <Line segments={[{ text: hintText(HINTS[place], width), dim: true }]} width={width} />;
}
