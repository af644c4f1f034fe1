import { compareText } from '../../compare-text.js';
import type { ModuleContext, ModuleDefinition } from '../module-definition.js';
import { cargoWorkspaces } from './cargo-workspaces.js';
import type { DeclaredWorkspace, WorkspaceFinder } from './declared-workspace.js';
import { dotnetSolutions } from './dotnet-solutions.js';
import { goWorkspaces } from './go-workspaces.js';
import { gradleProjects } from './gradle-projects.js';
import { mavenModules } from './maven-modules.js';
import { npmWorkspaces } from './npm-workspaces.js';

/** Every workspace tool whose declarations are read, one finder each. */
export const WORKSPACE_FINDERS: Readonly<Record<string, WorkspaceFinder>> = {
  npm: npmWorkspaces,
  cargo: cargoWorkspaces,
  go: goWorkspaces,
  maven: mavenModules,
  gradle: gradleProjects,
  dotnet: dotnetSolutions,
};

/** The file that declares a package, per tool, first existing name wins (dotnet: named after the project, not looked up). */
const MANIFESTS: Readonly<Record<string, readonly string[]>> = {
  npm: ['package.json'],
  pnpm: ['package.json'],
  lerna: ['package.json'],
  yarn: ['package.json'],
  cargo: ['Cargo.toml'],
  go: ['go.mod'],
  maven: ['pom.xml'],
  gradle: ['build.gradle.kts', 'build.gradle'],
};

/** The package's manifest in the analysed tree (annotations point at it, docs/check.md), if it has one. */
function manifestOf(context: ModuleContext, workspace: DeclaredWorkspace): string | undefined {
  return (MANIFESTS[workspace.tool] ?? []).map((name) => `${workspace.path}/${name}`).find((file) => context.blobs.has(file));
}

/** The packages the repository declares, each folder once (the first tool to name it names it). */
export async function declaredWorkspaces(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  const byPath = new Map<string, DeclaredWorkspace>();
  for (const find of Object.values(WORKSPACE_FINDERS)) {
    for (const workspace of await find(context)) if (!byPath.has(workspace.path)) byPath.set(workspace.path, workspace);
  }
  return [...byPath.values()].sort((a, b) => compareText(a.path, b.path));
}

/**
 * Workspace modules: one per declared package, holding the counted files below its folder that no
 * package nested inside it holds (a file belongs to its nearest package, as the package managers
 * see it). Packages with no counted file are left out.
 */
export async function workspaceModules(context: ModuleContext): Promise<ModuleDefinition[]> {
  const workspaces = await declaredWorkspaces(context);
  if (workspaces.length === 0) return [];
  const byPath = new Map(workspaces.map((workspace) => [workspace.path, { workspace, files: [] as number[] }]));
  context.files.forEach((file, index) => {
    // The nearest package: walk the file's folders from the deepest up.
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const owner = byPath.get(file.slice(0, slash));
      if (owner) {
        owner.files.push(index);
        break;
      }
    }
  });
  return [...byPath.values()]
    .filter(({ files }) => files.length > 0)
    .map(({ workspace, files }): ModuleDefinition => {
      const source = manifestOf(context, workspace);
      return { id: `workspace:${workspace.path}`, kind: 'workspace', name: workspace.name, path: workspace.path, files, ...(source ? { source } : {}) };
    });
}
