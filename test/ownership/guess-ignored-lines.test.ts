import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../fixtures/seeded-random.js';
import { isolatedGitEnv, type BuiltRepo, type Content, type Step } from '../../fixtures/build-repo.js';
import { ALICE, BOB, CAROL, DAVE } from '../../fixtures/people.js';
import { KEY_SPACE, fingerprintSubtract, lineFingerprints, loadFingerprint, similarityWithLoaded } from '../../src/ownership/fingerprint.js';
import { ParentScanner, guessIgnoredLines } from '../../src/ownership/guess-ignored-lines.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();
const FILE = 'src/config.js';

/** Runs git in the repository and returns raw stdout (blobs must not be trimmed or decoded). */
function gitBytes(repo: BuiltRepo, args: readonly string[]): Buffer {
  return execFileSync('git', args, { cwd: repo.dir, env: isolatedGitEnv(), maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The `-U0` hunks of `commit` against its parent for `file`, as quadruples. */
function hunksOf(repo: BuiltRepo, commit: string, file: string): number[] {
  const patch = gitBytes(repo, ['diff-tree', '-p', '-U0', '--full-index', '--no-color', '--no-ext-diff', commit, '--', file]).toString('latin1');
  const hunks: number[] = [];
  for (const line of patch.split('\n')) {
    const match = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (match) hunks.push(Number(match[1]), Number(match[2] ?? 1), Number(match[3]), Number(match[4] ?? 1));
  }
  return hunks;
}

/** `git blame --porcelain`: for each final line, "<commit> <source line>". */
function blameLines(repo: BuiltRepo, args: readonly string[]): string[] {
  const out = gitBytes(repo, ['blame', '--porcelain', ...args]).toString('latin1');
  const lines: string[] = [];
  for (const line of out.split('\n')) {
    const match = /^([0-9a-f]{40}) (\d+) (\d+)(?: \d+)?$/.exec(line);
    if (match) lines[Number(match[3]) - 1] = `${match[1]} ${match[2]}`;
  }
  return lines;
}

/** 0-based starts and counts of hunk `h` (git prints the line before for an empty side). */
function hunkStarts(hunks: readonly number[], h: number): [number, number, number, number] {
  const oldCount = hunks[h + 1] as number;
  const newCount = hunks[h + 3] as number;
  return [oldCount === 0 ? (hunks[h] as number) : (hunks[h] as number) - 1, oldCount, newCount === 0 ? (hunks[h + 2] as number) : (hunks[h + 2] as number) - 1, newCount];
}

interface Comparison {
  /** Target lines inside hunks. */
  changed: number;
  /** Changed lines blamed on a parent line. */
  toParent: number;
  /** Changed lines blamed on a parent line outside their own hunk (the second pass). */
  outsideHunk: number;
  /** Changed lines left with the ignored commit. */
  unblamable: number;
  /** All target lines. */
  total: number;
  /** What guessIgnoredLines returned. */
  guessed: Int32Array;
}

/**
 * Runs `guessIgnoredLines` on `rev` against its parent and compares every target line with
 * `git blame --ignore-rev <rev> <rev>`: a line git leaves with `rev` must be -1, any other line
 * must map to the parent line whose own blame (`git blame <rev>^`) is what git reports.
 */
function compareWithGit(repo: BuiltRepo, rev: string, file = FILE): Comparison {
  const commit = repo.rev(rev);
  const parentBlob = gitBytes(repo, ['cat-file', 'blob', `${commit}^:${file}`]);
  const targetBlob = gitBytes(repo, ['cat-file', 'blob', `${commit}:${file}`]);
  const hunks = hunksOf(repo, commit, file);
  expect(hunks.length).toBeGreaterThan(0);

  const parentLineOf = new Map<string, number>();
  blameLines(repo, [`${commit}^`, '--', file]).forEach((origin, index) => parentLineOf.set(origin, index));
  const ignored = blameLines(repo, ['--ignore-rev', commit, commit, '--', file]);

  const guessed = guessIgnoredLines(parentBlob, targetBlob, hunks);
  expect(guessed.length).toBe(ignored.length);

  // Unchanged lines map through the diff the ordinary way; changed ones as guessed.
  const ordinary = new Int32Array(guessed.length).fill(-1);
  const hunkOf = new Int32Array(guessed.length).fill(-1);
  let parentLine = 0;
  let targetLine = 0;
  for (let h = 0; h < hunks.length; h += 4) {
    const [oldStart, oldCount, newStart, newCount] = hunkStarts(hunks, h);
    while (targetLine < newStart) ordinary[targetLine++] = parentLine++;
    expect(parentLine).toBe(oldStart);
    for (let t = newStart; t < newStart + newCount; t++) hunkOf[t] = h;
    targetLine += newCount;
    parentLine += oldCount;
  }
  while (targetLine < guessed.length) ordinary[targetLine++] = parentLine++;

  const actual: number[] = [];
  const expected: number[] = [];
  const stats: Comparison = { changed: 0, toParent: 0, outsideHunk: 0, unblamable: 0, total: guessed.length, guessed };
  for (let t = 0; t < guessed.length; t++) {
    const guess = guessed[t] as number;
    const hunk = hunkOf[t] as number;
    if (hunk === -1) {
      expect(guess, `line ${t + 1} is outside every hunk`).toBe(-2);
      actual.push(ordinary[t] as number);
    } else {
      stats.changed += 1;
      expect(guess, `line ${t + 1} is inside a hunk`).not.toBe(-2);
      actual.push(guess);
      if (guess === -1) stats.unblamable += 1;
      else {
        stats.toParent += 1;
        const [oldStart, oldCount] = hunkStarts(hunks, hunk);
        if (guess < oldStart || guess >= oldStart + oldCount) stats.outsideHunk += 1;
      }
    }
    const origin = ignored[t] as string;
    if (origin.startsWith(`${commit} `)) expected.push(-1);
    else {
      const source = parentLineOf.get(origin);
      expect(source, `git blames line ${t + 1} on ${origin}, not a parent line`).toBeDefined();
      expected.push(source as number);
    }
  }
  expect(actual).toEqual(expected);
  return stats;
}

const at = (day: number): string => new Date(Date.UTC(2021, 2, 1, 9) + day * 86_400_000).toISOString().replace('.000Z', 'Z');
const commitStep = (author: typeof ALICE, day: number, content: Content, message: string, file = FILE): Step => ({
  commit: { author, at: at(day), message, write: { [file]: content } },
});

/** Alice's original file. */
const ORIGINAL = [
  'import { readFile } from "node:fs/promises";',
  'import path from "node:path";',
  '',
  'const DEFAULT_RETRIES = 3;',
  'const DEFAULT_TIMEOUT = 1000;',
  '',
  'export async function loadConfig(configPath, defaults) {',
  '  const text = await readFile(configPath, "utf8");',
  '  const parsed = JSON.parse(text);',
  '  const merged = { ...defaults, ...parsed };',
  '  if (merged.retries === undefined) merged.retries = DEFAULT_RETRIES;',
  '  if (merged.timeout === undefined) merged.timeout = DEFAULT_TIMEOUT;',
  '  merged.root = path.resolve(path.dirname(configPath), merged.root ?? ".");',
  '  return merged;',
  '}',
  '',
  'export function countWords(text) {',
  '  let count = 0;',
  '  for (const word of text.split(/\\s+/)) {',
  '    if (word.length > 0) count += 1;',
  '  }',
  '  return count;',
  '}',
  '',
  'export function describeConfig(config) {',
  '  const lines = [];',
  '  lines.push(`root: ${config.root}`);',
  '  lines.push(`retries: ${config.retries}`);',
  '  lines.push(`timeout: ${config.timeout}ms`);',
  '  for (const [key, value] of Object.entries(config.extra ?? {})) {',
  '    lines.push(`${key}: ${JSON.stringify(value)}`);',
  '  }',
  '  return lines.join("\\n");',
  '}',
  '',
  'export function isValidName(name) {',
  '  return /^[a-z][a-z0-9_-]*$/i.test(name) && name.length <= 64;',
  '}',
];
const text = (lines: readonly string[], eol = '\n', finalNewline = true): string => lines.join(eol) + (finalNewline ? eol : '');

/** A real change by Carol on top, so the ignored commit is not the tip. */
const carolChanges = (lines: readonly string[], day: number): Step =>
  commitStep(CAROL, day, text([...lines, '', 'export const VERSION = "2.0.0";']), 'Add version');

function scenario(steps: readonly Step[]): BuiltRepo {
  return fixture(steps);
}

describe('guessIgnoredLines against git blame --ignore-rev', () => {
  it('whitespace-only reformat: re-indented with tabs and four spaces', () => {
    const reformatted = ORIGINAL.map((line) => line.replace(/^( +)/, (spaces) => (spaces.length === 2 ? '\t' : '    '.repeat(spaces.length / 2))));
    const repo = scenario([commitStep(ALICE, 1, text(ORIGINAL), 'Write config'), commitStep(BOB, 2, text(reformatted), 'Reformat'), carolChanges(reformatted, 3)]);
    const stats = compareWithGit(repo, 'HEAD~1');
    expect(stats.changed).toBeGreaterThan(20);
    expect(stats.toParent).toBe(stats.changed);
  });

  it('identifier renames, then a second reformatting commit on top', () => {
    const renamed = ORIGINAL.map((line) => line.replaceAll('merged', 'result').replaceAll('count', 'total').replaceAll('lines', 'out'));
    const spaced = renamed.map((line) => line.replaceAll('(', '( ').replaceAll(')', ' )').replaceAll('  ', ' '));
    const repo = scenario([
      commitStep(ALICE, 1, text(ORIGINAL), 'Write config'),
      commitStep(BOB, 2, text(renamed), 'Rename identifiers'),
      commitStep(DAVE, 3, text(spaced), 'Space out parentheses'),
      carolChanges(spaced, 4),
    ]);
    const first = compareWithGit(repo, 'HEAD~2');
    expect(first.toParent).toBeGreaterThan(10);
    // The second one's parent mixes Alice's and Bob's lines.
    const second = compareWithGit(repo, 'HEAD~1');
    expect(second.toParent).toBeGreaterThan(10);
  });

  it('long lines split into two and pairs of lines joined into one', () => {
    const split = ORIGINAL.flatMap((line) => {
      if (line.includes(' && ')) return line.split(' && ').map((part, i) => (i === 0 ? `${part} &&` : `    ${part}`));
      if (line.startsWith('  merged.root')) return ['  merged.root = path.resolve(', '    path.dirname(configPath),', '    merged.root ?? ".",', '  );'];
      return [line];
    });
    const joined: string[] = [];
    for (let i = 0; i < split.length; i++) {
      const line = split[i] as string;
      if (line.startsWith('  if (merged.') || line === 'const DEFAULT_RETRIES = 3;') {
        joined.push(`${line} ${(split[i + 1] as string).trim()}`);
        i += 1;
      } else joined.push(line);
    }
    const repo = scenario([commitStep(ALICE, 1, text(ORIGINAL), 'Write config'), commitStep(BOB, 2, text(joined), 'Split and join'), carolChanges(joined, 3)]);
    const stats = compareWithGit(repo, 'HEAD~1');
    expect(stats.changed).toBeGreaterThanOrEqual(8);
  });

  it('hunks with more new lines than old (comments and guards added) and with fewer (lines dropped)', () => {
    const more = ORIGINAL.flatMap((line) => {
      if (line.startsWith('export')) return ['/**', ` * ${line.replace(/[{(].*$/, '').trim()}.`, ' */', line.replace('export ', 'export /* api */ ')];
      if (line === '  const parsed = JSON.parse(text);') return ['  if (text.length === 0) return { ...defaults };', '  const parsed = JSON.parse(text); // may throw', '  if (parsed === null) return { ...defaults };'];
      return [line];
    });
    const fewer = more.filter((line) => !line.startsWith('  lines.push(`r') && !line.startsWith('const DEFAULT_TIMEOUT') && line !== '');
    const changedFewer = fewer.map((line) => line.replace('DEFAULT_TIMEOUT', '1000').replace('countWords(text)', 'countWords(input)'));
    const repo = scenario([
      commitStep(ALICE, 1, text(ORIGINAL), 'Write config'),
      commitStep(BOB, 2, text(more), 'Document'),
      commitStep(DAVE, 3, text(changedFewer), 'Compact'),
      carolChanges(changedFewer, 4),
    ]);
    const grown = compareWithGit(repo, 'HEAD~2');
    expect(grown.unblamable).toBeGreaterThan(0);
    const shrunk = compareWithGit(repo, 'HEAD~1');
    expect(shrunk.changed).toBeGreaterThan(0);
  });

  it('a line moved far away is found by the scan over the whole parent', () => {
    const moved = [...ORIGINAL];
    const [line] = moved.splice(7, 1, '  const text = await readFile(configPath, "utf8"); // read once');
    moved.splice(3, 2); // constants removed from the top...
    moved.push('', 'export const DEFAULT_RETRIES = 3;', 'export const DEFAULT_TIMEOUT = 1000;', `// was: ${line as string}`); // ...and re-added at the bottom
    const repo = scenario([commitStep(ALICE, 1, text(ORIGINAL), 'Write config'), commitStep(BOB, 2, text(moved), 'Move constants'), carolChanges(moved, 3)]);
    const stats = compareWithGit(repo, 'HEAD~1');
    expect(stats.outsideHunk).toBeGreaterThanOrEqual(2);
  });

  it('a file without final newline', () => {
    const reformatted = ORIGINAL.map((line) => line.replaceAll('"', "'").replace(/;$/, ''));
    const repo = scenario([
      commitStep(ALICE, 1, text(ORIGINAL, '\n', false), 'Write config'),
      commitStep(BOB, 2, text(reformatted, '\n', false), 'Drop semicolons'),
      commitStep(DAVE, 3, text([...reformatted.slice(0, -1), '  return /^[a-z]/i.test(name)', '}'], '\n', false), 'Shorten the last function'),
    ]);
    compareWithGit(repo, 'HEAD~1');
    compareWithGit(repo, 'HEAD');
  });

  it('CRLF lines, reformatted and partly converted to LF', () => {
    const reformatted = ORIGINAL.map((line, i) => (i % 3 === 0 ? line.toUpperCase() : line.replace(/^ {2}/, '    ')));
    const mixed = reformatted.map((line, i) => line + (i % 5 === 0 ? '\n' : '\r\n')).join('');
    const repo = scenario([commitStep(ALICE, 1, text(ORIGINAL, '\r\n'), 'Write config'), commitStep(BOB, 2, mixed, 'Reformat'), commitStep(DAVE, 3, text(reformatted, '\r\n'), 'CRLF again')]);
    const first = compareWithGit(repo, 'HEAD~1');
    expect(first.toParent).toBeGreaterThan(20);
    compareWithGit(repo, 'HEAD');
  });

  it("bytes git's ctype treats specially: VT and FF are not whitespace, only ASCII letters fold", () => {
    // Each target line sits between two parent candidates; the second is the closer one. Were FF,
    // VT whitespace or Latin-1 É folded to é, the first would match better.
    const parent = ['ab\fcd', 'ab cdx', '-----', 'ef\vgh', 'ef ghx', '=====', 'x\xE9y', 'x\xC9yz', '+++++'];
    const target = ['ab cd', '-----', 'ef gh', '=====', 'x\xC9y', '+++++'];
    const utf8Parent = ['Über straße', 'ÉCOLE élève', 'tab\tseparated\tvalues', 'MiXeD CaSe WoRdS here', 'plain ascii line'];
    const utf8Target = ['über STRASSE', 'école ÉLÈVE', 'tab separated values', 'mixed case words here', 'plain\tascii\tline'];
    const repo = scenario([
      { commit: { author: ALICE, at: at(1), write: { 'latin1.txt': Buffer.from(text(parent), 'latin1'), 'notes.txt': text(utf8Parent) } } },
      { commit: { author: BOB, at: at(2), write: { 'latin1.txt': Buffer.from(text(target), 'latin1'), 'notes.txt': text(utf8Target) } } },
    ]);
    expect([...compareWithGit(repo, 'HEAD', 'latin1.txt').guessed]).toEqual([1, -2, 4, -2, 7, -2]);
    expect([...compareWithGit(repo, 'HEAD', 'notes.txt').guessed]).toEqual([0, 1, 2, 3, 4]);
  });

  it('second pass ties: the closest parent line wins, the later one at equal distance', () => {
    const same = 'return the same value as before;';
    const parent = ['function a() {', same, '  other one', '  other two', '  other three', '  other four', '}', same, 'function b() {', '}'];
    // Pure insertions (no parent lines in the hunk): only the scan over the whole parent can match.
    // Target line 4 is 3 lines from both parent copies (1 and 7); target line 10 is closest to 7.
    const target = ['function a() {', same, '  other one', '  other two', `${same} // tie`, '  other three', '  other four', '}', same, 'function b() {', `${same} // near`, '}'];
    const repo = scenario([commitStep(ALICE, 1, text(parent), 'Write', 'tie.js'), commitStep(BOB, 2, text(target), 'Insert', 'tie.js')]);
    const stats = compareWithGit(repo, 'HEAD', 'tie.js');
    expect(stats).toMatchObject({ changed: 2, outsideHunk: 2 });
  });

  it('pseudo-random reformatting of a larger file (several seeds)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seededRandom(seed);
      const original = syntheticFile(random, 400);
      const steps: Step[] = [commitStep(ALICE, 1, text(original), 'Write')];
      let current = original;
      for (const [index, author] of [BOB, DAVE].entries()) {
        current = mutate(random, current);
        steps.push(commitStep(author, 2 + index, text(current), `Reformat ${index}`));
      }
      const repo = scenario(steps);
      const first = compareWithGit(repo, 'HEAD~1');
      const second = compareWithGit(repo, 'HEAD');
      expect(first.changed + second.changed).toBeGreaterThan(50);
      repo.remove();
    }
  });
  it('pseudo-random block rewrites of short, look-alike lines (many commits)', () => {
    const random = seededRandom(7);
    let current = lookAlikeFile(random, 120);
    const steps: Step[] = [commitStep(ALICE, 1, Buffer.from(text(current), 'latin1'), 'Write')];
    const rounds = 24;
    for (let round = 0; round < rounds; round++) {
      const previous = text(current);
      do current = rewriteBlocks(random, current);
      while (text(current) === previous);
      steps.push(commitStep(round % 2 ? BOB : DAVE, 2 + round, Buffer.from(text(current), 'latin1'), `Rewrite ${round}`));
    }
    const repo = scenario(steps);
    let changed = 0;
    for (let back = rounds - 1; back >= 0; back--) changed += compareWithGit(repo, `HEAD~${back}`).changed;
    expect(changed).toBeGreaterThan(300);
  });
});

describe('guessIgnoredLines without git', () => {
  it('returns -2 everywhere for pure deletions and for no hunks', () => {
    const parent = Buffer.from('a\nb\nc\nd\n');
    expect([...guessIgnoredLines(parent, Buffer.from('a\nd\n'), [2, 2, 1, 0])]).toEqual([-2, -2]);
    expect([...guessIgnoredLines(parent, parent, [])]).toEqual([-2, -2, -2, -2]);
    expect(guessIgnoredLines(Buffer.alloc(0), Buffer.alloc(0), [])).toHaveLength(0);
  });

  it('counts a last line without newline, and blames lines of a new file on nothing', () => {
    expect([...guessIgnoredLines(Buffer.alloc(0), Buffer.from('first line here\nlast line, no newline'), [0, 0, 1, 2])]).toEqual([-1, -1]);
  });

  it('rejects hunks that do not fit', () => {
    expect(() => guessIgnoredLines(Buffer.from('a\n'), Buffer.from('b\n'), [1, 1, 1, 2])).toThrow(RangeError);
    expect(() => guessIgnoredLines(Buffer.from('a\n'), Buffer.from('b\nc\n'), [1, 3, 1, 2])).toThrow(RangeError);
  });

  it("reproduces the similarities of git's comments", () => {
    const similarity = (a: string, b: string): number => {
      const table = new Int32Array(KEY_SPACE);
      const fa = lineFingerprints(Buffer.from(a), table);
      const fb = lineFingerprints(Buffer.from(b), table);
      loadFingerprint(fb, 0, table);
      return similarityWithLoaded(fa, 0, table);
    };
    expect(similarity('cat mat', 'father rather')).toBe(2);
    expect(similarity('tim', 'mit')).toBe(0);
    // "Darth   Radar" has 12 pairs, all shared with its lower-case, tab-separated twin.
    expect(similarity('Darth   Radar', 'darth\tradar\r\n')).toBe(12);
  });

  it('scans the parent the same way through its inverted index as with git\'s walk', () => {
    const random = seededRandom(99);
    for (let round = 0; round < 5; round++) {
      const table = new Int32Array(KEY_SPACE);
      // A long line repeated every 6 lines in the parent and every 5 in the target: many ties,
      // some at equal distance on both sides.
      const repeated = 'a line repeated many times, long enough';
      const parentLines = lookAlikeFile(random, 300).map((line, i) => (i % 6 === 0 ? repeated : line));
      const targetLines = lookAlikeFile(random, 200).map((line, i) => (i % 5 === 0 ? `${repeated}!` : `${line} ${line}`));
      const parent = lineFingerprints(Buffer.from(text(parentLines), 'latin1'), table);
      const target = lineFingerprints(Buffer.from(text(targetLines), 'latin1'), table);
      // As after a first pass: some parent lines partly consumed.
      for (let i = 0; i < 100; i++) fingerprintSubtract(parent, Math.floor(random() * parent.lineCount), target, Math.floor(random() * target.lineCount), table);
      const walk = new ParentScanner(parent, 'walk');
      const index = new ParentScanner(parent, 'index');
      const auto = new ParentScanner(parent);
      let found = 0;
      for (let t = 0; t < target.lineCount; t++) {
        const expected = walk.scan(target, t, table);
        expect(index.scan(target, t, table), `target line ${t}`).toBe(expected);
        expect(auto.scan(target, t, table), `target line ${t}`).toBe(expected);
        if (expected >= 0) found += 1;
      }
      expect(found).toBeGreaterThan(20);
      expect(table.every((v) => v === 0)).toBe(true);
    }
  });

  it('handles a 40,000-line reformat quickly', () => {
    const random = seededRandom(42);
    const parentLines = syntheticFile(random, 40_000);
    const targetLines = parentLines.map((line, i) => (i % 7 === 0 ? line.replaceAll('  ', '    ').replaceAll('value', 'amount') : line));
    const hunks: number[] = [];
    for (let i = 0; i < parentLines.length; i++) if (parentLines[i] !== targetLines[i]) hunks.push(i + 1, 1, i + 1, 1);
    const started = performance.now();
    const guessed = guessIgnoredLines(Buffer.from(text(parentLines)), Buffer.from(text(targetLines)), hunks);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(guessed.filter((v) => v >= 0).length).toBeGreaterThan(hunks.length / 4 / 2);
  });
});

const WORDS = ['value', 'index', 'result', 'config', 'buffer', 'count', 'total', 'name', 'path', 'item', 'entry', 'options'];
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Code-like lines with repeated shapes, so lines are similar to many others. */
function syntheticFile(random: () => number, count: number): string[] {
  const lines: string[] = [];
  let depth = 1;
  for (let i = 0; i < count; i++) {
    const roll = random();
    const indent = '  '.repeat(depth);
    if (roll < 0.08) lines.push('');
    else if (roll < 0.16 && depth < 4) {
      lines.push(`${indent}if (${pick(random, WORDS)}.${pick(random, WORDS)} > ${Math.floor(random() * 100)}) {`);
      depth += 1;
    } else if (roll < 0.24 && depth > 1) {
      depth -= 1;
      lines.push(`${'  '.repeat(depth)}}`);
    } else if (roll < 0.6) lines.push(`${indent}const ${pick(random, WORDS)}${i % 13} = ${pick(random, WORDS)}(${pick(random, WORDS)}, ${pick(random, WORDS)});`);
    else lines.push(`${indent}${pick(random, WORDS)}.push(${pick(random, WORDS)} + ${Math.floor(random() * 1000)});`);
  }
  return lines;
}

/** One "reformatting" commit: re-indents, renames, splits, joins, moves, inserts and deletes lines. */
function mutate(random: () => number, lines: readonly string[]): string[] {
  const out: string[] = [];
  const from = pick(random, WORDS);
  const to = `${pick(random, WORDS)}X`;
  const carried: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const roll = random();
    if (roll < 0.05) out.push(line.replace(/^ +/, (s) => '\t'.repeat(s.length / 2)));
    else if (roll < 0.1) out.push(line.replaceAll(from, to));
    else if (roll < 0.13 && line.includes(', ')) out.push(...line.split(', ').map((part, j) => (j ? `    ${part}` : `${part},`)));
    else if (roll < 0.16 && i + 1 < lines.length) {
      out.push(`${line} ${(lines[i + 1] as string).trim()}`);
      i += 1;
    } else if (roll < 0.18) carried.push(line);
    else if (roll < 0.2) out.push(line, `  // note ${pick(random, WORDS)} ${Math.floor(random() * 50)}`);
    else if (roll < 0.22) continue;
    else if (roll < 0.23 && carried.length > 0) out.push(line, (carried.shift() as string).replace('const', 'let'));
    else out.push(line);
  }
  out.push(...carried.map((line) => line.toUpperCase()));
  return out;
}

