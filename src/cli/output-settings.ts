import { OUTPUT_OPTIONS, type OutputOptionValues } from '../settings/option-schema.js';

/** The output options' defaults, from the option list. */
export function defaultOutput(): OutputOptionValues {
  return Object.fromEntries(Object.entries(OUTPUT_OPTIONS).map(([key, spec]) => [key, spec.default])) as unknown as OutputOptionValues;
}

/** `--json` is short for `--format json`. */
export function formatOf(output: OutputOptionValues): string {
  return output.json ? 'json' : output.format;
}
