import { createHmac, randomBytes } from 'node:crypto';
import { stripAccents } from '../identity/strip-accents.js';
import type { CodeownersDrift, KeyPerson, Report, StewardPerson, StewardshipActivity } from './report.js';

/**
 * `busfactor report --anonymize`: the same report with every person replaced by a stable pseudonym,
 * so it can be shared outside the team (a consultant's deliverable, a public issue). Every figure
 * (bus factors, files, shares, dates, departures) stays as it is; only who is replaced:
 *
 * - people[] (id, name, names[], emails[]); keyPeople, activeKeyPeople; modules[] key people,
 *   successors, line owners and CODEOWNERS owners; files[] authors and line owners; whatIf.without;
 *   lineOwnership owners and islands; codeowners rules, owners and drift; every stewardship
 *   activity's key people and people, releases.recent[].by, build.files[].authors;
 *   settings.without (the `--without` entries as typed) and settings.config.path;
 * - warnings[].message, free text: every known email, id, CODEOWNERS handle and name (names of 3
 *   characters or more, as whole words, longest first so `Ann` does not cut into `Anna Berg`), and
 *   any other email-shaped text.
 *
 * A person becomes `Person <hex>`, id and email `<hex>@anonymized.invalid` (further merged emails and
 * names `<hex>+2@…`, `Person <hex> (2)`: lists keep their length); a CODEOWNERS `@user`
 * becomes `@person-<hex>` (the hex of the person it was matched to, else of the handle), teams
 * (`@org/team`) stay. `<hex>` is the HMAC-SHA256 of the person's id keyed with the salt, 8 hex
 * digits, more for ids whose first 8 collide. Paths, module names, tag names and the repository
 * name are kept: they are the code's structure, not its people.
 *
 * Why the command's default salt is random (randomSalt), not fixed: with a salt anyone knows, anyone
 * can hash a list of known emails (a company's staff, a project's contributors) and read the
 * pseudonyms back. `--anonymize-salt` gives a fixed one on purpose (the same pseudonyms run after run,
 * to compare reports); it must then stay secret. The order of every list is kept as it was: sorting by
 * pseudonym would reorder nothing a reader needs, and the figures stay where scripts expect them.
 */
export function anonymizeReport(report: Report, salt: string): Report {
  const people = peopleLookup(report);
  // Two passes over the same traversal: the first collects every key (ids, unmatched handles and
  // emails), so collisions are resolved over all of them before the second writes pseudonyms.
  const keys = new Set<string>();
  mapReport(report, collector(people, keys));
  const hex = uniquePrefixes(new Map([...keys].map((key) => [key, digest(salt, key)])));
  const hexOf = (key: string) => hex.get(key) ?? digest(salt, key);
  return mapReport(report, pseudonymizer(report, people, hexOf));
}

/** A fresh salt for one run (the default when `--anonymize-salt` is not given). */
export function randomSalt(): string {
  return randomBytes(32).toString('hex');
}

const DOMAIN = '@anonymized.invalid';
const MIN_HEX = 8;

function digest(salt: string, key: string): string {
  return createHmac('sha256', salt).update(key).digest('hex');
}

/**
 * The shortest prefix (at least {@link MIN_HEX} digits) of each key's digest that no other key shares:
 * keys whose prefixes collide all take one more digit, until none do. Deterministic for a set of keys.
 */
export function uniquePrefixes(digests: ReadonlyMap<string, string>, min = MIN_HEX): Map<string, string> {
  const lengths = new Map([...digests.keys()].map((key) => [key, min]));
  for (;;) {
    const groups = new Map<string, string[]>();
    for (const [key, full] of digests) {
      const prefix = full.slice(0, lengths.get(key));
      groups.set(prefix, [...(groups.get(prefix) ?? []), key]);
    }
    const clashing = [...groups.values()].filter((group) => group.length > 1).flat();
    // Identical full digests (never, for distinct keys) cannot be told apart: stop there.
    const growing = clashing.filter((key) => (lengths.get(key) ?? min) < (digests.get(key)?.length ?? 0));
    if (growing.length === 0) break;
    for (const key of growing) lengths.set(key, (lengths.get(key) ?? min) + 1);
  }
  return new Map([...digests].map(([key, full]) => [key, full.slice(0, lengths.get(key))]));
}

