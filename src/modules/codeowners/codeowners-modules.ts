import path from 'node:path';
import type { Ignore } from 'ignore';
import type { ModuleContext, ModuleDefinition } from '../module-definition.js';
import { parseCodeowners, type CodeownersRule } from './parse-codeowners.js';

/** Where GitHub looks for the file, in its order, then GitLab's own place. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

/**
 * Whether a rule's pattern matches a file, as GitHub applies CODEOWNERS: gitignore syntax (the
 * `ignore` package, case-sensitive), a pattern naming a folder owns everything below it — except
 * that `dir/*` owns only the files directly in `dir` (GitHub's documented difference from
 * .gitignore, where the folders in it would be matched too).
 */
export function ruleMatcher(pattern: string, ignore: (options: { ignorecase: boolean }) => Ignore): (file: string) => boolean {
  const matcher = ignore({ ignorecase: false }).add(pattern);
  const directOnly = /(^|\/)\*$/.test(pattern) && pattern !== '*';
  return (file) => {
    if (!matcher.ignores(file)) return false;
    if (!directOnly) return true;
    const folder = path.posix.dirname(file);
    return folder === '.' || !matcher.ignores(folder);
  };
}

/**
 * CODEOWNERS modules: one per rule, holding the counted files that rule finally owns — the last
 * matching rule wins, as GitHub applies the file (per section, in GitLab's sectioned files, where
 * each section applies on its own). Rules that end up owning no file are kept too (empty): they
 * matter to the drift report.
 */
export async function codeownersModules(context: ModuleContext): Promise<ModuleDefinition[]> {
  const file = CODEOWNERS_LOCATIONS.find((location) => context.blobs.has(location));
  if (!file) return [];
  const content = await context.read(file);
  if (content === undefined) {
    context.warnings.push({ code: 'codeowners-unreadable', message: `${file} could not be read: no CODEOWNERS modules` });
    return [];
  }
  const rules = parseCodeowners(content.toString('utf8'), file, context.warnings);
  const owned = rules.map(() => [] as number[]);
  const sections = new Map<string | undefined, number[]>();
  rules.forEach((rule, index) => {
    const list = sections.get(rule.section) ?? [];
    list.push(index);
    sections.set(rule.section, list);
  });
  // The gitignore matcher loads only for a repository that has a CODEOWNERS file.
  const { default: ignore } = await import('ignore');
  const matchers = rules.map((rule) => ruleMatcher(rule.pattern, ignore));
  context.files.forEach((path, fileIndex) => {
    for (const members of sections.values()) {
      for (let i = members.length - 1; i >= 0; i -= 1) {
        const ruleIndex = members[i] as number;
        if ((matchers[ruleIndex] as (file: string) => boolean)(path)) {
          (owned[ruleIndex] as number[]).push(fileIndex);
          break;
        }
      }
    }
  });
  return rules.map((rule: CodeownersRule, index): ModuleDefinition => ({
    id: `codeowners:${rule.line}`,
    kind: 'codeowners',
    name: rule.section ? `[${rule.section}] ${rule.written}` : rule.written,
    files: owned[index] as number[],
    owners: rule.owners,
    line: rule.line,
    ...(rule.section ? { section: rule.section } : {}),
    source: file,
  }));
}
