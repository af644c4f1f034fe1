import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Every test file gets a cache folder of its own, removed afterwards: the CLI caches by default
// (docs/cache.md), and a test must neither write into the user's ~/.cache nor see another file's
// entries. Child processes (runCli, tmux) inherit it with the environment.
const home = mkdtempSync(path.join(os.tmpdir(), 'busfactor-test-cache-'));
process.env.XDG_CACHE_HOME = home;
afterAll(() => rmSync(home, { recursive: true, force: true }));
