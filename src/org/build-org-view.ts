import { compareText } from '../compare-text.js';
import type { KeyPerson } from '../report/report.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Warning } from '../warnings.js';
import { COMPARABLE_KEYS, SETTING_FLAGS, sameSetting } from './comparable-settings.js';
import { matchPeople, type OrgIdentity } from './match-people.js';
import type { DepartedHolder, OrgFailure, OrgKeyPerson, OrgPerson, OrgRepository, OrgView, PersonInRepository } from './org-view.js';
import type { RepositoryAnalysis } from './repository-analysis.js';
import { viewNames } from './view-names.js';

export interface OrgViewInput {
  /** In the order the repositories were named (names and ties follow it). */
  readonly analyses: readonly RepositoryAnalysis[];
  readonly failures: readonly OrgFailure[];
  /** Warnings about the run as a whole, before the view's own. */
  readonly warnings?: readonly Warning[];
}

/** What one org person is in one repository: their identities there summed (two report people joined by an email elsewhere count once). */
interface Membership {
  files: number;
  commits: number;
  departed: boolean;
  key: boolean;
  activeKey: boolean;
}

/**
 * The organisation view from per-repository analyses (docs/org.md): people matched across
 * repositories, every repository's figures with org-wide person ids, the people key in the most
 * repositories, the departed people who still hold files. A pure function of its input.
 */
export function buildOrgView(input: OrgViewInput): OrgView {
  const { analyses } = input;
  const names = viewNames(analyses);
  const matched = matchPeople(analyses);
  const { identities } = matched;

  // memberships[identity] : repository index → what they are there.
  const memberships = identities.map(() => new Map<number, Membership>());
  const identityById: Map<string, number>[] = analyses.map((analysis, r) => new Map(analysis.people.map((person, p) => [person.id, matched.identityOf(r, p)])));
  const departedIds = analyses.map((analysis) => new Set(analysis.people.filter((person) => person.departed).map((person) => person.id)));
  analyses.forEach((analysis, r) => {
    const keys = new Set(analysis.keyPeople.map((person) => person.id));
    const activeKeys = new Set(analysis.activeKeyPeople.map((person) => person.id));
    analysis.people.forEach((person, p) => {
      const byRepository = memberships[matched.identityOf(r, p)] as Map<number, Membership>;
      const known = byRepository.get(r);
      const key = keys.has(person.id);
      const activeKey = activeKeys.has(person.id);
      if (known) {
        known.files += person.filesAuthored;
        known.commits += person.commits;
        known.departed &&= person.departed;
        known.key ||= key;
        known.activeKey ||= activeKey;
      } else byRepository.set(r, { files: person.filesAuthored, commits: person.commits, departed: person.departed, key, activeKey });
    });
  });

  const orgKeyPerson = (r: number, person: KeyPerson): OrgKeyPerson => {
    const identity = identityById[r]?.get(person.id);
    const id = identity === undefined ? person.id : (identities[identity] as OrgIdentity).id;
    return { person: id, name: person.name, email: person.email, files: person.files, share: person.share, departed: departedIds[r]?.has(person.id) ?? false };
  };

  const repositories: OrgRepository[] = analyses.map((analysis, r) => ({
    name: names[r] as string,
    source: analysis.source,
    head: analysis.head,
    headTime: analysis.headTime,
    referenceTime: analysis.referenceTime,
    busFactor: analysis.busFactor,
    activeBusFactor: analysis.activeBusFactor,
    lost: analysis.lost,
    files: analysis.totals.files,
    commits: analysis.totals.commits,
    people: analysis.totals.people,
    authors: analysis.totals.authors,
    keyPeople: analysis.keyPeople.map((person) => orgKeyPerson(r, person)),
    activeKeyPeople: analysis.activeKeyPeople.map((person) => orgKeyPerson(r, person)),
    modules: analysis.modules.map((module) => ({
      id: module.id,
      kind: module.kind,
      name: module.name,
      ...(module.path === undefined ? {} : { path: module.path }),
      files: module.files,
      busFactor: module.busFactor,
      activeBusFactor: module.activeBusFactor,
      lostFiles: module.lostFiles,
      keyPeople: module.keyPeople.map((person) => orgKeyPerson(r, person)),
    })),
    warnings: analysis.warnings,
  }));

  const filesOf = (r: number) => analyses[r]?.totals.files ?? 0;
  const share = (files: number, r: number) => (filesOf(r) === 0 ? 0 : files / filesOf(r));
  const people: OrgPerson[] = [];
  const departed: DepartedHolder[] = [];
  identities.forEach((identity, i) => {
    const byRepository = [...(memberships[i] as Map<number, Membership>).entries()];
    const authoring = byRepository.filter(([, membership]) => membership.files > 0);
    const keyIn = byRepository.filter(([, membership]) => membership.key).length;
    if (keyIn > 0) {
      const list: PersonInRepository[] = authoring
        .map(([r, m]) => ({ repository: names[r] as string, key: m.key, activeKey: m.activeKey, departed: m.departed, files: m.files, share: share(m.files, r), commits: m.commits }))
        .sort((a, b) => Number(b.key) - Number(a.key) || b.files - a.files || compareText(a.repository, b.repository));
      people.push({
        id: identity.id,
        name: identity.name,
        emails: identity.emails,
        keyIn,
        activeKeyIn: byRepository.filter(([, membership]) => membership.activeKey).length,
        files: authoring.reduce((sum, [, membership]) => sum + membership.files, 0),
        repositories: list,
      });
    }
    const gone = authoring.filter(([, membership]) => membership.departed);
    if (gone.length > 0) {
      departed.push({
        person: identity.id,
        name: identity.name,
        emails: identity.emails,
        files: gone.reduce((sum, [, membership]) => sum + membership.files, 0),
        keyIn: gone.filter(([, membership]) => membership.key).length,
        repositories: gone
          .map(([r, m]) => ({ repository: names[r] as string, files: m.files, share: share(m.files, r), key: m.key }))
          .sort((a, b) => Number(b.key) - Number(a.key) || b.files - a.files || compareText(a.repository, b.repository)),
        activeIn: byRepository
          .filter(([, membership]) => !membership.departed)
          .map(([r]) => names[r] as string)
          .sort(compareText),
      });
    }
  });
  people.sort((a, b) => b.keyIn - a.keyIn || b.activeKeyIn - a.activeKeyIn || b.files - a.files || compareText(a.id, b.id));
  departed.sort((a, b) => b.keyIn - a.keyIn || b.files - a.files || compareText(a.person, b.person));

  return {
    schemaVersion: 1,
    tool: { name: 'busfactor', version: TOOL_VERSION },
    settings: analyses[0]?.settings ?? null,
    totals: {
      repositories: analyses.length,
      failed: input.failures.length,
      people: identities.length,
      keyPeople: people.length,
      departedHolders: departed.length,
      files: analyses.reduce((sum, analysis) => sum + analysis.totals.files, 0),
      commits: analyses.reduce((sum, analysis) => sum + analysis.totals.commits, 0),
    },
    repositories: repositories.sort(byRisk),
    people,
    departed,
    failures: input.failures,
    warnings: [...(input.warnings ?? []), ...settingsWarnings(analyses, names)],
  };
}

