import { useLatestInput } from './use-latest-input.js';

/** Keys of the loading and error screens, which have nothing to explore: q / Ctrl-C, or any key. */
export function useScreenKeys(isActive: boolean, onKey: (input: string, ctrl: boolean) => void): void {
  useLatestInput((input, key) => onKey(input, key.ctrl), isActive);
}
