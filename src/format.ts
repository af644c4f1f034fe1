/** Number and risk wording shared by the reports, the warnings, the progress line and the explorer. */

/**
 * `81,966`: thousands separated, the same on every machine. Whole numbers are grouped here:
 * `toLocaleString` sets up ICU's number formatting on its first call, 9 ms of every run's output
 * and of the explorer's first frame; anything else is left to it.
 */
export const count = (n: number): string => {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return n < 0 ? `-${grouped}` : grouped;
};

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

/** git's progress stages as simple-git names them (the first word of git's line, `remote:` for the server's own). */
const TRANSFER_STAGES: Readonly<Record<string, string>> = {
  'remote:': 'the server prepares objects',
  enumerating: 'enumerating objects',
  counting: 'counting objects',
  compressing: 'compressing objects',
  receiving: 'receiving objects',
  resolving: 'resolving deltas',
  unpacking: 'unpacking objects',
};

/** What a clone or fetch is doing, without the URL: `receiving objects 45% (1,234 / 2,740)`. */
export function transferStage(progress: { readonly stage: string; readonly percent: number; readonly processed: number; readonly total: number } | undefined): string {
  if (!progress) return '';
  return `${TRANSFER_STAGES[progress.stage] ?? progress.stage} ${Math.min(100, Math.max(0, progress.percent))}% (${count(progress.processed)} / ${count(progress.total)})`;
}

/** `cloning`, `fetching`, or waiting for another run's clone or fetch of the same copy. */
export function transferAction(action: string): string {
  return action === 'waiting' ? 'waiting for another busfactor run to fetch' : action;
}
