/**
 * git's object formats, parsed as git parses them (commit.c parse_commit_buffer, tree-walk.c,
 * tag.c), from the raw bytes: isomorphic-git's own parsers normalise what a forged or old object
 * holds, and the scan must see exactly what `git log` sees.
 */

/** A commit's header fields, and its message. */
export interface RawCommit {
  readonly tree: string;
  /** As written, before shallow grafts. */
  readonly parents: readonly string[];
  /** The last `author ` and `committer ` lines (pretty.c reads the last one), without the key. */
  readonly author: Buffer | undefined;
  readonly committer: Buffer | undefined;
  /** The `encoding` header, when there is one. */
  readonly encoding: string | undefined;
  /** The ordering date git's walk uses (commit.c parse_commit_date): 0 when it cannot be read. */
  readonly date: number;
  /** The message from its first non-blank line (pretty.c subject_off). */
  readonly message: Buffer;
}

const NEWLINE = 0x0a;

function isSpace(byte: number | undefined): boolean {
  // git's isspace: space, \t, \n, \v, \f, \r.
  return byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d);
}

function lineEnd(buffer: Buffer, from: number): number {
  const end = buffer.indexOf(NEWLINE, from);
  return end === -1 ? buffer.length : end;
}

function startsWith(buffer: Buffer, at: number, text: string): boolean {
  return buffer.toString('latin1', at, at + text.length) === text;
}

/** Parses a commit object; throws on what git refuses to parse (no tree line). */
export function parseCommit(content: Buffer): RawCommit {
  if (!startsWith(content, 0, 'tree ')) throw new Error('no tree line');
  let at = 0;
  const tree = content.toString('latin1', 5, lineEnd(content, 0));
  at = lineEnd(content, 0) + 1;
  const parents: string[] = [];
  while (startsWith(content, at, 'parent ')) {
    const end = lineEnd(content, at);
    parents.push(content.toString('latin1', at + 7, end));
    at = end + 1;
  }
  const date = commitDate(content, at);
  let author: Buffer | undefined;
  let committer: Buffer | undefined;
  let encoding: string | undefined;
  let i = 0;
  for (; i < content.length; ) {
    const end = lineEnd(content, i);
    if (end === i) break;
    if (startsWith(content, i, 'author ')) author = content.subarray(i + 7, end);
    else if (startsWith(content, i, 'committer ')) committer = content.subarray(i + 10, end);
    else if (startsWith(content, i, 'encoding ')) encoding = content.toString('latin1', i + 9, end);
    i = end + 1;
  }
  return { tree, parents, author, committer, encoding, date, message: skipBlankLines(content, i) };
}

/** commit.c parse_commit_date: the committer line right after the author line, its number after the last `>`. */
function commitDate(buffer: Buffer, at: number): number {
  if (!startsWith(buffer, at, 'author')) return 0;
  const committerAt = lineEnd(buffer, at) + 1;
  if (!startsWith(buffer, committerAt, 'committer')) return 0;
  const eol = buffer.indexOf(NEWLINE, committerAt);
  if (eol === -1) return 0;
  let date = eol;
  while (date > committerAt && buffer[date - 1] !== 0x3e /* > */) date -= 1;
  if (date === committerAt) return 0;
  while (date < eol && isSpace(buffer[date])) date += 1;
  const digits = /^-?[0-9]+/.exec(buffer.toString('latin1', date, eol));
  if (!digits) return 0;
  // strtoumax: a minus sign wraps around, past any real date (such a commit sorts first, as in git).
  const value = Number(digits[0]);
  return value < 0 ? Number.MAX_SAFE_INTEGER : value;
}

/** pretty.c skip_blank_lines: the message from its first line that is not blank. */
function skipBlankLines(buffer: Buffer, at: number): Buffer {
  let i = at;
  while (i < buffer.length) {
    const end = lineEnd(buffer, i);
    let j = i;
    while (j < end && isSpace(buffer[j])) j += 1;
    if (j < end) break;
    i = end + 1;
  }
  return buffer.subarray(Math.min(i, buffer.length));
}

/** One tree entry: its canonical mode (git's canon_mode), raw name bytes (latin1: one char per byte) and id. */
export interface RawTreeEntry {
  readonly mode: number;
  readonly name: string;
  readonly oid: string;
}

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFLNK = 0o120000;
export const S_IFGITLINK = 0o160000;

/** cache.h canon_mode: regular files are 100644 or 100755, links 120000, folders 40000, anything else a gitlink. */
function canonMode(mode: number): number {
  const type = mode & S_IFMT;
  if (type === S_IFREG) return S_IFREG | (mode & 0o100 ? 0o755 : 0o644);
  if (type === S_IFLNK) return S_IFLNK;
  if (type === S_IFDIR) return S_IFDIR;
  return S_IFGITLINK;
}

/** `<octal mode> SP <name> NUL <binary id>` entries, in the order stored (git's sorted order). */
export function parseTree(content: Buffer, hashBytes = 20): RawTreeEntry[] {
  const entries: RawTreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + hashBytes > content.length) throw new Error('truncated tree entry');
    const mode = parseInt(content.toString('latin1', at, space), 8);
    entries.push({ mode: canonMode(mode), name: content.toString('latin1', space + 1, nul), oid: content.toString('hex', nul + 1, nul + 1 + hashBytes) });
    at = nul + 1 + hashBytes;
  }
  return entries;
}

/** An annotated tag's header (tag.c parse_tag_buffer). */
export interface RawTag {
  readonly object: string;
  readonly type: string;
  /** The `tagger ` line without the key; undefined for tags made before git 0.99.1. */
  readonly tagger: Buffer | undefined;
}

export function parseTag(content: Buffer): RawTag {
  let object = '';
  let type = '';
  let tagger: Buffer | undefined;
  for (let i = 0; i < content.length; ) {
    const end = lineEnd(content, i);
    if (end === i) break;
    if (startsWith(content, i, 'object ')) object = content.toString('latin1', i + 7, end);
    else if (startsWith(content, i, 'type ')) type = content.toString('latin1', i + 5, end);
    else if (startsWith(content, i, 'tagger ')) tagger ??= content.subarray(i + 7, end);
    i = end + 1;
  }
  return { object, type, tagger };
}
