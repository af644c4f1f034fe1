/**
 * A small nested repository for the explorer's tests. Every file has one creator and nobody else
 * touches it, except src/ui/view.js, which Alice edits twice after Carol creates it:
 * Carol DOA = 3.293 + 1.098 − 0.321·ln 3 = 4.038; Alice DOA = 3.293 + 0.164·2 − 0.321·ln 2 = 3.399
 * (0.84 of the best, ≥ 3.293) → both author it.
 *
 * Authors: src/core/{a,b,c} Alice; src/core/d, src/api/{server,routes} Bob; src/api/auth,
 * src/ui/theme Carol; src/ui/view Carol + Alice; lib/{util,log}, lib/parsers/json/parse Dave;
 * tools/build Erin; tools/evil Mallory (a name carrying escape sequences). 14 files.
 *
 * Greedy, repository: Alice 4, then Bob, Carol, Dave with 3 each (3 creations each → by id).
 * 14/14 → −Alice 11/14 → −Bob 8/14 → −Carol 5/14 = 0.36: bus factor 3 (Alice, Bob, Carol).
 * Folders: src (9 files) Alice 4, Bob 3, Carol 3: 9/9 → 6/9 → 3/9: 2. src/core: Alice 3 of 4 → 1.
 * src/api: Bob 2 of 3 → 1. src/ui: Carol 2, Alice 1: 2/2 → 1/2 = 0.5 → 0: 2. lib: Dave → 1.
 * tools: Erin, Mallory 1 each: 2/2 → 1/2 → 0: 2. lib/parsers/json: 1 file, Dave → 1.
 *
 * Without Alice: repository 11/14 → −Bob 8/14 → −Carol 5/14: 3 → 2; src 6/9 → −Bob 3/9: 2 → 1;
 * src/ui Carol 2/2 → 0: 2 → 1; src/core: only d.js authored, 1/4 < 0.5: 1 → 0.
 *
 * People over time: HEAD's committer date is 2021-06-01 12:00 and `--departed-after` is 1y (365
 * days). Bob's last commit (2020-03-01) is 457 days older: he has departed. Carol's (2020-06-01
 * 12:00) is exactly 365 days older, not more: she is still here. Lost (every author departed):
 * src/core/d, src/api/{server,routes}: 3 of 14; src/api 2 of 3, src/core 1 of 4.
 * Active (Bob gone): repository 11/14 → −Alice 8/14 → −Carol 5/14: 2. src 6/9 → −Alice 3/9: 1.
 * src/core 3/4 → −Alice: 1. src/api: Carol's auth, 1/3 < 0.5: 0. src/ui 2, lib 1, tools 2.
 */
import type { Step } from '../../fixtures/build-repo.js';
import { ALICE, BOB, CAROL, DAVE, ERIN } from '../../fixtures/people.js';

export const MALLORY = { name: 'Mallory \x1b[31mRED\x1b[0m', email: 'mallory@example.com' };

const at = (date: string): string => `${date}T12:00:00Z`;

export const EXPLORER_HISTORY: readonly Step[] = [
  { commit: { author: ALICE, at: at('2020-01-01'), write: { 'src/core/a.js': 'a\n', 'src/core/b.js': 'b\n', 'src/core/c.js': 'c\n', 'README.md': '# app\n' } } },
  { commit: { author: BOB, at: at('2020-03-01'), write: { 'src/core/d.js': 'd\n', 'src/api/server.js': 'server\n', 'src/api/routes.js': 'routes\n' } } },
  { commit: { author: CAROL, at: at('2020-06-01'), write: { 'src/api/auth.js': 'auth\n', 'src/ui/view.js': 'view\n', 'src/ui/theme.js': 'theme\n' } } },
  { commit: { author: ALICE, at: at('2020-07-01'), write: { 'src/ui/view.js': 'view 2\n' } } },
  { commit: { author: ALICE, at: at('2020-08-01'), write: { 'src/ui/view.js': 'view 3\n' } } },
  { commit: { author: DAVE, at: at('2021-01-01'), write: { 'lib/util.js': 'util\n', 'lib/log.js': 'log\n', 'lib/parsers/json/parse.js': 'parse\n' } } },
  { commit: { author: ERIN, at: at('2021-05-01'), write: { 'tools/build.js': 'build\n' } } },
  { commit: { author: MALLORY, at: at('2021-06-01'), write: { 'tools/evil.js': 'evil\n' } } },
];
