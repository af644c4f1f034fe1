import { WM_PATHNAME, wildmatch } from './wildmatch.js';

/**
 * `.gitattributes` without `git check-attr` (gitattributes(5); attr.c and dir.c, ported): the files
 * of the analysed tree, one per folder, and `$GIT_DIR/info/attributes` above them all. For a path
 * the most specific file wins — info/attributes, then the path's own folder up to the top — and
 * within a file the last matching line; each attribute is decided once, by the first line (in that
 * order) that says anything about it, `!attr` included. A set macro (`binary`, or one defined with
 * `[attr]` in the top-level file or info/attributes) expands into what it stands for, under the
 * same rule. Patterns are gitignore patterns without negation; one that names a folder (`dir/`)
 * never matches a file (dir.c, attr.c path_matches).
 */

/** An attribute's state: set, unset (`-attr`), a value (`attr=value`), or `null` = unspecified (`!attr`). */
export type AttributeState = true | false | string | null;

interface Assignment {
  readonly name: string;
  readonly state: AttributeState;
}

interface Pattern {
  /** The pattern's bytes, `!`-free, without a trailing `/`. */
  readonly bytes: Uint8Array;
  readonly mustBeDir: boolean;
  /** No `/` in it: matched against the file name at any depth below its folder. */
  readonly noDir: boolean;
  /** `*literal`: a suffix test. */
  readonly endsWith: boolean;
  /** Bytes before the first glob character. */
  readonly literalLength: number;
}

interface Rule {
  readonly pattern: Pattern;
  readonly assignments: readonly Assignment[];
}

/** One attributes file: its folder (raw bytes, no trailing slash; '' at the top), rules and macro definitions in order. */
export interface AttributesFile {
  readonly folder: Uint8Array;
  readonly rules: readonly Rule[];
  readonly macros: readonly { readonly name: string; readonly assignments: readonly Assignment[] }[];
}

const BLANK = /[ \t\r\n]/;
/** attr.c ATTR_MAX_LINE_LENGTH: longer lines are ignored. */
const MAX_LINE_LENGTH = 2048;
/** attr.c attr_name_valid: `-._0-9a-zA-Z`, not starting with `-`. */
const VALID_NAME = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;

/** The built-in macro (attr.c builtin_attr): `[attr]binary -diff -merge -text`. */
const BUILTIN_MACROS = [{ name: 'binary', assignments: [{ name: 'diff', state: false }, { name: 'merge', state: false }, { name: 'text', state: false }] as Assignment[] }];

function span(text: string, from: number, blank: boolean): number {
  let at = from;
  while (at < text.length && BLANK.test(text[at] as string) === blank) at += 1;
  return at;
}

/** attr.c parse_attr: the assignments of `states` (blank-separated); undefined when one is invalid. */
function parseAssignments(states: string): Assignment[] | undefined {
  const assignments: Assignment[] = [];
  for (let at = span(states, 0, true); at < states.length; ) {
    const end = span(states, at, false);
    const word = states.slice(at, end);
    let name = word;
    let state: AttributeState = true;
    const equals = word.indexOf('=');
    if (word.startsWith('-') || word.startsWith('!')) {
      state = word.startsWith('-') ? false : null;
      name = word.slice(1, equals === -1 ? undefined : equals);
    } else if (equals !== -1) {
      name = word.slice(0, equals);
      state = word.slice(equals + 1);
    }
    if (!VALID_NAME.test(name) || name.startsWith('builtin_')) return undefined;
    assignments.push({ name, state });
    at = span(states, end, true);
  }
  return assignments;
}

/** C-style quoted pattern (`"a b.txt"`): quote.c unquote_c_style, enough for attribute files. */
function unquote(text: string): { value: string; rest: string } | undefined {
  let value = '';
  const escapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i] as string;
    if (c === '"') return { value, rest: text.slice(i + 1) };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return undefined;
    if (next in escapes) {
      value += escapes[next];
      i += 1;
    } else if (/[0-3]/.test(next) && /^[0-7]{2}$/.test(text.slice(i + 2, i + 4))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else return undefined;
  }
  return undefined;
}

