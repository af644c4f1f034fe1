import { TRAILER_KEYS, TRAILER_SEPARATOR } from '../../history/log-format.js';

/**
 * The trailers field `git log` prints for `%(trailers:key=…,unfold,separator=%x1f)`
 * (history/log-format.ts), computed from the message without git: git's trailer.c, ported —
 * the trailer block is the message's last paragraph when it is all trailers, or holds a
 * git-generated one (`Signed-off-by: `) and at least 25 % trailers; continuation lines fold into
 * the trailer above. `%(trailers)` reads the whole message (no `---` patch divider: pretty.c sets
 * no_divider), with git's default separator `:` and comment character `#`.
 */
export function trailersField(message: string): string {
  const wanted = new Set(TRAILER_KEYS.map((key) => key.toLowerCase()));
  const out: string[] = [];
  for (const trailer of trailerLines(message)) {
    const separator = findSeparator(trailer);
    if (separator < 1) continue;
    const token = trimSpace(trailer.slice(0, separator));
    if (!wanted.has(asciiLower(token))) continue;
    out.push(`${token}: ${unfold(trimSpace(trailer.slice(separator + 1)))}`);
  }
  return out.join(TRAILER_SEPARATOR);
}

const COMMENT = '#';
const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];

function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** strbuf_trim: git's isspace only (JavaScript's trim also takes Unicode spaces). */
function trimSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r';
}

/** trailer.c find_separator: `<token><optional whitespace>:`; the separator's position, or -1. */
function findSeparator(line: string): number {
  let whitespace = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (c === ':') return i;
    if (!whitespace && /[A-Za-z0-9-]/.test(c)) continue;
    if (i !== 0 && (c === ' ' || c === '\t')) {
      whitespace = true;
      continue;
    }
    break;
  }
  return -1;
}

function isBlankLine(line: string): boolean {
  for (const c of line) {
    if (c === '\n') return true;
    if (!isSpace(c)) return false;
  }
  return true;
}

/** The starts of the lines of `text[0, end)`, each line with its newline. */
function lineStarts(text: string, end: number): number[] {
  const starts: number[] = [];
  for (let at = 0; at < end; ) {
    starts.push(at);
    const newline = text.indexOf('\n', at);
    at = newline === -1 || newline >= end ? end : newline + 1;
  }
  return starts;
}

/** commit.c ignore_non_trailer: trailing comments, blank lines and old `Conflicts:` blocks, and a scissors line's tail. */
function trailerEnd(text: string): number {
  const scissors = `\n${COMMENT} ------------------------ >8 ------------------------\n`;
  let cutoff = text.length;
  if (text.startsWith(scissors.slice(1))) cutoff = 0;
  else {
    const found = text.indexOf(scissors);
    if (found !== -1) cutoff = found + 1;
  }
  let boc = 0;
  let inConflicts = false;
  for (let bol = 0; bol < cutoff; ) {
    const newline = text.indexOf('\n', bol);
    const next = newline === -1 ? text.length : newline + 1;
    if (text[bol] === COMMENT || text[bol] === '\n') {
      if (!boc) boc = bol;
    } else if (text.startsWith('Conflicts:\n', bol)) {
      inConflicts = true;
      if (!boc) boc = bol;
    } else if (inConflicts && text[bol] === '\t') {
      // a path of the conflicts block
    } else if (boc) {
      boc = 0;
      inConflicts = false;
    }
    bol = next;
  }
  return boc ? boc : cutoff;
}

/** trailer.c find_trailer_start: where the trailer block of `text[0, end)` starts, or `end`. */
function trailerStart(text: string, end: number): number {
  const lines = lineStarts(text, end);
  const lineAt = (start: number) => {
    const newline = text.indexOf('\n', start);
    return text.slice(start, newline === -1 || newline >= end ? end : newline + 1);
  };
  // The first paragraph is the title and cannot hold trailers.
  let endOfTitle = end;
  for (const start of lines) {
    if (text[start] === COMMENT) continue;
    if (isBlankLine(lineAt(start))) {
      endOfTitle = start;
      break;
    }
  }
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerCount = 0;
  let nonTrailerCount = 0;
  let possibleContinuations = 0;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const start = lines[index] as number;
    if (start < endOfTitle) break;
    const line = lineAt(start);
    if (line[0] === COMMENT) {
      nonTrailerCount += possibleContinuations;
      possibleContinuations = 0;
      continue;
    }
    if (isBlankLine(line)) {
      if (onlySpaces) continue;
      nonTrailerCount += possibleContinuations;
      const next = start + line.length;
      if (recognizedPrefix && trailerCount * 3 >= nonTrailerCount) return next;
      if (trailerCount > 0 && nonTrailerCount === 0) return next;
      return end;
    }
    onlySpaces = false;
    if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
      trailerCount += 1;
      possibleContinuations = 0;
      recognizedPrefix = true;
      continue;
    }
    const separator = findSeparator(line);
    if (separator >= 1 && !isSpace(line[0])) {
      trailerCount += 1;
      possibleContinuations = 0;
    } else if (isSpace(line[0])) {
      possibleContinuations += 1;
    } else {
      nonTrailerCount += 1 + possibleContinuations;
      possibleContinuations = 0;
    }
  }
  return end;
}

/** trailer.c trailer_info_get: the block's trailers, continuation lines appended to the trailer above. */
function trailerLines(message: string): string[] {
  const end = trailerEnd(message);
  const start = trailerStart(message, end);
  const block = message.slice(start, end);
  const trailers: string[] = [];
  let lastIsTrailer = false;
  for (const piece of block.split(/(?<=\n)/)) {
    if (piece === '') continue;
    if (lastIsTrailer && isSpace(piece[0])) {
      trailers[trailers.length - 1] += piece;
      continue;
    }
    trailers.push(piece);
    lastIsTrailer = findSeparator(piece) >= 1;
  }
  return trailers;
}

/** trailer.c unfold_value: a line break and the whitespace after it become one space. */
function unfold(value: string): string {
  return trimSpace(value.replace(/\n[ \t\n\v\f\r]*/g, ' '));
}
