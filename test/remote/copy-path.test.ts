import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPath, lockPathOf } from '../../src/remote/copy-path.js';
import { parseRemoteUrl } from '../../src/remote/parse-url.js';

const CACHE = '/home/u/.cache/busfactor';
const ROOT = path.join(CACHE, 'repos');

function copyOf(url: string): string {
  const remote = parseRemoteUrl(url, false);
  if (!remote) throw new Error(`${url} is no URL`);
  return copyPath(CACHE, remote);
}

describe('copyPath: <cache>/repos/<host>/<path>.git (docs/remote.md#where-copies-live)', () => {
  it('lower-cases the host, keeps a port as host_port, adds .git once, and shares one copy across transports', () => {
    expect(copyOf('https://GitHub.com/Owner/Repo')).toBe(path.join(ROOT, 'github.com/Owner/Repo.git'));
    expect(copyOf('https://github.com/Owner/Repo.git/')).toBe(path.join(ROOT, 'github.com/Owner/Repo.git'));
    expect(copyOf('git@github.com:Owner/Repo.git')).toBe(path.join(ROOT, 'github.com/Owner/Repo.git'));
    expect(copyOf('ssh://git@github.com:22/Owner/Repo')).toBe(path.join(ROOT, 'github.com/Owner/Repo.git'));
    expect(copyOf('git://127.0.0.1:9999/team')).toBe(path.join(ROOT, '127.0.0.1_9999/team.git'));
    expect(copyOf('file:///srv/git/team.git')).toBe(path.join(ROOT, 'localhost/srv/git/team.git'));
  });

  it('never stores a user name or password in the path', () => {
    expect(copyOf('https://alice:token@example.com/x')).toBe(path.join(ROOT, 'example.com/x.git'));
    expect(copyOf('alice@example.com:x')).toBe(path.join(ROOT, 'example.com/x.git'));
  });

  it('keeps every hostile path inside <cache>/repos', () => {
    const hostile = [
      'https://example.com/../../../etc/passwd',
      'https://example.com/%2e%2e/%2e%2e/x',
      'https://example.com/a/%2F..%2F..%2Fx',
      'ssh://example.com/../../../../tmp/x',
      'ssh://example.com/a/./../b',
      'git@example.com:../../etc',
      'git@example.com:/../../etc',
      'git://example.com/..%2f..%2fx',
      'file:///../../../tmp/x',
      'https://example.com/a%00b/x',
    ];
    for (const url of hostile) {
      let copy: string;
      try {
        copy = copyOf(url);
      } catch {
        // Refused outright (a NUL): also fine.
        continue;
      }
      const relative = path.relative(ROOT, copy);
      expect(relative.startsWith('..'), `${url} → ${copy}`).toBe(false);
      expect(relative.split('/').every((part) => part !== '..' && part !== '.' && part !== ''), `${url} → ${copy}`).toBe(true);
      expect(copy.startsWith(`${ROOT}/`), url).toBe(true);
      expect(copy.endsWith('.git'), url).toBe(true);
    }
    // `..` is encoded, not resolved; a `/` inside a segment is encoded too.
    expect(copyOf('ssh://example.com/../x')).toBe(path.join(ROOT, 'example.com/%2E%2E/x.git'));
    expect(copyOf('https://example.com/a/%2F..%2Fb')).toBe(path.join(ROOT, 'example.com/a/%2F..%2Fb.git'));
  });

  it('a folder on the way can never be another copy or its lock file', () => {
    // `a.git` as a folder on the way would be the copy of host/a; `b.git.lock`, the lock of host/b.
    expect(copyOf('https://example.com/a.git/x')).toBe(path.join(ROOT, 'example.com/a%2Egit/x.git'));
    expect(copyOf('https://example.com/b.git.lock/x')).toBe(path.join(ROOT, 'example.com/b.git%2Elock/x.git'));
    expect(lockPathOf(copyOf('https://example.com/b'))).toBe(path.join(ROOT, 'example.com/b.git.lock'));
  });

  it('different paths give different copies (percent-encoding is one to one)', () => {
    const urls = ['ssh://h/a b', 'ssh://h/a%20b', 'ssh://h/a_b', 'ssh://h/a%2520b', 'ssh://h/A', 'ssh://h/a'];
    const copies = new Set(urls.map(copyOf));
    expect(copies.size).toBe(urls.length);
  });

  it('very long names are hashed, within the file-name limit', () => {
    const copy = copyOf(`https://example.com/${'x'.repeat(400)}`);
    expect(path.basename(copy)).toMatch(/^%-[0-9a-f]{64}\.git$/);
  });
});
