import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { displayTarget, parseRemoteUrl, redactUrl } from '../../src/remote/parse-url.js';

function parsed(text: string) {
  const remote = parseRemoteUrl(text, false);
  if (!remote) throw new Error(`${text} was read as a local path`);
  return remote;
}

function refusal(text: string): string {
  try {
    parseRemoteUrl(text, false);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseRemoteUrl: which texts are URLs (docs/remote.md)', () => {
  it('reads the five transports and the scp-like form', () => {
    expect(parsed('https://GitHub.com/Owner/Repo.git')).toMatchObject({ protocol: 'https', host: 'github.com', port: '', path: '/Owner/Repo.git', gitUrl: 'https://github.com/Owner/Repo.git', credentials: undefined });
    expect(parsed('http://example.com:8080/x/')).toMatchObject({ protocol: 'http', host: 'example.com', port: '8080', path: '/x', gitUrl: 'http://example.com:8080/x', authority: 'example.com:8080' });
    expect(parsed('ssh://git@Example.COM:2222/srv/x.git')).toMatchObject({ protocol: 'ssh', host: 'example.com', port: '2222', path: '/srv/x.git', gitUrl: 'ssh://git@example.com:2222/srv/x.git' });
    expect(parsed('git+ssh://example.com/x')).toMatchObject({ protocol: 'ssh', gitUrl: 'ssh://example.com/x' });
    expect(parsed('git://127.0.0.1:9418/x')).toMatchObject({ protocol: 'git', host: '127.0.0.1', port: '', gitUrl: 'git://127.0.0.1/x' });
    expect(parsed('file:///srv/git/x.git')).toMatchObject({ protocol: 'file', host: 'localhost', path: '/srv/git/x.git', gitUrl: 'file:///srv/git/x.git' });
    expect(parsed('file://localhost/srv/x')).toMatchObject({ protocol: 'file', gitUrl: 'file:///srv/x' });
    expect(parsed('git@github.com:owner/repo.git')).toMatchObject({ protocol: 'ssh', host: 'github.com', path: '/owner/repo.git', gitUrl: 'git@github.com:owner/repo.git' });
    expect(parsed('myhost:repos/x')).toMatchObject({ protocol: 'ssh', host: 'myhost', gitUrl: 'myhost:repos/x' });
    expect(parsed('git@[::1]:x.git')).toMatchObject({ protocol: 'ssh', host: '[::1]', gitUrl: 'git@[::1]:x.git' });
  });

  it('default ports are dropped, so one repository has one copy', () => {
    expect(parsed('https://example.com:443/x').port).toBe('');
    expect(parsed('ssh://example.com:22/x').port).toBe('');
    expect(parsed('git://example.com:9418/x').port).toBe('');
    expect(parsed('http://example.com:80/x').port).toBe('');
  });

  it('local paths stay local paths: no colon, a slash before the colon, or an existing file', () => {
    expect(parseRemoteUrl('.', false)).toBeUndefined();
    expect(parseRemoteUrl('/srv/repo', false)).toBeUndefined();
    expect(parseRemoteUrl('./a:b', false)).toBeUndefined();
    expect(parseRemoteUrl('dir/x:y', false)).toBeUndefined();
    // `host:path` that exists as a folder is that folder, as git decides.
    expect(parseRemoteUrl('foo:bar', true)).toBeUndefined();
    expect(parseRemoteUrl('foo:bar', false)?.protocol).toBe('ssh');
  });

  it('keeps an http(s) URL\'s user name and password apart: not in gitUrl, displayUrl, or anything printed', () => {
    const remote = parsed('https://alice:p%40ss%2Fw0rd@example.com/x.git');
    expect(remote.credentials).toEqual({ username: 'alice', password: 'p@ss/w0rd' });
    expect(remote.gitUrl).toBe('https://example.com/x.git');
    expect(remote.displayUrl).toBe('https://example.com/x.git');
    // A token as the user name alone: sent with an empty password.
    expect(parsed('https://ghp_token@github.com/a/b').credentials).toEqual({ username: 'ghp_token', password: '' });
    expect(displayTarget('https://alice:secret@example.com/x')).toBe('https://example.com/x');
    expect(displayTarget('/some/path')).toBe('/some/path');
  });

  it('refuses transports that run programs, and any other scheme', () => {
    expect(refusal('ext::sh -c touch% /tmp/pwned')).toMatch(/^the transport ext:: is refused/);
    expect(refusal('fd::3')).toMatch(/^the transport fd:: is refused/);
    expect(refusal('persistent-https::https://example.com/x')).toMatch(/^the transport persistent-https:: is refused/);
    expect(refusal('ftp://example.com/x')).toMatch(/^unsupported URL scheme ftp:\/\//);
    expect(refusal('rsync://example.com/x')).toMatch(/^unsupported URL scheme rsync:\/\//);
  });

  it('refuses hosts and users that an ssh command line would take for an option (CVE-2017-1000117)', () => {
    expect(refusal('ssh://-oProxyCommand=touch%20x/y')).toMatch(/^not a valid host name/);
    expect(refusal('-oProxyCommand=touch:x')).toMatch(/^not a valid host name/);
    expect(refusal('ssh://-oProxyCommand=x@host/y')).toMatch(/^not a valid ssh user name/);
    expect(refusal('https://../x')).toMatch(/^not a valid host name/);
  });

  it('refuses credentials where they have no use, and passwords in ssh URLs, without echoing them', () => {
    for (const text of ['ssh://u:SECRET@host/x', 'u:SECRET@host:x', 'git://u:SECRET@host/x', 'file://u:SECRET@localhost/x', 'git://u@host/x']) {
      const message = refusal(text);
      expect(message, text).toMatch(/takes no (user name or )?password/);
      expect(message, text).not.toContain('SECRET');
    }
    expect(refusal('https://u:a%0Ab@host/x')).toMatch(/holds a line break/);
  });

  it('refuses URLs that name no repository, or hold a query, a fragment or control characters', () => {
    expect(refusal('https://example.com')).toMatch(/names no repository/);
    expect(refusal('https://example.com/')).toMatch(/names no repository/);
    expect(refusal('git@host:')).toMatch(/names no repository/);
    expect(refusal('https://example.com/x?ref=main')).toMatch(/no query or fragment/);
    expect(refusal('https://example.com/x#main')).toMatch(/no query or fragment/);
    expect(refusal('ssh://host/x\u001b[31m')).toMatch(/control characters/);
    expect(refusal('file://otherhost/x')).toMatch(/names a folder on this machine/);
    expect(refusal('https://exa mple.com/x')).toMatch(/^not a valid URL/);
  });

  it('redactUrl drops a user name and password from whatever is printed', () => {
    expect(redactUrl('https://u:p@host/x')).toBe('https://host/x');
    expect(redactUrl('u:p@host:x')).toBe('host:x');
    expect(redactUrl('git@host:x')).toBe('git@host:x');
    expect(redactUrl('/plain/path')).toBe('/plain/path');
  });
});
