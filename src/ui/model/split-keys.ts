import type { KeyInfo } from './handle-key.js';

/**
 * Ink hands over keys typed faster than it reads them (a paste, tmux send-keys `Tab g`) as one
 * string, and describes only the string as a whole. This turns such a string back into one key
 * press per character, as if typed slowly: control characters become Tab, Enter, Backspace and
 * Ctrl-letter. Escape sequences (arrows, Page Up) come alone and are passed through.
 */
export function splitKeys(input: string, key: KeyInfo): (readonly [string, KeyInfo])[] {
  if ([...input].length <= 1 || input.startsWith('\u001b')) return [[input, key]];
  return [...input].map((char) => {
    if (char === '\t') return ['', { tab: true }];
    if (char === '\r' || char === '\n') return ['', { return: true }];
    if (char === '\u007f' || char === '\b') return ['', { backspace: true }];
    const code = char.charCodeAt(0);
    if (code < 0x20) return [String.fromCharCode(code + 0x60), { ctrl: true }];
    return [char, {}];
  });
}