/** dir.c parse_path_pattern, for a pattern given as latin1 text (one char per byte). */
function parsePattern(text: string): Pattern | undefined {
  if (text.startsWith('!')) return undefined; // negative patterns are ignored in attributes
  let body = text;
  const mustBeDir = body.endsWith('/');
  if (mustBeDir) body = body.slice(0, -1);
  const firstSpecial = body.search(/[*?[\\]/);
  const literalLength = firstSpecial === -1 ? body.length : firstSpecial;
  return {
    bytes: Buffer.from(body, 'latin1'),
    mustBeDir,
    noDir: !body.includes('/'),
    endsWith: body.startsWith('*') && !/[*?[\\]/.test(body.slice(1)),
    literalLength,
  };
}

/**
 * Parses one attributes file (its bytes as latin1 text, one char per byte). `macrosAllowed`: the
 * top-level file and info/attributes may define macros; elsewhere `[attr]` lines are ignored.
 */
export function parseAttributesFile(content: Buffer, folder: Uint8Array, macrosAllowed: boolean): AttributesFile {
  let text = content.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3); // a UTF-8 byte-order mark
  const rules: Rule[] = [];
  const macros: { name: string; assignments: Assignment[] }[] = [];
  for (const line of text.split('\n')) {
    const start = span(line, 0, true);
    if (start >= line.length || line[start] === '#') continue;
    if (line.length >= MAX_LINE_LENGTH) continue;
    let name: string;
    let states: string;
    const quoted = line[start] === '"' ? unquote(line.slice(start)) : undefined;
    if (quoted) {
      name = quoted.value;
      states = quoted.rest;
    } else {
      const end = span(line, start, false);
      name = line.slice(start, end);
      states = line.slice(end);
    }
    if (name.length > '[attr]'.length && name.startsWith('[attr]')) {
      if (!macrosAllowed) continue;
      const rest = line.slice(start + '[attr]'.length);
      const nameStart = span(rest, 0, true);
      const nameEnd = span(rest, nameStart, false);
      const macro = rest.slice(nameStart, nameEnd);
      const assignments = VALID_NAME.test(macro) ? parseAssignments(rest.slice(nameEnd)) : undefined;
      if (assignments) macros.push({ name: macro, assignments });
      continue;
    }
    const assignments = parseAssignments(states);
    const pattern = parsePattern(name);
    if (assignments && pattern) rules.push({ pattern, assignments });
  }
  return { folder, rules, macros };
}

function bytesEqual(a: Uint8Array, aFrom: number, b: Uint8Array, bFrom: number, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (a[aFrom + i] !== b[bFrom + i]) return false;
  return true;
}

/** attr.c path_matches (match_basename, match_pathname) for a file `path` under the rule's folder. */
function matches(pattern: Pattern, path: Uint8Array, basenameAt: number, folder: Uint8Array): boolean {
  if (pattern.mustBeDir) return false; // only files are asked about
  const { bytes } = pattern;
  if (pattern.noDir) {
    const basenameLength = path.length - basenameAt;
    if (pattern.literalLength === bytes.length) return bytes.length === basenameLength && bytesEqual(bytes, 0, path, basenameAt, basenameLength);
    if (pattern.endsWith) return bytes.length - 1 <= basenameLength && bytesEqual(bytes, 1, path, path.length - (bytes.length - 1), bytes.length - 1);
    return wildmatch(bytes, path.subarray(basenameAt));
  }
  let p = 0;
  let literal = pattern.literalLength;
  if (bytes[0] === 0x2f) {
    p = 1;
    literal -= 1;
  }
  const base = folder.length;
  if (path.length < base + 1 || (base > 0 && path[base] !== 0x2f) || !bytesEqual(path, 0, folder, 0, base)) return false;
  const nameAt = base > 0 ? base + 1 : 0;
  const name = path.subarray(nameAt);
  const rest = bytes.subarray(p);
  if (literal > 0) {
    if (literal > name.length) return false;
    if (!bytesEqual(rest, 0, name, 0, literal)) return false;
    if (rest.length === literal && name.length === literal) return true;
    return wildmatch(rest.subarray(literal), name.subarray(literal), WM_PATHNAME);
  }
  return wildmatch(rest, name, WM_PATHNAME);
}

/**
 * The attribute stack of one tree: answers what a path's attributes are, from the files that apply
 * to it, most specific first (attr.c fill, macroexpand_one, determine_macros).
 */
export class AttributeStack {
  /** Folder (latin1) → its file. */
  private readonly byFolder = new Map<string, AttributesFile>();
  private readonly macros = new Map<string, readonly Assignment[]>();

  /** `files`: the tree's `.gitattributes`; `info`: `$GIT_DIR/info/attributes`, which outranks them all. */
  constructor(files: readonly AttributesFile[], private readonly info: AttributesFile | undefined) {
    for (const file of files) this.byFolder.set(Buffer.from(file.folder).toString('latin1'), file);
    // The highest-ranked definition of a macro wins: info/attributes, then the top-level file
    // (last definition first), then the built-in one.
    const top = this.byFolder.get('');
    for (const source of [info, top, { macros: BUILTIN_MACROS }]) {
      for (const macro of [...(source?.macros ?? [])].reverse()) if (!this.macros.has(macro.name)) this.macros.set(macro.name, macro.assignments);
    }
  }

  /** Every attribute specified for `path` (raw bytes), with its state; unspecified ones are left out. */
  attributesOf(path: Uint8Array): Map<string, AttributeState> {
    const decided = new Map<string, AttributeState>();
    const basenameAt = path.lastIndexOf(0x2f) + 1;
    const fill = (assignments: readonly Assignment[]) => {
      for (let i = assignments.length - 1; i >= 0; i -= 1) {
        const { name, state } = assignments[i] as Assignment;
        if (decided.has(name)) continue;
        decided.set(name, state);
        const macro = state === true ? this.macros.get(name) : undefined;
        if (macro) fill(macro);
      }
    };
    const apply = (file: AttributesFile | undefined, folder: Uint8Array) => {
      if (!file) return;
      for (let i = file.rules.length - 1; i >= 0; i -= 1) {
        const rule = file.rules[i] as Rule;
        if (matches(rule.pattern, path, basenameAt, folder)) fill(rule.assignments);
      }
    };
    apply(this.info, new Uint8Array(0));
    // The path's own folder first, then each parent up to the top.
    for (let end = basenameAt - 1; ; end = path.lastIndexOf(0x2f, end - 1)) {
      const folder = end > 0 ? path.subarray(0, end) : new Uint8Array(0);
      apply(this.byFolder.get(Buffer.from(folder).toString('latin1')), folder);
      if (end <= 0) break;
    }
    for (const [name, state] of decided) if (state === null) decided.delete(name);
    return decided;
  }
}
