import { count, percent, plural } from '../format.js';
import type { PageData } from '../render/report/html/page-data.js';
import { byRisk } from '../report/by-risk.js';
import type { KeyPerson, StewardshipKind } from '../report/report.js';
import { STEWARDSHIP_KINDS } from '../report/report.js';
import { busFactorColour, inkOn } from './colours.js';
import { fill, h } from './dom.js';
import type { Figures } from './figures.js';

const KIND_NAMES: Readonly<Record<StewardshipKind, string>> = { integration: 'integration', releases: 'releases', review: 'review', build: 'build and delivery' };
const RISKIEST_SHOWN = 3;

/** How the summary names a person: their name, and whether they are still here, gone, or ticked. */
export function personStatus(data: PageData, leaving: ReadonlySet<number>, person: number): string {
  const who = data.people[person];
  if (!who) return '';
  return leaving.has(person) ? 'leaving' : who.departed ? 'departed' : who.bot ? 'bot' : 'active';
}

/** A figure, and what it was before the people ticked left when that differs. */
function changed(now: number, before: number, format: (n: number) => string = String): (string | HTMLElement)[] {
  return now === before ? [format(now)] : [h('del', {}, format(before)), ' ', format(now)];
}

function card(id: string, label: string, now: number, before: number, format: (n: number) => string, colourBy?: number): HTMLElement {
  const value = h('span', { class: 'value', id, 'data-value': String(now) }, ...changed(now, before, format));
  const element = h('div', { class: 'card' }, value, h('span', { class: 'label' }, label));
  if (colourBy !== undefined) {
    value.style.background = busFactorColour(colourBy);
    value.style.color = inkOn(colourBy);
  }
  return element;
}

/**
 * The executive summary in plain words, redrawn on every what-if: the figures (before → after
 * when people are ticked), the key people and whether they are still here, single-author and lost
 * code, stewardship, and the three riskiest modules with who could take them over.
 */
export function drawSummary(container: HTMLElement, data: PageData, figures: Figures, before: Figures, leaving: ReadonlySet<number>): void {
  const nameOf = (person: KeyPerson): string => person.name || person.email || person.id;
  const indexOf = (person: KeyPerson): number => data.people.findIndex((p) => p.id === person.id);
  const people = (list: readonly KeyPerson[]): (string | HTMLElement)[] =>
    list.flatMap((person, i) => [i === 0 ? '' : ', ', h('strong', {}, nameOf(person)), ` (${personStatus(data, leaving, indexOf(person))})`]);
  const share = (files: number): string => (figures.files === 0 ? '0%' : percent(files / figures.files));

  const cards = h(
    'div',
    { class: 'cards' },
    card('bus-factor', 'bus factor', figures.busFactor, before.busFactor, String, figures.busFactor),
    card('active-bus-factor', 'active bus factor (people still here)', figures.activeBusFactor, before.activeBusFactor, String, figures.activeBusFactor),
    card('single-author', 'of files have a single author', figures.singleAuthorFiles, before.singleAuthorFiles, share),
    card('lost-share', 'of files already lost (every author gone)', figures.lostFiles, before.lostFiles, share),
  );
  const stewardship = STEWARDSHIP_KINDS.flatMap((kind) => {
    const now = figures.stewardship[kind];
    const was = before.stewardship[kind];
    return now && was ? [card(`steward-${kind}`, `${KIND_NAMES[kind]}: active bus factor`, now.activeBusFactor, was.activeBusFactor, String, now.activeBusFactor)] : [];
  });

  const riskiest = data.modules
    .map((module, i) => ({ module, figure: figures.modules[i] }))
    .filter((entry): entry is { module: (typeof data.modules)[number]; figure: NonNullable<typeof entry.figure> } => entry.figure !== undefined)
    .sort((a, b) => byRisk({ ...a.figure, name: a.module.name }, { ...b.figure, name: b.module.name }))
    .slice(0, RISKIEST_SHOWN);

  fill(
    container,
    cards,
    stewardship.length > 0 ? h('div', { class: 'cards stewardship' }, ...stewardship) : null,
    figures.busFactor === 0
      ? h('p', {}, `Bus factor 0: ${leaving.size > 0 ? 'without the people ticked, ' : ''}fewer than half of the ${plural(figures.files, 'file')} have an author who knows them.`)
      : h('p', {}, `Bus factor ${figures.busFactor}: if `, ...people(figures.keyPeople), ` left, more than half of the ${plural(figures.files, 'file')} would have no author left who knows them.`),
    h(
      'p',
      {},
      `Counting only people still here (active within ${data.departedAfter} of the analysed commit${leaving.size > 0 ? ', and not ticked as leaving' : ''}), the active bus factor is ${figures.activeBusFactor}`,
      ...(figures.activeBusFactor === 0 ? [': they author fewer than half of the files.'] : [': ', ...people(figures.activeKeyPeople), '.']),
    ),
    h('p', {}, `${share(figures.singleAuthorFiles)} of the files (${count(figures.singleAuthorFiles)}) have one single author. `, figures.lostFiles === 0
        ? `No file is lost${leaving.size > 0 ? ' even then' : ' yet'}: every file has an author still here.`
        : `${plural(figures.lostFiles, 'file')} (${share(figures.lostFiles)}) ${figures.lostFiles === 1 ? 'is' : 'are'} lost: everyone who wrote ${figures.lostFiles === 1 ? 'it' : 'them'} has ${leaving.size > 0 ? 'left or is leaving' : 'left'}.`),
    stewardship.length === 0 ? h('p', {}, 'The history shows no integration, releases, review or build files to measure stewardship by.') : null,
    h('h3', {}, 'Riskiest modules'),
    riskiest.length === 0
      ? h('p', {}, 'No modules: the analysis found none with enough files.')
      : h(
          'ol',
          { class: 'riskiest' },
          ...riskiest.map(({ module, figure }) => {
            const successors = module.successors.filter((successor) => !leaving.has(successor.person));
            return h(
              'li',
              {},
              h('strong', {}, module.name),
              ` — active bus factor ${figure.activeBusFactor}, bus factor ${figure.busFactor}, ${figure.lostFiles} of ${plural(figure.files, 'file')} lost. `,
              figure.activeBusFactor <= 1
                ? successors.length === 0
                  ? 'Nobody still here knows it well enough to take over.'
                  : `Could take over: ${successors.map((successor) => `${data.people[successor.person]?.name || data.people[successor.person]?.email || ''} (knowledge ${percent(successor.knowledge)})`).join(', ')}.`
                : `Held by ${figure.activeKeyPeople.map(nameOf).join(', ')}.`,
            );
          }),
        ),
  );
}
