import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { analyze, type Progress } from '../../src/analyze.js';
import { reportError } from '../../src/cli/report-error.js';
import { App, type Outcome } from '../../src/ui/components/App.js';
import { LoadingScreen } from '../../src/ui/components/LoadingScreen.js';
import type { LoadReport } from '../../src/ui/hooks/use-scan.js';
import { ThemeContext } from '../../src/ui/theme.js';
import { runCli } from '../helpers/run-cli.js';
import { KEY, tick, useAcmeRepo } from './explorer-fixture.js';

const acme = useAcmeRepo();

/** The text CLI's description of an error, as the scan command gives it to the app. */
const describeError = (error: unknown) => {
  let message = '';
  const exitCode = reportError(error, (line) => (message += line));
  return { message: message.trimEnd(), exitCode };
};

function renderApp(load: LoadReport) {
  const outcomes: Outcome[] = [];
  const app = render(
    <ThemeContext.Provider value={{ color: false }}>
      <App load={load} describeError={describeError} title="acme.git" onOutcome={(outcome) => outcomes.push(outcome)} />
    </ThemeContext.Provider>,
  );
  const frame = () => (app.lastFrame() ?? '').split('\n').map((line) => line.trimEnd()).join('\n');
  return { app, outcomes, frame };
}

/** Waits for a frame the condition accepts; a scan takes a moment (several seconds when the suite's other files load the machine). */
async function until(frame: () => string, accept: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 3000; i += 1) {
    if (accept(frame())) return frame();
    await tick(10);
  }
  throw new Error(`no such frame; last:\n${frame()}`);
}

describe('explorer app: loading, errors, resizing', () => {
  it('shows the real progress of the scan, then the explorer', async () => {
    const path = acme();
    const seen: Progress[] = [];
    const { app, frame } = renderApp((onProgress, signal) => analyze({ path, signal, onProgress: (p) => (seen.push(p), onProgress(p)) }));
    expect(app.frames[0]).toContain('busfactor · acme.git');
    await until(frame, (text) => text.includes('[Modules] People'));
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['opening', 'history', 'authorship', 'done']));
    // Phases reported in the same turn of the event loop are drawn as one frame: the first is.
    expect(app.frames.join('\n')).toContain('opening the repository…');
  });

  it('draws the commits scanned of how many, with a bar', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={{ color: false }}>
        <LoadingScreen title="git" progress={{ phase: 'history', commits: 12_000, totalCommits: 81_966 }} width={60} />
      </ThemeContext.Provider>,
    );
    expect(lastFrame()).toMatchInlineSnapshot(`
      "busfactor · git
      scanning history · 12,000 / 81,966 commits (14%)
      ███████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
      q quits"
    `);
  });

  it('draws the line-ownership replay the same way', () => {
    const { lastFrame } = render(
      <ThemeContext.Provider value={{ color: false }}>
        <LoadingScreen title="git" progress={{ phase: 'ownership', commits: 81_966, totalCommits: 81_966, replayed: 40_983, replayTotal: 81_966 }} width={60} />
      </ThemeContext.Provider>,
    );
    expect(lastFrame()?.split('\n').slice(1, 3)).toEqual(['line ownership: replaying history · 40,983 / 81,966 commits…', `${'█'.repeat(25)}${'░'.repeat(25)}`]);
  });

  it('shows a scan error as the text CLI words it, and ends with its exit code', async () => {
    const missing = '/nonexistent/busfactor-ui-test';
    const { app, outcomes, frame } = renderApp((onProgress, signal) => analyze({ path: missing, signal, onProgress }));
    const text = await until(frame, (t) => t.includes('error'));
    const cli = runCli([missing]);
    expect(text).toBe(`${cli.stderr.trimEnd()}\npress any key to exit`);
    app.stdin.write('x');
    await tick();
    expect(outcomes).toEqual([{ kind: 'error', message: cli.stderr.trimEnd(), exitCode: cli.code }]);
    expect(cli.code).toBe(2);
  });

  it('q during the scan stops it and ends as interrupted', async () => {
    let aborted = false;
    const { app, outcomes } = renderApp(
      (_onProgress, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
    );
    await tick();
    app.stdin.write('q');
    await tick();
    expect(outcomes).toEqual([{ kind: 'interrupted' }]);
    expect(aborted).toBe(true);
  });

  it('follows the terminal size: too small below 60×15, back when it grows', async () => {
    const path = acme();
    const { app, frame, outcomes } = renderApp((onProgress, signal) => analyze({ path, signal, onProgress }));
    await until(frame, (text) => text.includes('[Modules] People'));
    const resize = (columns: number, rows: number) => {
      Object.defineProperty(app.stdout, 'columns', { value: columns, configurable: true });
      Object.defineProperty(app.stdout, 'rows', { value: rows, configurable: true });
      app.stdout.emit('resize');
    };
    resize(50, 20);
    expect(await until(frame, (text) => text.startsWith('Terminal too small'))).toBe('Terminal too small: 50×20\nbusfactor needs 60×15.\nEnlarge it, or q quits.');
    resize(90, 20);
    const wide = await until(frame, (text) => text.includes('[Modules] People'));
    expect(wide.split('\n')).toHaveLength(19);
    expect(Math.max(...wide.split('\n').map((line) => line.length))).toBe(90);
    app.stdin.write(KEY.ctrlC);
    await tick();
    expect(outcomes).toEqual([{ kind: 'quit' }]);
  });
});
