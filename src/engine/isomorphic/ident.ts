/** The parts of an ident line (`Name <email> 1234567890 +0100`), as text. */
export interface Ident {
  readonly name: string;
  readonly email: string;
  /** The timestamp's digits as written ('' when the line has no usable date), as `%at` prints them. */
  readonly date: string;
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r';
}

/**
 * ident.c split_ident_line, ported: the name ends before the first `<` (trailing spaces trimmed),
 * the email runs to the first `>` after it, and the date is the digits after the last `>` of the
 * line. Undefined when the line has no `<…>` at all: git then prints every part empty.
 */
export function splitIdent(line: string): Ident | undefined {
  const open = line.indexOf('<');
  if (open === -1) return undefined;
  const close = line.indexOf('>', open + 1);
  if (close === -1) return undefined;
  let nameEnd = open - 1;
  while (nameEnd >= 0 && isSpace(line[nameEnd])) nameEnd -= 1;
  const name = line.slice(0, nameEnd + 1);
  const email = line.slice(open + 1, close);
  let at = line.lastIndexOf('>') + 1;
  while (at < line.length && isSpace(line[at])) at += 1;
  const digits = /^[0-9]+/.exec(line.slice(at));
  if (!digits) return { name, email, date: '' };
  let zone = at + digits[0].length;
  while (zone < line.length && isSpace(line[zone])) zone += 1;
  // A date without a zone (`+0100`) is no date to git (person_only).
  const hasZone = (line[zone] === '+' || line[zone] === '-') && /^[0-9]/.test(line.slice(zone + 1));
  return { name, email, date: hasZone ? digits[0] : '' };
}
