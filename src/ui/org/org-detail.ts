import { count, percent, plural } from '../../format.js';
import type { OrgKeyPerson, OrgView } from '../../org/org-view.js';
import { lostText } from '../../render/org/org-wording.js';
import { sanitizeForTerminal as safe } from '../../render/sanitize.js';
import type { Segment } from '../model/cells.js';
import type { OrgTreeRow } from './org-rows.js';

/** Where Enter on a detail line goes: a person in the people view, a repository in the tree. */
export type DetailTarget = { readonly view: 'people'; readonly person: string } | { readonly view: 'repositories'; readonly repository: string };

/** One line of the detail pane; lines with a target can take the cursor (Tab). */
export interface DetailLine {
  readonly key: string;
  readonly segments: readonly Segment[];
  readonly target?: DetailTarget;
}

/** The pane's title and its lines, for what the list's cursor is on. */
export interface Detail {
  readonly title: readonly Segment[];
  readonly lines: readonly DetailLine[];
}

const EMPTY: Detail = { title: [], lines: [] };

function keyPersonLines(view: OrgView, people: readonly OrgKeyPerson[], prefix: string): DetailLine[] {
  const keyIn = new Map(view.people.map((person) => [person.id, person.keyIn]));
  if (people.length === 0) return [{ key: `${prefix}none`, segments: [{ text: 'nobody authors half of the files', dim: true }] }];
  return people.map((person, i) => {
    const elsewhere = (keyIn.get(person.person) ?? 1) - 1;
    return {
      key: `${prefix}${person.person}`,
      target: { view: 'people', person: person.person },
      segments: [
        { text: `${i + 1}. ` },
        { text: safe(person.name || person.email), bold: true },
        ...(person.departed ? [{ text: ' †', color: 'red' as const }] : []),
        { text: ` · ${plural(person.files, 'file')} (${percent(person.share)})` },
        { text: elsewhere > 0 ? ` · key in ${plural(elsewhere, 'other repository', 'other repositories')}` : '', dim: true },
      ],
    };
  });
}

/** The detail pane of the tree: a repository's or a module's key people, or a failure's error. */
export function treeDetail(view: OrgView, row: OrgTreeRow | undefined): Detail {
  if (!row) return EMPTY;
  if (row.kind === 'failure') {
    return { title: [{ text: `${safe(row.failure.repository)} failed`, bold: true, color: 'red' }], lines: [{ key: 'error', segments: [{ text: safe(row.failure.error) }] }, { key: 'source', segments: [{ text: safe(row.failure.source), dim: true }] }] };
  }
  if (row.kind === 'module') {
    const { module } = row;
    return {
      title: [{ text: `${safe(row.repository.name)} › ${safe(module.path ?? module.name)}`, bold: true }, { text: ` · BF ${module.busFactor} · active ${module.activeBusFactor} · ${plural(module.files, 'file')}${module.lostFiles > 0 ? ` · ${count(module.lostFiles)} lost` : ''} · key people:`, dim: true }],
      lines: keyPersonLines(view, module.keyPeople, 'k:'),
    };
  }
  const { repository } = row;
  const warnings = repository.warnings.slice(0, 2).map((warning, i) => ({ key: `w:${i}`, segments: [{ text: `⚠ ${safe(warning.message)}`, color: 'yellow' as const }] }));
  return {
    title: [{ text: safe(repository.name), bold: true }, { text: ` · BF ${repository.busFactor} · active ${repository.activeBusFactor} · lost ${lostText(repository.lost)} · ${plural(repository.files, 'file')} · ${plural(repository.commits, 'commit')} · key people:`, dim: true }],
    lines: [...keyPersonLines(view, repository.keyPeople, 'k:'), ...warnings],
  };
}

/** The people view's detail: every repository the person authors files of. */
export function personDetail(view: OrgView, index: number): Detail {
  const person = view.people[index];
  if (!person) return EMPTY;
  return {
    title: [{ text: safe(person.name || person.id), bold: true }, { text: ` · ${safe(person.emails.slice(0, 2).join(', '))} · key in ${plural(person.keyIn, 'repository', 'repositories')}:`, dim: true }],
    lines: person.repositories.map((entry) => ({
      key: entry.repository,
      target: { view: 'repositories', repository: entry.repository },
      segments: [
        { text: safe(entry.repository), bold: entry.key },
        ...(entry.departed ? [{ text: ' †', color: 'red' as const }] : []),
        { text: ` · ${entry.key ? (entry.activeKey ? 'key, active key' : 'key') : 'author'} · ${plural(entry.files, 'file')} (${percent(entry.share)}) · ${plural(entry.commits, 'commit')}` },
      ],
    })),
  };
}

/** The departed view's detail: the repositories they left files in, and where they are still here. */
export function departedDetail(view: OrgView, index: number): Detail {
  const holder = view.departed[index];
  if (!holder) return EMPTY;
  return {
    title: [{ text: safe(holder.name || holder.person), bold: true }, { text: ` · departed, still authoring ${plural(holder.files, 'file')}:`, dim: true }],
    lines: [
      ...holder.repositories.map((entry) => ({
        key: entry.repository,
        target: { view: 'repositories' as const, repository: entry.repository },
        segments: [{ text: safe(entry.repository), bold: entry.key }, { text: ` · ${entry.key ? 'key person · ' : ''}${plural(entry.files, 'file')} (${percent(entry.share)})` }],
      })),
      { key: 'active', segments: [{ text: holder.activeIn.length > 0 ? `still here in: ${safe(holder.activeIn.join(', '))}` : 'still here in no repository', dim: true }] },
    ],
  };
}
