import type { Repository } from '../git/repo.js';
import type { Settings } from '../settings/resolve-settings.js';
import type { Warning } from '../warnings.js';
import { requireGit } from './needs-git.js';

/**
 * What the engine that runs changes about the analysis, checked once the settings are known
 * (docs/engine.md): under isomorphic-git a warning that renames are exact only, and line
 * ownership refused when asked for — or, when only the repository's own config asks, left out
 * with a warning (a repository's file must not make the run fail on a machine without git).
 */
export function applyEngine(repo: Repository, settings: Settings, explicitLines: boolean | undefined, warnings: Warning[]): Settings {
  if (repo.reader.engine === 'git') return settings;
  warnings.push({
    code: 'engine-isomorphic-git',
    message:
      'read with the isomorphic-git engine (no git on PATH, or --engine isomorphic-git): renames are followed only where the content is unchanged, so a file renamed and edited in one commit starts a new history; results may differ from a run with git',
  });
  if (!settings.lines) return settings;
  const fromRepositoryConfig = explicitLines === undefined && settings.config?.source === 'repository';
  if (!fromRepositoryConfig || !settings.config) requireGit(repo, '--lines (line ownership)');
  warnings.push({ code: 'engine-isomorphic-git', message: `${settings.config?.path ?? 'the config'} asks for line ownership (lines: true), which needs git: left out` });
  return { ...settings, lines: false };
}
