import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHostileRepo, loggedSubcommands, loggingGit } from '../../fixtures/hostile-repos.js';
import { analyzeSession } from '../../src/analyze.js';
import { computeTrend } from '../../src/trend/compute-trend.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { trendText } from '../../src/ui/model/trend-line.js';
import { CLI } from '../helpers/run-cli.js';
import { hasTmux, tmuxDriver } from '../helpers/tmux.js';
import { useAcmeRepo } from './explorer-fixture.js';

/**
 * The built CLI in a real pseudo-terminal: tmux runs a shell, send-keys types, capture-pane
 * reads the screen. What depends on a real terminal is checked here: raw mode, the alternate
 * screen, and what is left when the explorer exits.
 */
const socket = `busfactor-test-${process.pid}`;
const acme = useAcmeRepo();
const temps: string[] = [];

const { tmux, screen, waitFor, killServer } = tmuxDriver(socket, 'e2e');
/** tmux 3.3 leaves its socket file behind when the server is killed: removed after the tests. */
let socketPath: string | undefined;

function startShell(columns: number, rows: number): void {
  killServer();
  tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'e2e', 'bash --norc --noprofile');
  socketPath = tmux('display-message', '-p', '-t', 'e2e', '#{socket_path}').trim();
}

/**
 * Types a command line; after the command, a marker with its exit code and whether the tty modes
 * came back. The marker is typed as `EXIT""=` so the echoed command line never matches it.
 */
function run(command: string): void {
  tmux('send-keys', '-t', 'e2e', '-l', `clear; S=$(stty -g); ${command}; echo "EXIT""=$? TTY=$([ "$S" = "$(stty -g)" ] && echo same || echo changed)"`);
  tmux('send-keys', '-t', 'e2e', 'Enter');
}

const keys = (...names: string[]) => tmux('send-keys', '-t', 'e2e', ...names);
const alternateScreen = () => tmux('display-message', '-p', '-t', 'e2e', '#{alternate_on}').trim();

