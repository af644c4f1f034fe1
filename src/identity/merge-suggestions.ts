import { compareText } from '../compare-text.js';
import { isBotIdentity } from './bots.js';
import type { RawIdentity } from './identity-table.js';
import { UnionFind } from './union-find.js';
import type { People } from './merge-identities.js';
import { stripAccents } from './strip-accents.js';

/**
 * Why two or more identities are probably one person (docs/people.md). The first three are merges
 * busfactor already makes (the AVL rule, the config's aliases) that git does not; the others are
 * guesses busfactor does not act on.
 */
export type SuggestionReason = 'same-name' | 'same-email' | 'alias' | 'github-noreply' | 'email-local-part' | 'name-folded';

/** Printing order of the reasons inside a group: the surest first. */
export const SUGGESTION_REASONS: readonly SuggestionReason[] = ['same-name', 'same-email', 'alias', 'github-noreply', 'email-local-part', 'name-folded'];

const MERGED_BY_BUSFACTOR: ReadonlySet<SuggestionReason> = new Set(['same-name', 'same-email', 'alias']);

/** One (name, email) pair of the history, after `.mailmap`, as a suggestion names it. */
export interface SuggestedIdentity {
  readonly name: string;
  readonly email: string;
  readonly commits: number;
  /** Id of the person busfactor counts it as (`people[].id`). */
  readonly person: string;
}

export interface MergeSuggestion {
  /**
   * Suggestions that share identities form a group (numbered from 1) proposing one canonical
   * identity, so that accepting all of them never maps one identity two ways.
   */
  readonly group: number;
  readonly reason: SuggestionReason;
  /** True when busfactor already counts them as one person and only git (shortlog, blame) does not. */
  readonly mergedByBusfactor: boolean;
  /** Most commits first. */
  readonly identities: readonly SuggestedIdentity[];
  /** Ids of the people involved: one for merges busfactor makes, several for the others. */
  readonly people: readonly string[];
  /** The group's most-used name and most-used email (commits, then the most recent, then by text). */
  readonly canonical: { readonly name: string; readonly email: string };
}

/**
 * Local parts that name a role or a machine, not a person: `info@a.com` and `info@b.org` say
 * nothing about who wrote the commits. Short ones (< 3 characters) are left out too.
 */
const GENERIC_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'anonymous', 'bot', 'build', 'ci', 'code', 'contact', 'contributor', 'contributors', 'deploy', 'dev', 'devel', 'developer',
  'developers', 'devops', 'email', 'example', 'git', 'github', 'gitlab', 'hello', 'help', 'info', 'jenkins', 'localhost', 'mail', 'maintainer',
  'maintainers', 'me', 'name', 'nobody', 'none', 'noreply', 'no-reply', 'no_reply', 'null', 'office', 'owner', 'postmaster', 'release', 'root',
  'security', 'support', 'team', 'test', 'tests', 'travis', 'ubuntu', 'unknown', 'user', 'username', 'users', 'webmaster', 'you', 'yourname',
]);

/** `12345+login@users.noreply.github.com` (since 2017) or `login@users.noreply.github.com`. */
const NOREPLY = /^(?:(\d+)\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/** A key worth matching on: long enough and not a role. */
const usable = (key: string): boolean => key.length >= 3 && !GENERIC_LOCAL_PARTS.has(key);

/** The AVL rule's keys (merge-identities.ts): accents off, upper case. */
const avlKey = (text: string): string => stripAccents(text).toUpperCase();

/** The address before its last `@`, lower case, without a `+tag`; undefined for no-reply or odd addresses. */
function localPart(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || NOREPLY.test(email)) return undefined;
  const local = email.slice(0, at).toLowerCase().replace(/\+.*$/, '');
  return usable(local) ? local : undefined;
}

/**
 * The email-local-part rule's key: the local part and the surname (the name's last word, folded).
 * A shared local part alone misleads — on expressjs/express `ben@` is three different Bens, on
 * git/git `chris@`, `joerg@` and `apw@` are pairs of different people — so the names must agree
 * on the surname too (`Eric S. Raymond <esr@thyrsus.com>`, `Eric Raymond <esr@snark.thyrsus.com>`),
 * and the local part must be more than one word of the name (`Greg Price <price@mit.edu>` and
 * `Paul Price <price@astro.princeton.edu>` are two people).
 * A one-word name (a handle) gives no key: its surname is unknown. `Doe, Jane` puts it first.
 */
function localPartKey(identity: RawIdentity): string | undefined {
  const local = localPart(identity.email);
  const words = stripAccents(identity.name).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // A local part that is one word of the name (`price@`, `ben@`) is shared by namesakes.
  if (local === undefined || words.length < 2 || words.includes(local)) return undefined;
  // `Doe, Jane` names the surname first.
  const surname = identity.name.includes(',') ? words[0] : words[words.length - 1];
  return `${local}\0${surname as string}`;
}

