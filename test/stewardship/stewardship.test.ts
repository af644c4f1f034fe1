import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { MERGING_MAINTAINER_HISTORY, PLAIN_HISTORY, SQUASH_HISTORY, STEWARDSHIP_HISTORY } from '../../fixtures/stewardship-histories.js';
import { analyze } from '../../src/analyze.js';
import type { StewardshipActivity } from '../../src/report/report.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';
import { runCli } from '../helpers/run-cli.js';

const fixture = useFixtureRepos();
const tempDir = useTempDirs('busfactor-stewardship-');
const shares = (activity: StewardshipActivity) => activity.people.map((p) => [p.name, p.events, p.windowEvents, p.departed]);

// Every figure is worked out by hand above the histories (fixtures/stewardship-histories.ts).
describe('stewardship', () => {
  it('counts integration by two maintainers over a window, its first second inside', async () => {
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir });
    const { integration } = report.stewardship;
    expect(report.stewardship.window).toEqual({ age: '1y', from: '2023-06-02T12:00:00Z', to: '2024-06-01T12:00:00Z' });
    expect(integration).toMatchObject({ present: true, busFactor: 2, activeBusFactor: 2, events: 6, windowEvents: 4, merges: 5, landed: 1, unattributed: 0, botEvents: 0 });
    expect(integration.keyPeople).toEqual(['maya@example.com', 'owen@example.com']);
    expect(shares(integration)).toEqual([
      ['Maya Lind', 3, 2, false],
      ['Owen Park', 3, 2, false],
    ]);
    // One day shorter: Owen's merge on the edge falls out, Maya's 2 of 3 are more than half.
    const shorter = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, stewardshipWindow: '364d' });
    expect(shorter.stewardship.integration).toMatchObject({ busFactor: 2, activeBusFactor: 1, windowEvents: 3, activeKeyPeople: ['maya@example.com'] });
  });

  it('counts releases, with a departed releaser, a tagger without email, and tags that are not releases', async () => {
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir });
    const { releases } = report.stewardship;
    expect(releases).toMatchObject({ present: true, busFactor: 2, activeBusFactor: 1, events: 5, windowEvents: 3, tags: 8, releases: 5, windowReleases: 3, medianDaysBetween: 162 });
    expect(releases.ignored).toEqual({ notRelease: 2, notCommit: 1, afterAnalysed: 0, anonymous: 0 });
    expect(releases.keyPeople).toEqual(['maya@example.com', 'olaf@example.com']);
    expect(releases.activeKeyPeople).toEqual(['maya@example.com']);
    expect(releases.people.map((p) => [p.name, p.events, p.windowEvents, p.lastTag, p.last, p.departed])).toEqual([
      ['Maya Lind', 2, 2, 'v1.3.0', '2024-05-20T12:00:00Z', false],
      ['Owen Park', 1, 1, 'v1.2.0', '2024-01-10T12:00:00Z', false],
      ['Olaf Old', 2, 0, 'v1.0.0', '2023-03-01T12:00:00Z', true],
    ]);
    expect(releases.recent.map((r) => [r.tag, r.by])).toEqual([
      ['v1.3.0', 'maya@example.com'],
      ['v1.2.0', 'owen@example.com'],
      ['v1.1.0', 'maya@example.com'],
      ['v1.0.0', 'olaf@example.com'],
      ['v0.9.0', 'olaf@example.com'],
    ]);
    // Olaf only tags: a person of the history with no commit, departed by his last release.
    expect(report.people.find((p) => p.name === 'Olaf Old')).toMatchObject({ commits: 0, lastCommitAt: null, lastActiveAt: '2023-03-01T12:00:00Z', departed: true, departure: 'inactive' });
  });

  it('counts review trailers from someone other than the author, once per commit and person', async () => {
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir });
    const { review } = report.stewardship;
    expect(review).toMatchObject({ present: true, busFactor: 1, activeBusFactor: 1, events: 3, windowEvents: 1, keyPeople: ['rae@example.com'], activeKeyPeople: ['rae@example.com'] });
    expect(review.kinds).toEqual({ reviewed: 1, acked: 1, tested: 1, signedOff: 1 });
    expect(review.people.map((p) => [p.name, p.events, p.kinds])).toEqual([
      ['Rae Ruiz', 2, { reviewed: 1, acked: 1, tested: 1, signedOff: 0 }],
      ['Maya Lind', 1, { reviewed: 0, acked: 0, tested: 0, signedOff: 1 }],
    ]);
  });

  it('scores the build and delivery files with AVL authorship, Linguist or not', async () => {
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir });
    const { build } = report.stewardship;
    expect(build.files).toEqual([
      { path: '.github/workflows/ci.yml', category: 'ci', authors: ['owen@example.com'] },
      { path: 'Dockerfile', category: 'containers', authors: ['maya@example.com'] },
      // Authors in people[] order: Owen has 5 commits (his merges count), Alice 4.
      { path: 'Makefile', category: 'build', authors: ['owen@example.com', 'alice@example.com'] },
    ]);
    expect(build).toMatchObject({ present: true, busFactor: 2, activeBusFactor: 2, events: 4, windowEvents: 3 });
    expect(build.keyPeople[0]).toBe('owen@example.com');
    expect(build.people.map((p) => [p.name, p.events, p.windowEvents, p.files])).toEqual([
      ['Owen Park', 2, 2, 2],
      ['Maya Lind', 1, 1, 1],
      ['Alice Archer', 1, 0, 1],
    ]);
    // The config adds src/a.js and takes the Dockerfile out: Alice 2 (a.js, Makefile), Owen 2 of 3
    // (ci.yml, Makefile). Alice first (5 creations and deliveries over the counted files against
    // Owen's 1) → ci.yml and Makefile still covered, 2/3 goes on; Owen → 0/3: bus factor 2.
    const dir = tempDir();
    const config = path.join(dir, 'busfactor.json');
    writeFileSync(config, JSON.stringify({ stewardship: { buildFiles: ['src/a.js'], notBuildFiles: ['Dockerfile'] } }));
    const configured = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, configFile: config });
    expect(configured.stewardship.build.files.map((f) => [f.path, f.category])).toEqual([
      ['.github/workflows/ci.yml', 'ci'],
      ['Makefile', 'build'],
      ['src/a.js', 'configured'],
    ]);
    expect(configured.stewardship.build).toMatchObject({ busFactor: 2, keyPeople: ['alice@example.com', 'owen@example.com'] });
    expect(configured.settings).toMatchObject({ buildFiles: ['src/a.js'], notBuildFiles: ['Dockerfile'], releaseTags: [] });
  });

  it('changes the stewardship bus factors when people leave (--without, people.departed)', async () => {
    const report = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, without: ['Owen Park'] });
    // Without Owen: integration Maya 3 of 6 (not more than half) → 0, window 2 of 4 → 0; releases
    // Maya + Olaf still 4 of 5 → 2, window Maya 2 of 3 → 1; review untouched; build 2 files of 3
    // covered to start, one removal → 1/3: 1.
    expect(report.whatIf?.stewardship).toEqual({
      integration: { busFactor: { before: 2, after: 0 }, activeBusFactor: { before: 2, after: 0 } },
      releases: { busFactor: { before: 2, after: 2 }, activeBusFactor: { before: 1, after: 1 } },
      review: { busFactor: { before: 1, after: 1 }, activeBusFactor: { before: 1, after: 1 } },
      build: { busFactor: { before: 2, after: 1 }, activeBusFactor: { before: 2, after: 1 } },
    });
    const dir = tempDir();
    const config = path.join(dir, 'busfactor.json');
    writeFileSync(config, JSON.stringify({ people: { departed: ['Owen Park'] } }));
    const departed = await analyze({ path: fixture(STEWARDSHIP_HISTORY).dir, configFile: config });
    expect(departed.stewardship.integration).toMatchObject({ busFactor: 2, activeBusFactor: 0, activeKeyPeople: [] });
    expect(departed.stewardship.integration.people.find((p) => p.name === 'Owen Park')?.departed).toBe(true);
  });

  it('busfactor people shows each person\'s roles now, in text and JSON', () => {
    const repo = fixture(STEWARDSHIP_HISTORY);
    // Window shares: integration Maya 2 and Owen 2 of 4; releases Maya 2, Owen 1 of 3; review Rae
    // 1 of 1; build files authored of 3: Owen 2, Maya 1, Alice 1. Olaf and Bob hold nothing now.
    const json = JSON.parse(runCli(['people', repo.dir, '--json']).stdout);
    const rolesOf = (id: string) => json.roles.filter((r: { id: string }) => r.id === id).map((r: { activity: string; share: number }) => [r.activity, Math.round(r.share * 100)]);
    expect(rolesOf('maya@example.com')).toEqual([['integration', 50], ['releases', 67], ['build', 33]]);
    expect(rolesOf('owen@example.com')).toEqual([['integration', 50], ['releases', 33], ['build', 67]]);
    expect(rolesOf('rae@example.com')).toEqual([['review', 100]]);
    expect(rolesOf('olaf@example.com')).toEqual([]);
    const text = runCli(['people', repo.dir]).stdout.split('\n');
    const row = (name: string) => text.find((line) => line.startsWith(`  ${name}`)) ?? '';
    expect(text[2]).toMatch(/ files {2}roles$/);
    expect(row('Maya Lind')).toMatch(/ {2}integrates 50% · releases 67% · build 33%$/);
    expect(row('Owen Park')).toMatch(/ {2}integrates 50% · releases 33% · build 67%$/);
    expect(row('Rae Ruiz')).toMatch(/ {2}reviews 100%$/);
    expect(row('Olaf Old')).toMatch(/ {2}0$/);
  });

  it('a maintainer who only lands other people\'s work has not departed', async () => {
    const report = await analyze({ path: fixture(MERGING_MAINTAINER_HISTORY).dir });
    expect(report.people.find((p) => p.name === 'Owen Park')).toMatchObject({ lastCommitAt: '2022-01-10T12:00:00Z', lastActiveAt: '2024-05-01T12:00:00Z', departed: false });
    expect([report.busFactor, report.activeBusFactor, report.lost.files]).toEqual([2, 2, 0]);
    expect(report.stewardship.integration).toMatchObject({ busFactor: 1, activeBusFactor: 1, landed: 1, keyPeople: ['owen@example.com'] });
  });

  it('reads integration from committer ≠ author in a squash-only history', async () => {
    const report = await analyze({ path: fixture(SQUASH_HISTORY).dir });
    expect(report.stewardship.integration).toMatchObject({ present: true, busFactor: 2, activeBusFactor: 2, events: 4, merges: 1, landed: 3, unattributed: 1, botEvents: 1, keyPeople: ['owen@example.com', 'maya@example.com'] });
    // GitHub itself is nobody: not a person of the history.
    expect(report.people.flatMap((p) => p.emails)).not.toContain('noreply@github.com');
    expect(report.stewardship.releases.present).toBe(false);
  });

  it('reports each activity as absent, not as bus factor 0, when the history has none', async () => {
    const report = await analyze({ path: fixture(PLAIN_HISTORY).dir });
    for (const kind of ['integration', 'releases', 'review', 'build'] as const) {
      expect(report.stewardship[kind]).toMatchObject({ present: false, busFactor: null, activeBusFactor: null, keyPeople: [] });
    }
    // Alice signing off her own commit is no review.
    expect(report.stewardship.review.events).toBe(0);
    const result = runCli([fixture(PLAIN_HISTORY).dir, '--json', '--without', 'Alice Archer']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).whatIf.stewardship).toEqual({});
  });

  it('takes thousands of tags, tags of tags and tags of trees', async () => {
    const repo = fixture(PLAIN_HISTORY);
    const head = repo.rev('HEAD');
    // 2500 lightweight release tags on the last commit: Alice committed it, she made them.
    const updates = Array.from({ length: 2500 }, (_, i) => `create refs/tags/v1.0.${i} ${head}\n`).join('');
    execFileSync('git', ['update-ref', '--stdin'], { cwd: repo.dir, env: isolatedGitEnv(), input: updates });
    const tagObject = (name: string, object: string, type: string) =>
      repo.git(['mktag'], {}, `object ${object}\ntype ${type}\ntag ${name}\ntagger Owen Park <owen@example.com> 1706788800 +0000\n\n${name}\n`);
    const inner = tagObject('v2.9.9', head, 'commit');
    repo.git(['update-ref', 'refs/tags/v2.9.9', inner]);
    repo.git(['update-ref', 'refs/tags/v3.0.0', tagObject('v3.0.0', inner, 'tag')]);
    repo.git(['update-ref', 'refs/tags/v4.0.0', tagObject('v4.0.0', repo.git(['rev-parse', 'HEAD^{tree}']), 'tree')]);
    const report = await analyze({ path: repo.dir });
    // 2500 by Alice, v2.9.9 and v3.0.0 (a tag of a tag: its tagger made it) by Owen: Alice's
    // 2500 of 2502 is more than half: bus factor 1. v4.0.0 tags a tree.
    expect(report.stewardship.releases).toMatchObject({ present: true, busFactor: 1, tags: 2503, releases: 2502, keyPeople: ['alice@example.com'] });
    expect(report.stewardship.releases.ignored).toEqual({ notRelease: 0, notCommit: 1, afterAnalysed: 0, anonymous: 0 });
    expect(report.stewardship.releases.people.map((p) => [p.name, p.events])).toEqual([
      ['Alice Archer', 2500],
      ['Owen Park', 2],
    ]);
  });

  it('ignores releases made after an older analysed commit, but not the tag of that commit', async () => {
    const repo = fixture(STEWARDSHIP_HISTORY);
    // At Owen's merge of f4 (2024-01-10): v1.2.0 tags it (counted); v1.3.0 is dated 2024-05-20.
    const atV12 = await analyze({ path: repo.dir, rev: 'v1.2.0' });
    expect(atV12.stewardship.releases).toMatchObject({ releases: 4, ignored: { notRelease: 2, notCommit: 1, afterAnalysed: 1, anonymous: 0 } });
    // At Owen's merge of f3 (2023-06-02): v1.1.0 tags it a month later, still this commit's
    // release; v1.2.0 (2024-01-10) and v1.3.0 are later. Releases: v0.9.0, v1.0.0, v1.1.0.
    const atV11 = await analyze({ path: repo.dir, rev: 'v1.1.0' });
    expect(atV11.stewardship.releases).toMatchObject({ releases: 3, ignored: { notRelease: 2, notCommit: 1, afterAnalysed: 2, anonymous: 0 } });
  });
});
