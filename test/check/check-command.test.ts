import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEATURE_BRANCH_HISTORY, GATE_HISTORY, HOSTILE_HISTORY, withConfig } from '../../fixtures/check-histories.js';
import type { CheckResult } from '../../src/check/check-result.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-check-'));
  temps.push(dir);
  return dir;
}

/** `busfactor check … --json`: the exit code and the parsed result. */
function check(args: readonly string[], env: Record<string, string> = {}): { code: number | null; result: CheckResult; stderr: string } {
  const run = runCli(['check', ...args, '--json'], { env });
  if (run.code !== 0 && run.code !== 1) throw new Error(`busfactor check exited ${run.code}: ${run.stderr}`);
  return { code: run.code, result: JSON.parse(run.stdout) as CheckResult, stderr: run.stderr };
}

const summary = (result: CheckResult) => result.findings.map((finding) => `${finding.level} ${finding.rule} ${finding.subject.id} ${finding.value}/${finding.threshold}`);

// Every figure below is worked out in fixtures/check-histories.ts: repository bus factor 2, active 1,
// lost 30 %; api 1/1, billing 1/0 (100 % lost), web 2/2.
describe('busfactor check: policies and exit codes', () => {
  it('passes (exit 0) when every figure meets its minimum', () => {
    const { code, result } = check([fixture(GATE_HISTORY).dir, '--min', '2', '--min-active', '1']);
    expect(code).toBe(0);
    expect(result.passed).toBe(true);
    expect(result.counts).toEqual({ errors: 0, warnings: 0, checks: 2, ignoredModules: 0 });
    expect(result.checks.map((c) => `${c.rule} ${c.subject.id} ${c.value} ${c.passed}`)).toEqual(['min-bus-factor repository 2 true', 'min-active-bus-factor repository 1 true']);
  });

  it('fails (exit 1) on a repository breach, naming who holds it and whether they left', () => {
    const { code, result } = check([fixture(GATE_HISTORY).dir, '--min', '3', '--max-lost', '25%']);
    expect(code).toBe(1);
    // Bus factor 2 < 3; lost 30 % > 25 %.
    expect(summary(result)).toEqual(['error min-bus-factor repository 2/3', 'error max-lost repository 0.3/0.25']);
    const [busFactor] = result.findings;
    expect(busFactor?.holders.map((h) => `${h.name} ${h.amount} ${h.departed}`)).toEqual(['Bob Baker 4 false', 'Alice Archer 3 true']);
    expect(busFactor?.message).toBe('the repository has a bus factor of 2, below the minimum of 3');
    expect(busFactor?.holders.map((h) => `${h.name} ${h.share}`)).toEqual(['Bob Baker 0.4', 'Alice Archer 0.3']);
  });

  it('checks every module with --module-min and explains each finding with its successors', () => {
    const { code, result } = check([fixture(GATE_HISTORY).dir, '--module-min', '2', '--module-min-active', '1']);
    expect(code).toBe(1);
    // api 1 < 2; billing 1 < 2 and active 0 < 1; web passes both.
    expect(summary(result)).toEqual(['error min-bus-factor directory:api 1/2', 'error min-bus-factor directory:billing 1/2', 'error min-active-bus-factor directory:billing 0/1']);
    const api = result.findings[0];
    expect(api?.holders.map((h) => h.name)).toEqual(['Bob Baker']);
    expect(api?.candidates.map((c) => c.name)).toEqual(['Carol Chen']);
    expect(api?.remedy).toBe('have Carol Chen review and pair on changes to it with Bob Baker, so more people know it');
    const billing = result.findings[2];
    // Alice left and nobody else ever touched billing.
    expect(billing?.holders.map((h) => `${h.name} ${h.departed}`)).toEqual(['Alice Archer true']);
    expect(billing?.remedy).toBe('nobody still here has worked on it: assign someone to learn it from its history');
    expect(result.checks.filter((c) => c.passed).map((c) => `${c.rule} ${c.subject.id}`)).toEqual(['min-bus-factor directory:web', 'min-active-bus-factor directory:api', 'min-active-bus-factor directory:web']);
  });

  it('takes policies from the repository config; flags win; levels and ignore apply', () => {
    const repo = fixture(
      withConfig({
        check: {
          min: { value: 3, level: 'warning' },
          modules: { '**': { min: 2 }, 'directory:web': { min: 3 }, billing: { maxLost: { value: 0.5, level: 'warning' } } },
          ignore: ['api'],
        },
      }),
    );
    const { code, result } = check([repo.dir]);
    expect(code).toBe(1);
    // api ignored; billing 1 < 2 (error) and lost 100 % > 50 % (warning); web: the exact entry (3) wins over ** (2): 2 < 3.
    expect(summary(result)).toEqual(['error min-bus-factor directory:billing 1/2', 'error min-bus-factor directory:web 2/3', 'warning min-bus-factor repository 2/3', 'warning max-lost directory:billing 1/0.5']);
    expect(result.counts.ignoredModules).toBe(1);
    // --min on the command line replaces the config's repository minimum (and its level).
    const flagged = check([repo.dir, '--min', '2', '--warn-only']);
    expect(flagged.code).toBe(0);
    expect(summary(flagged.result)).toEqual(['warning min-bus-factor directory:billing 1/2', 'warning min-bus-factor directory:web 2/3', 'warning max-lost directory:billing 1/0.5']);
  });

  it('warns about a policy naming no module, with close matches', () => {
    const { result, stderr } = check([fixture(GATE_HISTORY).dir, '--min', '1', '--ignore', 'biling']);
    expect(result.passed).toBe(true);
    expect(result.warnings.map((w) => w.message)).toContain('check: no module matches "biling" (did you mean "billing"?): its policy applies to nothing');
    expect(stderr).toContain('busfactor: warning: check: no module matches "biling"');
  });

  it('checks stewardship minimums and skips activities the history does not show', () => {
    const { code, result } = check([fixture(GATE_HISTORY).dir, '--stewardship-min', '2']);
    // No merges, no tags, no review trailers, no build files in this history: nothing to evaluate.
    expect(code).toBe(0);
    expect(result.counts.checks).toBe(0);
    expect(result.warnings.filter((w) => w.code === 'rule-skipped').map((w) => w.message)).toEqual([
      "check: the history shows no integration (merging and landing others' work): its stewardship policy was not evaluated",
      'check: the history shows no releases: its stewardship policy was not evaluated',
      'check: the history shows no review: its stewardship policy was not evaluated',
      'check: the history shows no build and delivery: its stewardship policy was not evaluated',
    ]);
  });
});

