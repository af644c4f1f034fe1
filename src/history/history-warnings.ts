import { warningWithPaths, type Warning } from '../warnings.js';
import type { HistoryPass } from './history-pass.js';

/**
 * What the history scan could not count as given: commits without a usable date; files only
 * commits without anybody changed (`anonymous`), and files no kept commit changed. Returns the
 * warnings and the anonymous files (the report counts them as `no-author`).
 */
export function historyWarnings(collector: HistoryPass, withoutHistory: readonly string[]): { warnings: Warning[]; anonymous: string[] } {
  const warnings: Warning[] = [];
  if (collector.undatedCommits > 0) {
    warnings.push({ code: 'bad-dates', message: `${collector.undatedCommits} commit(s) have an author date that is missing or out of range (a forged or damaged commit): their dates are unknown and left out of first and last commit times`, count: collector.undatedCommits });
  }
  const anonymous: string[] = [];
  const neverChanged: string[] = [];
  for (const path of withoutHistory) (collector.anonymousPaths.has(path) ? anonymous : neverChanged).push(path);
  if (neverChanged.length > 0) {
    warnings.push(warningWithPaths('no-history', `${neverChanged.length} file(s) never appear in the changes of a non-merge commit (added by a merge, or only copied) and are not counted, as in the reference implementation`, neverChanged));
  }
  if (anonymous.length > 0) {
    warnings.push(warningWithPaths('anonymous-commits', `${anonymous.length} file(s) were only ever changed by commits without any author or committer name or email; such commits are skipped, as in the reference implementation, so these files are not counted`, anonymous));
  }
  return { warnings, anonymous };
}
