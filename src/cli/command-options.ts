import { Command, InvalidArgumentError, Option } from 'commander';
import type { OptionSpec } from '../settings/option-schema.js';
import { AGE_EXPECTED, parseAge } from '../settings/parse-age.js';
import { parseShare, SHARE_EXPECTED } from '../settings/parse-share.js';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function share(value: string): number {
  const parsed = parseShare(value);
  if (parsed === undefined) throw new InvalidArgumentError(SHARE_EXPECTED);
  return parsed;
}

/** An age is kept as typed (the report shows it so), once it parses. */
function ageText(value: string): string {
  if (parseAge(value) === undefined) throw new InvalidArgumentError(AGE_EXPECTED);
  return value.trim();
}

/** `--modules dirs,codeowners`: each word checked against the choices. */
function listOf(words: readonly string[]): (value: string) => string[] {
  return (value) => {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    const bad = items.find((item) => !words.includes(item));
    if (bad !== undefined || items.length === 0) throw new InvalidArgumentError(`expected a comma list of ${words.join(', ')}`);
    return items;
  };
}

/**
 * The commander options of one option spec: the flag and, for booleans, its `--no-` form. A
 * boolean that is on by default has only its `--no-` form on the command line. Defaults are not
 * given to commander: what the user did not type must stay unset, so the config file can fill it.
 */
export function commanderOptions(key: string, spec: OptionSpec): Option[] {
  const type = spec.type;
  const flags = spec.short ? `${spec.short}, ${spec.flag}` : spec.flag;
  if (type.kind === 'boolean') {
    const options: Option[] = [];
    if (spec.default !== true) options.push(new Option(flags, spec.help));
    if (spec.negation) options.push(new Option(spec.negation.flag, spec.negation.help));
    return options;
  }
  const option = new Option(flags, spec.help);
  // `--modules` sets `moduleKinds`: the config file's `modules` key defines modules.
  if (option.attributeName() !== key) option.attributeName = () => key;
  if (type.kind === 'count') option.argParser(positiveInteger);
  else if (type.kind === 'globs' || type.kind === 'strings') option.argParser(collect);
  else if (type.kind === 'age') option.argParser(ageText);
  else if (type.kind === 'share') option.argParser(share);
  else if (type.kind === 'choice') option.choices(type.choices as string[]);
  else if (type.kind === 'list') option.argParser(listOf([...type.choices, ...(type.special ?? [])]));
  const shown = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
  // A count whose default is 0 is decided at run time (`org --jobs`): its help says how.
  const decidedLater = type.kind === 'count' && spec.default === 0;
  if (shown !== '' && !decidedLater) option.description = `${spec.help} (default: ${shown})`;
  return [option];
}

/** Adds every spec's options to a command. */
export function addOptions(command: Command, specs: Readonly<Record<string, OptionSpec>>): Command {
  for (const [key, spec] of Object.entries(specs)) for (const option of commanderOptions(key, spec)) command.addOption(option);
  return command;
}

/** The values the user typed (source `cli`), by setting key: nothing commander filled in. */
export function typedValues(command: Command, specs: Readonly<Record<string, OptionSpec>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const all = command.opts();
  for (const key of Object.keys(specs)) {
    if (command.getOptionValueSource(key) === 'cli' && all[key] !== undefined) values[key] = all[key];
  }
  return values;
}
