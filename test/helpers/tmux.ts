import { execFileSync, spawnSync } from 'node:child_process';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';

/** Whether tmux is installed: the tests that drive a real terminal skip (and say so) without it. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/**
 * The tmux server's environment, which the shell inherits: no CI variables (Ink draws nothing
 * until exit in CI, so the command would print text), colour off so the screen is plain text.
 */
export function terminalEnv(): NodeJS.ProcessEnv {
  const env = isolatedGitEnv({ NO_COLOR: '1', PS1: '$ ', TERM: 'xterm-256color' });
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.FORCE_COLOR;
  return env;
}

export interface TmuxDriver {
  /** Runs a tmux command on this server; returns its stdout. */
  readonly tmux: (...args: string[]) => string;
  /** The session's screen as text. */
  readonly screen: () => string;
  /** Polls the screen every 50 ms until `accept` takes it; throws with the screen after `timeout`. */
  readonly waitFor: (accept: (text: string) => boolean, what: string, timeout?: number) => Promise<string>;
  /** Ends the server, if it runs. */
  readonly killServer: () => void;
}

/** A tmux server of its own (`-L socket`) and one session on it, driven as a user would. */
export function tmuxDriver(socket: string, session: string): TmuxDriver {
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { env: terminalEnv(), encoding: 'utf8' });
  const screen = (): string => tmux('capture-pane', '-p', '-t', session);
  const waitFor = async (accept: (text: string) => boolean, what: string, timeout = 30_000): Promise<string> => {
    const end = Date.now() + timeout;
    for (;;) {
      const text = screen();
      if (accept(text)) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const killServer = () => {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { env: terminalEnv() });
  };
  return { tmux, screen, waitFor, killServer };
}
