/**
 * `.mailmap`, read and applied as git does (gitmailmap(5); mailmap.c read_mailmap_line, add_mapping,
 * map_user), for `%aN`/`%aE`/`%cN`/`%cE` without git. Emails and names match case-insensitively;
 * a later line replaces what an earlier one said for the same key, and several sources (the work
 * tree's file or the analysed commit's blob, then the user's `mailmap.file`) are read in turn into
 * one map, in git's order.
 */

interface Replacement {
  readonly name: string | undefined;
  readonly email: string | undefined;
}

interface Entry {
  /** The simple entry (`Proper Name <commit@email>`), matched on the email alone. */
  name: string | undefined;
  email: string | undefined;
  /** Entries that also name the commit's name, by lower-cased name. */
  readonly byName: Map<string, Replacement>;
}

/** `Name <email>` at the start of `text`: the trimmed name (undefined when empty), the email, and what follows the `>`. */
function parseNameAndEmail(text: string, allowEmptyEmail: boolean): { name: string | undefined; email: string; rest: string } | undefined {
  const left = text.indexOf('<');
  if (left === -1) return undefined;
  const right = text.indexOf('>', left + 1);
  if (right === -1) return undefined;
  if (!allowEmptyEmail && right === left + 1) return undefined;
  const name = text.slice(0, left).replace(/^[ \t\n\v\f\r]+/, '').replace(/[ \t\n\v\f\r]+$/, '');
  return { name: name === '' ? undefined : name, email: text.slice(left + 1, right), rest: text.slice(right + 1) };
}

/** strcasecmp folds ASCII letters only. */
function fold(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export class Mailmap {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** Adds every line of one mailmap source (later lines and later sources win). */
  read(text: string): this {
    for (const line of text.split('\n')) this.readLine(line);
    return this;
  }

  private readLine(line: string): void {
    if (line.startsWith('#')) return;
    const first = parseNameAndEmail(line, false);
    if (!first) return;
    // What follows the first `>`: a second `Name <email>` (the commit's), or nothing usable.
    const second = first.rest === '' ? undefined : parseNameAndEmail(first.rest, true);
    this.add(first.name, first.email, second?.name, second?.email);
  }

  private add(newName: string | undefined, newEmail: string | undefined, oldName: string | undefined, oldEmail: string | undefined): void {
    let properEmail = newEmail;
    let matchEmail = oldEmail;
    if (matchEmail === undefined) {
      matchEmail = newEmail as string;
      properEmail = undefined;
    }
    const key = fold(matchEmail);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { name: undefined, email: undefined, byName: new Map() };
      this.entries.set(key, entry);
    }
    if (oldName === undefined) {
      if (newName !== undefined) entry.name = newName;
      if (properEmail !== undefined) entry.email = properEmail;
    } else {
      entry.byName.set(fold(oldName), { name: newName, email: properEmail });
    }
  }

  /** The (name, email) git shows for an ident: mapped when an entry matches, else as written. */
  map(name: string, email: string): { name: string; email: string } {
    const entry = this.entries.get(fold(email));
    if (!entry) return { name, email };
    const replacement: Replacement = (entry.byName.size > 0 ? entry.byName.get(fold(name)) : undefined) ?? entry;
    return { name: replacement.name ?? name, email: replacement.email ?? email };
  }
}
