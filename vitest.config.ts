import { defineConfig } from 'vitest/config';

// `npm test` runs tests/**/*.test.ts; the heavy runs of tests/stress only with STRESS=1.
// The per-test ceiling guards against hangs (a wait that cannot end fails the test instead of
// the run); it is not a speed assertion, and no test asserts on elapsed time.
export default defineConfig({
  test: {
    include: process.env.STRESS ? ['tests/stress/**/*.test.ts'] : ['tests/**/*.test.ts'],
    exclude: process.env.STRESS ? [] : ['tests/stress/**'],
    setupFiles: ['tests/setup.ts'],
    // both cores: most suites run in-process and are CPU-bound (vitest's default leaves one idle)
    maxWorkers: 2,
    // worker threads start and share modules faster than child processes (measured: 41 s against
    // 45 s for the suite); no suite changes the working folder or exits the process
    pool: 'threads',
    // the files share a worker's modules instead of importing src/ afresh each (no suite keeps
    // state between files: grammars and caches are the same for all)
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
