import type { Report } from '../report/report.js';
import { parseAge } from '../settings/parse-age.js';

/**
 * The settings under which two reports' figures can be compared (docs/org.md, "Comparable
 * settings"): the authorship model and its co-author policy decide who authors a file; the departure
 * age decides the active bus factors and the lost share; counting bots or every text file changes
 * the people and the files counted. Other settings may differ between repositories because they
 * describe a repository, not the measure: its module kinds and folder depth, its include and exclude
 * globs, its stewardship lists (each repository's busfactor.json chooses them). `--lines` adds line
 * ownership, which the organisation view does not show: no figure of it changes.
 */
export interface ComparableSettings {
  readonly algorithm: Report['algorithm'];
  readonly coAuthors: Report['settings']['coAuthors'];
  /** As given (`1y`); compared by the age it means (`12mo` and `1y` are the same 365 days: settings/parse-age.ts). */
  readonly departedAfter: string;
  readonly includeBots: boolean;
  readonly allText: boolean;
}

export const COMPARABLE_KEYS = ['algorithm', 'coAuthors', 'departedAfter', 'includeBots', 'allText'] as const satisfies readonly (keyof ComparableSettings)[];

/** The flag each setting comes from, for messages. */
export const SETTING_FLAGS: Readonly<Record<keyof ComparableSettings, string>> = {
  algorithm: '--algorithm',
  coAuthors: '--co-authors',
  departedAfter: '--departed-after',
  includeBots: '--include-bots',
  allText: '--all-text',
};

export function comparableSettings(report: Pick<Report, 'algorithm' | 'settings'>): ComparableSettings {
  const { settings } = report;
  return { algorithm: report.algorithm, coAuthors: settings.coAuthors, departedAfter: settings.departedAfter, includeBots: settings.includeBots, allText: settings.allText };
}

/** The first setting on which two reports differ, or undefined. Ages compare by the duration they mean (`52w` is 364 days, `1y` 365). */
export function differingSetting(a: ComparableSettings, b: ComparableSettings): keyof ComparableSettings | undefined {
  return COMPARABLE_KEYS.find((key) => !sameSetting(key, a, b));
}

export function sameSetting(key: keyof ComparableSettings, a: ComparableSettings, b: ComparableSettings): boolean {
  return key === 'departedAfter' ? parseAge(a[key]) === parseAge(b[key]) : a[key] === b[key];
}
