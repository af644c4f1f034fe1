import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRepo, isolatedGitEnv } from '../../fixtures/build-repo.js';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { createMarkers, loggedSubcommands, loggingGit } from '../../fixtures/hostile-repos.js';
import { runJson } from '../helpers/run-cli.js';

/**
 * Partial clones (`git clone --filter=blob:none` from a file:// URL) lack blobs on purpose. git
 * before 2.45 ends a command at the first one it lacks, after trying to fetch it: the analysis must
 * find out which are missing without asking for them, give the result for the rest, and never try
 * a fetch (the promisor remote is pointed at a marker program, and every git call is logged).
 */
const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-partial-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: isolatedGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// One source for every clone of this file (fixture repos are removed after each test).
const source = buildRepo(TEAM_HISTORY, { parent });
source.git(['config', 'uploadpack.allowFilter', 'true']);
const markers = createMarkers(parent);
const log = path.join(parent, 'git-calls.log');
const env = { PATH: `${loggingGit(path.join(parent, 'logging-git'), log)}:${process.env.PATH ?? ''}` };

/** A blobless clone whose promisor remote, if it were ever contacted, would run a marker. */
function blobless(name: string, flags: string[]): string {
  const target = path.join(parent, name);
  git(parent, ['clone', '-q', '--filter=blob:none', ...flags, `file://${source.dir}`, target]);
  git(target, ['config', 'remote.origin.url', `ext::${markers.program(`fetch-${name}`)} %S`]);
  git(target, ['config', 'protocol.ext.allow', 'always']);
  return target;
}

const full = runJson([source.dir]).report;
const fullLines = runJson([source.dir, '--lines']).report;

describe('a blobless partial clone', () => {
  it('bare, without --lines: the same bus factor, files classified by name, a warning', () => {
    const clone = blobless('bare.git', ['--bare']);
    const { report } = runJson([clone], { env });
    // Every counted file is a .js, which the name alone decides; the exact rename api/routes.js →
    // api/router.js needs no content. Same authors, same bus factor as the full clone.
    expect(report.files).toEqual(full.files);
    expect(report.busFactor).toBe(full.busFactor);
    expect(report.warnings.find((w) => w.code === 'missing-objects')?.message).toMatch(/could not be read .*classified by name only/);
  });

  it('--no-checkout, with --lines: a partial result, every unreadable file named', () => {
    const clone = blobless('no-checkout', ['--no-checkout']);
    const { report } = runJson([clone, '--lines'], { env });
    expect(report.busFactor).toBe(full.busFactor);
    // No blob at all: no file's lines can be had, and the report says which.
    expect(report.files.every((file) => file.owners === undefined)).toBe(true);
    const unavailable = report.warnings.find((w) => w.code === 'missing-objects' && /line ownership is unavailable/.test(w.message));
    expect(unavailable?.paths).toEqual(full.files.map((file) => file.path));
  });

  it('checked out, with --lines: exact lines for every file whose every version is there', () => {
    const clone = blobless('checkout', []);
    const { report } = runJson([clone, '--lines'], { env });
    // The checkout brought HEAD's blobs. Files with one version (created once, or renamed without
    // an edit) have their whole history; lib/io.js (Carol's ten edits) does not.
    const owners = (files: typeof report.files) => Object.fromEntries(files.map((file) => [file.path, file.owners?.map((o) => [o.name, o.lines])]));
    const expected = owners(fullLines.files);
    expect(owners(report.files)).toEqual({ ...expected, 'lib/io.js': undefined });
    expect(report.warnings.find((w) => /line ownership is unavailable/.test(w.message))?.paths).toEqual(['lib/io.js']);
  });

  it('never tries to fetch: no marker ran, no `git fetch` was started', () => {
    expect(markers.fired()).toEqual([]);
    expect(loggedSubcommands(log).has('fetch')).toBe(false);
    expect(loggedSubcommands(log).has('rev-list')).toBe(true);
  });
});
