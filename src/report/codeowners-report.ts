import type { Person } from '../identity/merge-identities.js';
import type { ModuleDefinition } from '../modules/module-definition.js';
import { WARNING_PATH_LIMIT } from '../warnings.js';
import type { CodeownersDrift, CodeownersOwner, CodeownersReport, CodeownersRuleReport } from './report.js';
import { scoreFiles, type AuthorshipIndex } from './what-if.js';

/** `12345+octocat@users.noreply.github.com` or `octocat@users.noreply.github.com`: GitHub's private commit email. */
const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/**
 * Whom a CODEOWNERS owner is in the history. An email matches a person who committed with it; an
 * @user matches the person the config's `aliases` gives that handle, else a person who committed
 * with that user's `users.noreply.github.com` address; an @org/team is never expanded (that needs
 * GitHub's API): it is reported as a team, unmatched. Nothing is guessed from names.
 */
export function matchOwner(owner: string, people: readonly Person[], aliases: Readonly<Record<string, readonly string[]>>): CodeownersOwner {
  const lower = owner.toLowerCase();
  const type: CodeownersOwner['type'] = owner.startsWith('@') ? (owner.includes('/') ? 'team' : 'user') : 'email';
  if (type === 'team') return { owner, type };
  const byIdentity = (value: string) => {
    const wanted = value.toLowerCase();
    return people.find((person) => person.emails.some((email) => email.toLowerCase() === wanted) || person.names.some((name) => name.toLowerCase() === wanted));
  };
  if (type === 'email') {
    const person = people.find((candidate) => candidate.emails.some((email) => email.toLowerCase() === lower));
    if (person) return { owner, type, person: person.id, matchedBy: 'email' };
  }
  for (const [key, others] of Object.entries(aliases)) {
    if (key.toLowerCase() !== lower && !others.some((other) => other.toLowerCase() === lower)) continue;
    const person = byIdentity(key) ?? others.map(byIdentity).find(Boolean);
    if (person) return { owner, type, person: person.id, matchedBy: 'alias' };
  }
  if (type === 'email') return { owner, type };
  const login = lower.slice(1);
  const person = people.find((candidate) => candidate.emails.some((email) => NOREPLY.exec(email)?.[1]?.toLowerCase() === login));
  return person ? { owner, type, person: person.id, matchedBy: 'noreply' } : { owner, type };
}

export interface CodeownersInput {
  /** Every module; the CODEOWNERS ones (empty rules included) are used. */
  readonly modules: readonly ModuleDefinition[];
  readonly index: AuthorshipIndex;
  readonly people: readonly Person[];
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** The counted files, as module `files` index them. */
  readonly files: readonly string[];
}

/**
 * CODEOWNERS against the history: per rule its files' bus factor and key people, and the drift
 * between what the file declares and who knows the code (docs/json-report.md, "codeowners").
 * Undefined when CODEOWNERS rules are not among the modules.
 */
export function codeownersReport(input: CodeownersInput): CodeownersReport | undefined {
  const rules = input.modules.filter((module) => module.kind === 'codeowners');
  const file = rules[0]?.source;
  if (!file) return undefined;
  const owners = new Map<string, CodeownersOwner>();
  for (const rule of rules) for (const owner of rule.owners ?? []) if (!owners.has(owner)) owners.set(owner, matchOwner(owner, input.people, input.aliases));
  const owned = new Set<number>();
  const reports = rules.map((rule): CodeownersRuleReport => {
    if ((rule.owners ?? []).length > 0) for (const index of rule.files) owned.add(index);
    const score = scoreFiles(input.index, rule.files);
    const declared = (rule.owners ?? []).map((owner) => owners.get(owner) as CodeownersOwner);
    const declaredPeople = new Set(declared.flatMap((owner) => (owner.person ? [owner.person] : [])));
    const unverifiable = declared.some((owner) => owner.person === undefined);
    const drift: CodeownersDrift[] = [];
    const base = { rule: rule.name, line: rule.line ?? 0 };
    if (rule.files.length > 0) {
      for (const owner of declared) {
        if (!owner.person) continue;
        const person = input.index.indexOf.get(owner.person);
        const authorsAny = person !== undefined && rule.files.some((index) => input.index.fileAuthors[index]?.includes(person));
        if (!authorsAny) drift.push({ kind: 'owner-without-knowledge', ...base, owner: owner.owner, person: owner.person });
      }
      for (const key of score.keyPeople) {
        if (!declaredPeople.has(key.id)) drift.push({ kind: 'key-person-not-owner', ...base, person: key.id, name: key.name, files: key.files, unverifiable });
      }
    }
    return {
      id: rule.id,
      pattern: rule.name,
      line: rule.line ?? 0,
      ...(rule.section ? { section: rule.section } : {}),
      owners: rule.owners ?? [],
      files: score.files,
      busFactor: score.busFactor,
      keyPeople: score.keyPeople,
      drift,
    };
  });
  const unownedPaths = input.files.filter((_, index) => !owned.has(index));
  const drift: CodeownersDrift[] = reports.flatMap((rule) => rule.drift);
  if (unownedPaths.length > 0) drift.push({ kind: 'unowned', files: unownedPaths.length, paths: unownedPaths.slice(0, WARNING_PATH_LIMIT) });
  return { file, rules: reports, owners: [...owners.values()], drift };
}
