import { defineConfig } from 'vitest/config';

// Temporal's native core bridge breaks under worker threads: every suite runs in forked processes.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/setup/migrations.ts'],
    setupFiles: ['test/helpers/quiet-temporal.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
