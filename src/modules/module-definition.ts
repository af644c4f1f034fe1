import type { Warning } from '../warnings.js';
import type { Settings } from '../settings/resolve-settings.js';

/** What a module is: a folder, a workspace package, a CODEOWNERS rule, a configured group. */
export type ModuleKind = 'directory' | 'workspace' | 'codeowners' | 'config';

/**
 * One module of the knowledge model (docs/architecture.md): a named set of counted files. Modules
 * of different kinds may overlap, and so may configured modules; within directories a folder holds
 * its subfolders' files.
 */
export interface ModuleDefinition {
  /** Unique across kinds: `directory:lib/router`, `workspace:packages/api`, `codeowners:12`, `config:billing`. */
  readonly id: string;
  readonly kind: ModuleKind;
  /** The folder path, the package name, the CODEOWNERS pattern as written, the configured name. */
  readonly name: string;
  /** The folder, for directories and workspaces (no trailing slash). */
  readonly path?: string;
  /** Folder depth below the analysed scope (directories; 1 = top level). */
  readonly depth?: number;
  /** Indices into the counted files (`ModuleContext.files`), ascending. */
  readonly files: readonly number[];
  /** CODEOWNERS: the owners the rule declares, as written (`@org/team`, `@user`, `a@b.c`). */
  readonly owners?: readonly string[];
  /** CODEOWNERS: the rule's line in the file (1-based), and its GitLab section. */
  readonly line?: number;
  readonly section?: string;
  /** The file the module was declared in (`.github/CODEOWNERS`), where there is one. */
  readonly source?: string;
}

/** What a module provider gets: the counted files, the analysed tree, and a way to read it. */
export interface ModuleContext {
  /** The counted files, in the order module `files` index. */
  readonly files: readonly string[];
  /** Every regular file of the analysed tree with its blob present: path → blob id and size. */
  readonly blobs: ReadonlyMap<string, { readonly oid: string; readonly size: number }>;
  /** A file of the analysed tree (size-capped); undefined when absent or unreadable. */
  readonly read: (path: string) => Promise<Buffer | undefined>;
  /** The analysed folder (`packages/api/`, '' for all). */
  readonly scope: string;
  readonly settings: Settings;
  /** Problems with the repository's declarations: warnings, never the end of the analysis. */
  readonly warnings: Warning[];
}

export type ModuleProvider = (context: ModuleContext) => Promise<ModuleDefinition[]>;
