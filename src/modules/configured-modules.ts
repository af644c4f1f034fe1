import { compileGlobs } from '../files/match-globs.js';
import type { ModuleContext, ModuleDefinition } from './module-definition.js';

/**
 * Configured modules: the config file's `modules` (`{ "billing": ["src/billing/**", "lib/pay*.ts"] }`),
 * globs matched as `--include` matches them. A module that matches no counted file is a warning.
 */
export async function configuredModules(context: ModuleContext): Promise<ModuleDefinition[]> {
  const modules: ModuleDefinition[] = [];
  for (const [name, globs] of Object.entries(context.settings.modules)) {
    const matches = compileGlobs(globs);
    const files: number[] = [];
    if (matches) context.files.forEach((path, index) => matches(path) && files.push(index));
    if (files.length === 0) {
      context.warnings.push({ code: 'module-unmatched', message: `configured module "${name}" matches no counted file (${globs.join(', ')})` });
      continue;
    }
    // The repository's own config file is where the module is declared (annotations point at it).
    const config = context.settings.config;
    modules.push({ id: `config:${name}`, kind: 'config', name, files, ...(config?.source === 'repository' ? { source: config.path } : {}) });
  }
  return modules;
}
