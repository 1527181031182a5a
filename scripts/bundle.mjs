#!/usr/bin/env node
// Build step: bundles the compiled CLI (dist/cli) into dist/bundle, one module for the command
// line and one for check's worker threads, so a run compiles one file instead of ~100 ES modules
// (cold start). Readers and formats needed only by some inputs stay in chunks loaded on demand.
// dist/bundle sits at the same depth as dist/cli, so paths found from import.meta.url hold.
import { build } from 'esbuild';

await build({
  entryPoints: { 'plan-lint': 'dist/cli/index.js', worker: 'dist/run/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // libraries with native or CommonJS-only parts are loaded from node_modules as they are
  external: ['mammoth', 'exceljs', 'iconv-lite', 'yaml', 'playwright-core', 'cli-progress', 'csv-stringify'],
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  logLevel: 'warning',
});
