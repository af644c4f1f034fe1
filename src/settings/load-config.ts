import path from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import type { Repository } from '../git/repo.js';
import type { Warning } from '../warnings.js';
import type { ConfigFile } from './config-schema.js';
import { readLocalFile } from './read-local-file.js';

/** The names a repository's config file may have, at its top level, in order of preference. */
export const CONFIG_FILE_NAMES = ['busfactor.json', '.busfactor.json'] as const;

/** Far more than any real config: anything larger is not read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A bad `--config FILE`: one line, exit 2. */
export class ConfigError extends InputError {}

export interface LoadedConfig {
  /** `repository`: the analysed repository's own file; `file`: `--config FILE`. */
  readonly source: 'repository' | 'file';
  /** As given (`--config`), or the file's name in the repository. */
  readonly path: string;
  /** The keys that passed validation. */
  readonly values: ConfigFile;
  /**
   * Problems with the `check` section. A scan only warns about them; `busfactor check` refuses to
   * run on them (exit 2): a gate must not quietly pass because a policy was dropped.
   */
  readonly checkProblems: readonly string[];
}

/** `--config FILE`: any problem with it is an error (one line, exit 2): the user asked for it. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const found = await readLocalFile(path.resolve(file), { maxBytes: MAX_CONFIG_BYTES, followSymlinks: true });
  if (found.kind === 'absent') throw new ConfigError(`${file}: no such file`);
  if (found.kind === 'unusable') throw new ConfigError(`${file} ${found.reason}`);
  const problems: string[] = [];
  const values = await validate(file, found.content, problems);
  if (problems.length > 0) throw new ConfigError(problems[0] as string);
  return { source: 'file', path: file, values, checkProblems: [] };
}

/**
 * The repository's `busfactor.json` or `.busfactor.json`: from the work tree (never through a
 * symlink), or from the analysed commit's tree in a bare repository. Untrusted data: a problem
 * with it is a warning and the entry at fault is ignored, never the end of the analysis
 * (docs/config.md).
 */
export async function loadRepositoryConfig(repo: Repository, commit: string, warnings: Warning[], signal?: AbortSignal): Promise<LoadedConfig | undefined> {
  // Both names are looked for at once (in a bare repository, a git call each); the first found counts.
  const candidates = await Promise.all(
    CONFIG_FILE_NAMES.map((name) =>
      repo.isBare
        ? repo.reader.readTreeFile(commit, name, { maxBytes: MAX_CONFIG_BYTES, signal })
        : readLocalFile(path.join(repo.cwd, name), { maxBytes: MAX_CONFIG_BYTES, followSymlinks: false }),
    ),
  );
  for (const [index, name] of CONFIG_FILE_NAMES.entries()) {
    const found = candidates[index] as (typeof candidates)[number];
    if (found.kind === 'absent') continue;
    if (found.kind === 'unusable') {
      warnings.push({ code: 'config-unusable', message: `${name} ${found.reason}: it is ignored` });
      return undefined;
    }
    const problems: string[] = [];
    const checkProblems: string[] = [];
    const values = await validate(name, found.content, problems, checkProblems);
    for (const problem of problems) warnings.push({ code: 'config-unusable', message: `${problem} (ignored)` });
    return { source: 'repository', path: name, values, checkProblems };
  }
  return undefined;
}

/**
 * Parses and validates; every problem is one line (`busfactor.json: modules.billing: expected an
 * array of globs, got 3`) in `problems`, and the entries at fault are left out of the result.
 */
async function validate(file: string, content: Buffer, problems: string[], checkProblems: string[] = []): Promise<ConfigFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString('utf8'));
  } catch (error) {
    problems.push(`${file}: not JSON (${(error as Error).message})`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`${file}: expected a JSON object of settings, got ${describe(parsed)}`);
    return {};
  }
  // The schema (and zod) load only when there is a file to check: most runs have none.
  const { CONFIG_KEYS, configSchema } = await import('./config-schema.js');
  let candidate: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  // Each round drops the entries at fault; a second round only finds what the first hid.
  for (let round = 0; round < 3; round += 1) {
    const result = configSchema.safeParse(candidate);
    if (result.success) return result.data as ConfigFile;
    for (const issue of result.error.issues) {
      const text = message(file, issue, parsed, issue.path.length === 0 ? CONFIG_KEYS : nestedKeys(configSchema.shape, issue.path));
      problems.push(text);
      if (issue.path[0] === 'check') checkProblems.push(text);
      candidate = without(candidate, issue);
    }
  }
  return {};
}

function message(file: string, issue: z.core.$ZodIssue, input: unknown, known: readonly string[]): string {
  const where = issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${file}: ${where === '' ? '' : `${where}: `}unknown key ${keys} (known: ${known.join(', ')})`;
  }
  return `${file}: ${where}: ${issue.message}, got ${describe(valueAt(input, issue.path))}`;
}

/** The candidate without the entry an issue is about: the key, or the record entry below it. */
function without(candidate: Record<string, unknown>, issue: z.core.$ZodIssue): Record<string, unknown> {
  // The check section is deep: only the entry at fault goes (`check.modules.billing.min`).
  if (issue.path[0] === 'check') return withoutPath(candidate, issue.path, issue.code === 'unrecognized_keys' ? issue.keys : undefined);
  const next = { ...candidate };
  if (issue.code === 'unrecognized_keys') {
    // Only the unknown keys go, at the level they are at (`people.gone`): the rest of that object stays.
    const [top] = issue.path;
    const target = typeof top === 'string' ? next[top] : next;
    if (typeof target !== 'object' || target === null) return next;
    const trimmed = { ...(target as Record<string, unknown>) };
    for (const key of issue.keys) delete trimmed[key];
    return typeof top === 'string' ? { ...next, [top]: trimmed } : trimmed;
  }
  const [top, entry] = issue.path;
  if (typeof top !== 'string') return next;
  const value = next[top];
  if ((top === 'modules' || top === 'aliases') && typeof entry === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = { ...(value as Record<string, unknown>) };
    delete record[entry];
    next[top] = record;
  } else delete next[top];
  return next;
}

/** A copy of `value` without what is at `path` (or, given `keys`, without those keys of the object at `path`). */
function withoutPath(value: Record<string, unknown>, path: readonly PropertyKey[], keys?: readonly string[]): Record<string, unknown> {
  const copy: Record<PropertyKey, unknown> = { ...value };
  if (path.length === 0) {
    for (const key of keys ?? []) delete copy[key];
    return copy;
  }
  const [head, ...rest] = path as [PropertyKey, ...PropertyKey[]];
  const inner = copy[head];
  if (rest.length === 0 && keys === undefined) delete copy[head];
  else if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) copy[head] = withoutPath(inner as Record<string, unknown>, rest, keys);
  else delete copy[head];
  return copy;
}

/** The keys an object of the schema takes at `path` (`people` → departed, present), for the unknown-key message. */
function nestedKeys(shape: Record<string, unknown>, path: readonly PropertyKey[]): string[] {
  let schema: unknown = shape[String(path[0])];
  while (schema && typeof schema === 'object' && 'unwrap' in schema && typeof schema.unwrap === 'function') schema = (schema.unwrap as () => unknown)();
  const inner = schema && typeof schema === 'object' && 'shape' in schema ? (schema.shape as Record<string, unknown>) : {};
  return Object.keys(inner);
}

function valueAt(input: unknown, at: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of at) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

/** A value as a message shows it: `3`, `"x"`, `an array`, `an object`, `nothing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