const TOKENS = ['ab', 'cd', 'Ab', 'abcd', 'x', 'xy', 'yx', 'foo', 'FOO', 'bar', 'f\fo', 'b\va', '\xC9t\xE9', '\xE9t\xE9', 'q', '42', '4 2', '{', '}', '();'];

/** Lines of one to five tokens from a small vocabulary: many lines look like many others. */
function lookAlikeLine(random: () => number): string {
  const count = 1 + Math.floor(random() * 5);
  let line = random() < 0.3 ? '\t' : '';
  for (let i = 0; i < count; i++) line += (i ? pick(random, [' ', '  ', '\t', '', '_']) : '') + pick(random, TOKENS);
  return line;
}

function lookAlikeFile(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => lookAlikeLine(random));
}

/** Replaces a few blocks by blocks of another size made of edited copies of lines from anywhere. */
function rewriteBlocks(random: () => number, lines: readonly string[]): string[] {
  const out = [...lines];
  const blocks = 1 + Math.floor(random() * 4);
  for (let b = 0; b < blocks; b++) {
    const start = Math.floor(random() * out.length);
    const removed = Math.floor(random() * 25);
    const added = Math.floor(random() * 25);
    const block: string[] = [];
    for (let i = 0; i < added; i++) {
      const roll = random();
      const source = roll < 0.5 ? (out[start + Math.floor(random() * (removed + 1))] ?? '') : pick(random, out);
      if (roll < 0.15) block.push(lookAlikeLine(random));
      else if (roll < 0.4) block.push(source.toUpperCase());
      else if (roll < 0.6) block.push(`${source} ${pick(random, TOKENS)}`);
      else if (roll < 0.8) block.push(source.replace(/\s+/g, pick(random, [' ', '\t', '', '\f'])));
      else block.push(source.split('').reverse().join(''));
    }
    out.splice(start, removed, ...block);
  }
  return out;
}
