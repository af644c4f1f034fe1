/**
 * Shares (`--max-lost 0.25`, `--max-lost 25%`): a fraction from 0 to 1, or a percentage from 0 % to
 * 100 %. Anything else does not parse: `1.5`, `-1`, `25 %%`, `0x1`.
 */
const FRACTION = /^(?:0|1|0?\.\d+|1\.0*)$/;
const PERCENT = /^(\d{1,3}(?:\.\d+)?)%$/;

export function parseShare(text: string): number | undefined {
  const trimmed = text.trim();
  if (FRACTION.test(trimmed)) return Number(trimmed);
  const percent = PERCENT.exec(trimmed);
  if (!percent) return undefined;
  const value = Number(percent[1]);
  return value <= 100 ? value / 100 : undefined;
}

export const SHARE_EXPECTED = 'expected a share from 0 to 1 (0.25) or a percentage (25%)';
