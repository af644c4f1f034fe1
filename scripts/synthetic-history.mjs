#!/usr/bin/env node
// A synthetic git history of any length, for measuring how busfactor's cost grows with it
// (bench/growth.mjs, docs/performance.md "How cost grows"). Deterministic from the seed, no
// network: the generated stream is piped into `git fast-import --quiet --done`.
//
//   node scripts/synthetic-history.mjs <out-dir> --commits N [--seed S] [--authors A] [--files F] [--bare]
//
// What it makes, commit by commit (every count below is exact for a given N and seed):
// - N commits in all, every one reachable from refs/heads/main (the merges close every topic
//   branch before the end; the topic refs are deleted), dates rising over 2–18 years;
// - A authors (default 4·√N) with a Zipf-like skew (a few heavy authors, a long tail), each
//   active in a window of the history: the founder stays, everyone else joins at some point and
//   most leave again; each has a home area of the tree where most of their changes go;
// - a tree that grows to F live files (default 30 000, at most 5 per commit) over the first 70 %
//   of the history and keeps growing slowly after, as real trees do (new files of merged topics,
//   a few more additions than deletions): with the defaults 32k files at 100k commits, 36k at
//   300k, 75k at 1M; in nested folders, in fifteen languages by extension (C, C++, Go, Rust, Java,
//   Kotlin, Scala, C#, Python, Ruby, PHP, JavaScript, TypeScript, Swift, shell), all counted by
//   Linguist;
// - file additions, small line edits (inline `M` data: every line is unique, so blame and rename
//   similarity mean something), renames (`R`, some with an edit in the same commit), whole-folder
//   renames, deletions, and topic branches that fork from main and come back with `merge`.
//
// The generator's memory is bounded by the live tree (each file's lines are kept as integers), not
// by the history: the stream is written as it is generated, with backpressure. fast-import's own
// memory grows with the number of objects (about 1.2 GB at 1M commits, 11M objects). Time: about
// 190 s of CPU for 300k commits and 730 s for 1M, most of it fast-import's (one core); the pack is
// as fast-import writes it (blobs not deltified, 1.6 GB at 1M commits), no `git gc`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Arguments

