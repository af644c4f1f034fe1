import { describe, expect, it } from 'vitest';
import { GUILD_HISTORY, HOSTILE_STEWARD_HISTORY, QUIET_HISTORY } from '../../fixtures/stewardship-ui-histories.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

/** Runs the text output (no TTY: no colour, no width) and expects success. */
function text(args: readonly string[]): string {
  const result = runCli(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The "Stewardship" section: its title down to the blank line after it. */
function section(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Stewardship — '));
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

/** The legend; † explained only where someone departed. */
const LEGEND = '  BF: all history · active: people still here, in the window (build: all history) · share: of the window (build: of the files)';

// Every number below is worked out by hand in the comment above GUILD_HISTORY
// (fixtures/stewardship-ui-histories.ts).
describe('busfactor --format text: the Stewardship section', () => {
  it('gives each activity its bus factor, active bus factor, events in the window and active key people', () => {
    const output = text([fixture(GUILD_HISTORY).dir]);
    expect(section(output)).toEqual([
      // The window: 365 days back from the analysed commit's 2024-06-01 (2024 is a leap year).
      'Stewardship — who runs the project (last 1y: 2023-06-02 → 2024-06-01)',
      '  activity     BF   active  in window  active key people (share)',
      // Integration: Maya 3 of 6 is not over half, + Otto 5: BF 2; window Maya 3 of 4: active 1.
      '  integration  2    1 !             4  Maya Moss (75%)',
      // Releases: Maya 2 + Otto 2 of 5: BF 2; window Maya 2 of 3 (67%): active 1.
      '  releases     2    1 !             3  Maya Moss (67%)',
      // Review: Rae 3 of 5: BF 1; window Rae 3 of 4: active 1.
      '  review       1 !  1 !             4  Rae Reed (75%)',
      // Build: −Maya leaves 2 of 4 files, not over half; −one more: BF 2. Otto gone: −Maya 3 of 4:
      // active 1. Maya authors 2 of the 4 build files: 50%.
      '  build        2    1 !             2  Maya Moss (50%)',
      // The all-history key people differ from the active ones: Otto †, departed (his last
      // activity, the v0.2.0 tag of 2022-05-01, is more than 1y old). Shares over all history:
      // Maya 3/6, Otto 2/6; releases 2/5 each.
      '  integration: 4 merges, 2 commits landed by someone other than their author',
      '    key people over all history: Maya Moss (50%), Otto Old † (33%)',
      // v1.0.0 → v1.1.0 152 days, → v1.2.0 92 days: median 122. `nightly` is not a release's name.
      '  releases: 3 releases in the window, median 122 days apart; last v1.2.0 2024-06-01 by Maya Moss',
      '    key people over all history: Maya Moss (40%), Otto Old † (40%)',
      '    1 tag not counted: 1 name not a release',
      // The all-history key person is the active one (Rae): not repeated.
      '  review: 3 Reviewed-by, 1 Acked-by, 1 Signed-off-by',
      // Dependabot's edit of package.json is a bot's event: said, not counted.
      '  build: 4 build and delivery files',
      '    key people over all history: Maya Moss (50%), Theo Tran (25%)',
      '    plus 1 by bots, not counted',
      `${LEGEND} · † departed`,
    ]);
    // After the main sections, before the excluded files.
    expect(output.indexOf('Stewardship — ')).toBeGreaterThan(output.indexOf('Who could take over'));
    expect(output.indexOf('Stewardship — ')).toBeLessThan(output.indexOf('Excluded:'));
  });

  it('--without adds the stewardship bus factors before → after to the what-if', () => {
    const output = text([fixture(GUILD_HISTORY).dir, '--without', 'Maya Moss']);
    const whatIf = output.split('\n');
    const at = whatIf.indexOf('What if Maya Moss leaves');
    expect(at).toBeGreaterThan(0);
    // Without Maya — integration: Otto 2 + Theo 1 = 3 of 6, not over half: 2 → 0; window Theo 1
    // of 4: 1 → 0. Releases: Otto 2 + Theo 1 = 3 of 5: still 2; window Theo 1 of 3: 1 → 0. Review:
    // Rae's, unchanged. Build: 2 of 4 files orphaned, − one more: 2 → 1; active (Otto gone too):
    // 3 of 4 orphaned at once: 1 → 0.
    expect(whatIf[at + 2]).toBe('  stewardship: integration 2 → 0, active 1 → 0; releases 2 (unchanged), active 1 → 0; review 1 (unchanged), active 1 (unchanged); build 2 → 1, active 1 → 0');
    // The section itself is the history's, as scanned.
    expect(section(output)[2]).toBe('  integration  2    1 !             4  Maya Moss (75%)');
  });

  it('says absent, and why, for an activity the history shows none of: never a bus factor of 0', () => {
    // QUIET_HISTORY: Ann signs her own commit off, GitHub committed Ben's, two tags and neither a
    // release (nightly; v9.9.9 tags a tree), no build file.
    expect(section(text([fixture(QUIET_HISTORY).dir]))).toEqual([
      'Stewardship — who runs the project (last 1y: 2023-02-01 → 2024-02-01)',
      '  activity     BF      active  in window  active key people (share)',
      '  integration  absent  -               -  no merges and no commits landed by someone other than their author',
      '  releases     absent  -               -  no release tags (2 tags, none a release: 1 name not a release, 1 not a commit)',
      '  review       absent  -               -  no review or sign-off trailers from someone other than the author',
      '  build        absent  -               -  no build or delivery files',
      // Ben's commit is GitHub's (a squash or rebase merge): nobody is credited with landing it.
      '  integration: 1 commit landed through the GitHub web interface: who landed it is not recorded',
      LEGEND,
    ]);
  });

  it('shows names and tags from the repository as visible escapes', () => {
    const output = text([fixture(HOSTILE_STEWARD_HISTORY).dir]);
    // Mal reviews Ann's one commit and tags the one release: 1 of 1 each, BF 1.
    expect(section(output).slice(3, 5)).toEqual(['  releases     1 !     1 !             1  Mal \\x1b[31mRED\\x1b[0m (100%)', '  review       1 !     1 !             1  Mal \\x1b[31mRED\\x1b[0m (100%)']);
    expect(output).toContain('last v1.0.0 2024-01-02 by Mal \\x1b[31mRED\\x1b[0m');
    expect(output).not.toMatch(/\u001b/);
  });
});
