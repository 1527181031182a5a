import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// `npm test` (scripts/test.mjs) builds first and sets PLAN_LINT_TEST_DIST=1: the suites' imports
// of src/**/*.js are then served from dist/, which the build has just compiled from the same
// sources one module per file, and Node loads them natively. Vite no longer transforms ~200
// source files in the main process, and each worker no longer validates the grammars (src/ has
// no dist/grammars.cache.json beside it) nor works out the prefilters again. `npx vitest run`
// without it tests src/ as it is, with no build needed.
const fromDist = process.env.PLAN_LINT_TEST_DIST === '1';
const distDir = path.join(root, 'dist');

/**
 * Seconds the longest files take (one run under load): vitest gives its two workers the files
 * in this order, longest first, so that they end together. It sorts by its own durations only
 * once it has them (node_modules/.vite), and on a fresh clone by file size, which put the
 * Chromium and spawn suites last. Files not listed follow in vitest's order.
 */
const knownCost: Record<string, number> = {
  'tests/report/e2e.test.ts': 14,
  'tests/pdf/reader.test.ts': 11,
  'tests/smoke.test.ts': 10,
  'tests/robustness/hostile.test.ts': 8.5,
  'tests/robustness/properties.test.ts': 6.7,
  'tests/diff/diff.test.ts': 6,
  'tests/export/export.test.ts': 3.9,
  'tests/cli/code-cache.test.ts': 3,
  'tests/core/prefilter.test.ts': 3,
  'tests/core/jobs.test.ts': 2.8,
  'tests/extract/clause-scans.test.ts': 2.7,
};

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (f: TestSpecification) => knownCost[path.relative(root, f.moduleId).split(path.sep).join('/')] ?? 0;
    // Array.prototype.sort is stable: the unlisted files keep vitest's order
    return (await super.sort(files)).sort((a, b) => cost(b) - cost(a));
  }
}

// `npm test` runs tests/**/*.test.ts; the heavy runs of tests/stress only with STRESS=1.
// The per-test ceiling guards against hangs (a wait that cannot end fails the test instead of
// the run); it is not a speed assertion, and no test asserts on elapsed time.
export default defineConfig({
  resolve: fromDist ? { alias: [{ find: /^(?:\.\.\/)+src\/(.+)\.js$/, replacement: path.join(distDir, '$1.js') }] } : {},
  test: {
    include: process.env.STRESS ? ['tests/stress/**/*.test.ts'] : ['tests/**/*.test.ts'],
    exclude: process.env.STRESS ? [] : ['tests/stress/**'],
    setupFiles: ['tests/setup.ts'],
    // dist/ loaded by Node itself, not through vite's module runner
    server: fromDist ? { deps: { external: [new RegExp(`^${(distDir + path.sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)] } } : {},
    sequence: { sequencer: LongestFirst },
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
