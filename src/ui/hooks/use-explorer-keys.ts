import { useRef } from 'react';
import type { ExplorerState } from '../model/explorer-state.js';
import { handleKey, type KeyContext } from '../model/handle-key.js';
import { splitKeys } from '../model/split-keys.js';
import { useLatestInput } from './use-latest-input.js';

/**
 * Feeds key presses to the key map. Each key is read against the rows of the state it applies
 * to (`context(state)`), not those of the last frame: keys typed faster than a frame is drawn
 * (a paste, tmux send-keys `jjj`, which also arrive as one string) act as if typed slowly.
 */
export function useExplorerKeys(state: ExplorerState, setState: (next: ExplorerState) => void, context: (state: ExplorerState) => KeyContext, onQuit: () => void): void {
  const latest = useRef(state);
  latest.current = state;
  useLatestInput((input, key) => {
    let current = latest.current;
    for (const [one, info] of splitKeys(input, key)) {
      const next = handleKey(current, one, info, context(current));
      if (next === 'quit') {
        onQuit();
        return;
      }
      current = next;
    }
    if (current !== latest.current) {
      latest.current = current;
      setState(current);
    }
  });
}
