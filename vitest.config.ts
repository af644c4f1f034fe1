import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Fixture repositories are built with the real git: give slow machines room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at once, also on a 2-core machine (the default is one fewer than the cores):
    // most of a test's time is spent waiting on git, the CLI's start-up and servers, so the suite
    // takes about half as long (docs/architecture.md, "Rules the code keeps").
    maxWorkers: 2,
    setupFiles: ['test/setup/cache-home.ts'],
  },
});