describe('busfactor check: bad input (exit 2, one line)', () => {
  it('refuses to run without any policy', () => {
    const run = runCli(['check', fixture(GATE_HISTORY).dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('busfactor: error: no policy to check: give a rule such as --min 2 or --module-min-active 1, or a "check" section in busfactor.json (docs/check.md)\n');
  });

  it('under GitHub Actions an input error is also an annotation', () => {
    const run = runCli(['check', fixture(GATE_HISTORY).dir], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[1]).toBe('::error title=busfactor::busfactor: error: no policy to check: give a rule such as --min 2 or --module-min-active 1, or a "check" section in busfactor.json (docs/check.md)');
  });

  it('refuses a broken check section of the repository config instead of dropping the policy', () => {
    const run = runCli(['check', fixture(withConfig({ check: { min: 0, modules: { api: { mni: 2 } } } })).dir]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^busfactor: error: busfactor\.json: check\.min: expected a whole number of 1 or more/);
  });

  it('refuses a bad --max-drift and a bad --max-lost', () => {
    const dir = fixture(GATE_HISTORY).dir;
    const drift = runCli(['check', dir, '--max-drift', 'orphans=1']);
    expect(drift.code).toBe(2);
    expect(drift.stderr).toBe('busfactor: error: --max-drift orphans=1: expected kind=n, with kind one of owner-without-knowledge, key-person-not-owner, unowned (unowned=0)\n');
    const lost = runCli(['check', dir, '--max-lost', '1.5']);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('expected a share from 0 to 1 (0.25) or a percentage (25%)');
  });

  it('refuses a shallow clone unless --allow-shallow', () => {
    const source = fixture(GATE_HISTORY);
    const shallow = path.join(tempDir(), 'shallow');
    source.git(['clone', '-q', '--depth', '1', `file://${source.dir}`, shallow]);
    const refused = runCli(['check', shallow, '--min', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this is a shallow clone');
    expect(refused.stderr).toContain('actions/checkout with fetch-depth: 0; GitLab CI: GIT_DEPTH: 0');
    const allowed = runCli(['check', shallow, '--min', '1', '--allow-shallow']);
    expect(allowed.code).toBe(0);
  });
});

describe('busfactor check: baseline ratchet', () => {
  it('writes a sorted baseline, then known debt warns and only a regression or a new breach fails', () => {
    const repo = fixture(GATE_HISTORY);
    const baseline = path.join(tempDir(), 'baseline.json');
    // No file yet: exit 2 with the fix.
    const missing = runCli(['check', repo.dir, '--module-min', '2', '--baseline', baseline]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file (write it once with --update-baseline, then commit it)');

    const update = check([repo.dir, '--module-min', '2', '--baseline', baseline, '--update-baseline']);
    expect(update.code).toBe(0);
    expect(update.result.baseline).toMatchObject({ entries: 2, debt: 2, regressions: 0, new: 0, updated: true });
    expect(readFileSync(baseline, 'utf8')).toBe(
      [
        '{',
        '  "busfactorBaseline": 1,',
        '  "findings": [',
        '    {"rule":"min-bus-factor","subject":"directory:api","value":1},',
        '    {"rule":"min-bus-factor","subject":"directory:billing","value":1}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );

    // Same history: both findings are known debt, warnings only.
    const debt = check([repo.dir, '--module-min', '2', '--baseline', baseline]);
    expect(debt.code).toBe(0);
    expect(summary(debt.result)).toEqual(['warning min-bus-factor directory:api 1/2', 'warning min-bus-factor directory:billing 1/2']);

    // Raising the minimum to 3 makes web (2) a new breach: it fails; api and billing stay debt.
    const fresh = check([repo.dir, '--module-min', '3', '--baseline', baseline]);
    expect(fresh.code).toBe(1);
    expect(summary(fresh.result)).toEqual(['error min-bus-factor directory:web 2/3', 'warning min-bus-factor directory:api 1/3', 'warning min-bus-factor directory:billing 1/3']);
    expect(fresh.result.findings[0]?.baseline).toBe('new');

    // A baseline recording api at 2 sees today's 1 as a regression.
    writeFileSync(baseline, '{"busfactorBaseline":1,"findings":[{"rule":"min-bus-factor","subject":"directory:api","value":2},{"rule":"min-bus-factor","subject":"directory:gone","value":1}]}\n');
    const regression = check([repo.dir, '--module-min', '2', '--baseline', baseline]);
    expect(regression.code).toBe(1);
    expect(summary(regression.result)).toEqual(['error min-bus-factor directory:api 1/2', 'error min-bus-factor directory:billing 1/2']);
    expect(regression.result.findings.map((f) => f.baseline)).toEqual(['regression', 'new']);
    expect(regression.result.baseline).toMatchObject({ entries: 2, debt: 0, regressions: 1, new: 1 });
  });

  it('keys CODEOWNERS rules by file and pattern: a line added above a rule keeps its baseline entry', () => {
    const codeowners = (lines: string) => ({ commit: { author: { name: 'Dave Dunn', email: 'dave@example.com' }, at: '2024-06-01T11:00:00Z', write: { CODEOWNERS: lines } } });
    const repo = fixture([...GATE_HISTORY, codeowners('/api/ @bob\n/web/ @carol\n')]);
    const baseline = path.join(tempDir(), 'baseline.json');
    // /api/ (Bob 3 of 4 files): bus factor 1 < 2; /web/ (three people): 2.
    const update = check([repo.dir, '--modules', 'codeowners', '--module-min', '2', '--baseline', baseline, '--update-baseline']);
    expect(summary(update.result)).toEqual(['warning min-bus-factor codeowners:CODEOWNERS:/api/ 1/2']);
    writeFileSync(path.join(repo.dir, 'CODEOWNERS'), '# owners\n/web/ @carol\n/api/ @bob\n');
    repo.git(['-c', 'user.name=Dave Dunn', '-c', 'user.email=dave@example.com', 'commit', '-q', '-am', 'reorder'], { GIT_AUTHOR_DATE: '2024-06-01T12:00:00Z', GIT_COMMITTER_DATE: '2024-06-01T12:00:00Z' });
    // The rule moved from line 1 to line 3: still known debt, and its annotation points at line 3.
    const after = check([repo.dir, '--modules', 'codeowners', '--module-min', '2', '--baseline', baseline]);
    expect(after.code).toBe(0);
    expect(after.result.findings.map((f) => `${f.baseline} ${f.subject.id} ${f.location?.file}:${f.location?.line}`)).toEqual(['debt codeowners:CODEOWNERS:/api/ CODEOWNERS:3']);
  });

  it('--update-baseline rewrites a broken or older baseline without reading it', () => {
    const baseline = path.join(tempDir(), 'baseline.json');
    writeFileSync(baseline, 'garbage');
    const update = check([fixture(GATE_HISTORY).dir, '--module-min', '2', '--baseline', baseline, '--update-baseline']);
    expect(update.code).toBe(0);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toMatchObject({ busfactorBaseline: 1 });
  });

  it('refuses a baseline that is not JSON or of another version, with the fix', () => {
    const repo = fixture(GATE_HISTORY);
    const baseline = path.join(tempDir(), 'baseline.json');
    writeFileSync(baseline, '{"busfactorBaseline": 2, "findings": []}');
    const version = runCli(['check', repo.dir, '--min', '1', '--baseline', baseline]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(`busfactor: error: baseline ${baseline}: version 2, this busfactor reads version 1: fix it, or write a new one with --update-baseline\n`);
    writeFileSync(baseline, 'not json');
    const broken = runCli(['check', repo.dir, '--min', '1', '--baseline', baseline]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^busfactor: error: baseline .*: not JSON \(.*\): fix it, or write a new one with --update-baseline\n$/);
  });
});

describe('busfactor check --changed-since: pull-request mode', () => {
  it('checks only the modules the branch touches and names reviewers other than its author', () => {
    const repo = fixture(FEATURE_BRANCH_HISTORY);
    const { code, result } = check([repo.dir, '--rev', 'feature', '--changed-since', 'main', '--module-min', '2', '--min', '5']);
    expect(code).toBe(1);
    // Touched: api (search.js) and web (page.js); billing and the repository-wide --min are not checked.
    expect(result.mode).toEqual({ kind: 'changed-since', since: 'main', sinceCommit: repo.rev('main'), base: repo.rev('main'), commits: 2, files: 2, modules: ['directory:api', 'directory:web'] });
    expect(summary(result)).toEqual(['error min-bus-factor directory:api 1/2']);
    // Carol and Dave could take api over; Dave wrote the change, so Carol is the one to ask.
    expect(result.findings[0]?.candidates.map((c) => c.name)).toEqual(['Carol Chen']);
    // Carol edits api on a branch of her own: its only other successor is Dave … and she wrote it.
    const own = fixture([...GATE_HISTORY, { branch: 'carol' }, { commit: { author: { name: 'Carol Chen', email: 'carol@example.com' }, at: '2024-06-02T10:00:00Z', write: { 'api/users.js': 'users\nmore\n' } } }]);
    const mine = check([own.dir, '--rev', 'carol', '--changed-since', 'main', '--module-min', '2']);
    expect(mine.result.findings[0]?.candidates).toEqual([]);
    expect(mine.result.findings[0]?.remedy).toBe("the change's authors are the only others who know it: have Bob Baker review this change, so the knowledge spreads");
  });

  it('compares from the merge base when the revision is not an ancestor, and refuses an unknown one', () => {
    const repo = fixture([...FEATURE_BRANCH_HISTORY, { checkout: 'main' }, { commit: { author: { name: 'Bob Baker', email: 'bob@example.com' }, at: '2024-06-04T10:00:00Z', write: { 'billing/more.js': 'more\n' } } }]);
    const { result } = check([repo.dir, '--rev', 'feature', '--changed-since', 'main', '--module-min', '1']);
    expect(result.mode).toMatchObject({ kind: 'changed-since', commits: 2, modules: ['directory:api', 'directory:web'] });
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('is not an ancestor of');
    const unknown = runCli(['check', repo.dir, '--changed-since', 'origin/nope', '--min', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('busfactor: error: --changed-since origin/nope: unknown revision: origin/nope (fetch it first (git fetch origin main; in GitHub Actions, actions/checkout with fetch-depth: 0; in GitLab, GIT_DEPTH: 0))');
  });
});

describe('busfactor check: outputs', () => {
  it('writes several formats at once and text to stdout', () => {
    const repo = fixture(GATE_HISTORY);
    const out = tempDir();
    const run = runCli(['check', repo.dir, '--module-min', '2', '-o', `sarif=${out}/a.sarif`, '-o', `junit=${out}/j.xml`, '-o', `codeclimate=${out}/cq.json`, '-o', `markdown=${out}/s.md`]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^busfactor check: FAILED — 2 errors, 0 warnings \(3 checks\)/);
    for (const file of ['a.sarif', 'j.xml', 'cq.json', 's.md']) expect(existsSync(path.join(out, file))).toBe(true);
    expect((JSON.parse(readFileSync(path.join(out, 'a.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect((JSON.parse(readFileSync(path.join(out, 'cq.json'), 'utf8')) as unknown[]).length).toBe(2);
  });

  it('under GitHub Actions prints annotations, fences the rest and appends the job summary', () => {
    const repo = fixture(GATE_HISTORY);
    const summaryFile = path.join(tempDir(), 'summary.md');
    const run = runCli(['check', repo.dir, '--module-min', '2'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile } });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^::error title=busfactor min-bus-factor%3A api::/);
    expect(lines[1]).toMatch(/^::error title=busfactor min-bus-factor%3A billing::/);
    const stop = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[2] ?? '');
    expect(stop).not.toBeNull();
    expect(lines.at(-2)).toBe(`::${stop?.[1]}::`);
    expect(readFileSync(summaryFile, 'utf8')).toContain('busfactor');
    // An unwritable summary is a warning, not a failure of the gate.
    const unwritable = runCli(['check', repo.dir, '--module-min', '1'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(tempDir(), 'no', 'such', 'dir', 's.md') } });
    expect(unwritable.code).toBe(0);
    expect(unwritable.stderr).toContain('busfactor: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY (ENOENT)');
  });

  it('--format github under GitHub Actions prints the annotations once, unfenced', () => {
    const run = runCli(['check', fixture(GATE_HISTORY).dir, '--module-min', '2', '--format', 'github'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' } });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, 41))).toEqual(['::error title=busfactor min-bus-factor%3A', '::error title=busfactor min-bus-factor%3A']);
    expect(run.stderr).toBe('');
  });

  it('refuses two plain -o files and an -o into a missing folder', () => {
    const repo = fixture(GATE_HISTORY);
    const two = runCli(['check', repo.dir, '--min', '1', '-o', 'a.txt', '-o', 'b.txt']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('only one -o FILE without a format');
    const missing = runCli(['check', repo.dir, '--min', '1', '-o', `sarif=${path.join(tempDir(), 'no', 'x.sarif')}`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^busfactor: error: cannot write .*x\.sarif: ENOENT\n$/);
  });

  it('escapes a hostile name and path in workflow commands and fences the text that repeats them', () => {
    // One author writes the three files of `a|b<c>`: bus factor 1, below --module-min 2.
    const run = runCli(['check', fixture(HOSTILE_HISTORY).dir, '--module-min', '2'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    // Properties escape `:` and `,`; the data escapes `%` (the name's literal %0A stays text, not a newline).
    expect(lines[0]?.startsWith('::error title=busfactor min-bus-factor%3A a|b<c>::a|b<c> has a bus factor of 1, below the minimum of 2. Held by Mal ::error::pwned | [x](javascript:alert(1)) & "q" %250A ##[error]y (100%25).')).toBe(true);
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[1] ?? '')?.[1];
    expect(token).toBeDefined();
    const fenced = lines.slice(2, lines.indexOf(`::${token}::`));
    // The text repeats the name, but never at the start of a line, and only inside the fence.
    expect(fenced.join('\n')).toContain('::error::pwned');
    expect(fenced.join('\n')).toContain('##[error]y');
    expect(fenced.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
  });

  it('the scan only warns about a broken check section', () => {
    const run = runCli([fixture(withConfig({ check: { min: 0 } })).dir, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('busfactor: warning: busfactor.json: check.min: expected a whole number of 1 or more');
  });
});
