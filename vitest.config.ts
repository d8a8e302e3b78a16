import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          // vitest's 5 s default fails the demo plan and the count properties (3–5 s idle) at load 4 on 2 cores
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          // migrates once per run: a PGlite tarball and a PostgreSQL template every suite copies (ADR 0023)
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // a page re-renders after its fetches: one second (vitest's default) is too short on a busy 2-core CI
          expect: { poll: { timeout: 20_000, interval: 200 } },
        },
      },
    ],
  },
});