/** Accents, case, whitespace and punctuation off: `Jane  Doe`, `jane.doe` and `Jané-Doe` agree. */
function foldedName(name: string): string | undefined {
  const folded = stripAccents(name).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return folded.length >= 3 ? folded : undefined;
}

/** A name written as a login would be: `Jane Doe` → `janedoe`. */
function loginLikeName(name: string): string | undefined {
  const login = stripAccents(name).toLowerCase().replace(/\s+/g, '');
  return usable(login) ? login : undefined;
}

interface Draft {
  readonly reason: SuggestionReason;
  readonly members: readonly number[];
}

/**
 * Identities that are probably the same person, with the reason for each suggestion (docs/people.md).
 * Pure: nothing is applied, the caller shows them for review. Only identities git tells apart are
 * paired (each raw identity is one distinct name and email after `.mailmap`), and a bot is never
 * paired with a human. Deterministic: the same history gives the same suggestions in the same order.
 */
export function mergeSuggestions(identities: readonly RawIdentity[], people: People): MergeSuggestion[] {
  const bot = identities.map((identity) => isBotIdentity(identity.name, identity.email));
  const personOf = (i: number): number => people.personOf[i] as number;
  const drafts: Draft[] = [...mergedByBusfactor(identities, people, bot), ...guessed(identities, personOf, bot)];
  // `José Pérez <j@x>` and `Jose Perez <j@x>` share both keys: one suggestion says it, the surer reason.
  const seen = new Set<string>();
  const distinct = drafts.filter((draft) => {
    const key = draft.members.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return finish(identities, people, distinct);
}

/** Merges busfactor makes and git does not: per person, by the AVL name key, email key, and aliases. */
function mergedByBusfactor(identities: readonly RawIdentity[], people: People, bot: readonly boolean[]): Draft[] {
  const members = people.people.map((): number[] => []);
  identities.forEach((_, i) => members[people.personOf[i] as number]?.push(i));
  const drafts: Draft[] = [];
  for (const all of members) {
    if (all.length < 2) continue;
    // Keys link identities; the person's every identity (bots too) shows which links the AVL rule saw.
    const linkedByKeys = linkByKeys(identities, all);
    for (const side of [false, true]) {
      const own = all.filter((i) => bot[i] === side);
      if (own.length < 2) continue;
      for (const [reason, key] of [['same-name', (i: number) => avlKey((identities[i] as RawIdentity).name)], ['same-email', (i: number) => avlKey((identities[i] as RawIdentity).email)]] as const) {
        const byKey = new Map<string, number[]>();
        for (const i of own) {
          const value = key(i);
          if (value !== '') add(byKey, value, i);
        }
        for (const group of byKey.values()) if (group.length > 1) drafts.push({ reason, members: group });
      }
      // Parts of the person no name or email joins were joined by the config's aliases. Parts
      // joined only through an identity of the other kind (a bot sharing a human's name) stay apart.
      if (new Set(own.map((i) => linkedByKeys.find(i))).size > 1) drafts.push({ reason: 'alias', members: own });
    }
  }
  return drafts;
}

/** Components of one person's `members` linked by a shared AVL name or email key: identity → its part. */
function linkByKeys(identities: readonly RawIdentity[], members: readonly number[]): { find(i: number): number } {
  // Sized to the person, not the history: this runs once per person.
  const sets = new UnionFind(members.length);
  const first = new Map<string, number>();
  members.forEach((i, local) => {
    const identity = identities[i] as RawIdentity;
    for (const key of [`name:${avlKey(identity.name)}`, `email:${avlKey(identity.email)}`]) {
      if (key.endsWith(':')) continue;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, local);
      else sets.union(seen, local);
    }
  });
  const localOf = new Map(members.map((i, local) => [i, local]));
  return { find: (i) => sets.find(localOf.get(i) as number) };
}

/** Guesses busfactor does not act on: pairs of identities of different people. */
function guessed(identities: readonly RawIdentity[], personOf: (i: number) => number, bot: readonly boolean[]): Draft[] {
  // A pair busfactor already merged is covered above; a bot and a human are never paired.
  const link = (sets: UnionFind, touched: number[], members: readonly number[]) => linkKey(sets, touched, members, personOf, bot);
  const drafts: Draft[] = [];

  const sameKey = (reason: SuggestionReason, keyOf: (identity: RawIdentity) => string | undefined) => {
    const sets = new UnionFind(identities.length);
    const touched: number[] = [];
    const byKey = new Map<string, number[]>();
    identities.forEach((identity, i) => {
      const key = keyOf(identity);
      if (key !== undefined) add(byKey, key, i);
    });
    for (const group of byKey.values()) link(sets, touched, group);
    for (const members of sets.groups(touched)) drafts.push({ reason, members });
  };

  // GitHub no-reply addresses: the same account id or login, or a login that another identity's
  // address or name (without spaces) spells.
  const noreply = new UnionFind(identities.length);
  const touched: number[] = [];
  const byLogin = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  identities.forEach((identity, i) => {
    const match = NOREPLY.exec(identity.email);
    if (!match) return;
    const login = (match[2] as string).toLowerCase();
    add(byLogin, login, i);
    if (match[1] !== undefined) add(byId, match[1], i);
  });
  for (const group of [...byLogin.values(), ...byId.values()]) link(noreply, touched, group);
  // An identity spelling a login joins that login's accounts (linked among themselves already).
  identities.forEach((identity, i) => {
    for (const key of new Set([localPart(identity.email), loginLikeName(identity.name)])) {
      const accounts = key === undefined ? undefined : byLogin.get(key);
      if (accounts) link(noreply, touched, [i, ...accounts]);
    }
  });
  for (const members of noreply.groups(touched)) drafts.push({ reason: 'github-noreply', members });

  sameKey('email-local-part', localPartKey);
  sameKey('name-folded', (identity) => (identity.name === '' ? undefined : foldedName(identity.name)));
  return drafts;
}

/**
 * Links the identities sharing one key: bots with bots and humans with humans, and only across
 * people. Among one kind, pairing every two of different people connects all of them as soon as
 * two people are there, so one pass does it (a local part like `john` may be shared by thousands).
 */
function linkKey(sets: UnionFind, touched: number[], members: readonly number[], personOf: (i: number) => number, bot: readonly boolean[]): void {
  for (const side of [false, true]) {
    const own = members.filter((i) => bot[i] === side);
    if (new Set(own.map(personOf)).size < 2) continue;
    for (const i of own) sets.union(own[0] as number, i);
    touched.push(...own);
  }
}

/** `map[key]`, created empty, with `value` added. */
function add<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Use {
  commits: number;
  last: number;
}

/** Most commits, then most recent, then by text; empty values never win. As merge-identities.ts ranks. */
function mostUsed(identities: readonly RawIdentity[], members: readonly number[], field: 'name' | 'email'): string {
  const uses = new Map<string, Use>();
  for (const i of members) {
    const identity = identities[i] as RawIdentity;
    const value = identity[field];
    if (value === '') continue;
    const use = uses.get(value) ?? { commits: 0, last: 0 };
    use.commits += identity.commits;
    use.last = Math.max(use.last, identity.lastTime ?? 0);
    uses.set(value, use);
  }
  const ranked = [...uses].sort((a, b) => b[1].commits - a[1].commits || b[1].last - a[1].last || compareText(a[0], b[0]));
  return ranked[0]?.[0] ?? '';
}

/** Groups the drafts by shared identities, gives each group its canonical identity, and orders everything. */
function finish(identities: readonly RawIdentity[], people: People, drafts: readonly Draft[]): MergeSuggestion[] {
  const byIdentity = (a: number, b: number): number => {
    const x = identities[a] as RawIdentity;
    const y = identities[b] as RawIdentity;
    return y.commits - x.commits || compareText(x.name, y.name) || compareText(x.email, y.email);
  };
  const sets = new UnionFind(identities.length);
  for (const draft of drafts) for (const member of draft.members.slice(1)) sets.union(draft.members[0] as number, member);
  const clusters = sets.groups(drafts.flatMap((draft) => draft.members)).map((members) => {
    const commits = members.reduce((sum, i) => sum + (identities[i] as RawIdentity).commits, 0);
    const canonical = { name: mostUsed(identities, members, 'name'), email: mostUsed(identities, members, 'email') };
    return { root: sets.find(members[0] as number), commits, canonical };
  });
  clusters.sort((a, b) => b.commits - a.commits || compareText(a.canonical.email, b.canonical.email) || compareText(a.canonical.name, b.canonical.name) || a.root - b.root);
  const groupOf = new Map(clusters.map((cluster, n) => [cluster.root, { group: n + 1, canonical: cluster.canonical }]));

  const suggestions = drafts.map((draft) => {
    const members = [...draft.members].sort(byIdentity);
    const { group, canonical } = groupOf.get(sets.find(members[0] as number)) as { group: number; canonical: MergeSuggestion['canonical'] };
    const personIndexes = [...new Set(members.map((i) => people.personOf[i] as number))].sort((a, b) => a - b);
    return {
      key: members,
      suggestion: {
        group,
        reason: draft.reason,
        mergedByBusfactor: MERGED_BY_BUSFACTOR.has(draft.reason),
        identities: members.map((i) => {
          const identity = identities[i] as RawIdentity;
          return { name: identity.name, email: identity.email, commits: identity.commits, person: people.people[people.personOf[i] as number]?.id ?? '' };
        }),
        people: personIndexes.map((index) => people.people[index]?.id ?? ''),
        canonical,
      } satisfies MergeSuggestion,
    };
  });
  const compareMembers = (a: readonly number[], b: readonly number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const order = byIdentity(a[i] as number, b[i] as number);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  };
  suggestions.sort(
    (a, b) =>
      a.suggestion.group - b.suggestion.group ||
      SUGGESTION_REASONS.indexOf(a.suggestion.reason) - SUGGESTION_REASONS.indexOf(b.suggestion.reason) ||
      compareMembers(a.key, b.key),
  );
  return suggestions.map(({ suggestion }) => suggestion);
}
