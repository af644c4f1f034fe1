import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import { isolatedGitEnv, type Step } from '../../fixtures/build-repo.js';
import { analyze, type AnalyzeOptions } from '../../src/analyze.js';
import type { Report } from '../../src/report/report.js';
import { Explorer } from '../../src/ui/components/Explorer.js';
import type { TrendSeries } from '../../src/ui/model/trend-line.js';
import { EXPLORER_DEFAULTS } from '../../src/ui/explorer-defaults.js';
import { ThemeContext } from '../../src/ui/theme.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { EXPLORER_HISTORY } from './explorer-history.js';

/** ink-testing-library applies a write on the next turns of the event loop, not at once. */
export const tick = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds, checking every tick, for at most `limit` ms. */
export async function until(done: () => boolean, limit = 2000): Promise<void> {
  const end = Date.now() + limit;
  while (!done() && Date.now() < end) await tick();
}

/**
 * Waits until no new frame has been drawn for a while: a key's frame may take longer than one
 * tick on a busy machine, and not every key draws one.
 */
export async function settle(frameCount: () => number, quiet = 30, limit = 2000): Promise<void> {
  const end = Date.now() + limit;
  let seen = frameCount();
  await tick(quiet);
  while (frameCount() !== seen && Date.now() < end) {
    seen = frameCount();
    await tick(quiet);
  }
}

/**
 * A scripted history as a bare repository with a fixed folder name: the header shows the
 * repository's folder name, and a fixed one keeps frames the same on every run (the commit ids
 * already are).
 */
export function useBareRepo(name: string, history: readonly Step[]): () => string {
  const fixture = useFixtureRepos();
  const temps: string[] = [];
  afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'busfactor-ui-'));
    temps.push(parent);
    const bare = path.join(parent, `${name}.git`);
    execFileSync('git', ['clone', '-q', '--bare', fixture(history).dir, bare], { env: isolatedGitEnv() });
    return bare;
  };
}

/** The explorer fixture (explorer-history.ts) as a bare repository named `acme.git`. */
export function useAcmeRepo(): () => string {
  return useBareRepo('acme', EXPLORER_HISTORY);
}

/** The report of the explorer fixture, from the real pipeline on a real repository. */
export function useReports(): (options?: Omit<AnalyzeOptions, 'path'>) => Promise<Report> {
  const acme = useAcmeRepo();
  // As the explorer route runs it: every folder level (ui/explorer-defaults.ts).
  return (options = {}) => analyze({ defaults: EXPLORER_DEFAULTS, ...options, path: acme() });
}

export interface Rendered {
  readonly frame: () => string;
  /** Types keys one at a time, as a person would, letting each frame render. */
  readonly press: (...keys: string[]) => Promise<void>;
  readonly quits: () => number;
  readonly unmount: () => void;
}

export const KEY = { up: '\u001b[A', down: '\u001b[B', right: '\u001b[C', left: '\u001b[D', enter: '\r', escape: '\u001b', tab: '\t', backspace: '\u007f', pageDown: '\u001b[6~', pageUp: '\u001b[5~', ctrlC: '\u0003' } as const;

/** The explorer on a report at a fixed size, colour off so frames are plain text; with a trend when given. */
export async function renderExplorer(report: Report, size: { columns: number; rows: number } = { columns: 80, rows: 24 }, trend?: TrendSeries): Promise<Rendered> {
  let quits = 0;
  const app = render(
    <ThemeContext.Provider value={{ color: false }}>
      <Explorer report={report} columns={size.columns} rows={size.rows} trend={trend} onQuit={() => (quits += 1)} />
    </ThemeContext.Provider>,
  );
  await settle(() => app.frames.length);
  return {
    frame: () => (app.lastFrame() ?? '').split('\n').map((line) => line.trimEnd()).join('\n'),
    press: async (...keys) => {
      for (const key of keys) {
        app.stdin.write(key);
        await settle(() => app.frames.length);
      }
    },
    quits: () => quits,
    unmount: app.unmount,
  };
}