function usage(message) {
  if (message) console.error(`synthetic-history: ${message}`);
  console.error('usage: node scripts/synthetic-history.mjs <out-dir> --commits N [--seed S] [--authors A] [--files F] [--bare]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { out: undefined, commits: undefined, seed: 1, authors: undefined, files: undefined, bare: false, quiet: false };
  const integer = (name, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) usage(`${name} wants a non-negative integer, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--commits') options.commits = integer(arg, argv[++i]);
    else if (arg === '--seed') options.seed = integer(arg, argv[++i]);
    else if (arg === '--authors') options.authors = integer(arg, argv[++i]);
    else if (arg === '--files') options.files = integer(arg, argv[++i]);
    else if (arg === '--bare') options.bare = true;
    else if (arg === '-q' || arg === '--quiet') options.quiet = true;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (options.out === undefined) options.out = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (options.out === undefined) usage('no output folder');
  if (options.commits === undefined || options.commits < 1) usage('--commits N (at least 1) is required');
  options.authors ??= Math.max(8, Math.round(4 * Math.sqrt(options.commits)));
  options.files ??= Math.min(30_000, Math.max(50, options.commits * 5));
  if (options.authors < 1) usage('--authors must be at least 1');
  if (options.files < 10) usage('--files must be at least 10');
  return options;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (sfc32 seeded through splitmix32)

function makeRandom(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i += 1) next();
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** 0, 1, 2, … with P(k) = (1 - p)^k p. */
    geometric: (p) => Math.floor(Math.log(1 - next()) / Math.log(1 - p)),
  };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const FIRST = ['Ada', 'Alan', 'Alice', 'Amir', 'Ana', 'Anders', 'Anya', 'Ben', 'Bjorn', 'Carla', 'Chen', 'Chloe', 'Dana', 'Daniel', 'Dmitri', 'Elena', 'Emeka', 'Erik', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jana', 'Jonas', 'Julia', 'Kai', 'Kenji', 'Lars', 'Lea', 'Linus', 'Luca', 'Maya', 'Mei', 'Miguel', 'Nadia', 'Nils', 'Noor', 'Olga', 'Omar', 'Pablo', 'Priya', 'Rafael', 'Rosa', 'Sam', 'Sara', 'Sven', 'Tariq', 'Tom', 'Uma', 'Vera', 'Wei', 'Yara', 'Yusuf', 'Zoe'];
const LAST = ['Abe', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kim', 'Kowalski', 'Larsen', 'Li', 'Martin', 'Meyer', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Olsen', 'Patel', 'Petrov', 'Quinn', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Tanaka', 'Torres', 'Umar', 'Varga', 'Wagner', 'Wang', 'Weber', 'Xu', 'Yilmaz', 'Zhang'];
const DOMAINS = ['example.org', 'example.com', 'mail.example.net', 'corp.example', 'users.example.io'];
const ZONES = ['+0000', '+0100', '+0200', '+0300', '+0530', '+0800', '+0900', '+1000', '-0300', '-0500', '-0600', '-0800'];
const TOP = ['core', 'server', 'client', 'engine', 'platform', 'services', 'api', 'storage', 'net', 'ui', 'tools', 'runtime'];
const WORDS = ['alloc', 'auth', 'buffer', 'cache_ctl', 'codec', 'config_ld', 'crypto', 'daemon', 'event', 'format', 'graph', 'hash', 'index', 'io', 'jobs', 'kernel', 'layout', 'lexer', 'loader', 'log', 'map', 'mesh', 'metrics', 'model', 'parser', 'path', 'pool', 'proto', 'queue', 'render', 'route', 'rpc', 'sched', 'shell', 'signal', 'sort', 'state', 'stream', 'sync', 'task', 'timer', 'trace', 'tree', 'util', 'view', 'watch', 'wire', 'zone'];
// Extensions Linguist maps to one programming language without needing content heuristics.
const LANGUAGES = [
  { ext: 'c', comment: '//', semi: ';' },
  { ext: 'cpp', comment: '//', semi: ';' },
  { ext: 'go', comment: '//', semi: '' },
  { ext: 'rs', comment: '//', semi: ';', header: 'use std::fmt;' },
  { ext: 'java', comment: '//', semi: ';' },
  { ext: 'kt', comment: '//', semi: '' },
  { ext: 'scala', comment: '//', semi: '' },
  { ext: 'cs', comment: '//', semi: ';' },
  { ext: 'py', comment: '#', semi: '' },
  { ext: 'rb', comment: '#', semi: '' },
  { ext: 'php', comment: '//', semi: ';', header: '<?php' },
  { ext: 'js', comment: '//', semi: ';' },
  { ext: 'ts', comment: '//', semi: ';' },
  { ext: 'swift', comment: '//', semi: '' },
  { ext: 'sh', comment: '#', semi: '', header: '#!/bin/sh' },
];

// ---------------------------------------------------------------------------------------------
// The generator

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const out = path.resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0) usage(`${out} exists and is not empty`);
  mkdirSync(out, { recursive: true });
  const git = (args, extra = {}) => {
    const result = spawnSync('git', args, { cwd: out, encoding: 'utf8', ...extra });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  };
  git(['init', '-q', ...(options.bare ? ['--bare'] : []), '-b', 'main']);

  const N = options.commits;
  const rnd = makeRandom(options.seed);
  const topics = Math.min(6, Math.max(1, Math.floor(N / 50)));
  const importer = spawn('git', ['fast-import', '--quiet', '--done', `--active-branches=${topics + 2}`, '--date-format=raw'], {
    cwd: out,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const finished = new Promise((resolve, reject) => {
    importer.on('error', reject);
    importer.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  importer.stdin.on('error', () => {}); // reported through `close`

  // Stream output in ~1 MB chunks, waiting for fast-import when the pipe is full.
  let buffered = '';
  const flush = async () => {
    if (buffered.length === 0) return;
    const chunk = buffered;
    buffered = '';
    if (!importer.stdin.write(chunk)) await new Promise((resolve) => importer.stdin.once('drain', resolve));
  };
  const emit = (text) => {
    buffered += text;
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

  // ---- People -------------------------------------------------------------------------------
  const A = options.authors;
  const epochs = Math.max(1, Math.min(256, N));
  const epochOf = (i) => Math.min(epochs - 1, Math.floor((i * epochs) / N));
  const people = [];
  for (let r = 0; r < A; r += 1) {
    const first = FIRST[rnd.int(FIRST.length)];
    const last = LAST[rnd.int(LAST.length)];
    // Rank 0 founds the project and stays; the first few join early and stay long; the long tail
    // comes and goes.
    let join;
    let leave;
    if (r === 0) {
      join = 0;
      leave = epochs;
    } else if (r < Math.max(2, Math.ceil(A * 0.01))) {
      join = rnd.int(Math.ceil(epochs * 0.2));
      leave = rnd.chance(0.4) ? join + Math.ceil((epochs - join) * (0.3 + 0.5 * rnd.next())) : epochs;
    } else {
      join = rnd.int(epochs);
      const life = Math.max(1, Math.round(-Math.log(1 - rnd.next()) * epochs * 0.15));
      leave = Math.min(epochs, join + life);
    }
    people.push({
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${r}@${DOMAINS[rnd.int(DOMAINS.length)]}`,
      zone: ZONES[rnd.int(ZONES.length)],
      weight: 1 / (r + 1) ** 1.1,
      join,
      leave,
      home: -1, // set once the areas exist
      focus: r < 5 ? 0.5 : 0.85,
    });
  }
  // Per epoch: cumulative weights of the people active in it, for sampling by binary search.
  const active = [];
  for (let e = 0; e < epochs; e += 1) {
    const ids = [];
    const cumulative = [];
    let total = 0;
    for (let r = 0; r < A; r += 1) {
      if (people[r].join <= e && e < people[r].leave) {
        total += people[r].weight;
        ids.push(r);
        cumulative.push(total);
      }
    }
    active.push({ ids, cumulative: Float64Array.from(cumulative), total });
  }
  const pickAuthor = (i) => {
    const { ids, cumulative, total } = active[epochOf(i)];
    const x = rnd.next() * total;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo];
  };
  const maintainers = Array.from({ length: Math.min(3, A) }, (_, r) => r);
  const pickMaintainer = (i) => {
    const e = epochOf(i);
    const here = maintainers.filter((r) => people[r].join <= e && e < people[r].leave);
    return here.length > 0 ? rnd.pick(here) : 0;
  };

  // ---- The tree -----------------------------------------------------------------------------
  // A folder: its path is cached (only folders without subfolders are ever renamed).
  const dirs = [];
  const addDir = (name, parent, area, index) => {
    const dir = {
      id: dirs.length,
      name,
      parent,
      area,
      depth: parent ? parent.depth + 1 : 1,
      path: parent ? `${parent.path}/${name}` : name,
      children: 0,
      live: 0, // files on main
      since: index, // commit index since which the folder has this path
    };
    if (parent) parent.children += 1;
    dirs.push(dir);
    return dir;
  };
  const areas = [];
  const areasPerTop = 8;
  const F = options.files;
  for (let t = 0; t < TOP.length; t += 1) {
    const top = addDir(TOP[t], null, -1, 0);
    const language = LANGUAGES[t % LANGUAGES.length];
    const second = LANGUAGES[(t * 7 + 3) % LANGUAGES.length];
    for (let a = 0; a < areasPerTop; a += 1) {
      const id = areas.length;
      const root = addDir(`${WORDS[(t * areasPerTop + a) % WORDS.length]}`, top, id, 0);
      areas.push({ id, root, dirs: [root], files: [], language: rnd.chance(0.8) ? language : second, second });
    }
  }
  for (const person of people) person.home = rnd.int(areas.length);

  let fileCounter = 0;
  let lineCounter = 0;
  let dirCounter = 0;
  const allFiles = []; // live on main, for uniform picks
  const newLines = (n) => {
    const lines = new Array(n);
    for (let k = 0; k < n; k += 1) lines[k] = (lineCounter += 1);
    return lines;
  };
  const render = (file) => {
    const { comment, semi, header } = file.language;
    let text = header ? `${header}\n` : '';
    text += `${comment} ${file.name}: synthetic source ${file.id}\n`;
    for (const id of file.lines) text += `    v${id} = step${id % 97}(v${id % 89}, ${id % 1009})${semi}\n`;
    return text;
  };
  const pathOf = (file) => `${file.dir.path}/${file.name}`;
  const placeFile = (file) => {
    // Live on main: in its area's list and in the global one (swap-remove positions).
    const area = areas[file.dir.area];
    file.areaPos = area.files.length;
    area.files.push(file);
    file.allPos = allFiles.length;
    allFiles.push(file);
    file.dir.live += 1;
    file.live = true;
  };
  const unplaceFile = (file) => {
    const area = areas[file.dir.area];
    const lastArea = area.files.pop();
    if (lastArea !== file) {
      area.files[file.areaPos] = lastArea;
      lastArea.areaPos = file.areaPos;
    }
    const lastAll = allFiles.pop();
    if (lastAll !== file) {
      allFiles[file.allPos] = lastAll;
      lastAll.allPos = file.allPos;
    }
    file.dir.live -= 1;
    file.live = false;
  };
  /** A folder in the area for a new file: an existing one with room, or a new subfolder. */
  const folderFor = (area, index) => {
    const dir = rnd.pick(area.dirs);
    if (dir.live < 40 && !rnd.chance(0.03)) return dir;
    const parent = dir.depth < 6 ? dir : area.root;
    const child = addDir(`${WORDS[rnd.int(WORDS.length)]}${(dirCounter += 1).toString(36)}`, parent, area.id, index);
    area.dirs.push(child);
    return child;
  };
  const newFile = (area, index) => {
    const dir = folderFor(area, index);
    const language = rnd.chance(0.85) ? area.language : area.second;
    fileCounter += 1;
    return {
      id: fileCounter,
      dir,
      name: `${WORDS[rnd.int(WORDS.length)]}_${fileCounter.toString(36)}.${language.ext}`,
      language,
      lines: newLines(4 + rnd.geometric(0.08) % 60),
      since: index,
      live: false,
      areaPos: -1,
      allPos: -1,
    };
  };
  const edit = (lines) => {
    const copy = lines.slice();
    const edits = 1 + (rnd.chance(0.3) ? 1 : 0) + (rnd.chance(0.1) ? 2 : 0);
    for (let k = 0; k < edits; k += 1) {
      const at = rnd.int(copy.length + 1);
      const kind = rnd.next();
      if ((kind < 0.15 || copy.length > 80) && copy.length > 3) copy.splice(Math.min(at, copy.length - 1), 1);
      else if (kind < 0.55 || at === copy.length) copy.splice(at, 0, ...newLines(1 + rnd.geometric(0.5)));
      else copy[at] = (lineCounter += 1);
    }
    return copy;
  };

  // ---- Commits ------------------------------------------------------------------------------
  const span = Math.min(18, Math.max(2, 2 + N / 60_000)) * 365.25 * 86_400;
  const gap = span / N;
  const start = 1_199_145_600; // 2008-01-01
  const stats = { merges: 0, adds: 0, edits: 0, renames: 0, dirRenames: 0, deletes: 0, topicCommits: 0 };
  const ident = (r, time) => `${people[r].name} <${people[r].email}> ${time} ${people[r].zone}`;
  const header = (ref, index, authorId, committerId, message) => {
    const committed = start + Math.floor(index * gap) + Math.floor(rnd.next() * gap * 0.5);
    const authored = Math.max(start, committed - Math.floor(rnd.next() * gap * 0.5));
    emit(`commit ${ref}\nmark :${index + 1}\nauthor ${ident(authorId, authored)}\ncommitter ${ident(committerId, committed)}\n${data(message)}`);
  };
  const wantedFiles = (index) => F * Math.min(1, 0.05 + (0.95 * index) / Math.max(1, 0.7 * N));
  const pickLiveFile = (author, touched, valid = () => true) => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const home = areas[people[author].home];
      const list = rnd.chance(people[author].focus) && home.files.length > 0 ? home.files : allFiles;
      if (list.length === 0) return undefined;
      const file = list[rnd.int(list.length)];
      if (!touched.has(file) && valid(file)) return file;
    }
    return undefined;
  };
  const message = (area, index, verb) => {
    let text = `${area.root.name}: ${verb} ${WORDS[rnd.int(WORDS.length)]} handling (#${index + 1})\n`;
    if (rnd.chance(0.02)) {
      const co = people[rnd.int(A)];
      text += `\nCo-authored-by: ${co.name} <${co.email}>\n`;
    }
    return text;
  };

  /** One commit on main: a few adds, edits, renames and deletes, or one folder rename. */
  const mainCommit = (index) => {
    const author = pickAuthor(index);
    const committer = rnd.chance(0.7) ? author : pickMaintainer(index);
    const home = areas[people[author].home];
    if (index === 0) {
      header('refs/heads/main', index, author, author, 'Initial import\n');
      const count = Math.max(1, Math.round(wantedFiles(0)));
      for (let k = 0; k < count; k += 1) {
        const file = newFile(areas[k % areas.length], index);
        placeFile(file);
        emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
        stats.adds += 1;
      }
      return;
    }
    // A folder moves now and then (only folders without subfolders, with files on main).
    if (rnd.chance(0.001)) {
      const area = home.dirs.length > 1 ? home : rnd.pick(areas);
      const dir = rnd.pick(area.dirs);
      if (dir.depth >= 3 && dir.children === 0 && dir.live >= 2) {
        const from = dir.path;
        dir.name = `${WORDS[rnd.int(WORDS.length)]}${(dirCounter += 1).toString(36)}`;
        dir.path = `${dir.parent.path}/${dir.name}`;
        dir.since = index;
        header('refs/heads/main', index, author, committer, message(area, index, 'move'));
        emit(`R ${from} ${dir.path}\n`);
        stats.dirRenames += 1;
        return;
      }
    }
    header('refs/heads/main', index, author, committer, message(home, index, rnd.pick(['fix', 'rework', 'speed up', 'clean up', 'extend'])));
    const big = rnd.chance(0.003);
    const ops = big ? 20 + rnd.int(80) : 1 + Math.min(19, rnd.geometric(0.45));
    const touched = new Set();
    for (let k = 0; k < ops; k += 1) {
      const shortage = allFiles.length < wantedFiles(index);
      const roll = rnd.next();
      if (roll < (shortage ? 0.5 : 0.05) || allFiles.length < 4) {
        const area = rnd.chance(people[author].focus) ? home : rnd.pick(areas);
        const file = newFile(area, index);
        placeFile(file);
        touched.add(file);
        emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
        stats.adds += 1;
        continue;
      }
      const file = pickLiveFile(author, touched);
      if (!file) continue;
      touched.add(file);
      if (roll < (shortage ? 0.52 : 0.095)) {
        emit(`D ${pathOf(file)}\n`);
        unplaceFile(file);
        stats.deletes += 1;
      } else if (roll < (shortage ? 0.535 : 0.11)) {
        const from = pathOf(file);
        unplaceFile(file);
        const area = areas[file.dir.area];
        if (rnd.chance(0.5)) file.dir = folderFor(area, index);
        const stem = file.name.slice(0, file.name.indexOf('_'));
        fileCounter += 1;
        file.name = rnd.chance(0.5) ? `${WORDS[rnd.int(WORDS.length)]}_${fileCounter.toString(36)}.${file.language.ext}` : `${stem}_${fileCounter.toString(36)}.${file.language.ext}`;
        file.since = index;
        placeFile(file);
        emit(`R ${from} ${pathOf(file)}\n`);
        if (rnd.chance(0.3)) {
          file.lines = edit(file.lines);
          emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
        }
        stats.renames += 1;
      } else {
        file.lines = edit(file.lines);
        emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
        stats.edits += 1;
      }
    }
  };

  // Topic branches: a fixed pool of refs; each topic forks from main's tip, gets a few commits by
  // one author (edits of files older than the fork, new files), and is merged back by a maintainer.
  const free = Array.from({ length: topics }, (_, k) => topics - 1 - k);
  const open = [];
  let mainTip = 0; // mark of main's last commit
  const topicCommit = (topic, index) => {
    const author = rnd.chance(0.9) ? topic.author : pickAuthor(index);
    header(topic.ref, index, author, author, message(areas[people[topic.author].home], index, rnd.pick(['add', 'teach', 'fix', 'prepare'])));
    if (topic.tip === topic.fork) emit(`from :${topic.fork}\n`);
    const ops = 1 + Math.min(9, rnd.geometric(0.5));
    const touched = new Set();
    for (let k = 0; k < ops; k += 1) {
      const old = (f) => f.since < topic.forkIndex && f.dir.since < topic.forkIndex;
      const existing = rnd.chance(0.8) ? pickLiveFile(topic.author, touched, old) : undefined;
      if (existing) {
        touched.add(existing);
        const lines = edit(topic.changes.get(existing) ?? existing.lines);
        topic.changes.set(existing, lines);
        emit(`M 100644 inline ${pathOf(existing)}\n${data(render({ ...existing, lines }))}`);
        stats.edits += 1;
      } else {
        const area = rnd.chance(0.8) ? areas[people[topic.author].home] : rnd.pick(areas);
        const file = newFile(area, index);
        topic.added.push(file);
        touched.add(file);
        emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
        stats.adds += 1;
      }
    }
    topic.tip = index + 1;
    topic.left -= 1;
    stats.topicCommits += 1;
  };
  const mergeTopic = (topic, index) => {
    const maintainer = pickMaintainer(index);
    header('refs/heads/main', index, maintainer, maintainer, `Merge branch '${topic.name}'\n`);
    emit(`merge :${topic.tip}\n`);
    // The merge's tree is main's plus the topic's work: its edits win where main still has the
    // file (at its path now), its new files join main. Files main deleted meanwhile stay deleted.
    for (const [file, lines] of topic.changes) {
      if (!file.live) continue;
      file.lines = lines;
      emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
    }
    for (const file of topic.added) {
      placeFile(file);
      emit(`M 100644 inline ${pathOf(file)}\n${data(render(file))}`);
    }
    open.splice(open.indexOf(topic), 1);
    free.push(topic.slot);
    stats.merges += 1;
  };

  let topicNumber = 0;
  for (let index = 0; index < N; index += 1) {
    const remaining = N - index;
    const due = open.find((topic) => topic.left <= 0);
    if (open.length > 0 && (remaining <= open.length || due)) {
      mergeTopic(due ?? open[0], index);
      mainTip = index + 1;
    } else if (index > 0 && free.length > 0 && remaining > 3 && rnd.chance(0.06)) {
      const slot = free.pop();
      topicNumber += 1;
      const author = pickAuthor(index);
      const topic = {
        slot,
        ref: `refs/heads/topic/${slot}`,
        name: `${people[author].name.split(' ')[0].toLowerCase()}/${WORDS[rnd.int(WORDS.length)]}-${topicNumber}`,
        author,
        fork: mainTip,
        forkIndex: index,
        tip: mainTip,
        left: 1 + Math.min(11, rnd.geometric(0.35)),
        changes: new Map(),
        added: [],
      };
      open.push(topic);
      topicCommit(topic, index);
    } else if (open.length > 0 && rnd.chance(0.25)) {
      topicCommit(rnd.pick(open), index);
    } else {
      mainCommit(index);
      mainTip = index + 1;
    }
    if (buffered.length > 1 << 20) await flush();
  }
  // The topic refs go: every topic commit is reachable from main through its merge.
  for (let slot = 0; slot < topics; slot += 1) emit(`reset refs/heads/topic/${slot}\nfrom 0000000000000000000000000000000000000000\n\n`);
  emit('done\n');
  await flush();
  importer.stdin.end();
  await finished;
  // fast-import leaves refs it was told to point at the null id as they were (never written).
  const leftovers = git(['for-each-ref', '--format=%(refname)', 'refs/heads/topic/']).split('\n').filter(Boolean);
  if (leftovers.length > 0) git(['update-ref', '--stdin'], { input: leftovers.map((ref) => `delete ${ref}\n`).join('') });
  if (!options.bare) git(['reset', '-q', '--hard', 'main']);
  git(['config', 'synthetic.params', `commits=${N} seed=${options.seed} authors=${A} files=${F}`]);

  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!options.quiet) {
    console.error(
      `synthetic-history: ${N} commits (${stats.merges} merges, ${stats.topicCommits} on topic branches) in ${seconds.toFixed(1)} s; ` +
        `${allFiles.length} files in ${dirs.length} folders; ${stats.adds} additions, ${stats.edits} edits, ${stats.renames} renames, ` +
        `${stats.dirRenames} folder renames, ${stats.deletes} deletions; ${A} authors; generator heap ${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`,
    );
  }
}

main().catch((error) => {
  console.error(`synthetic-history: ${error.message}`);
  process.exitCode = 1;
});
