/**
 * Converts a Ruby (Onigmo) regular expression to a JavaScript one that needs no flags, so that
 * converted patterns can be joined with `|` like Ruby's `Regexp.union` and `Array#join('|')`.
 *
 * Used at build time only (scripts/build-linguist-data.mjs). GitHub Linguist's vendor.yml,
 * documentation.yml, heuristics.yml and its modeline strategy are Ruby regexes; Node 20 has no
 * inline modifiers (`(?i:...)`), no possessive quantifiers, and different anchors, so:
 * - `^` / `$` are Ruby's line anchors (always multi-line): `^` = start, or after "\n" unless at the
 *   very end; `$` = end, or before "\n". `\A`, `\z`, `\Z` are the string anchors.
 * - `.` does not match "\n" (Ruby), or anything with Ruby's `m` flag (JavaScript's dotAll).
 * - `i` (as a flag, `(?i)` or `(?i:...)`) is applied by writing both cases of every letter:
 *   `mov` -> `[mM][oO][vV]`, `[a-f]` -> `[a-fA-F]`. (Back-references stay case-sensitive.)
 * - `x` (free spacing) drops unescaped white space and `#` comments outside classes.
 * - Possessive quantifiers (`*+`, `++`, `?+`) become greedy; atomic groups `(?>` plain groups.
 * - `\h` (hex digit), POSIX bracket classes, class intersection `[a&&[^b]]`, `\g<name>` (a
 *   non-recursive call is inlined) and `\R` are translated.
 * Anything else Ruby-specific throws {@link UnsupportedRegexError}: the caller drops the pattern.
 */

export class UnsupportedRegexError extends Error {}

const BOL = '(?:^|(?<=\\n)(?=[\\s\\S]))';
const EOL = '(?=\\n|$)';

/** Ruby escapes outside a class and their JavaScript equivalents. */
const ESCAPES = {
  A: '^',
  z: '$',
  Z: '(?=\\n?$)',
  h: '[0-9a-fA-F]',
  H: '[^0-9a-fA-F]',
  R: '(?:\\r\\n|[\\n\\v\\f\\r\\x85\\u2028\\u2029])',
  e: '\\x1b',
  a: '\\x07',
};
/** Escapes that mean the same in both dialects. */
const SAME = new Set(['s', 'S', 'w', 'W', 'd', 'D', 'b', 'B', 't', 'n', 'r', 'f', 'v', '0']);
const POSIX = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s',
  xdigit: '0-9a-fA-F', word: '\\w', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e', punct: '!-\\/:-@\\[-`{-~',
};

/** One character, written so that it means itself anywhere in a pattern or class. */
const hex = (code) => {
  const ch = String.fromCharCode(code);
  if (/[A-Za-z0-9_ ]/.test(ch)) return ch;
  if (/[!-~]/.test(ch)) return `\\${ch}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
};
const swapCase = (ch) => {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [lower, upper].filter((c) => c !== ch && c.length === 1);
};

/**
 * @param {string} source Ruby regex source
 * @param {{ i?: boolean, m?: boolean, x?: boolean, singleLine?: boolean }} [flags] the literal's
 *   flags (`/.../ix`); `singleLine`: the subject never contains "\n", so `^`/`$` can be the
 *   plain (and much faster) start/end anchors
 * @returns {string} a JavaScript RegExp source, to be used without flags
 */
