import type { Report, StewardshipKind } from '../../../report/report.js';
import { STEWARDSHIP_KINDS } from '../../../report/report.js';
import type { Trend } from '../../../trend/compute-trend.js';
import { idRanks } from '../../../bus-factor/tie-break.js';
import { moduleMembers } from '../../../report/what-if.js';
import type { PageActivity, PageData } from './page-data.js';

/** The trend sparkline needs at least this many points to say anything. */
const MIN_TREND_POINTS = 3;

/** The page's data from the report: people by index, files by their authors, modules by their files. */
export function pageData(report: Report, title: string, trend: Trend | undefined, ranks: readonly number[] = idRanks(report.people)): PageData {
  const indexOf = new Map(report.people.map((person, index) => [person.id, index]));
  const indices = (ids: readonly string[]): number[] => ids.flatMap((id) => (indexOf.has(id) ? [indexOf.get(id) as number] : []));
  const members = moduleMembers(report);
  const topKind = report.modules[0]?.kind;
  const topFolders = new Map(report.modules.flatMap((module, index) => (module.kind === 'directory' && module.depth === 1 && module.path !== undefined ? [[module.path, index] as const] : [])));
  const parentOf = (module: Report['modules'][number]): number | undefined =>
    module.kind === 'directory' && module.depth === 2 && module.path !== undefined ? topFolders.get(module.path.slice(0, module.path.lastIndexOf('/'))) : undefined;
  const stewardship: Partial<Record<StewardshipKind, PageActivity>> = {};
  for (const kind of STEWARDSHIP_KINDS) {
    const activity = report.stewardship[kind];
    if (!activity.present) continue;
    stewardship[kind] = {
      events: activity.events,
      windowEvents: activity.windowEvents,
      people: activity.people.map((person) => ({ id: person.id, events: person.events, windowEvents: person.windowEvents, last: person.last })),
      ...(kind === 'build' ? { buildFiles: report.stewardship.build.files.map((file) => file.authors) } : {}),
    };
  }
  const points = trend?.points ?? [];
  const inTopFolder = new Set(report.modules.filter((module) => module.kind === 'directory' && module.depth === 1).flatMap((module) => members.get(module.id) ?? []));
  const looseFiles = topKind === 'directory' ? report.files.flatMap((_, index) => (inTopFolder.has(index) ? [] : [index])) : [];
  return {
    title,
    repository: report.repository.name,
    people: report.people.map((person, index) => ({
      id: person.id,
      name: person.name,
      email: person.emails[0] ?? '',
      commits: person.commits,
      filesAuthored: person.filesAuthored,
      changes: person.changes,
      idRank: ranks[index] ?? index,
      lastActiveAt: person.lastActiveAt,
      departed: person.departed,
      bot: person.bot,
    })),
    fileAuthors: report.files.map((file) => indices(file.authors)),
    modules: report.modules.map((module) => {
      const owner = module.lineOwners?.[0];
      const parent = parentOf(module);
      return {
        id: module.id,
        kind: module.kind,
        name: module.name,
        files: members.get(module.id) ?? [],
        top: module.kind === topKind && (module.kind !== 'directory' || module.depth === 1),
        ...(parent !== undefined ? { parent } : {}),
        orphanFiles: module.orphanFiles,
        successors: (module.successors ?? []).flatMap((successor) => (indexOf.has(successor.id) ? [{ person: indexOf.get(successor.id) as number, knowledge: successor.knowledge }] : [])),
        ...(module.lines !== undefined ? { lines: module.lines } : {}),
        ...(owner && indexOf.has(owner.id) ? { topLineOwner: { person: indexOf.get(owner.id) as number, share: owner.share } } : {}),
      };
    }),
    stewardship,
    looseFiles,
    leaving: indices((report.whatIf?.without ?? []).map((person) => person.id)),
    departedAfter: report.settings.departedAfter,
    ...(points.length >= MIN_TREND_POINTS
      ? {
          trend: {
            dates: points.map((point) => (point.date === undefined ? '' : new Date(point.date * 1000).toISOString().slice(0, 10))),
            busFactor: points.map((point) => point.busFactor),
            activeBusFactor: points.map((point) => point.activeBusFactor),
            lostShare: points.map((point) => point.lostShare),
          },
        }
      : {}),
    ...(report.lineOwnership
      ? { lineOwners: report.lineOwnership.owners.flatMap((owner) => (indexOf.has(owner.id) ? [{ person: indexOf.get(owner.id) as number, lines: owner.lines, share: owner.share }] : [])) }
      : {}),
  };
}

/**
 * The data as the text of a `<script type="application/json">`: no `<` at all (so never
 * `</script>` or `<!--`), nor the two line separators old parsers choke on; JSON.parse reads the
 * escapes back.
 */
export function embedJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
