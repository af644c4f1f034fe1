import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONOREPO } from '../../fixtures/module-histories.js';
import ignore from 'ignore';
import { ALICE } from '../../fixtures/people.js';
import { analyze } from '../../src/analyze.js';
import { ruleMatcher } from '../../src/modules/codeowners/codeowners-modules.js';
import { parseCodeowners } from '../../src/modules/codeowners/parse-codeowners.js';
import type { Warning } from '../../src/warnings.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();

describe('CODEOWNERS patterns, as GitHub applies them', () => {
  const matches = (pattern: string, files: string[]) => files.filter(ruleMatcher(pattern, ignore));
  const files = ['a.js', 'docs/a.md', 'docs/sub/b.md', 'src/docs/c.md', 'src/app.js', 'src/lib/deep/x.js', 'Docs/d.md', 'build/logs/x.log'];

  it('a pattern without a slash matches anywhere; a leading slash anchors at the top', () => {
    expect(matches('*.md', files)).toEqual(['docs/a.md', 'docs/sub/b.md', 'src/docs/c.md', 'Docs/d.md']);
    expect(matches('docs/', files)).toEqual(['docs/a.md', 'docs/sub/b.md', 'src/docs/c.md']);
    expect(matches('/docs/', files)).toEqual(['docs/a.md', 'docs/sub/b.md']);
  });

  it('dir/* owns the files directly in dir, dir/** everything below it', () => {
    expect(matches('docs/*', files)).toEqual(['docs/a.md']);
    expect(matches('/src/*', files)).toEqual(['src/app.js']);
    expect(matches('src/**', files)).toEqual(['src/docs/c.md', 'src/app.js', 'src/lib/deep/x.js']);
    expect(matches('**/logs', files)).toEqual(['build/logs/x.log']);
    expect(matches('*', files)).toEqual(files);
  });

  it('is case-sensitive', () => {
    expect(matches('/Docs/', files)).toEqual(['Docs/d.md']);
  });

  it('skips lines GitHub rejects, naming their line; GitLab sections and their default owners', () => {
    const warnings: Warning[] = [];
    const rules = parseCodeowners(['# c', 'a.js @a', '!b.js @b', '[x].js @c', 'c.js bad-owner', 'with\\ space.js @d # trailing', '[Backend][2] @team/be', '/api/', '^[Optional]', '/opt/ @o'].join('\n'), 'CODEOWNERS', warnings);
    expect(rules.map((rule) => [rule.line, rule.pattern, rule.owners, rule.section])).toEqual([
      [2, 'a.js', ['@a'], undefined],
      [6, 'with space.js', ['@d'], undefined],
      // A rule without owners in a section takes the section's default owners.
      [8, '/api/', ['@team/be'], 'Backend'],
      [10, '/opt/', ['@o'], 'Optional'],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'CODEOWNERS:3: negated patterns are not supported in CODEOWNERS: the line is ignored',
      'CODEOWNERS:4: character ranges ([ ]) are not supported in CODEOWNERS: the line is ignored',
      'CODEOWNERS:5: "bad-owner" is not a @user, @org/team or email address: the line is ignored',
    ]);
  });
});

