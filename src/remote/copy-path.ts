import { createHash } from 'node:crypto';
import path from 'node:path';
import { InternalError } from '../errors.js';
import type { RemoteUrl } from './parse-url.js';

/** Below the cache folder: one bare copy per remote repository (docs/remote.md). */
export const COPIES_FOLDER = 'repos';
/** Below `repos/`: clones in progress, renamed into place when complete. No host name starts with a dot. */
export const INCOMING_FOLDER = '.incoming';

/** Characters kept as they are in a folder name; everything else is percent-encoded (so `%` itself is too). */
const PLAIN = /[A-Za-z0-9._~+@=,-]/;
/** A folder name longer than this (in bytes) is replaced by a hash of it. */
const MAX_NAME_BYTES = 200;

/** Percent-encodes every byte outside {@link PLAIN}: the mapping is one to one, and no name holds `/`, NUL or a control character. */
function encodeName(name: string): string {
  let out = '';
  for (const char of name) {
    if (PLAIN.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `%-` followed by a hash: encodeName never writes `%` before anything but two hex digits, so this cannot clash with an encoded name. */
function bounded(name: string): string {
  return Buffer.byteLength(name) <= MAX_NAME_BYTES ? name : `%-${createHash('sha256').update(name).digest('hex')}`;
}

function decoded(segment: string, encoded: boolean): string {
  if (!encoded) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * One folder name per path segment. `.` and `..` are encoded (never a step up). A folder on the
 * way whose name ends in `.git` or `.lock` gets its last dot encoded, so it can never be another
 * repository's copy (`a.git`) or its lock file (`a.git.lock`); the last segment loses a `.git` it
 * ends with and gets one back, so `x` and `x.git` share one copy, as servers treat them.
 */
function segmentNames(remote: RemoteUrl): string[] {
  const segments = remote.path.split('/').filter((segment) => segment !== '').map((segment) => decoded(segment, remote.pathEncoded));
  return segments.map((segment, i) => {
    const last = i === segments.length - 1;
    const base = last && segment.length > 4 && segment.endsWith('.git') ? segment.slice(0, -4) : segment;
    let name = encodeName(base);
    if (name === '.' || name === '..') name = name.replaceAll('.', '%2E');
    if (!last && /\.(git|lock)$/.test(name)) name = name.replace(/\.(git|lock)$/, '%2E$1');
    return last ? `${bounded(name)}.git` : bounded(name);
  });
}

/** The host's folder: the host lower-cased, `_port` after it when the port is not the default one. */
function hostName(remote: RemoteUrl): string {
  const host = encodeName(remote.host);
  return bounded(remote.port ? `${host}_${remote.port}` : host);
}

/**
 * `<cache>/repos/<host>[_<port>]/<path>.git`: where the bare copy of this repository lives. One
 * copy per host and path, whatever the transport or user: `https://github.com/a/b` and
 * `git@github.com:a/b.git` share it. Never outside `<cache>/repos/`, whatever the URL says.
 */
export function copyPath(cacheDir: string, remote: RemoteUrl): string {
  const root = path.resolve(cacheDir, COPIES_FOLDER);
  const copy = path.join(root, hostName(remote), ...segmentNames(remote));
  const relative = path.relative(root, copy);
  // Cannot happen with the names above; checked all the same, as the last line of defence.
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || relative.split(path.sep).some((part) => part === '..' || part === '.' || part === '')) {
    throw new InternalError(`the copy of ${remote.displayUrl} would be outside ${root}`);
  }
  return copy;
}

/** The lock file beside a copy (remote/copy-lock.ts). */
export function lockPathOf(copy: string): string {
  return `${copy}.lock`;
}
