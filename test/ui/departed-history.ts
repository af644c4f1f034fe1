/**
 * A history in which one person has departed, for the explorer's "people over time" views. The
 * analysed commit (HEAD) is Dave's of 2022-06-01 12:00; `--departed-after` is 1y = 365 days, so
 * anyone whose last commit is before 2021-06-01 12:00 has departed. Alice's last commit is of
 * 2021-01-01 (516 days before): she has departed (`inactive`). Bob, Carol and Dave are still here.
 *
 * DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC) (AC: the others' deliveries; creations
 * are not deliveries). An author needs DOA ≥ 3.293 (or to have created the file) and > 0.75 of
 * the file's best.
 *
 * - legacy/{old,older}.js: Alice's alone → both lost (every author departed).
 * - core/{engine,parser}.js: Alice creates them and edits them once (FA 1, DL 1, AC 1):
 *   3.293 + 1.098 + 0.164 − 0.321·ln 2 = 4.3325. Bob edits each once (FA 0, DL 1, AC 1):
 *   3.293 + 0.164 − 0.2225 = 3.2345 < 3.293 → not an author; 3.2345 / 4.3325 = 0.7466 of the
 *   best. Authors: Alice → lost. core/config.js: Bob's alone.
 * - web/a.js Alice's (lost), web/b.js Bob's.
 * - app/{main,view}.js Carol's; app/{util,store}.js Dave's (he edits store.js again at HEAD).
 *
 * 11 files. Creations + deliveries (the tie-break): Alice 5 + 2 = 7, Bob 2 + 2 = 4, Dave 2 + 1 = 3,
 * Carol 2.
 */
import type { Step } from '../../fixtures/build-repo.js';
import { ALICE, BOB, CAROL, DAVE } from '../../fixtures/people.js';

const at = (date: string): string => `${date}T12:00:00Z`;

export const DEPARTED_HISTORY: readonly Step[] = [
  { commit: { author: ALICE, at: at('2020-01-01'), write: { 'legacy/old.js': 'old\n', 'legacy/older.js': 'older\n', 'core/engine.js': 'engine\n', 'core/parser.js': 'parser\n', 'web/a.js': 'a\n' } } },
  { commit: { author: ALICE, at: at('2021-01-01'), write: { 'core/engine.js': 'engine 2\n', 'core/parser.js': 'parser 2\n' } } },
  { commit: { author: CAROL, at: at('2021-09-01'), write: { 'app/main.js': 'main\n', 'app/view.js': 'view\n' } } },
  { commit: { author: DAVE, at: at('2021-10-01'), write: { 'app/util.js': 'util\n', 'app/store.js': 'store\n' } } },
  { commit: { author: BOB, at: at('2022-03-01'), write: { 'core/engine.js': 'engine 3\n', 'core/parser.js': 'parser 3\n', 'core/config.js': 'config\n', 'web/b.js': 'b\n' } } },
  { commit: { author: DAVE, at: at('2022-06-01'), write: { 'app/store.js': 'store 2\n' } } },
];
