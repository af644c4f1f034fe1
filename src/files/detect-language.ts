import { compareText } from '../compare-text.js';
import type { BlobText } from './blob-text.js';
import { loadLinguistData, type Heuristic, type Language, type LinguistData } from './linguist-data.js';
import { shebangInterpreter } from './shebang-interpreter.js';

/** heuristics.rb reads at most this much: HEURISTICS_CONSIDER_BYTES. */
const HEURISTICS_BYTES = 50 * 1024;

/**
 * A strategy of linguist.rb's STRATEGIES: given the candidates so far, returns its own. One
 * language ends the search; several replace the candidates; none keeps them.
 */
type Strategy = (path: string, text: BlobText | undefined, candidates: readonly Language[], data: LinguistData) => readonly Language[];

const intersect = (candidates: readonly Language[], found: readonly Language[]) =>
  candidates.length > 0 ? candidates.filter((language) => found.includes(language)) : found;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** strategy/modeline.rb: an Emacs or Vim modeline in the first or last five lines. */
const modeline: Strategy = (_path, text, _candidates, data) => {
  if (!text) return [];
  const header = text.firstLines(5).join('\n');
  // Vimball archives carry the modeline of the files they pack, not their own.
  if (header.includes('UseVimball')) return [];
  const lines = header + text.lastLines(5).join('\n');
  const mode = data.emacsModeline.exec(lines)?.[1] ?? data.vimModeline.exec(lines)?.[1];
  const language = mode === undefined ? undefined : findByAlias(data, mode);
  return language ? [language] : [];
};

/** strategy/filename.rb: languages.yml `filenames`, by exact base name. */
const filename: Strategy = (path, _text, candidates, data) => intersect(candidates, data.byFilename.get(baseName(path)) ?? []);

/** shebang.rb: the interpreter of a `#!` line. */
const shebang: Strategy = (_path, text, candidates, data) => {
  const interpreter = text && shebangInterpreter(text);
  return interpreter === undefined ? [] : intersect(candidates, data.byInterpreter.get(interpreter) ?? []);
};

/** strategy/extension.rb; generic extensions (generic.yml) are left to other strategies. */
const extension: Strategy = (path, _text, candidates, data) => {
  const lower = path.toLowerCase();
  if (data.genericExtensions.some((ext) => lower.endsWith(ext))) return candidates;
  return intersect(candidates, findByExtension(data, path));
};

/** strategy/xml.rb: `<?xml version=` in the first two lines (the `<` is optional in the regex). */
const xml: Strategy = (_path, text, candidates, data) => {
  if (candidates.length > 0) return candidates;
  const found = text && /<?xml version=/.test(text.firstLines(2).join('\n')) ? findByAlias(data, 'xml') : undefined;
  return found ? [found] : [];
};

/** strategy/manpage.rb: `name.1`, `name.3pm`, `name.man` ... are Roff. */
const manpage: Strategy = (path, _text, candidates, data) => {
  if (candidates.length > 0) return candidates;
  if (!data.manpage.test(path)) return [];
  return ['roff-manpage', 'roff'].map((alias) => findByAlias(data, alias)).filter((l): l is Language => l !== undefined);
};

/** heuristics.rb `matches?`: the first disambiguation listing an extension the path ends with. */
function heuristicFor(path: string, data: LinguistData): Heuristic | undefined {
  const lower = path.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot === -1 ? undefined : data.heuristicsByLastExtension.get(lower.slice(dot))?.find((h) => h.extensions.some((ext) => lower.endsWith(ext)));
}

/** heuristics.rb: the first disambiguation for the file's extension picks by content. */
const heuristics: Strategy = (path, text, _candidates, data) => {
  if (!text) return [];
  const heuristic = heuristicFor(path, data);
  if (!heuristic) return [];
  const head = text.head(HEURISTICS_BYTES);
  const rule = heuristic.rules().find((r) => r.patterns.every(([pattern, negated]) => pattern.test(head) !== negated));
  return rule?.languages ?? [];
};

const STRATEGIES: readonly Strategy[] = [modeline, filename, shebang, extension, xml, manpage, heuristics];

/**
 * Linguist.detect (linguist.rb) without its Bayesian classifier: strategies in Linguist's order
 * until one names a single language. Without `text` (content not read: too large, or missing)
 * the content strategies find nothing and the name decides. Where Linguist would run the
 * classifier, {@link pickCandidate} chooses.
 */
export function detectLanguage(path: string, text: BlobText | undefined): Language | undefined {
  const data = loadLinguistData();
  let candidates: readonly Language[] = [];
  for (const strategy of STRATEGIES) {
    const found = strategy(path, text, candidates, data);
    if (found.length === 1) return found[0];
    if (found.length > 1) candidates = found;
  }
  return pickCandidate(path, candidates);
}

/**
 * The languages a file could get from its content short of a modeline or a shebang: what its
 * name suggests (file name, extension, man-page section) and what the heuristic for its
 * extension can answer. Empty when the name says nothing: only the content can tell.
 */
export function possibleLanguages(path: string): Language[] {
  const data = loadLinguistData();
  const possible = new Set<Language>([...filename(path, undefined, [], data), ...extension(path, undefined, [], data), ...manpage(path, undefined, [], data)]);
  for (const language of heuristicFor(path, data)?.languages ?? []) possible.add(language);
  return [...possible];
}

/**
 * Stands in for classifier.rb (trained on Linguist's samples, not shipped): the candidate whose
 * primary extension is the file's, then the first by name.
 */
export function pickCandidate(path: string, candidates: readonly Language[]): Language | undefined {
  const base = baseName(path).toLowerCase();
  const own = candidates.filter((l) => l.primaryExtension !== '' && base.endsWith(l.primaryExtension));
  const pool = own.length > 0 ? own : candidates;
  return [...pool].sort((a, b) => compareText(a.name, b.name))[0];
}

/**
 * Language.find_by_extension: of the path's extensions, longest first (`x.d.ts`: `.d.ts`, then
 * `.ts`), the first that languages.yml knows. Like Linguist, splits the whole lower-cased path.
 */
export function findByExtension(data: LinguistData, path: string): readonly Language[] {
  const lower = path.toLowerCase();
  // FileBlob#extensions (`_, *segments = name.downcase.split(".")`): the text from each dot to
  // the end, longest first (`.gitignore` included).
  for (let dot = lower.indexOf('.'); dot !== -1; dot = lower.indexOf('.', dot + 1)) {
    const found = data.byExtension.get(lower.slice(dot));
    if (found && found.length > 0) return found;
  }
  return [];
}

/** Language.find_by_alias: case-insensitive; `python, foo` falls back to `python`. */
export function findByAlias(data: LinguistData, alias: string): Language | undefined {
  const lower = alias.toLowerCase();
  return data.byAlias.get(lower) ?? data.byAlias.get(lower.split(',')[0] ?? '');
}

/** Whether Linguist's language statistics count this type (DETECTABLE_TYPES, blob_helper.rb). */
export function isCountedType(language: Language): boolean {
  return language.type === 'programming' || language.type === 'markup';
}
