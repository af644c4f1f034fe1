import { excludeByName, needsContent, type FileFacts } from './classify-file.js';

/**
 * Whether a path could be counted as code judging by its name alone: not a lock file, not vendored,
 * generated or documentation by name, not binary by extension, and a programming or markup
 * language by name (or no language by name: a shebang could still make it code). For paths that
 * are gone from the tree, where no content is at hand: the universe's own test of whether content
 * could count a file, without attributes or options.
 */
export function couldBeCode(path: string): boolean {
  const facts: FileFacts = { path, size: undefined, attributes: undefined, included: false };
  return excludeByName(facts) === undefined && needsContent(facts, false);
}
