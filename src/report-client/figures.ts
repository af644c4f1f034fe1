import { removalCurve, type CurvePoint } from '../bus-factor/greedy-truck-factor.js';
import type { PageData } from '../render/report/html/page-data.js';
import type { KeyPerson, Stewardship, StewardshipKind } from '../report/report.js';
import { scoreStewardship } from '../report/stewardship-score.js';
import { authorshipIndex, lostFileFlags, scoreFiles, type AuthorshipIndex } from '../report/what-if.js';

/**
 * Every figure the page shows, for one set of people leaving, computed with the CLI's own scoring
 * code (bundled at build time): `scoreFiles` and the greedy loop, `scoreStewardship`, the lost-file
 * rule. So ticking people gives exactly what `busfactor --without` prints.
 */
export interface Figures {
  readonly files: number;
  readonly busFactor: number;
  readonly activeBusFactor: number;
  readonly keyPeople: readonly KeyPerson[];
  readonly activeKeyPeople: readonly KeyPerson[];
  /** Files with exactly one author among the people who stay. */
  readonly singleAuthorFiles: number;
  /** Files whose every author is gone (departed or leaving). */
  readonly lostFiles: number;
  readonly modules: readonly ModuleFigures[];
  /** The files in no top-level folder, as one more tile (`PageData.looseFiles`). */
  readonly loose: ModuleFigures;
  readonly stewardship: Partial<Record<StewardshipKind, { readonly busFactor: number; readonly activeBusFactor: number }>>;
  readonly curve: readonly CurvePoint[];
  /** Per person index: the modules whose active key people they are among. */
  readonly keyIn: readonly number[];
}

export interface ModuleFigures {
  readonly files: number;
  readonly busFactor: number;
  readonly activeBusFactor: number;
  readonly lostFiles: number;
  readonly keyPeople: readonly KeyPerson[];
  readonly activeKeyPeople: readonly KeyPerson[];
}

/** Points of the knowledge-concentration curve at most (people removed). */
export const CURVE_POINTS = 40;

export interface Scorer {
  readonly index: AuthorshipIndex;
  readonly departed: ReadonlySet<number>;
  figures(leaving: ReadonlySet<number>): Figures;
}

export function createScorer(data: PageData): Scorer {
  const fileAuthors = data.fileAuthors.map((authors) => Int32Array.from(authors));
  const index = authorshipIndex(data.people, fileAuthors);
  const departed = new Set(data.people.flatMap((person, i) => (person.departed ? [i] : [])));
  const everyFile = fileAuthors.map((_, i) => i);
  const stewardship = stewardshipOf(data);
  return {
    index,
    departed,
    figures(leaving) {
      const gone = new Set([...departed, ...leaving]);
      const all = scoreFiles(index, everyFile, leaving);
      const active = scoreFiles(index, everyFile, gone);
      const lost = lostFileFlags(fileAuthors, gone);
      const keyIn = data.people.map(() => 0);
      const scoreOf = (files: readonly number[]): ModuleFigures => {
        const score = scoreFiles(index, files, leaving);
        const activeScore = scoreFiles(index, files, gone);
        return { files: score.files, busFactor: score.busFactor, activeBusFactor: activeScore.busFactor, lostFiles: files.filter((file) => lost[file]).length, keyPeople: score.keyPeople, activeKeyPeople: activeScore.keyPeople };
      };
      const modules = data.modules.map((module): ModuleFigures => {
        const figure = scoreOf(module.files);
        for (const person of figure.activeKeyPeople) {
          const i = index.indexOf.get(person.id);
          if (i !== undefined) keyIn[i] = (keyIn[i] ?? 0) + 1;
        }
        return figure;
      });
      const steward = scoreStewardship(stewardship, index, leaving, departed);
      return {
        files: all.files,
        busFactor: all.busFactor,
        activeBusFactor: active.busFactor,
        keyPeople: all.keyPeople,
        activeKeyPeople: active.keyPeople,
        singleAuthorFiles: fileAuthors.filter((authors) => authors.filter((person) => !leaving.has(person)).length === 1).length,
        lostFiles: lost.filter(Boolean).length,
        modules,
        loose: scoreOf(data.looseFiles),
        stewardship: Object.fromEntries(Object.entries(steward).map(([kind, scores]) => [kind, { busFactor: scores.busFactor.busFactor, activeBusFactor: scores.activeBusFactor.busFactor }])),
        curve: removalCurve({ fileAuthors, tieBreak: index.tieBreak, without: leaving }, CURVE_POINTS),
        keyIn,
      };
    },
  };
}

/**
 * The report's stewardship rebuilt from the page's compact copy, as far as `scoreStewardship`
 * reads it (ids, event counts, the latest event, the build files' authors); absent activities
 * stay absent. The other fields are the page's static tables, not scored.
 */
function stewardshipOf(data: PageData): Stewardship {
  const activity = (kind: StewardshipKind) => {
    const page = data.stewardship[kind];
    if (!page) return { present: false, events: 0, windowEvents: 0, people: [], files: [] };
    return {
      present: true,
      events: page.events,
      windowEvents: page.windowEvents,
      people: page.people.map((person) => ({ id: person.id, events: person.events, windowEvents: person.windowEvents, last: person.last })),
      files: (page.buildFiles ?? []).map((authors) => ({ path: '', category: '', authors })),
    };
  };
  return { integration: activity('integration'), releases: activity('releases'), review: activity('review'), build: activity('build') } as unknown as Stewardship;
}
