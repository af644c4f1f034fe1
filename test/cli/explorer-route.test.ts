import { describe, expect, it } from 'vitest';
import { shouldOpenExplorer } from '../../src/cli/choose-view.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };
const flags = { json: false, tui: true };

describe('which view the scan command picks', () => {
  it('opens the explorer only for a person at a terminal', () => {
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { TERM: 'xterm-256color' } })).toBe(true);
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: pipe, env: {} })).toBe(false);
    expect(shouldOpenExplorer(flags, { stdin: pipe, stdout: tty, env: {} })).toBe(false);
    expect(shouldOpenExplorer({ json: true, tui: true }, { stdin: tty, stdout: tty, env: {} })).toBe(false);
    expect(shouldOpenExplorer({ json: false, tui: false }, { stdin: tty, stdout: tty, env: {} })).toBe(false);
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('prints text in CI, where Ink would draw nothing until it exits (its is-in-ci rule)', () => {
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { CI: 'true' } })).toBe(false);
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { CONTINUOUS_INTEGRATION: '1' } })).toBe(false);
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { CI: 'false' } })).toBe(true);
    expect(shouldOpenExplorer(flags, { stdin: tty, stdout: tty, env: { CI: '0' } })).toBe(true);
  });
});
