import { BlobText } from './blob-text.js';
import { detectLanguage, findByAlias, isCountedType, possibleLanguages } from './detect-language.js';
import { isGeneratedContent } from './generated-content.js';
import { isBinaryContent, isBinaryName } from './is-binary.js';
import { loadLinguistData, type Language } from './linguist-data.js';
import { isDocumentationPath, isGeneratedPath, isLockfile, isVendoredPath } from './path-rules.js';
import type { FileAttributes } from './read-attributes.js';
import type { ExclusionReason } from './types.js';

/** What is known about a blob before its content is read. */
export interface FileFacts {
  readonly path: string;
  /** Undefined when git could not tell (the object is missing). */
  readonly size: number | undefined;
  /** Undefined when the tree has no `.gitattributes` (or they could not be read). */
  readonly attributes: FileAttributes | undefined;
  /** Matched an `--include` glob: counted if it is text, whatever Linguist's rules say. */
  readonly included: boolean;
}

/** The outcome for one blob: counted (with its language, if any) or left out for a reason. */
export type Verdict =
  | { readonly counted: true; readonly language: Language | undefined }
  | { readonly counted: false; readonly reason: ExclusionReason };

/**
 * The reasons a blob's name and attributes decide, in the documented precedence: lockfile,
 * vendored, generated, documentation, binary, empty. `linguist-*` attributes win over
 * Linguist's path rules both ways (lazy_blob.rb); `--include` sets those rules aside.
 */
export function excludeByName(facts: FileFacts): ExclusionReason | undefined {
  const { path, attributes: attrs, included } = facts;
  if (!included) {
    if (isLockfile(path)) return 'lockfile';
    if (attrs?.vendored ?? isVendoredPath(path)) return 'vendored';
    if (attrs?.generated ?? isGeneratedPath(path)) return 'generated';
    if (attrs?.documentation ?? isDocumentationPath(path)) return 'documentation';
  }
  if (attrs?.binary || isBinaryName(path)) return 'binary';
  if (facts.size === 0) return 'empty';
  return undefined;
}

/** blob_helper.rb `lfs_pointer?`. */
function isLfsPointer(data: string): boolean {
  return data.startsWith('version https://git-lfs.github.com/spec/v1\n') && data.includes('\noid sha256:') && /\nsize \d+\n?$/.test(data);
}

/** repository.rb / blob_helper.rb `include_in_language_stats?`, with `--include` and `--all-text`. */
function isCounted(facts: FileFacts, language: Language | undefined, allText: boolean): boolean {
  if (facts.included) return true;
  const detectable = facts.attributes?.detectable;
  if (detectable === false) return false;
  if (allText) return true;
  if (language === undefined) return false;
  return detectable === true || isCountedType(language);
}

/**
 * Whether reading a blob that passed {@link excludeByName} can change its verdict: content
 * decides binary, shebang, heuristics and generated.rb's rules, but a file whose name already
 * says data or prose (and whose heuristic can only answer data or prose) stays uncounted
 * whatever it holds, unless `--all-text`, `--include` or `linguist-detectable` counts it. What
 * is given up: a modeline turning such a file into code (Linguist's first strategy), and calling
 * it binary rather than not-code.
 */
export function needsContent(facts: FileFacts, allText: boolean): boolean {
  const attrs = facts.attributes;
  if (allText || facts.included || attrs?.detectable === true) return true;
  if (attrs?.detectable === false) return false;
  const override = attrs?.language;
  const possible = override === undefined ? possibleLanguages(facts.path) : [override === null ? undefined : findByAlias(loadLinguistData(), override)];
  return possible.length === 0 || possible.some((language) => language !== undefined && isCountedType(language));
}

/**
 * Decides a blob that passed {@link excludeByName}. `content` is its bytes, or undefined when
 * they were not read (over 1 MiB, or not {@link needsContent}) or are missing (`missing`): then
 * the name alone decides, and a file whose name gives no language is `unreadable` if its object
 * is missing.
 */
export function classifyBlob(facts: FileFacts, content: Buffer | undefined, options: { readonly allText: boolean; readonly missing: boolean }): Verdict {
  const attrs = facts.attributes;
  const text = content === undefined ? undefined : new BlobText(content);
  if (text) {
    if (isBinaryContent(text.bytes)) return { counted: false, reason: 'binary' };
    // An LFS pointer stands for a (binary, as a rule) file kept outside the repository.
    if (attrs?.lfs && isLfsPointer(text.data)) return { counted: false, reason: 'binary' };
  }
  // `linguist-language` replaces detection (lazy_blob.rb); an unknown name gives no language.
  const override = attrs?.language;
  const language = override === undefined ? detectLanguage(facts.path, text) : override === null ? undefined : findByAlias(loadLinguistData(), override);
  if (options.missing && language === undefined && override === undefined) return { counted: false, reason: 'unreadable' };
  if (!isCounted(facts, language, options.allText)) return { counted: false, reason: 'not-code' };
  if (text && !facts.included && attrs?.generated === undefined && isGeneratedContent(facts.path, text)) return { counted: false, reason: 'generated' };
  return { counted: true, language };
}
