import { compareText } from '../compare-text.js';
import { isBotIdentity } from './bots.js';
import type { RawIdentity } from './identity-table.js';
import { stripAccents } from './strip-accents.js';
import { UnionFind } from './union-find.js';

/** One person: every (name, email) pair the AVL rule says is the same developer. */
export interface Person {
  /** Position in {@link People.people}. */
  readonly index: number;
  /** Stable identifier: the lower-cased email (or name) used most. */
  readonly id: string;
  /** The name and email used most. */
  readonly name: string;
  readonly email: string;
  /** Every name and email merged into this person, most used (then most recent) first. */
  readonly names: readonly string[];
  readonly emails: readonly string[];
  readonly commits: number;
  /** Commits they are a credited co-author of (`--co-authors credit`). */
  readonly coAuthored: number;
  /** Seconds since the epoch, author time; undefined when none of their commits has a usable date. */
  readonly firstCommitAt: number | undefined;
  readonly lastCommitAt: number | undefined;
  readonly bot: boolean;
}

export interface People {
  /** Sorted by commits (most first), then id. */
  readonly people: readonly Person[];
  /** Raw identity index → person index. */
  readonly personOf: Int32Array;
}

/**
 * The AVL identity rule (docs/algorithms.md §1; the reference's `NewAliasHandler`): accents stripped;
 * key = upper-cased email, or upper-cased name when the email is empty; then keys that share the
 * same non-empty upper-cased name are merged. Merging is transitive, as the reference's repeated
 * renaming of usernames is.
 */
export function mergeIdentities(identities: readonly RawIdentity[], aliases: Readonly<Record<string, readonly string[]>> = {}): People {
  const sets = new UnionFind();
  for (let i = 0; i < identities.length; i += 1) sets.add();
  const keyNodes = new Map<string, number>();
  const nodeFor = (key: string): number => {
    let node = keyNodes.get(key);
    if (node === undefined) {
      node = sets.add();
      keyNodes.set(key, node);
    }
    return node;
  };
  const keysOf = (identity: RawIdentity) => {
    const email = stripAccents(identity.email).toUpperCase();
    const name = stripAccents(identity.name).toUpperCase();
    return { key: `key:${email !== '' ? email : name}`, name: name === '' ? undefined : `name:${name}` };
  };
  // Authors (and credited co-authors) first: their merging is the published rule, unchanged by
  // anyone else the history names.
  const isSteward = (identity: RawIdentity) => identity.commits === 0 && identity.coAuthored === 0;
  identities.forEach((identity, i) => {
    if (isSteward(identity)) return;
    const keys = keysOf(identity);
    sets.union(i, nodeFor(keys.key));
    if (keys.name) sets.union(i, nodeFor(keys.name));
  });
  // Then people who only commit, tag or sign (docs/stewardship.md): each joins the one person its
  // email key, else its name, already belongs to — never two, so a trailer spelling a name with
  // another's address cannot merge two authors — or, matching nobody, stewards like it.
  identities.forEach((identity, i) => {
    if (!isSteward(identity)) return;
    const keys = keysOf(identity);
    const known = keyNodes.get(keys.key) ?? (keys.name ? keyNodes.get(keys.name) : undefined);
    if (known !== undefined) {
      sets.union(i, known);
      return;
    }
    sets.union(i, nodeFor(keys.key));
    if (keys.name) sets.union(i, nodeFor(keys.name));
  });
  // The config's aliases (docs/config.md): a person and their other emails and names are one. An
  // entry matches an email (it has an @ and is not an @handle) or a name, upper-cased as above;
  // @handles name no identity of the history and are left to CODEOWNERS matching.
  for (const [person, others] of Object.entries(aliases)) {
    const keys = [person, ...others].filter((entry) => !entry.startsWith('@')).map((entry) => {
      const upper = stripAccents(entry).toUpperCase();
      return entry.includes('@') ? [`key:${upper}`] : [`name:${upper}`, `key:${upper}`];
    });
    const nodes = keys.flat().filter((key) => keyNodes.has(key)).map((key) => keyNodes.get(key) as number);
    for (const node of nodes.slice(1)) sets.union(nodes[0] as number, node);
  }

  const groups = new Map<number, number[]>();
  identities.forEach((_, i) => {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });

  const drafts = [...groups.values()].map((members) => describePerson(identities, members));
  drafts.sort((a, b) => b.person.commits - a.person.commits || compareText(a.person.id, b.person.id));
  const personOf = new Int32Array(identities.length);
  const usedIds = new Set<string>();
  const people = drafts.map(({ person, members }, index) => {
    let id = person.id;
    for (let n = 2; usedIds.has(id); n += 1) id = `${person.id}#${n}`;
    usedIds.add(id);
    for (const member of members) personOf[member] = index;
    return { ...person, id, index };
  });
  return { people, personOf };
}

interface Usage {
  commits: number;
  last: number;
}

/** Most-used first, then most recently used (people change names), then by value. */
function rankByUse(entries: Map<string, Usage>): string[] {
  return [...entries]
    .sort((a, b) => b[1].commits - a[1].commits || b[1].last - a[1].last || compareText(a[0], b[0]))
    .map(([value]) => value);
}

function addUse(entries: Map<string, Usage>, value: string, identity: RawIdentity): void {
  if (value === '') return;
  const usage = entries.get(value);
  if (usage) {
    usage.commits += identity.commits;
    usage.last = Math.max(usage.last, identity.lastTime ?? 0);
  } else entries.set(value, { commits: identity.commits, last: identity.lastTime ?? 0 });
}

function describePerson(identities: readonly RawIdentity[], members: number[]) {
  const names = new Map<string, Usage>();
  const emails = new Map<string, Usage>();
  let commits = 0;
  let coAuthored = 0;
  let firstCommitAt = Number.POSITIVE_INFINITY;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  let bot = false;
  for (const member of members) {
    const identity = identities[member] as RawIdentity;
    addUse(names, identity.name, identity);
    addUse(emails, identity.email, identity);
    commits += identity.commits;
    coAuthored += identity.coAuthored;
    if (identity.firstTime !== undefined) firstCommitAt = Math.min(firstCommitAt, identity.firstTime);
    if (identity.lastTime !== undefined) lastCommitAt = Math.max(lastCommitAt, identity.lastTime);
    bot ||= isBotIdentity(identity.name, identity.email);
  }
  const rankedNames = rankByUse(names);
  const rankedEmails = rankByUse(emails);
  const name = rankedNames[0] ?? '';
  const email = rankedEmails[0] ?? '';
  const person: Omit<Person, 'index'> = {
    id: (email !== '' ? email : name).toLowerCase(),
    name,
    email,
    names: rankedNames,
    emails: rankedEmails,
    commits,
    coAuthored,
    firstCommitAt: Number.isFinite(firstCommitAt) ? firstCommitAt : undefined,
    lastCommitAt: Number.isFinite(lastCommitAt) ? lastCommitAt : undefined,
    bot,
  };
  return { person, members };
}