afterAll(() => {
  if (hasTmux) killServer();
  if (socketPath) rmSync(socketPath, { force: true });
  temps.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe.skipIf(!hasTmux)(hasTmux ? 'the built CLI in a terminal (tmux)' : 'the built CLI in a terminal: SKIPPED, tmux is not installed', () => {
  it('opens the explorer, marks a person as leaving, shows the new bus factor, and restores the terminal on q', async () => {
    const repo = acme();
    startShell(100, 30);
    try {
      run(`node ${CLI} ${repo}`);
      await waitFor((text) => text.includes('[Modules] People') && text.includes('top key person'), 'the explorer');
      expect(alternateScreen()).toBe('1');
      keys('j', 'j'); // lib, then src (riskiest first: explorer-history.ts)
      await waitFor((text) => /^›\s+2\s+1!\s+9 .*▸ src/m.test(text), 'src selected');
      keys('x'); // src's top key person, Alice, leaves
      const whatIf = await waitFor((text) => text.includes('What-if: 1 leaving (Alice Archer)'), 'the what-if');
      // explorer-history.ts: without Alice, src 2 → 1 and the repository 3 → 2; active (Bob has
      // departed) src 1 → 0, the repository 2 → 1.
      expect(whatIf).toMatch(/^›\s+2→1!\s+1→0!\s+9 .*▸ src\s+Bob Baker †$/m);
      expect(whatIf).toContain('What-if: 1 leaving (Alice Archer) · bus factor 3→2 · active 2→1! · c clears');
      expect(whatIf).toMatch(/^\s+1\. \[x\] Alice Archer\s+4\s+44%\s+leaving$/m);
      keys('q');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell after quitting');
      expect(after).toContain('EXIT=0 TTY=same');
      expect(alternateScreen()).toBe('0');
      // Nothing of the explorer is left on the screen: only the command line and the marker.
      expect(after).not.toMatch(/Modules|What-if|Alice/);
    } finally {
      killServer();
    }
  });

  it('draws the bus factor over time in the header once the explorer is up, from the scan\'s own history', async () => {
    const repo = acme();
    // The same trend in this process: the command computes 12 points from a session that kept its
    // facts (the last point is HEAD, bus factor 3: explorer-history.ts).
    const session = await analyzeSession({ path: repo, defaults: EXPLORER_DEFAULTS, keepFacts: true });
    const trend = await computeTrend(session, { points: 12 });
    expect(trend.points.at(-1)?.busFactor).toBe(3);
    const expected = trendText(trend) as string;
    startShell(100, 30);
    try {
      run(`node ${CLI} ${repo}`);
      // It comes after the first frame; the totals give way to it only when the line is short.
      const shown = await waitFor((text) => text.split('\n')[0]?.includes(` · ${expected}`) ?? false, 'the trend in the header');
      expect(shown.split('\n')[0]).toMatch(/^busfactor · acme @ [0-9a-f]{8} · 8 commits · 14 files (· 6 authors )?· BF [▁▂▃▄▅▆▇█ ]{1,12} \d+(–\d+)?\s+\[Modules\] People$/);
      keys('q');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell after quitting');
      expect(after).toContain('EXIT=0 TTY=same');
    } finally {
      killServer();
    }
  });

  it('a cached re-run opens from the finished report and still draws the trend, whatever NODE_ENV and DEV the shell has', async () => {
    const repo = acme();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'busfactor-tmux-cache-'));
    temps.push(cacheDir);
    startShell(100, 30);
    const header = async () => {
      // The trend comes after the first frame, from the commits stored beside the report.
      const shown = await waitFor((text) => / · BF [▁▂▃▄▅▆▇█ ]{1,12} \d/.test(text.split('\n')[0] ?? ''), 'the trend in the header');
      keys('q');
      expect(await waitFor((text) => text.includes('EXIT='), 'the shell after quitting')).toContain('EXIT=0 TTY=same');
      return shown.split('\n')[0];
    };
    try {
      run(`node ${CLI} ${repo} --cache-dir ${cacheDir}`);
      const first = await header();
      // What the explorer stored: the states, the commits a trend replays, the finished report.
      const stored = execFileSync('find', [cacheDir, '-type', 'f', '-name', '*.*'], { encoding: 'utf8' }).trim().split('\n').map((file) => path.extname(file)).sort();
      expect(stored).toEqual(['.facts', '.report', '.state']);
      // React's development build and Ink's developer tools asked for: the bundle has neither.
      run(`NODE_ENV=development DEV=true node ${CLI} ${repo} --cache-dir ${cacheDir}`);
      expect(await header()).toBe(first);
    } finally {
      killServer();
    }
  });

  it('shows a scan error like the text CLI, then exits with its code and message on stderr', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'busfactor-e2e-')), 'missing');
    temps.push(path.dirname(missing));
    startShell(80, 24);
    try {
      run(`node ${CLI} ${missing}`);
      await waitFor((text) => text.includes('press any key to exit'), 'the error screen');
      expect(screen()).toContain(`busfactor: error: path does not exist: ${missing}`);
      keys('Enter');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell');
      expect(after).toContain(`busfactor: error: path does not exist: ${missing}\nEXIT=2 TTY=same`);
      expect(alternateScreen()).toBe('0');
    } finally {
      killServer();
    }
  });

  it('a signal (SIGTERM) ends it like q: terminal restored, exit code 130', async () => {
    const repo = acme();
    startShell(80, 24);
    try {
      run(`node ${CLI} ${repo}`);
      await waitFor((text) => text.includes('top key person'), 'the explorer');
      const shell = tmux('display-message', '-p', '-t', 'e2e', '#{pane_pid}').trim();
      const node = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/)[0];
      process.kill(Number(node), 'SIGTERM');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell');
      expect(after).toContain('busfactor: interrupted\nEXIT=130 TTY=same');
      expect(alternateScreen()).toBe('0');
    } finally {
      killServer();
    }
  });

  it('the explorer route runs no program a hostile repository names (fixtures/hostile-repos.ts)', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-e2e-hostile-'));
    temps.push(parent);
    const { repo, markers } = buildHostileRepo(parent);
    const log = path.join(parent, 'git-calls.log');
    const wrapper = loggingGit(path.join(parent, 'logging-git'), log);
    startShell(100, 30);
    try {
      run(`PATH=${wrapper}:$PATH node ${CLI} ${repo.dir} --lines`);
      await waitFor((text) => text.includes('[Modules] People') && text.includes('top key person'), 'the explorer');
      keys('p');
      await waitFor((text) => text.includes('Modules [People]'), 'the people view');
      keys('q');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell after quitting');
      expect(after).toContain('EXIT=0 TTY=same');
      expect(markers.fired()).toEqual([]);
      // The explorer's scan ran git's whole repertoire here too, the blame fallback included.
      expect([...loggedSubcommands(log)].sort()).toEqual(['blame', 'cat-file', 'check-attr', 'config', 'diff-tree', 'for-each-ref', 'log', 'ls-tree', 'read-tree', 'rev-list', 'rev-parse', 'version']);
    } finally {
      killServer();
    }
  });

  it('--no-tui prints the text summary on a terminal, as before', async () => {
    const repo = acme();
    // Tall enough for the whole summary, its stewardship section included: the first line stays on screen.
    startShell(100, 50);
    try {
      run(`node ${CLI} ${repo} --no-tui`);
      const after = await waitFor((text) => text.includes('EXIT='), 'the text output');
      expect(after).toContain('Bus factor: 3');
      expect(after).toContain('EXIT=0 TTY=same');
      expect(alternateScreen()).toBe('0');
    } finally {
      killServer();
    }
  });
});