describe('CODEOWNERS modules and drift (fixtures/module-histories.ts)', () => {
  const drifted = async () =>
    analyze({ path: fixture(MONOREPO).dir, moduleKinds: ['codeowners'], aliases: { 'carol@example.com': ['@carol'] } });

  it('a module per rule with the files it finally owns (last match wins), declared owners attached', async () => {
    const report = await drifted();
    expect(report.modules.map((m) => [m.id, m.name, m.files, m.busFactor, m.owners])).toEqual([
      ['codeowners:3', '/packages/billing/', 3, 1, ['@alice', 'alice@example.com']],
      // Alice 2 (server, routes), Bob 2 (auth, users): 4/4 → −Alice 2/4 → −Bob 0: 2.
      ['codeowners:4', '/packages/api/', 4, 2, ['@bob-gh', '@carol']],
      ['codeowners:5', 'infra/*', 2, 1, ['carol@example.com', '@dave']],
      ['codeowners:8', '/tools/', 1, 1, []],
    ]);
    // `*` owns nothing once the later rules have taken every file: a rule, no module.
    expect(report.codeowners?.rules.find((rule) => rule.line === 2)).toMatchObject({ pattern: '*', files: 0, busFactor: 0 });
    expect(report.warnings.filter((w) => w.code === 'codeowners-unreadable').map((w) => w.message.split(':').slice(0, 2).join(':'))).toEqual(['.github/CODEOWNERS:6', '.github/CODEOWNERS:7', '.github/CODEOWNERS:9']);
  });

  it('owners matched by email, GitHub no-reply address and config alias; teams and strangers reported, never guessed', async () => {
    const report = await drifted();
    expect(report.codeowners?.file).toBe('.github/CODEOWNERS');
    expect(report.codeowners?.owners).toEqual([
      { owner: '@acme/core', type: 'team' },
      { owner: '@alice', type: 'user' },
      { owner: 'alice@example.com', type: 'email', person: 'alice@example.com', matchedBy: 'email' },
      { owner: '@bob-gh', type: 'user', person: '12345+bob-gh@users.noreply.github.com', matchedBy: 'noreply' },
      { owner: '@carol', type: 'user', person: 'carol@example.com', matchedBy: 'alias' },
      { owner: 'carol@example.com', type: 'email', person: 'carol@example.com', matchedBy: 'email' },
      { owner: '@dave', type: 'user' },
    ]);
  });

  it('every drift kind', async () => {
    const report = await drifted();
    expect(report.codeowners?.drift).toEqual([
      // /packages/api/: Carol is declared but authors none of its four files; Alice, its first
      // key person, is not declared (both owners matched: verifiable).
      { kind: 'owner-without-knowledge', rule: '/packages/api/', line: 4, owner: '@carol', person: 'carol@example.com' },
      { kind: 'key-person-not-owner', rule: '/packages/api/', line: 4, person: 'alice@example.com', name: 'Alice Archer', files: 2, unverifiable: false },
      // /tools/ names nobody: Bob, who wrote build.js, is its key person and no owner.
      { kind: 'key-person-not-owner', rule: '/tools/', line: 8, person: '12345+bob-gh@users.noreply.github.com', name: 'Bob Baker', files: 1, unverifiable: false },
      // …and its file is owned by nobody.
      { kind: 'unowned', files: 1, paths: ['tools/build.js'] },
    ]);
    // Billing: Alice is its key person and declared (by email) → no drift; infra: Carol likewise.
    expect(report.codeowners?.rules.find((rule) => rule.line === 5)?.drift).toEqual([]);
  });

  it('text: the rules by risk and a drift section; no CODEOWNERS: no section, no error', () => {
    const repo = fixture(MONOREPO);
    // The aliases come from the work tree's busfactor.json this time.
    writeFileSync(path.join(repo.dir, 'busfactor.json'), JSON.stringify({ aliases: { 'carol@example.com': ['@carol'] } }));
    const text = runCli([repo.dir, '--modules', 'codeowners', '--no-tui']).stdout;
    expect(text).toContain('CODEOWNERS rules by risk (.github/CODEOWNERS)');
    // BF 1, active 1 (nobody has departed), 3 files, nothing lost.
    expect(text).toMatch(/^ {2}1 ! {5}1 ! {6}3 {5}- {2}\/packages\/billing\/ +@alice alice@example\.com +Alice Archer \(100%\)$/m);
    expect(text).toContain('    /packages/api/ (line 4): @carol = Carol Chen');
    expect(text).toContain('  1 counted file no rule owns (first: tools/build.js)');
    expect(text).toContain('  1 rule owns no counted file: * (line 2)');
    expect(text).toContain('  teams (not expanded offline): @acme/core');
    expect(text).toContain('owners matched to nobody in the history (add them to "aliases"): @alice, @dave');
    const bare = fixture([{ commit: { author: ALICE, at: '2022-01-01T00:00:00Z', write: { 'a.js': 'a\n' } } }]);
    const none = runCli([bare.dir, '--modules', 'codeowners', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).not.toHaveProperty('codeowners');
  });
});
