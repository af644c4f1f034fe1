import { count, percent, plural } from '../../format.js';
import type { DepartedHolder, OrgKeyPerson, OrgPerson, OrgView } from '../../org/org-view.js';

/** Words every org format shares (docs/org.md, "Reading the view"); each renderer escapes them for its format. */

/** `AVL · departed after 1y`, with the settings that make the figures what they are. */
export function settingsSummary(view: OrgView): string {
  const settings = view.settings;
  if (!settings) return 'no repository analysed';
  const parts = [settings.algorithm === 'recency' ? 'recency model' : 'AVL', `departed after ${settings.departedAfter}`];
  if (settings.coAuthors === 'credit') parts.push('co-authors credited');
  if (settings.includeBots) parts.push('bots counted');
  if (settings.allText) parts.push('all text files');
  return parts.join(' · ');
}

/** `10 repositories · 1 failed · 1,234 people · 45 key people`. */
export function totalsSummary(view: OrgView): string {
  const { totals } = view;
  return [
    plural(totals.repositories, 'repository', 'repositories'),
    ...(totals.failed > 0 ? [`${count(totals.failed)} failed`] : []),
    plural(totals.people, 'person', 'people'),
    `${count(totals.keyPeople)} key ${totals.keyPeople === 1 ? 'person' : 'people'}`,
    `${count(totals.departedHolders)} departed still holding files`,
  ].join(' · ');
}

/** The lost share: `-` when nothing is lost, `all`, else a percentage. */
export function lostText(lost: { readonly files: number; readonly share: number }): string {
  if (lost.files === 0) return '-';
  return lost.share >= 1 ? 'all' : percent(lost.share);
}

/** A key person as listed: `Name †` for one departed from that repository. */
export function keyPersonName(person: OrgKeyPerson): string {
  return `${person.name || person.email}${person.departed ? ' †' : ''}`;
}

/** `Alice (60%), Bob † (20%)`, or why there is nobody. */
export function keyPeopleText(people: readonly OrgKeyPerson[], limit = 3): string {
  if (people.length === 0) return '(nobody authors half of it)';
  const shown = people.slice(0, limit).map((person) => `${keyPersonName(person)} (${percent(person.share)})`);
  return people.length > limit ? `${shown.join(', ')} +${people.length - limit}` : shown.join(', ');
}

/** `api (40 files, key), web † (30)`: where a person authors files, key ones first. */
export function personRepositoriesText(person: OrgPerson, limit = 6): string {
  const shown = person.repositories.slice(0, limit).map((entry) => `${entry.repository}${entry.departed ? ' †' : ''} (${count(entry.files)}${entry.key ? ', key' : ''})`);
  return person.repositories.length > limit ? `${shown.join(', ')} +${person.repositories.length - limit}` : shown.join(', ');
}

/** `api (20, key), web (10)`: the repositories a departed person still holds files of. */
export function departedRepositoriesText(holder: DepartedHolder, limit = 6): string {
  const shown = holder.repositories.slice(0, limit).map((entry) => `${entry.repository} (${count(entry.files)}${entry.key ? ', key' : ''})`);
  return holder.repositories.length > limit ? `${shown.join(', ')} +${holder.repositories.length - limit}` : shown.join(', ');
}

/** The legend under the tables. */
export const ORDER_LEGEND = 'riskiest first: active bus factor ↑, then lost share ↓, then bus factor ↑ · active = over people still here · lost = files whose every author has departed · † departed';
