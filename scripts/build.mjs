#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (esbuild, one module per source file, as tsc would lay
// them out), validates and caches the grammars, and bundles the CLI. Types are checked by
// `npm run typecheck` (tsc over src/ and tests/), which `npm test` runs too: esbuild only strips
// them, so the build takes a second or two instead of a full tsc run.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { glob } from 'tinyglobby';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: await glob('src/**/*.ts'),
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

execFileSync(process.execPath, ['dist/grammars/build-cache.js'], { stdio: 'inherit' });

// The bundled CLI: one module for the command line and one for the runner's worker threads, so
// a run compiles one file instead of ~100 ES modules (cold start). Readers and formats needed
// only by some inputs stay in chunks loaded on demand. dist/bundle sits at the same depth as
// dist/cli, so paths found from import.meta.url hold.
await build({
  entryPoints: { 'plan-lint': 'dist/cli/index.js', worker: 'dist/run/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // libraries with native or CommonJS-only parts are loaded from node_modules as they are
  external: ['pdfjs-dist', 'mammoth', 'exceljs', 'iconv-lite', 'yaml', 'playwright-core', 'cli-progress', 'csv-stringify', '@sparticuz/chromium'],
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  logLevel: 'warning',
});
