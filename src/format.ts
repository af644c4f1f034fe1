/** Number and risk wording shared by the reports, the warnings, the progress line and the explorer. */

/** `81,966`: thousands separated, the same on every machine. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** `1 file`, `2,496 files`; `1 repository`, `40 repositories` with the plural given. */
export const plural = (n: number, noun: string, nouns = `${noun}s`): string => `${count(n)} ${n === 1 ? noun : nouns}`;

/** `16%` of a 0–1 share. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** `25.4%`: a share to one decimal, where a whole percent could hide that a limit was passed (check findings). */
export const precisePercent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** `2 → 1`, or `2 (unchanged)`: a what-if figure before and after (`--without`). */
export const beforeAfter = (value: { readonly before: number; readonly after: number }): string =>
  value.before === value.after ? `${value.after} (unchanged)` : `${value.before} → ${value.after}`;

/** Colour of a bus factor: 1 (or 0) red, 2 yellow, 3+ green. */
export function riskLevel(busFactor: number): 'red' | 'yellow' | 'green' {
  return busFactor <= 1 ? 'red' : busFactor === 2 ? 'yellow' : 'green';
}

/** `12,000 / 81,966 commits (14%)`, or `12,000 commits` while the total is unknown. */
export function commitProgress(done: number, total: number | undefined): string {
  return total ? `${count(done)} / ${count(total)} commits (${Math.min(100, Math.floor((done / total) * 100))}%)` : `${count(done)} commits`;
}
