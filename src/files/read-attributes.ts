import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Repository } from '../git/repo.js';
import { runGit } from '../git/run-git.js';
import { createTempFolder } from '../temp-folder.js';
import type { FileAttributes } from './types.js';

export type { FileAttributes } from './types.js';

/** The attributes Linguist reads (lazy_blob.rb GIT_ATTR), and git's binary markers. */
const RELEVANT = new Set(['linguist-vendored', 'linguist-generated', 'linguist-documentation', 'linguist-language', 'linguist-detectable', 'binary', 'diff', 'filter']);
/** What a path with none of the attributes that matter has (both engines give this one object). */
export const NO_ATTRIBUTES: FileAttributes = { binary: false, lfs: false };
const NUL = Buffer.alloc(1);

/** Linguist's `boolean_attribute`: anything but `false` (or unset) is true. */
function toBoolean(info: string | undefined): boolean | undefined {
  return info === undefined ? undefined : info !== 'unset' && info !== 'false';
}

function toAttributes(info: ReadonlyMap<string, string>): FileAttributes {
  const language = info.get('linguist-language');
  return {
    vendored: toBoolean(info.get('linguist-vendored')),
    generated: toBoolean(info.get('linguist-generated')),
    documentation: toBoolean(info.get('linguist-documentation')),
    detectable: toBoolean(info.get('linguist-detectable')),
    language: language === undefined || language === 'unset' ? undefined : language === 'set' ? null : language,
    binary: info.get('binary') === 'set' || info.get('diff') === 'unset',
    lfs: info.get('filter') === 'lfs',
  };
}

/**
 * The attributes of one path from the states an attribute stack decided (true = set, false =
 * unset, a value), as `check-attr` would have printed them: the isomorphic-git engine's route
 * (engine/isomorphic/attributes/).
 */
export function attributesFromStates(states: ReadonlyMap<string, boolean | string | null>): FileAttributes {
  const info = new Map<string, string>();
  for (const [name, state] of states) {
    if (!RELEVANT.has(name) || state === null) continue;
    info.set(name, state === true ? 'set' : state === false ? 'unset' : state);
  }
  return info.size === 0 ? NO_ATTRIBUTES : toAttributes(info);
}

/**
 * Reads the attributes of `paths` from the `.gitattributes` files of `commit`'s tree, not the
 * work tree. git 2.39 has no `check-attr --source`, so the tree is read into a temporary index
 * outside the repository and `check-attr --cached` answers from it (works in bare repositories;
 * nothing is written into the analysed one). `$GIT_DIR/info/attributes` still applies, as in git.
 * Returns one entry per path, in order. Throws GitError if git fails.
 */
export async function readAttributes(repo: Repository, commit: string, paths: readonly Buffer[], signal?: AbortSignal): Promise<FileAttributes[]> {
  if (paths.length === 0) return [];
  const dir = await createTempFolder('busfactor-attr-');
  try {
    const env = { GIT_INDEX_FILE: path.join(dir, 'index') };
    await runGit({ cwd: repo.cwd, env, signal, args: ['read-tree', '--end-of-options', commit] });
    const input = Buffer.concat(paths.flatMap((p) => [p, NUL]));
    const { stdout } = await runGit({ cwd: repo.cwd, env, signal, input, args: ['check-attr', '--cached', '--stdin', '-z', '--all'] });
    return parseCheckAttr(stdout, paths);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `check-attr --all -z` answers `<path> NUL <attribute> NUL <info> NUL` for each attribute a path
 * has (set, unset or a value; macros such as `binary` expanded): usually nothing at all, which
 * keeps this fast. Paths are matched as bytes (latin1 is one character per byte).
 */
export function parseCheckAttr(stdout: Buffer, paths: readonly Buffer[]): FileAttributes[] {
  const result: FileAttributes[] = paths.map(() => NO_ATTRIBUTES);
  if (stdout.length === 0) return result;
  let index: Map<string, number> | undefined;
  const found = new Map<number, Map<string, string>>();
  const fields = stdout.toString('latin1').split('\0');
  for (let f = 0; f + 2 < fields.length; f += 3) {
    if (!RELEVANT.has(fields[f + 1] as string)) continue; // e.g. whitespace, eol, text
    index ??= new Map(paths.map((p, i) => [p.toString('latin1'), i]));
    const i = index.get(fields[f] as string);
    if (i === undefined) continue;
    const info = found.get(i) ?? new Map<string, string>();
    info.set(fields[f + 1] as string, Buffer.from(fields[f + 2] as string, 'latin1').toString('utf8'));
    found.set(i, info);
  }
  for (const [i, info] of found) result[i] = toAttributes(info);
  return result;
}
