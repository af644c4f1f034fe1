import { excludeByName } from './classify-file.js';
import { isCountedType, possibleLanguages } from './detect-language.js';

/**
 * Whether a path could be counted as code judging by its name alone: not a lock file, not vendored,
 * generated or documentation by name, not binary by extension, and a programming or markup
 * language by name (or no language by name: a shebang could still make it code). For paths that
 * are gone from the tree, where no content is at hand.
 */
export function couldBeCode(path: string): boolean {
  if (excludeByName({ path, size: undefined, attributes: undefined, included: false })) return false;
  const languages = possibleLanguages(path);
  return languages.length === 0 || languages.some(isCountedType);
}