/** How references found in the report resolve to keys: a person's id, or the reference itself. */
interface PeopleLookup {
  readonly ids: ReadonlySet<string>;
  /** Lower-cased email → person id. */
  readonly byEmail: ReadonlyMap<string, string>;
  /** Folded (accents and case off) id, email or name → person id, as `--without` matches them. */
  readonly byAny: ReadonlyMap<string, string>;
  /** A CODEOWNERS owner as written → the person it was matched to. */
  readonly byOwner: ReadonlyMap<string, string>;
}

const fold = (text: string): string => stripAccents(text).trim().toLowerCase();

function peopleLookup(report: Report): PeopleLookup {
  const byEmail = new Map<string, string>();
  const byAny = new Map<string, string>();
  for (const person of report.people) for (const email of person.emails) if (email) byEmail.set(email.toLowerCase(), person.id);
  // Ids win over emails, emails over names, as in people/match-person.ts.
  for (const field of [(p: Report['people'][number]) => p.names, (p: Report['people'][number]) => p.emails, (p: Report['people'][number]) => [p.id]]) {
    for (const person of report.people) for (const value of field(person)) if (value) byAny.set(fold(value), person.id);
  }
  const byOwner = new Map((report.codeowners?.owners ?? []).flatMap((owner) => (owner.person === undefined ? [] : [[owner.owner, owner.person] as const])));
  return { ids: new Set(report.people.map((person) => person.id)), byEmail, byAny, byOwner };
}

const personKey = (people: PeopleLookup, id: string): string => (people.ids.has(id) ? id : people.byEmail.get(id.toLowerCase()) ?? id);
const isTeam = (owner: string): boolean => owner.startsWith('@') && owner.includes('/');
const ownerKey = (people: PeopleLookup, owner: string): string => {
  const matched = people.byOwner.get(owner);
  if (matched !== undefined) return personKey(people, matched);
  return owner.startsWith('@') ? owner.toLowerCase() : personKey(people, owner);
};
const entryKey = (people: PeopleLookup, entry: string): string => people.byAny.get(fold(entry)) ?? fold(entry);

/** Email-shaped text in free text (tags like `pkg@1.2.3` are not: the domain ends in letters). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu;

/** What the traversal asks of each person reference; one implementation collects, the other replaces. */
interface Mapper {
  id(id: string): string;
  name(id: string, name: string): string;
  email(id: string, email: string): string;
  /** A CODEOWNERS owner as written. */
  owner(owner: string): string;
  /** A `--without` entry as typed. */
  entry(entry: string): string;
  text(text: string): string;
}

function collector(people: PeopleLookup, keys: Set<string>): Mapper {
  const add = (key: string) => (keys.add(key), key);
  return {
    id: (id) => add(personKey(people, id)),
    name: (_id, name) => name,
    email: (_id, email) => email,
    owner: (owner) => (isTeam(owner) ? owner : add(ownerKey(people, owner))),
    entry: (entry) => add(entryKey(people, entry)),
    text: (text) => {
      for (const [email] of text.matchAll(EMAIL)) if (!email.toLowerCase().endsWith(DOMAIN)) add(personKey(people, email));
      return text;
    },
  };
}

function pseudonymizer(report: Report, people: PeopleLookup, hexOf: (key: string) => string): Mapper {
  const hex = (id: string) => hexOf(personKey(people, id));
  const mapper: Mapper = {
    id: (id) => `${hex(id)}${DOMAIN}`,
    name: (id, name) => (name === '' ? '' : `Person ${hex(id)}`),
    email: (id, email) => (email === '' ? '' : `${hex(id)}${DOMAIN}`),
    owner: (owner) => {
      if (isTeam(owner)) return owner;
      const key = hexOf(ownerKey(people, owner));
      return owner.startsWith('@') ? `@person-${key}` : `${key}${DOMAIN}`;
    },
    entry: (entry) => `${hexOf(entryKey(people, entry))}${DOMAIN}`,
    text: (text) => text,
  };
  mapper.text = textScrubber(report, people, mapper, hexOf);
  return mapper;
}