export function convertRubyRegex(source, flags = {}) {
  const { singleLine = false, ...rubyFlags } = flags;
  let pos = 0;
  const keepNames = source.includes('\\k<');
  /** Converted bodies of named groups, for `\g<name>`. */
  const named = new Map();
  const fail = (why) => {
    throw new UnsupportedRegexError(`${why} at ${pos} in /${source}/`);
  };

  function literal(ch, f) {
    const others = f.i ? swapCase(ch) : [];
    const out = hex(ch.charCodeAt(0));
    return others.length === 0 ? out : `[${out}${others.join('')}]`;
  }

  /** One escape outside a class; `pos` is at the backslash. */
  function escape(f) {
    const ch = source[pos + 1];
    if (ch === undefined) fail('trailing backslash');
    pos += 2;
    if (ch in ESCAPES) return ESCAPES[ch];
    if (SAME.has(ch)) return `\\${ch}`;
    if (/[1-9]/.test(ch)) return `\\${ch}`;
    if (ch === 'k' || ch === 'g') {
      const m = /^<([A-Za-z_]\w*)>/.exec(source.slice(pos));
      if (!m) fail(`\\${ch} without a name`);
      pos += m[0].length;
      if (ch === 'k') return `\\k<${m[1]}>`;
      const body = named.get(m[1]);
      if (body === undefined) fail(`recursive or forward \\g<${m[1]}>`);
      return `(?:${body.replace(/\(\?<[A-Za-z_]\w*>/g, '(?:')})`;
    }
    if (ch === 'x') {
      const m = /^(?:\{([0-9a-fA-F]{1,4})\}|([0-9a-fA-F]{1,2}))/.exec(source.slice(pos));
      if (!m) fail('bad \\x');
      pos += m[0].length;
      return literal(String.fromCharCode(parseInt(m[1] ?? m[2], 16)), f);
    }
    if (ch === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(source.slice(pos));
      if (!m) fail('bad \\u');
      pos += 4;
      return literal(String.fromCharCode(parseInt(m[0], 16)), f);
    }
    if (/[A-Za-z]/.test(ch)) fail(`unsupported escape \\${ch}`);
    return literal(ch, f);
  }

  /** Adds [lo, hi] and, with `i`, its other-case letters to a class's ranges. */
  function addRange(ranges, lo, hi, f) {
    ranges.push([lo, hi]);
    if (!f.i) return;
    for (const [from, to, delta] of [[65, 90, 32], [97, 122, -32]]) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) ranges.push([a + delta, b + delta]);
    }
    if (lo === hi && lo > 127) for (const c of swapCase(String.fromCharCode(lo))) ranges.push([c.charCodeAt(0), c.charCodeAt(0)]);
  }

  /** One class member that is a single character (for ranges), or undefined for a set escape. */
  function classChar() {
    const ch = source[pos];
    if (ch !== '\\') {
      pos += 1;
      return ch.charCodeAt(0);
    }
    const next = source[pos + 1];
    const simple = { t: 9, n: 10, r: 13, f: 12, v: 11, e: 27, a: 7, b: 8, '0': 0 };
    if (next === 'x' || next === 'u') {
      const m = next === 'x' ? /^x(?:\{([0-9a-fA-F]{1,4})\}|([0-9a-fA-F]{1,2}))/.exec(source.slice(pos + 1)) : /^u([0-9a-fA-F]{4})/.exec(source.slice(pos + 1));
      if (!m) fail('bad escape in class');
      pos += 1 + m[0].length;
      return parseInt(m[1] ?? m[2], 16);
    }
    if (next in simple) {
      pos += 2;
      return simple[next];
    }
    if (/[A-Za-z0-9]/.test(next)) return undefined;
    pos += 2;
    return next.charCodeAt(0);
  }

  /**
   * A bracket class; `pos` is at `[`. Ruby classes nest (`[a[bc]]` is a union) and intersect
   * (`[\s&&[^\n]]`); an intersection becomes lookaheads: `(?:(?=[^\n])[\s])`.
   */
  function charClass(f) {
    pos += 1;
    let negated = false;
    if (source[pos] === '^') {
      negated = true;
      pos += 1;
    }
    const operands = [];
    let ranges = [];
    let sets = '';
    let standalone;
    const finish = () => {
      if (standalone !== undefined) operands.push(standalone);
      else operands.push(`[${sets}${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`);
      ranges = [];
      sets = '';
      standalone = undefined;
    };
    for (let first = true; ; first = false) {
      const ch = source[pos];
      if (ch === undefined) fail('unclosed class');
      if (ch === ']' && !first) {
        pos += 1;
        break;
      }
      if (standalone !== undefined && !source.startsWith('&&', pos)) fail('negated nested class in a union');
      if (source.startsWith('&&', pos)) {
        pos += 2;
        finish();
      } else if (source.startsWith('[:', pos)) {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(pos));
        if (!m || m[1] || !(m[2] in POSIX)) fail('unsupported POSIX class');
        pos += m[0].length;
        sets += f.i && (m[2] === 'upper' || m[2] === 'lower') ? 'a-zA-Z' : POSIX[m[2]];
      } else if (ch === '[') {
        const nested = charClass(f);
        if (nested.startsWith('[') && !nested.startsWith('[^')) sets += nested.slice(1, -1);
        else if (ranges.length > 0 || sets !== '') fail('negated nested class in a union');
        else standalone = nested;
      } else if (ch === '\\' && /[sSwWdDhH]/.test(source[pos + 1] ?? '')) {
        const e = source[pos + 1];
        if (e === 'H') fail('\\H in a class');
        sets += e === 'h' ? '0-9a-fA-F' : `\\${e}`;
        pos += 2;
      } else {
        const lo = classChar();
        if (lo === undefined) fail(`unsupported escape in class \\${source[pos + 1]}`);
        if (source[pos] === '-' && source[pos + 1] !== ']' && source[pos + 1] !== undefined) {
          pos += 1;
          const hi = classChar();
          if (hi === undefined || hi < lo) fail('bad range');
          addRange(ranges, lo, hi, f);
        } else {
          addRange(ranges, lo, lo, f);
        }
      }
    }
    finish();
    if (operands.length === 1) {
      const only = operands[0];
      if (!negated) return only;
      if (!only.startsWith('[') || only.startsWith('[^')) fail('negated nested negation');
      return `[^${only.slice(1)}`;
    }
    if (negated) fail('negated intersection');
    return `(?:${operands.slice(1).map((c) => `(?=${c})`).join('')}${operands[0]})`;
  }

  /** A quantifier suffix after `*`, `+`, `?` or `{n,m}`: lazy kept, possessive dropped. */
  function quantifierSuffix(isBrace) {
    if (source[pos] === '?') {
      pos += 1;
      return '?';
    }
    if (source[pos] === '+') {
      // Ruby reads `{n,m}+` as a repeated interval, not a possessive one.
      if (isBrace) fail('interval followed by +');
      pos += 1;
    }
    return '';
  }

  function group(f) {
    const rest = source.slice(pos);
    if (rest.startsWith('(?#')) {
      const end = source.indexOf(')', pos);
      if (end === -1) fail('unclosed comment');
      pos = end + 1;
      return '';
    }
    let prefix;
    let inner = { ...f };
    let name;
    const scoped = /^\(\?([imx]*)(?:-([imx]*))?:/.exec(rest);
    if (scoped) {
      for (const c of scoped[1]) inner[c] = true;
      for (const c of scoped[2] ?? '') inner[c] = false;
      prefix = '(?:';
      pos += scoped[0].length;
    } else if (/^\(\?(?:[:=!]|<[=!])/.test(rest)) {
      prefix = rest.startsWith('(?<') ? rest.slice(0, 4) : rest.slice(0, 3);
      pos += prefix.length;
    } else if (rest.startsWith('(?>')) {
      prefix = '(?:';
      pos += 3;
    } else if (/^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.test(rest)) {
      const m = /^\(\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      name = m[1] ?? m[2];
      prefix = keepNames ? `(?<${name}>` : '(';
      pos += m[0].length;
    } else if (rest.startsWith('(?')) {
      fail('unsupported group');
    } else {
      prefix = '(';
      pos += 1;
    }
    const body = sequence(inner, true);
    if (source[pos] !== ')') fail('unclosed group');
    pos += 1;
    if (name !== undefined) named.set(name, body);
    return `${prefix}${body})`;
  }

  function sequence(flagsIn, inGroup) {
    const f = { ...flagsIn };
    let out = '';
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === ')') {
        if (!inGroup) fail('unbalanced )');
        return out;
      }
      if (f.x && /\s/.test(ch)) {
        pos += 1;
        continue;
      }
      if (f.x && ch === '#') {
        while (pos < source.length && source[pos] !== '\n') pos += 1;
        continue;
      }
      const inline = /^\(\?([imx]*)(?:-([imx]*))?\)/.exec(source.slice(pos, pos + 12));
      if (inline) {
        // `(?i)`: on for the rest of the enclosing group, alternatives included (Onigmo, Perl).
        for (const c of inline[1]) f[c] = true;
        for (const c of inline[2] ?? '') f[c] = false;
        pos += inline[0].length;
        continue;
      }
      if (ch === '\\') out += escape(f);
      else if (ch === '[') out += charClass(f);
      else if (ch === '(') out += group(f);
      else if (ch === '.') {
        out += f.m ? '[\\s\\S]' : '[^\\n]';
        pos += 1;
      } else if (ch === '^') {
        out += singleLine ? '^' : BOL;
        pos += 1;
      } else if (ch === '$') {
        out += singleLine ? '$' : EOL;
        pos += 1;
      } else if (ch === '|') {
        out += '|';
        pos += 1;
      } else if (ch === '*' || ch === '+' || ch === '?') {
        pos += 1;
        out += ch + quantifierSuffix(false);
      } else if (ch === '{' && /^\{(?:\d+(?:,\d*)?|,\d+)\}/.test(source.slice(pos))) {
        const m = /^\{(?:\d+(?:,\d*)?|,\d+)\}/.exec(source.slice(pos));
        pos += m[0].length;
        // Ruby's `{,n}` is `{0,n}`.
        out += m[0].replace('{,', '{0,') + quantifierSuffix(true);
      } else {
        out += literal(ch, f);
        pos += 1;
      }
    }
    if (inGroup) fail('unclosed group');
    return out;
  }

  const out = sequence({ i: false, m: false, x: false, ...rubyFlags }, false);
  new RegExp(out); // throws SyntaxError on anything we translated wrongly
  return out;
}
