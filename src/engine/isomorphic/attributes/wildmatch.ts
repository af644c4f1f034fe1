/**
 * git's wildmatch.c, ported to bytes: the glob matcher behind `.gitattributes` (and `.gitignore`)
 * patterns. With {@link WM_PATHNAME} `*` and `?` stop at `/` and `**` spans folders; without it a
 * `*` matches `/` too. Case-sensitive (core.ignoreCase is pinned off, docs/safety.md).
 */
export const WM_PATHNAME = 1;

const MATCH = 0;
const NOMATCH = 1;
const ABORT_ALL = -1;
const ABORT_TO_STARSTAR = -2;

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;

const isGlobSpecial = (c: number) => c === STAR || c === 0x3f || c === 0x5b || c === BACKSLASH;
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number) => isUpper(c) || isLower(c);
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isPrint = (c: number) => c >= 0x20 && c <= 0x7e;
const isGraph = (c: number) => c > 0x20 && c <= 0x7e;
const isPunct = (c: number) => isGraph(c) && !isAlpha(c) && !isDigit(c);
const isXdigit = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: isAlpha,
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: isDigit,
  graph: isGraph,
  lower: isLower,
  print: isPrint,
  punct: isPunct,
  space: isSpace,
  upper: isUpper,
  xdigit: isXdigit,
};

function dowild(pattern: Uint8Array, pStart: number, text: Uint8Array, tStart: number, flags: number): number {
  const P = (i: number) => (i < pattern.length ? (pattern[i] as number) : 0);
  const T = (i: number) => (i < text.length ? (text[i] as number) : 0);
  const pathname = (flags & WM_PATHNAME) !== 0;
  let p = pStart;
  let t = tStart;
  for (; P(p) !== 0; t += 1, p += 1) {
    let pCh = P(p);
    let tCh = T(t);
    if (tCh === 0 && pCh !== STAR) return ABORT_ALL;
    switch (pCh) {
      case BACKSLASH:
        p += 1;
        pCh = P(p);
        if (tCh !== pCh) return NOMATCH;
        continue;
      default:
        if (tCh !== pCh) return NOMATCH;
        continue;
      case 0x3f /* ? */:
        if (pathname && tCh === SLASH) return NOMATCH;
        continue;
      case STAR: {
        let matchSlash: boolean;
        p += 1;
        if (P(p) === STAR) {
          const prev = p - 2;
          while (P(p + 1) === STAR) p += 1;
          p += 1;
          if (!pathname) matchSlash = true;
          else if ((prev < 0 || P(prev) === SLASH) && (P(p) === 0 || P(p) === SLASH || (P(p) === BACKSLASH && P(p + 1) === SLASH))) {
            if (P(p) === SLASH && dowild(pattern, p + 1, text, t, flags) === MATCH) return MATCH;
            matchSlash = true;
          } else matchSlash = false;
        } else matchSlash = !pathname;
        if (P(p) === 0) {
          if (!matchSlash && text.indexOf(SLASH, t) !== -1) return NOMATCH;
          return MATCH;
        } else if (!matchSlash && P(p) === SLASH) {
          const slash = text.indexOf(SLASH, t);
          if (slash === -1) return NOMATCH;
          t = slash;
          // the slash is consumed by the loop's step (p still points at the pattern's `/`)
          break;
        }
        for (;;) {
          if (tCh === 0) break;
          if (!isGlobSpecial(P(p))) {
            pCh = P(p);
            while ((tCh = T(t)) !== 0 && (matchSlash || tCh !== SLASH)) {
              if (tCh === pCh) break;
              t += 1;
            }
            if (tCh !== pCh) return NOMATCH;
          }
          const matched = dowild(pattern, p, text, t, flags);
          if (matched !== NOMATCH) {
            if (!matchSlash || matched !== ABORT_TO_STARSTAR) return matched;
          } else if (!matchSlash && tCh === SLASH) return ABORT_TO_STARSTAR;
          t += 1;
          tCh = T(t);
        }
        return ABORT_ALL;
      }
      case 0x5b /* [ */: {
        p += 1;
        pCh = P(p);
        if (pCh === 0x5e /* ^ */) pCh = 0x21;
        const negated = pCh === 0x21 /* ! */;
        if (negated) {
          p += 1;
          pCh = P(p);
        }
        let prevCh = 0;
        let matched = false;
        do {
          if (pCh === 0) return ABORT_ALL;
          if (pCh === BACKSLASH) {
            p += 1;
            pCh = P(p);
            if (pCh === 0) return ABORT_ALL;
            if (tCh === pCh) matched = true;
          } else if (pCh === 0x2d /* - */ && prevCh !== 0 && P(p + 1) !== 0 && P(p + 1) !== 0x5d) {
            p += 1;
            pCh = P(p);
            if (pCh === BACKSLASH) {
              p += 1;
              pCh = P(p);
              if (pCh === 0) return ABORT_ALL;
            }
            if (tCh <= pCh && tCh >= prevCh) matched = true;
            pCh = 0;
          } else if (pCh === 0x5b && P(p + 1) === 0x3a /* : */) {
            p += 2;
            const s = p;
            while ((pCh = P(p)) !== 0 && pCh !== 0x5d) p += 1;
            if (pCh === 0) return ABORT_ALL;
            const i = p - s - 1;
            if (i < 0 || P(p - 1) !== 0x3a) {
              // No ":]": a plain `[` of the set.
              p = s - 2;
              pCh = 0x5b;
              if (tCh === pCh) matched = true;
              prevCh = pCh;
              pCh = P(++p);
              if (pCh === 0x5d) break;
              continue;
            }
            const name = Buffer.from(pattern.subarray(s, s + i)).toString('latin1');
            const test = CLASSES[name];
            if (!test) return ABORT_ALL;
            if (test(tCh)) matched = true;
            pCh = 0;
          } else if (tCh === pCh) matched = true;
          prevCh = pCh;
          p += 1;
          pCh = P(p);
        } while (pCh !== 0x5d);
        if (matched === negated || (pathname && tCh === SLASH)) return NOMATCH;
        continue;
      }
    }
    // `break` out of the switch (one `*` before a `/`): the loop's step consumes the slash.
  }
  return T(t) !== 0 ? NOMATCH : MATCH;
}

/** Whether `text` matches `pattern` (both raw bytes). */
export function wildmatch(pattern: Uint8Array, text: Uint8Array, flags = 0): boolean {
  return dowild(pattern, 0, text, 0, flags) === MATCH;
}