/**
 * Free text: every known email, id, handle and name (whole words, case aside), and any other email,
 * in one left-to-right pass, so a pseudonym just written is never matched again.
 */
function textScrubber(report: Report, people: PeopleLookup, mapper: Mapper, hexOf: (key: string) => string): (text: string) => string {
  // Lower-cased term → [replacement, whether it is a name (whole words, 3 characters or more)].
  const terms = new Map<string, readonly [string, boolean]>();
  const add = (term: string, replacement: string, name: boolean) => {
    if (term !== '' && !terms.has(term.toLowerCase()) && (!name || [...term].length >= 3)) terms.set(term.toLowerCase(), [replacement, name]);
  };
  // Each email and name as people[] shows it: the primary ones first, so they win over numbered duplicates.
  for (const person of report.people) if (person.id.includes('@')) add(person.id, mapper.id(person.id), false);
  for (const person of report.people) person.emails.forEach((email, i) => add(email, numbered(mapper.id(person.id), i), false));
  for (const owner of report.codeowners?.owners ?? []) if (!isTeam(owner.owner)) add(owner.owner, mapper.owner(owner.owner), false);
  for (const person of report.people) for (const name of [person.id, person.name].filter((value) => !value.includes('@'))) add(name, mapper.name(person.id, name), true);
  for (const person of report.people) person.names.forEach((name, i) => add(name, numbered(mapper.name(person.id, name), i), true));
  return (text) => {
    const lower = text.toLowerCase();
    const present = [...terms].filter(([term]) => lower.includes(term)).sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
    const alternatives = present.map(([term, [, name]]) => `(?<![\\p{L}\\p{N}_${name ? '' : '.+-'}])${escapeRegExp(term)}(?![\\p{L}\\p{N}_-])`);
    const pattern = new RegExp([...alternatives, EMAIL.source].join('|'), 'giu');
    return text.replace(pattern, (match) => {
      const known = terms.get(match.toLowerCase());
      if (known) return known[0];
      // An address of any domain (jdoe@localhost too), not a version (pkg@1.2.3: no letter after the @).
      if (match.toLowerCase().endsWith(DOMAIN) || !/\p{L}/u.test(match.slice(match.lastIndexOf('@') + 1))) return match;
      return `${hexOf(personKey(people, match))}${DOMAIN}`;
    });
  };
}

/**
 * A person's second, third… email or name: `<hex>+2@anonymized.invalid`, `Person <hex> (2)`. The lists
 * keep their length (how many identities were merged is a figure, not a person), and stay distinct.
 */
function numbered(pseudonym: string, index: number): string {
  if (index === 0) return pseudonym;
  return pseudonym.endsWith(DOMAIN) ? `${pseudonym.slice(0, -DOMAIN.length)}+${index + 1}${DOMAIN}` : `${pseudonym} (${index + 1})`;
}

/**
 * Warnings that quote what a config file or CODEOWNERS says about people (`"Jane Roe" matches nobody
 * …; did you mean "Jane Rowe"?`, an owner that is not a handle): the quoted values may be people the
 * history does not know, so no pseudonym would replace them, and a close match would tie a real name
 * to a pseudonym. Every quoted value in them is redacted.
 */
