import type { CheckConfig } from '../check/check-config.js';
import type { Warning } from '../warnings.js';
import type { LoadedConfig } from './load-config.js';
import { ANALYSIS_OPTIONS, type AnalysisOptionKey, type AnalysisOptionValues } from './option-schema.js';

/** Everything the analysis runs with: the option values, configured modules and aliases. */
export interface Settings extends AnalysisOptionValues {
  /** Configured modules: name → globs (config file `modules`). */
  readonly modules: Readonly<Record<string, readonly string[]>>;
  /** Person (email or name) → their other emails, names and @handles (config file `aliases`). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** The config's `people`: who has left and who is still here, whatever their last commit. */
  readonly people: { readonly departed: readonly string[]; readonly present: readonly string[] };
  /** The config's `stewardship`: release tag globs (empty: the default rule), extra and excluded build files. */
  readonly stewardship: { readonly releaseTags: readonly string[]; readonly buildFiles: readonly string[]; readonly notBuildFiles: readonly string[] };
  /** The config's `check` policies (docs/check.md), and the problems found in them (`busfactor check` stops on those). */
  readonly check: { readonly policy: CheckConfig; readonly problems: readonly string[] };
  /** Where the config came from, if one was used. */
  readonly config: { readonly source: 'repository' | 'file'; readonly path: string } | undefined;
}

/** The default of every analysis setting, from the option list. */
export function defaultSettings(): AnalysisOptionValues {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(ANALYSIS_OPTIONS)) values[key] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return values as unknown as AnalysisOptionValues;
}

/**
 * Flags win over the config file, which wins over the defaults (docs/config.md). `explicit` holds
 * only what the user gave (on the command line, or to `analyze()`); `defaults` replaces some
 * defaults for one view (the explorer shows every folder level). A repository's own file may not
 * choose the revision: it is read from that revision (in a bare repository), so it cannot move it.
 */
export function resolveSettings(
  explicit: Partial<AnalysisOptionValues>,
  config: LoadedConfig | undefined,
  warnings: Warning[],
  defaults: Partial<AnalysisOptionValues> = {},
): Settings {
  const values = { ...defaultSettings(), ...defaults } as unknown as Record<string, unknown>;
  const fromFile = (config?.values ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(ANALYSIS_OPTIONS) as AnalysisOptionKey[]) {
    if (fromFile[key] === undefined) continue;
    if (key === 'rev' && config?.source === 'repository') {
      warnings.push({ code: 'config-unusable', message: `${config.path}: rev: a repository's own config cannot choose the revision it is read from (ignored; give --rev)` });
      continue;
    }
    values[key] = fromFile[key];
  }
  for (const [key, value] of Object.entries(explicit)) if (value !== undefined) values[key] = value;
  return {
    ...(values as unknown as AnalysisOptionValues),
    modules: (fromFile.modules as Settings['modules'] | undefined) ?? {},
    aliases: (fromFile.aliases as Settings['aliases'] | undefined) ?? {},
    people: { departed: [], present: [], ...(fromFile.people as Partial<Settings['people']> | undefined) },
    stewardship: { releaseTags: [], buildFiles: [], notBuildFiles: [], ...(fromFile.stewardship as Partial<Settings['stewardship']> | undefined) },
    check: { policy: (fromFile.check as CheckConfig | undefined) ?? {}, problems: config?.checkProblems ?? [] },
    config: config ? { source: config.source, path: config.path } : undefined,
  };
}
