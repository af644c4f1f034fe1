import { useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';

/**
 * `useInput` with a handler that always sees the latest render. Ink re-subscribes a changed
 * handler in an effect, which runs after the frame is drawn: a key pressed in between would
 * reach the previous render's handler and act on stale state.
 */
export function useLatestInput(handler: (input: string, key: Key) => void, isActive = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive });
}
