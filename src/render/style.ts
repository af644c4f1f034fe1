import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

/** Colouring that is a no-op when colour is off, so renderers never branch on it. */
export interface Style {
  paint(format: Format, text: string): string;
}

export function createStyle(enabled: boolean): Style {
  return {
    paint: enabled ? (format, text) => styleText(format, text) : (_format, text) => text,
  };
}

/**
 * Colour for a terminal unless the user said no: `--no-color`, `NO_COLOR` (no-color.org), or
 * `TERM=dumb`; `FORCE_COLOR` (non-zero) turns it on for pipes too.
 */
export function shouldColor(stream: { isTTY?: boolean }, flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}
