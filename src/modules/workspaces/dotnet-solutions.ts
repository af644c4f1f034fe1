import path from 'node:path';
import type { ModuleContext } from '../module-definition.js';
import { readManifest, type DeclaredWorkspace } from './declared-workspace.js';

/** The project type of a solution folder: a grouping in the IDE, not a project. */
const SOLUTION_FOLDER = '2150E333-8FDC-42A3-9474-1A3956D46DE8';

/** `Project("{type}") = "Name", "path\\to\\Name.csproj", "{guid}"` lines of a .sln. */
export function solutionProjects(text: string): { name: string; file: string }[] {
  const projects: { name: string; file: string }[] = [];
  for (const match of text.matchAll(/^Project\("\{([0-9A-Fa-f-]+)\}"\)\s*=\s*"([^"]+)",\s*"([^"]+)"/gm)) {
    if ((match[1] as string).toUpperCase() === SOLUTION_FOLDER) continue;
    projects.push({ name: match[2] as string, file: (match[3] as string).replace(/\\/g, '/') });
  }
  return projects;
}

/** .NET: the projects of the solution files at the top of the repository, each its project's folder. */
export async function dotnetSolutions(context: ModuleContext): Promise<DeclaredWorkspace[]> {
  const found: DeclaredWorkspace[] = [];
  for (const file of [...context.blobs.keys()].filter((name) => !name.includes('/') && name.endsWith('.sln'))) {
    const text = await readManifest(context, file, (content) => content);
    for (const project of solutionProjects(text ?? '')) {
      const folder = path.posix.dirname(path.posix.normalize(project.file));
      if (folder === '.' || folder.startsWith('..')) continue;
      found.push({ path: folder, name: project.name, tool: 'dotnet' });
    }
  }
  return found;
}
