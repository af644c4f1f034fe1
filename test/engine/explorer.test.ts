import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/run-cli.js';
import { hasTmux, tmuxDriver } from '../helpers/tmux.js';
import { useAcmeRepo } from '../ui/explorer-fixture.js';
import { pathWithoutGit } from './without-git.js';

/**
 * The explorer on a machine without git: the built CLI in a real terminal (tmux), its PATH holding
 * node only, draws the module tree, recomputes a what-if and quits cleanly, as test/ui/tmux.test.ts
 * checks with git.
 */
const socket = `busfactor-engine-${process.pid}`;
const acme = useAcmeRepo();

const { tmux, waitFor, killServer } = tmuxDriver(socket, 'engine');

describe.skipIf(!hasTmux)(hasTmux ? 'the explorer without git (tmux)' : 'the explorer without git: SKIPPED, tmux is not installed', () => {
  it('opens, marks a person as leaving and quits with exit code 0', async () => {
    const repo = acme();
    const noGit = pathWithoutGit();
    let socketPath: string | undefined;
    try {
      tmux('new-session', '-d', '-x', '100', '-y', '30', '-s', 'engine', 'bash --norc --noprofile');
      socketPath = tmux('display-message', '-p', '-t', 'engine', '#{socket_path}').trim();
      tmux('send-keys', '-t', 'engine', '-l', `clear; PATH=${noGit} ${process.execPath} ${CLI} ${repo}; echo "EXIT""=$?"`);
      tmux('send-keys', '-t', 'engine', 'Enter');
      const first = await waitFor((text) => text.includes('[Modules] People') && text.includes('top key person'), 'the explorer');
      // The header counts the engine's warning; help (?) shows it.
      expect(first.split('\n')[0]).toContain('1 warning (?)');
      tmux('send-keys', '-t', 'engine', '?');
      await waitFor((text) => text.includes('warning: read with the isomorphic-git engine'), 'the warning in the help');
      tmux('send-keys', '-t', 'engine', 'Escape');
      // Wait for the help to go, not only for the tree (drawn beside it): a key sent while the
      // Escape is still unread reaches Ink in the same chunk, as Alt+key, and is lost.
      await waitFor((text) => text.includes('top key person') && !text.includes('warning: read with the isomorphic-git engine'), 'the tree again');
      tmux('send-keys', '-t', 'engine', 'j', 'j', 'x');
      // test/ui/tmux.test.ts: src's top key person, Alice, leaves; the repository goes 3 → 2.
      const whatIf = await waitFor((text) => text.includes('What-if: 1 leaving (Alice Archer)'), 'the what-if');
      expect(whatIf).toContain('What-if: 1 leaving (Alice Archer) · bus factor 3→2 · active 2→1! · c clears');
      tmux('send-keys', '-t', 'engine', 'q');
      const after = await waitFor((text) => text.includes('EXIT='), 'the shell after quitting');
      expect(after).toContain('EXIT=0');
    } finally {
      killServer();
      if (socketPath) rmSync(socketPath, { force: true });
      rmSync(noGit, { recursive: true, force: true });
    }
  });
});
