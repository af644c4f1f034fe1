import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_PEOPLE_HISTORY, JANE, PEOPLE_HISTORY } from '../../fixtures/people-histories.js';
import type { MergeSuggestion } from '../../src/identity/merge-suggestions.js';
import type { PeopleReport } from '../../src/report/people-report.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-people-');

function peopleJson(args: readonly string[]): PeopleReport {
  const result = runCli(['people', ...args, '--json']);
  if (result.code !== 0) throw new Error(`busfactor exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as PeopleReport;
}

/** The people as rows: id, commits, departed (and why), bot, files authored. */
const rows = (report: PeopleReport) => report.people.map((p) => [p.id, p.commits, p.departure ?? (p.departed ? 'yes' : ''), p.bot, p.filesAuthored]);

const identity = (name: string, email: string, commits: number, person: string) => ({ name, email, commits, person });
const JANE_ID = 'jane.doe@a.com';
const JOSE_ID = 'jose@pm.example';
const JDOE_ID = '123+jdoe@users.noreply.github.com';

// Worked out by hand in the comment above PEOPLE_HISTORY (fixtures/people-histories.ts).
const PEOPLE_SUGGESTIONS: MergeSuggestion[] = [
  {
    group: 1,
    reason: 'same-name',
    mergedByBusfactor: true,
    identities: [identity('Jane Doe', 'jane.doe@a.com', 3, JANE_ID), identity('Jane Doe', 'jane@home.example', 1, JANE_ID)],
    people: [JANE_ID],
    canonical: { name: 'Jane Doe', email: 'jane.doe@a.com' },
  },
  {
    group: 1,
    reason: 'email-local-part',
    mergedByBusfactor: false,
    identities: [identity('Jane Doe', 'jane.doe@a.com', 3, JANE_ID), identity('Doe, Jane', 'jane.doe@b.org', 1, 'jane.doe@b.org')],
    people: [JANE_ID, 'jane.doe@b.org'],
    canonical: { name: 'Jane Doe', email: 'jane.doe@a.com' },
  },
  {
    group: 2,
    reason: 'same-name',
    mergedByBusfactor: true,
    identities: [identity('José Pérez', 'jose@pm.example', 2, JOSE_ID), identity('Jose Perez', 'jperez@work.example', 1, JOSE_ID)],
    people: [JOSE_ID],
    canonical: { name: 'José Pérez', email: 'jose@pm.example' },
  },
  {
    group: 2,
    reason: 'name-folded',
    mergedByBusfactor: false,
    // One-commit identities by name: "Jose Perez" < "jose.perez" (upper case sorts first).
    identities: [identity('José Pérez', 'jose@pm.example', 2, JOSE_ID), identity('Jose Perez', 'jperez@work.example', 1, JOSE_ID), identity('jose.perez', 'jp@laptop.example', 1, 'jp@laptop.example')],
    people: [JOSE_ID, 'jp@laptop.example'],
    canonical: { name: 'José Pérez', email: 'jose@pm.example' },
  },
  {
    group: 3,
    reason: 'github-noreply',
    mergedByBusfactor: false,
    identities: [identity('jdoe', '123+jdoe@users.noreply.github.com', 2, JDOE_ID), identity('John Doe', 'jdoe@users.noreply.github.com', 1, 'jdoe@users.noreply.github.com')],
    people: [JDOE_ID, 'jdoe@users.noreply.github.com'],
    canonical: { name: 'jdoe', email: '123+jdoe@users.noreply.github.com' },
  },
];

describe('busfactor people', () => {
  it('prints everyone, then the merge suggestions with their reasons', () => {
    const repo = fixture(PEOPLE_HISTORY);
    const result = runCli(['people', repo.dir]);
    // 9 people (see the fixture), 1 bot, 1 departed (Old Timer, last commit 2022-01-10, more than
    // 1y before 2024-06-01). Groups by commits 5, 4, 3; within a group the surest reason first.
    const expected = [
      `${path.basename(repo.dir)} @ ${repo.rev('HEAD').slice(0, 12)} · 9 people · 1 bot · 1 departed`,
      '',
      '  name                    emails                                             commits  first       last        departed                 bot  files',
      '  Jane Doe                jane.doe@a.com, jane@home.example                        4  2024-05-01  2024-05-04                                    4',
      '  José Pérez, Jose Perez  jose@pm.example, jperez@work.example                     3  2024-05-09  2024-05-11                                    3',
      '  jdoe                    123+jdoe@users.noreply.github.com                        2  2024-05-06  2024-05-07                                    2',
      '  dependabot[bot]         49699333+dependabot[bot]@users.noreply.github.com        1  2024-06-01  2024-06-01                           bot      0',
      '  Dependabot Bot          dbfan@fans.example                                       1  2024-05-13  2024-05-13                                    1',
      '  Doe, Jane               jane.doe@b.org                                           1  2024-05-05  2024-05-05                                    1',
      '  John Doe                jdoe@users.noreply.github.com                            1  2024-05-08  2024-05-08                                    1',
      '  jose.perez              jp@laptop.example                                        1  2024-05-12  2024-05-12                                    1',
      '  Old Timer               old@timer.example                                        1  2022-01-10  2022-01-10  yes (no activity in 1y)           1',
      '',  
      'Merge suggestions (nothing is applied; busfactor people --mailmap prints them as .mailmap lines to review)',
      '  1. → Jane Doe <jane.doe@a.com>',
      '     same-name (merged by busfactor, not by git): Jane Doe <jane.doe@a.com> (3 commits), Jane Doe <jane@home.example> (1 commit)',
      '     email-local-part (not merged by busfactor): Jane Doe <jane.doe@a.com> (3 commits), Doe, Jane <jane.doe@b.org> (1 commit)',
      '  2. → José Pérez <jose@pm.example>',
      '     same-name (merged by busfactor, not by git): José Pérez <jose@pm.example> (2 commits), Jose Perez <jperez@work.example> (1 commit)',
      '     name-folded (not merged by busfactor): José Pérez <jose@pm.example> (2 commits), Jose Perez <jperez@work.example> (1 commit), jose.perez <jp@laptop.example> (1 commit)',
      '  3. → jdoe <123+jdoe@users.noreply.github.com>',
      '     github-noreply (not merged by busfactor): jdoe <123+jdoe@users.noreply.github.com> (2 commits), John Doe <jdoe@users.noreply.github.com> (1 commit)',
      '',
    ].join('\n');
    expect([result.code, result.stdout, result.stderr]).toEqual([0, expected, '']);
  });

  it('--json: the people of the report and the suggestions; --format json is the same', () => {
    const repo = fixture(PEOPLE_HISTORY);
    const report = peopleJson([repo.dir]);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'repository', 'head', 'revision', 'referenceTime', 'departedAfter', 'people', 'suggestions', 'roles', 'warnings']);
    // No merge, tag, trailer or build file: nobody holds a stewardship role.
    expect([report.schemaVersion, report.tool.name, report.head, report.referenceTime, report.departedAfter, report.roles, report.warnings]).toEqual([1, 'busfactor', repo.rev('HEAD'), '2024-06-01T12:00:00Z', '1y', [], []]);
    // Most commits first, then id ('4' < 'd' < 'j' < 'o'); every creator authors their own files,
    // dependabot's edit is dropped (bots left out), Old Timer departed as inactive.
    expect(rows(report)).toEqual([
      [JANE_ID, 4, '', false, 4],
      [JOSE_ID, 3, '', false, 3],
      [JDOE_ID, 2, '', false, 2],
      ['49699333+dependabot[bot]@users.noreply.github.com', 1, '', true, 0],
      ['dbfan@fans.example', 1, '', false, 1],
      ['jane.doe@b.org', 1, '', false, 1],
      ['jdoe@users.noreply.github.com', 1, '', false, 1],
      ['jp@laptop.example', 1, '', false, 1],
      ['old@timer.example', 1, 'inactive', false, 1],
    ]);
    expect(report.people[1]).toMatchObject({ name: 'José Pérez', names: ['José Pérez', 'Jose Perez'], emails: ['jose@pm.example', 'jperez@work.example'], firstCommitAt: '2024-05-09T12:00:00Z', lastCommitAt: '2024-05-11T12:00:00Z' });
    expect(report.suggestions).toEqual(PEOPLE_SUGGESTIONS);
    expect(runCli(['people', repo.dir, '--format', 'json']).stdout).toBe(runCli(['people', repo.dir, '--json']).stdout);
  });

  it('--mailmap: the suggestions as .mailmap lines and nothing else; applied by hand, git and busfactor agree', () => {
    const repo = fixture(PEOPLE_HISTORY);
    const result = runCli(['people', repo.dir, '--mailmap']);
    // One block per group, a `# reason` line per suggestion; every identity of the group but the
    // proposed one maps to it (one-commit identities by name: "Doe, Jane" < "Jane Doe").
    const expected = [
      '# same-name (merged by busfactor, not by git): Jane Doe <jane.doe@a.com>, Jane Doe <jane@home.example>',
      '# email-local-part (not merged by busfactor): Jane Doe <jane.doe@a.com>, Doe, Jane <jane.doe@b.org>',
      'Jane Doe <jane.doe@a.com> Doe, Jane <jane.doe@b.org>',
      'Jane Doe <jane.doe@a.com> Jane Doe <jane@home.example>',
      '',
      '# same-name (merged by busfactor, not by git): José Pérez <jose@pm.example>, Jose Perez <jperez@work.example>',
      '# name-folded (not merged by busfactor): José Pérez <jose@pm.example>, Jose Perez <jperez@work.example>, jose.perez <jp@laptop.example>',
      'José Pérez <jose@pm.example> Jose Perez <jperez@work.example>',
      'José Pérez <jose@pm.example> jose.perez <jp@laptop.example>',
      '',
      '# github-noreply (not merged by busfactor): jdoe <123+jdoe@users.noreply.github.com>, John Doe <jdoe@users.noreply.github.com>',
      'jdoe <123+jdoe@users.noreply.github.com> John Doe <jdoe@users.noreply.github.com>',
      '',
    ].join('\n');
    expect([result.code, result.stdout, result.stderr]).toEqual([0, expected, '']);
    // Nothing was written into the repository.
    expect(repo.git(['status', '--porcelain'])).toBe('');

    // The reviewer accepts every line: git now counts 6 people (5 + 4 + 3 commits for the three
    // groups), busfactor the same 6, and nothing is left to suggest.
    writeFileSync(path.join(repo.dir, '.mailmap'), result.stdout);
    expect(repo.git(['shortlog', '-sne', 'HEAD']).split('\n').map((line) => line.trim().replace(/\s+/, ' '))).toEqual([
      '5 Jane Doe <jane.doe@a.com>',
      '4 José Pérez <jose@pm.example>',
      '3 jdoe <123+jdoe@users.noreply.github.com>',
      '1 Dependabot Bot <dbfan@fans.example>',
      '1 Old Timer <old@timer.example>',
      '1 dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
    ]);
    const after = peopleJson([repo.dir]);
    expect([after.people.map((p) => [p.id, p.commits]), after.suggestions]).toEqual([
      [[JANE_ID, 5], [JOSE_ID, 4], [JDOE_ID, 3], ['49699333+dependabot[bot]@users.noreply.github.com', 1], ['dbfan@fans.example', 1], ['old@timer.example', 1]],
      [],
    ]);
    expect(runCli(['people', repo.dir, '--mailmap'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('honours the analysis settings typed: --departed-after, --include-bots, --rev, --config aliases', () => {
    const repo = fixture(PEOPLE_HISTORY);
    // 2022-01-10 is less than 3y before 2024-06-01: nobody has departed.
    expect(peopleJson([repo.dir, '--departed-after', '3y']).people.filter((p) => p.departed)).toEqual([]);
    // jane1.js with the bot counted: Jane 3.293 + 1.098 − 0.321·ln 2 = 4.171; dependabot
    // 3.293 + 0.164 = 3.457 → 0.829 of the best, ≥ 0.75: both author it.
    const withBots = peopleJson([repo.dir, '--include-bots']);
    expect(withBots.people.filter((p) => p.id === JANE_ID || p.bot).map((p) => [p.id, p.filesAuthored])).toEqual([
      [JANE_ID, 4],
      ['49699333+dependabot[bot]@users.noreply.github.com', 1],
    ]);
    // One commit back, dependabot is not in the history yet; the same three groups remain.
    const before = peopleJson([repo.dir, '--rev', 'HEAD~1']);
    expect([before.people.length, before.people.some((p) => p.bot), before.suggestions]).toEqual([8, false, PEOPLE_SUGGESTIONS]);
    // The config makes "Doe, Jane" Jane: busfactor merges her by alias (still not git), and the
    // email-local-part guess is gone: they already are one person.
    const config = path.join(tempDir(), 'bf.json');
    writeFileSync(config, JSON.stringify({ aliases: { 'jane.doe@a.com': ['jane.doe@b.org'] } }));
    const aliased = peopleJson([repo.dir, '--config', config]);
    expect(aliased.people[0]).toMatchObject({ id: JANE_ID, commits: 5, names: ['Jane Doe', 'Doe, Jane'] });
    expect(aliased.suggestions.filter((s) => s.group === 1)).toEqual([
      PEOPLE_SUGGESTIONS[0],
      {
        group: 1,
        reason: 'alias',
        mergedByBusfactor: true,
        identities: [identity('Jane Doe', 'jane.doe@a.com', 3, JANE_ID), identity('Doe, Jane', 'jane.doe@b.org', 1, JANE_ID), identity('Jane Doe', 'jane@home.example', 1, JANE_ID)],
        people: [JANE_ID],
        canonical: { name: 'Jane Doe', email: 'jane.doe@a.com' },
      },
    ]);
  });

  it('names and emails from the repository are escaped; those a .mailmap cannot hold are skipped with a comment', () => {
    const repo = fixture(HOSTILE_PEOPLE_HISTORY);
    const text = runCli(['people', repo.dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text.stdout).toContain('     same-name (merged by busfactor, not by git): Mallory <mallory@evil.example> (2 commits), Mallory <mal\\x1b]0;pwned\\x07@evil.example> (1 commit)');
    const mailmap = runCli(['people', repo.dir, '--mailmap']);
    // Eve and Mallory both have 3 commits: eve1@… sorts before mallory@…, so Eve's group is first.
    expect([mailmap.code, mailmap.stdout]).toEqual([
      0,
      [
        '# same-name (merged by busfactor, not by git): Eve\\x1b[2J <eve1@evil.example>, Eve\\x1b[2J <eve2@evil.example>',
        '# skipped: the proposed identity Eve\\x1b[2J <eve1@evil.example> cannot be written as a .mailmap line (empty, or holds <, > or a control character)',
        '',
        '# same-name (merged by busfactor, not by git): Mallory <mallory@evil.example>, Mallory <mal\\x1b]0;pwned\\x07@evil.example>',
        '# skipped: Mallory <mal\\x1b]0;pwned\\x07@evil.example> cannot be written as a .mailmap line (empty, or holds <, > or a control character)',
        '',
      ].join('\n'),
    ]);
  });

  it('warnings: at the end of the text; on stderr with --json and --mailmap; none with -q', () => {
    // Old Timer's commit, then Jane's with a repository config whose depth is no number.
    const repo = fixture([...PEOPLE_HISTORY.slice(0, 2), { commit: { author: JANE, at: '2024-05-02T12:00:00Z', write: { 'busfactor.json': '{ "depth": "x" }\n' } } }]);
    const warning = 'busfactor.json: depth: expected a whole number of 1 or more, got "x" (ignored)';
    const text = runCli(['people', repo.dir]);
    // Two people, nothing to merge (Old Timer and Jane share no name, address or login).
    expect([text.code, text.stdout.split('\n').slice(-4), text.stderr]).toEqual([0, ['Merge suggestions: none', '', `warning: ${warning}`, ''], '']);
    const json = runCli(['people', repo.dir, '--json']);
    expect([json.code, (JSON.parse(json.stdout) as PeopleReport).warnings.map((w) => w.message), json.stderr]).toEqual([0, [warning], `busfactor: warning: ${warning}\n`]);
    expect(runCli(['people', repo.dir, '--mailmap'])).toEqual({ code: 0, stdout: '', stderr: `busfactor: warning: ${warning}\n` });
    expect(runCli(['people', repo.dir, '--mailmap', '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('-o FILE writes the result there, atomically, and nothing to stdout', () => {
    const repo = fixture(PEOPLE_HISTORY);
    const dir = tempDir();
    const file = path.join(dir, 'people.json');
    writeFileSync(file, 'the previous list');
    const result = runCli(['people', repo.dir, '--json', '-o', file]);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
    expect((JSON.parse(readFileSync(file, 'utf8')) as PeopleReport).suggestions).toEqual(PEOPLE_SUGGESTIONS);
    const lines = path.join(dir, 'mailmap.txt');
    expect(runCli(['people', repo.dir, '--mailmap', '-o', lines]).code).toBe(0);
    expect(readFileSync(lines, 'utf8')).toBe(runCli(['people', repo.dir, '--mailmap']).stdout);
    expect(readdirSync(dir).sort()).toEqual(['mailmap.txt', 'people.json']);
  });

  it('bad input: one line on stderr and exit code 2', () => {
    const missing = runCli(['people', '/nonexistent']);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'busfactor: error: path does not exist: /nonexistent\n']);
    const repo = fixture(PEOPLE_HISTORY);
    const both = runCli(['people', repo.dir, '--mailmap', '--json']);
    expect([both.code, both.stdout, both.stderr]).toEqual([2, '', 'busfactor: error: --mailmap prints .mailmap lines: it cannot be combined with --json or --format\n']);
  });
});