/**
 * Riskiest first (docs/org.md, "Order"): the fewest people still here holding it, then the most
 * knowledge already lost, then the fewest key people over everyone; between equals the larger
 * repository (more is at stake), then the name.
 */
export function byRisk(a: OrgRepository, b: OrgRepository): number {
  return a.activeBusFactor - b.activeBusFactor || b.lost.share - a.lost.share || a.busFactor - b.busFactor || b.files - a.files || compareText(a.name, b.name);
}

/** One warning per setting on which some repository differs from the first (org: each repository's busfactor.json may choose them). */
function settingsWarnings(analyses: readonly RepositoryAnalysis[], names: readonly string[]): Warning[] {
  const first = analyses[0];
  if (!first) return [];
  const warnings: Warning[] = [];
  for (const key of COMPARABLE_KEYS) {
    const other = analyses.findIndex((analysis) => !sameSetting(key, analysis.settings, first.settings));
    if (other < 0) continue;
    const value = (analysis: RepositoryAnalysis) => String(analysis.settings[key]);
    warnings.push({
      code: 'mixed-settings',
      message: `${SETTING_FLAGS[key]} is ${value(first)} in ${names[0] as string} but ${value(analyses[other] as RepositoryAnalysis)} in ${names[other] as string} (a repository's busfactor.json chose it): their figures are not measured alike; give ${SETTING_FLAGS[key]} on the command line, flags win over each repository's config`,
    });
  }
  return warnings;
}
