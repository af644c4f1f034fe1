import { useRef } from 'react';
import type { ExplorerState } from '../model/explorer-state.js';
import { handleKey, type KeyContext, type KeyInfo } from '../model/handle-key.js';
import { splitKeys } from '../model/split-keys.js';
import { useLatestInput } from './use-latest-input.js';

/** A key map: the next state for one key, or `quit`. */
export type KeyHandler<S, C> = (state: S, input: string, key: KeyInfo, context: C) => S | 'quit';

/**
 * Feeds key presses to a key map. Each key is read against the rows of the state it applies
 * to (`context(state)`), not those of the last frame: keys typed faster than a frame is drawn
 * (a paste, tmux send-keys `jjj`, which also arrive as one string) act as if typed slowly.
 */
export function useKeyMap<S, C>(state: S, setState: (next: S) => void, context: (state: S) => C, handle: KeyHandler<S, C>, onQuit: () => void): void {
  const latest = useRef(state);
  latest.current = state;
  useLatestInput((input, key) => {
    let current = latest.current;
    for (const [one, info] of splitKeys(input, key)) {
      const next = handle(current, one, info, context(current));
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

/** The repository explorer's keys ({@link useKeyMap} with model/handle-key.ts). */
export function useExplorerKeys(state: ExplorerState, setState: (next: ExplorerState) => void, context: (state: ExplorerState) => KeyContext, onQuit: () => void): void {
  useKeyMap(state, setState, context, handleKey, onQuit);
}