const QUOTED_PEOPLE: ReadonlySet<string> = new Set(['config-unusable', 'codeowners-unreadable', 'module-unmatched']);
const redactQuoted = (message: string): string => message.replace(/"[^"]*"/g, '"(redacted)"');

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** The one traversal of every place the Report type holds a person (see the comment at the top). */
function mapReport(report: Report, m: Mapper): Report {
  const who = <T extends { readonly id: string; readonly name: string; readonly email: string }>(person: T): T => ({
    ...person,
    id: m.id(person.id),
    name: m.name(person.id, person.name),
    email: m.email(person.id, person.email),
  });
  const keyPeople = (list: readonly KeyPerson[]) => list.map(who);
  const ids = (list: readonly string[]) => list.map((id) => m.id(id));
  const drift = (d: CodeownersDrift): CodeownersDrift => {
    if (d.kind === 'owner-without-knowledge') return { ...d, owner: m.owner(d.owner), person: m.id(d.person) };
    if (d.kind === 'key-person-not-owner') return { ...d, person: m.id(d.person), name: m.name(d.person, d.name) };
    return d;
  };
  const activity = <A extends StewardshipActivity>(a: A): A => ({
    ...a,
    keyPeople: ids(a.keyPeople),
    activeKeyPeople: ids(a.activeKeyPeople),
    people: a.people.map((person: StewardPerson) => who(person)),
  });
  const { stewardship, codeowners, lineOwnership, whatIf, settings } = report;
  return {
    ...report,
    activeKeyPeople: keyPeople(report.activeKeyPeople),
    keyPeople: keyPeople(report.keyPeople),
    people: report.people.map((person) => ({
      ...person,
      id: m.id(person.id),
      name: m.name(person.id, person.name),
      emails: person.emails.map((email, i) => numbered(m.email(person.id, email || person.id), i)),
      names: person.names.map((name, i) => numbered(m.name(person.id, name || person.id), i)),
    })),
    modules: report.modules.map((module) => ({
      ...module,
      keyPeople: keyPeople(module.keyPeople),
      ...(module.owners ? { owners: module.owners.map((owner) => m.owner(owner)) } : {}),
      ...(module.successors ? { successors: module.successors.map(who) } : {}),
      ...(module.lineOwners ? { lineOwners: module.lineOwners.map(who) } : {}),
    })),
    files: report.files.map((file) => ({ ...file, authors: ids(file.authors), ...(file.owners ? { owners: file.owners.map(who) } : {}) })),
    ...(whatIf ? { whatIf: { ...whatIf, without: whatIf.without.map((person) => ({ id: m.id(person.id), name: m.name(person.id, person.name) })) } } : {}),
    ...(lineOwnership
      ? { lineOwnership: { ...lineOwnership, owners: lineOwnership.owners.map(who), islands: lineOwnership.islands.map((island) => ({ ...island, owner: m.id(island.owner) })) } }
      : {}),
    ...(codeowners
      ? {
          codeowners: {
            ...codeowners,
            rules: codeowners.rules.map((rule) => ({ ...rule, owners: rule.owners.map((owner) => m.owner(owner)), keyPeople: keyPeople(rule.keyPeople), drift: rule.drift.map(drift) })),
            owners: codeowners.owners.map((owner) => ({ ...owner, owner: m.owner(owner.owner), ...(owner.person === undefined ? {} : { person: m.id(owner.person) }) })),
            drift: codeowners.drift.map(drift),
          },
        }
      : {}),
    stewardship: {
      ...stewardship,
      integration: activity(stewardship.integration),
      releases: { ...activity(stewardship.releases), recent: stewardship.releases.recent.map((release) => ({ ...release, by: m.id(release.by) })) },
      review: activity(stewardship.review),
      build: { ...activity(stewardship.build), files: stewardship.build.files.map((file) => ({ ...file, authors: ids(file.authors) })) },
    },
    settings: {
      ...settings,
      without: settings.without.map((entry) => m.entry(entry)),
      ...(settings.config ? { config: { ...settings.config, path: m.text(settings.config.path) } } : {}),
    },
    warnings: report.warnings.map((warning) => ({ ...warning, message: m.text(QUOTED_PEOPLE.has(warning.code) ? redactQuoted(warning.message) : warning.message) })),
  };
}
