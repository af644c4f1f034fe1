import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { ExplorerState } from '../model/explorer-state.js';
import { Line } from './Line.js';

export interface Props {
  readonly state: ExplorerState;
  readonly width: number;
}

const HINTS = {
  tree: 'jk move · hl fold · tab people · x leave · p people · / find · s sort · ? · q',
  detail: 'jk move · space/x leave/stay · tab back to tree · c clear all · ? help · q quit',
  people: 'jk move · space/x leave/stay · c clear · p modules · / find · s sort · ? · q',
} as const;

/** Key hints for where the keys go, or the filter being typed. */
export function Footer({ state, width }: Props) {
  if (state.editing) {
    const what = state.view === 'people' ? 'people by name or email' : 'modules by path or name';
    return <Line segments={[{ text: `/${safe(state.filters[state.view])}▏`, bold: true }, { text: `   filter ${what} · enter keeps · esc clears`, dim: true }]} width={width} />;
  }
  const hints = state.view === 'people' ? HINTS.people : HINTS[state.focus];
  return <Line segments={[{ text: hints, dim: true }]} width={width} />;
}
