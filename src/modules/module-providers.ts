import type { ModuleKindName } from '../settings/option-schema.js';
import { codeownersModules } from './codeowners/codeowners-modules.js';
import { configuredModules } from './configured-modules.js';
import { directoryModules } from './directory-modules.js';
import type { ModuleContext, ModuleDefinition, ModuleProvider } from './module-definition.js';
import { workspaceModules } from './workspaces/workspace-modules.js';

/** The module providers, keyed by the names `--modules` takes: adding a kind is one entry. */
export const MODULE_PROVIDERS: Readonly<Record<ModuleKindName, ModuleProvider>> = {
  dirs: directoryModules,
  workspaces: workspaceModules,
  codeowners: codeownersModules,
  config: configuredModules,
};

/**
 * The modules of the kinds asked for. `auto`: configured modules if the config has any, workspaces
 * if the repository declares any, and directories always — CODEOWNERS rules only when asked for,
 * since they answer a different question (who is declared, not how the code is cut).
 */
export async function buildModules(context: ModuleContext, kinds: readonly string[]): Promise<ModuleDefinition[]> {
  const explicit = kinds.filter((kind): kind is ModuleKindName => kind in MODULE_PROVIDERS);
  const modules: ModuleDefinition[] = [];
  if (kinds.includes('auto')) {
    if (Object.keys(context.settings.modules).length > 0) modules.push(...(await configuredModules(context)));
    modules.push(...(await workspaceModules(context)));
    modules.push(...(await directoryModules(context)));
  }
  for (const kind of explicit) {
    if (kinds.includes('auto') && kind !== 'codeowners') continue;
    modules.push(...(await MODULE_PROVIDERS[kind](context)));
  }
  return dedupe(modules);
}

function dedupe(modules: readonly ModuleDefinition[]): ModuleDefinition[] {
  const seen = new Set<string>();
  return modules.filter((module) => (seen.has(module.id) ? false : (seen.add(module.id), true)));
}
