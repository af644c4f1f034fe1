import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEAM_HISTORY } from '../../fixtures/histories.js';
import { formatTransfer } from '../../src/cli/progress.js';
import { CancelledError, InputError } from '../../src/errors.js';
import type { TransferProgress } from '../../src/git/transfer-git.js';
import { resolveTarget } from '../../src/remote/resolve-target.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { useTempDirs } from '../helpers/temp-dirs.js';

const tempDir = useTempDirs('busfactor-clone-');
const fixture = useFixtureRepos();

describe('cloning a copy', () => {
  it('reports cloning, then git\'s own progress; fetching on the next run', async () => {
    const repo = fixture(TEAM_HISTORY);
    const cacheDir = tempDir();
    const seen: { action: string; url: string; progress: TransferProgress | undefined }[] = [];
    const target = await resolveTarget(`file://${repo.dir}`, { cacheDir, onProgress: (action, url, progress) => seen.push({ action, url, progress }) });
    expect(target.source).toEqual({ url: `file://${repo.dir}`, name: path.basename(repo.dir) });
    expect(target.path).toBe(path.join(cacheDir, 'repos', 'localhost', ...repo.dir.split('/').filter(Boolean).slice(0, -1), `${path.basename(repo.dir)}.git`));
    expect(seen[0]).toEqual({ action: 'cloning', url: `file://${repo.dir}`, progress: undefined });
    // git's --progress lines, as simple-git reads them: the server's counting at least.
    const progress = seen.flatMap((event) => (event.progress ? [event.progress] : []));
    expect(progress.length).toBeGreaterThan(0);
    for (const event of progress) {
      expect(event.percent).toBeGreaterThanOrEqual(0);
      expect(event.percent).toBeLessThanOrEqual(100);
      expect(event.processed).toBeLessThanOrEqual(event.total);
    }
    seen.length = 0;
    await resolveTarget(`file://${repo.dir}`, { cacheDir, onProgress: (action, url, progress) => seen.push({ action, url, progress }) });
    expect(seen[0]?.action).toBe('fetching');
  });

  it('an interrupted clone leaves no copy that a later run would take as complete', async () => {
    const repo = fixture(TEAM_HISTORY);
    const cacheDir = tempDir();
    const controller = new AbortController();
    let progressed = 0;
    const run = resolveTarget(`file://${repo.dir}`, {
      cacheDir,
      signal: controller.signal,
      // Ctrl-C as soon as git reports progress: half-way through the clone.
      onProgress: (_action, _url, progress) => {
        if (progress) {
          progressed += 1;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toThrow(CancelledError);
    expect(progressed).toBeGreaterThan(0);
    const repos = path.join(cacheDir, 'repos');
    expect(readdirSync(path.join(repos, '.incoming'))).toEqual([]);
    expect(readdirSync(repos)).toEqual(['.incoming']);
    await expect(resolveTarget(`file://${repo.dir}`, { cacheDir, fetch: false })).rejects.toThrow(/--no-fetch: there is no copy/);
    const target = await resolveTarget(`file://${repo.dir}`, { cacheDir });
    expect(existsSync(path.join(target.path, 'HEAD'))).toBe(true);
  });

  it('a clone killed outright is removed by a later clone once a day old; one still writing is not', async () => {
    const repo = fixture(TEAM_HISTORY);
    const cacheDir = tempDir();
    const incoming = path.join(cacheDir, 'repos', '.incoming');
    const old = path.join(incoming, 'clone-old');
    const fresh = path.join(incoming, 'clone-fresh');
    mkdirSync(path.join(old, 'objects', 'pack'), { recursive: true });
    mkdirSync(path.join(fresh, 'objects', 'pack'), { recursive: true });
    // The fresh one's folder is old too, but the pack it receives was written a minute ago.
    writeFileSync(path.join(fresh, 'objects', 'pack', 'tmp_pack_x'), 'x');
    const twoDays = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    const minute = new Date(Date.now() - 60 * 1000);
    for (const folder of [old, path.join(old, 'objects', 'pack'), fresh, path.join(fresh, 'objects', 'pack')]) utimesSync(folder, twoDays, twoDays);
    utimesSync(path.join(fresh, 'objects', 'pack', 'tmp_pack_x'), minute, minute);
    await resolveTarget(`file://${repo.dir}`, { cacheDir });
    expect(readdirSync(incoming)).toEqual(['clone-fresh']);
  });

  it('a folder where the copy would be, which busfactor did not make, is an error, not used', async () => {
    const repo = fixture(TEAM_HISTORY);
    const cacheDir = tempDir();
    const copy = path.join(cacheDir, 'repos', 'localhost', ...repo.dir.split('/').filter(Boolean).slice(0, -1), `${path.basename(repo.dir)}.git`);
    mkdirSync(copy, { recursive: true });
    await expect(resolveTarget(`file://${repo.dir}`, { cacheDir })).rejects.toThrow(InputError);
    await expect(resolveTarget(`file://${repo.dir}`, { cacheDir })).rejects.toThrow(/exists but is no copy busfactor made/);
  });

  it('a cache folder others may write to is refused for copies', async () => {
    const cacheDir = tempDir();
    const { chmodSync } = await import('node:fs');
    chmodSync(cacheDir, 0o777);
    await expect(resolveTarget('git://127.0.0.1:1/x', { cacheDir })).rejects.toThrow(/cannot keep a copy of git:\/\/127\.0\.0\.1:1\/x: .* is writable by other users/);
  });
});

describe('the progress line of a clone', () => {
  it('shows the action, the URL, git\'s stage and a bar of its percentage', () => {
    expect(formatTransfer({ action: 'cloning', url: 'https://example.com/x.git', progress: undefined })).toBe('busfactor: cloning https://example.com/x.git…');
    expect(formatTransfer({ action: 'fetching', url: 'https://example.com/x.git', progress: { stage: 'receiving', percent: 45, processed: 1234, total: 2740 } })).toBe(
      'busfactor: fetching https://example.com/x.git · receiving objects █████████░░░░░░░░░░░ 45% (1,234 / 2,740)',
    );
    expect(formatTransfer({ action: 'waiting', url: 'git://h/x', progress: undefined })).toBe('busfactor: waiting for another busfactor run to fetch git://h/x…');
  });
});
