import { plural } from '../../format.js';

const DAY = 86_400_000;

/**
 * How long before the analysed commit a time lies ("3 months ago"). Relative to the report's
 * `headTime`, not the clock: the analysis is of that commit, and frames stay the same every run.
 */
export function formatAge(at: string | null, headTime: string | null): string {
  if (at === null || headTime === null) return '?';
  const days = Math.floor((Date.parse(headTime) - Date.parse(at)) / DAY);
  if (!Number.isFinite(days)) return '?';
  if (days <= 0) return '<1 day ago';
  if (days < 14) return ago(days, 'day');
  if (days < 61) return ago(Math.round(days / 7), 'week');
  if (days < 730) return ago(Math.round(days / 30.44), 'month');
  return ago(Math.floor(days / 365.25), 'year');
}

const ago = (n: number, unit: string): string => `${plural(n, unit)} ago`;
