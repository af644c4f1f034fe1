import type { Warning } from '../../warnings.js';

/** One rule of a CODEOWNERS file. */
export interface CodeownersRule {
  /** 1-based line in the file. */
  readonly line: number;
  /** The pattern as written (escapes kept as in the file). */
  readonly written: string;
  /** The pattern with `\ ` and `\#` unescaped: what is matched. */
  readonly pattern: string;
  /** `@user`, `@org/team` or an email, in order; empty: the rule removes ownership. */
  readonly owners: readonly string[];
  /** GitLab: the `[Section]` the rule is in; undefined for the file's top (and for GitHub files). */
  readonly section?: string;
}

const OWNER = /^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
// `[Section]`, `^[Optional section]`, `[Section][2]`, then default owners after white space.
const SECTION = /^\^?\[([^\]]+)\](?:\[\d+\])?(\s.*)?$/;

/** Splits on whitespace not escaped with a backslash; a token starting with # ends the line. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (char === '\\' && i + 1 < line.length) {
      current += char + (line[i + 1] as string);
      i += 1;
    } else if (char === ' ' || char === '\t') {
      if (current) out.push(current);
      current = '';
    } else if (char === '#' && current === '') {
      break;
    } else current += char;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Parses a CODEOWNERS file as GitHub (and GitLab, with its `[Section]` headers and default owners)
 * reads it. A line GitHub would reject — a negated pattern, a `[ ]` character range, an owner that
 * is no @user, @org/team or email — is skipped with a warning naming its line; the rest applies.
 */
export function parseCodeowners(text: string, file: string, warnings: Warning[]): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  let section: string | undefined;
  let sectionOwners: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const header = SECTION.exec(trimmed);
    if (header) {
      section = (header[1] as string).trim();
      sectionOwners = tokens(header[2] ?? '');
      return;
    }
    const [written = '', ...owners] = tokens(trimmed);
    const warn = (why: string) => warnings.push({ code: 'codeowners-unreadable', message: `${file}:${line}: ${why}: the line is ignored` });
    if (written.startsWith('!')) return warn('negated patterns are not supported in CODEOWNERS');
    if (/(^|[^\\])\[/.test(written)) return warn('character ranges ([ ]) are not supported in CODEOWNERS');
    const bad = owners.find((owner) => !OWNER.test(owner));
    if (bad !== undefined) return warn(`"${bad}" is not a @user, @org/team or email address`);
    const pattern = written.replace(/\\(.)/g, '$1');
    rules.push({ line, written, pattern, owners: owners.length > 0 ? owners : section ? sectionOwners : [], ...(section ? { section } : {}) });
  });
  return rules;
}
