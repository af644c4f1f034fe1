/**
 * Ages (`--departed-after 18mo`, `--every 3mo`, `--since 3y`): a whole number and a unit, d (days),
 * w (weeks), mo (months: a twelfth of a year) or y (365 days), so 18mo is 547.5 days, the recency
 * model's window. Calendar months would make an age depend on the date it is measured from; these
 * do not, so a rerun at the same commit always gives the same answer.
 */
const UNIT_DAYS: Readonly<Record<string, number>> = { d: 1, w: 7, mo: 365 / 12, y: 365 };

const AGE = /^([0-9]{1,6})(d|w|mo|y)$/;

/** The age in seconds, or undefined when it does not parse (or is zero). */
export function parseAge(text: string): number | undefined {
  const match = AGE.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount === 0) return undefined;
  return Math.round(amount * (UNIT_DAYS[match[2] as string] as number) * 86_400);
}

/** The message for an age that does not parse. */
export const AGE_EXPECTED = 'expected an age: a whole number of 1 or more and d, w, mo or y (90d, 6w, 18mo, 1y)';
