import path from 'node:path';
import picomatch from 'picomatch';
import type { ModuleContext } from '../module-definition.js';

/** A package a workspace tool declares: its folder and its name. */
export interface DeclaredWorkspace {
  /** Folder from the top of the repository, no trailing slash. */
  readonly path: string;
  /** The package's own name (package.json `name`, Cargo `[package] name`, Go module path, …). */
  readonly name: string;
  /** Which declaration found it: npm, pnpm, lerna, cargo, go, maven, gradle, dotnet. */
  readonly tool: string;
}

/** Finds the packages one workspace tool declares in the analysed tree. */
export type WorkspaceFinder = (context: ModuleContext) => Promise<DeclaredWorkspace[]>;

/** Folders (never the top) holding a file named `manifest`, outside dependency folders. */
export function foldersWith(context: ModuleContext, manifest: string): string[] {
  const folders: string[] = [];
  for (const file of context.blobs.keys()) {
    if (path.posix.basename(file) !== manifest || !file.includes('/')) continue;
    if (/(^|\/)(node_modules|vendor|target|\.git)\//.test(file)) continue;
    folders.push(path.posix.dirname(file));
  }
  return folders;
}

/**
 * The folders among `candidates` that the declaration's globs name (`packages/*`, `!packages/old`),
 * as npm, yarn, pnpm, lerna and Cargo read them. A glob that names none is a warning.
 */
export function expandFolderGlobs(context: ModuleContext, file: string, globs: readonly string[], candidates: readonly string[]): string[] {
  const normal = (glob: string) => glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const include = globs.filter((glob) => !glob.startsWith('!')).map(normal);
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => normal(glob.slice(1)));
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: false }) : () => false;
  const chosen = new Set<string>();
  for (const glob of include) {
    const matches = picomatch(glob, { dot: false });
    const found = candidates.filter((folder) => matches(folder) && !excluded(folder));
    if (found.length === 0) context.warnings.push({ code: 'workspace-unreadable', message: `${file}: the workspace glob "${glob}" matches no package folder` });
    for (const folder of found) chosen.add(folder);
  }
  return [...chosen];
}

/** Reads and parses a manifest; a problem is a warning naming the file, and undefined. */
export async function readManifest<T>(context: ModuleContext, file: string, parse: (text: string) => T): Promise<T | undefined> {
  const content = await context.read(file);
  if (content === undefined) return undefined;
  try {
    return parse(content.toString('utf8'));
  } catch (error) {
    context.warnings.push({ code: 'workspace-unreadable', message: `${file} cannot be parsed (${(error as Error).message.split('\n')[0]}): its workspaces are ignored` });
    return undefined;
  }
}

/** A string field of an object parsed from a manifest, if it is one. */
export function stringField(value: unknown, key: string): string | undefined {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** An array of strings from a manifest (other entries dropped). */
export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
