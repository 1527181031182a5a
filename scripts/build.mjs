#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (esbuild, one module per source file, as tsc would lay
// them out), validates and caches the grammars, and bundles the CLI. Types are checked by
// `npm run typecheck` (tsc over src/ and tests/), which `npm test` runs too: esbuild only strips
// them, so the build takes a second or two instead of a full tsc run.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
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
execFileSync(process.execPath, ['scripts/record-prefilters.mjs'], { stdio: 'inherit' });

// The bundled CLI, in two builds. The command line is one CommonJS file, dist/bundle/plan-lint.cjs,
// which bin/plan-lint.js compiles with a V8 code cache (cold start: a run deserializes the
// bytecode of the functions earlier runs compiled instead of parsing and compiling them again;
// Node 20 has no compile cache of its own for modules). Its modules are wrapped by esbuild and
// initialised on first import, so commands and readers a run does not need cost no start-up
// work. The runner's worker threads load an ES module bundle, dist/bundle/worker.js. dist/bundle
// sits at the same depth as dist/cli, so paths found from import.meta.url hold.
// Libraries with native or CommonJS-only parts are loaded from node_modules as they are.
const external = ['pdfjs-dist', 'mammoth', 'exceljs', 'iconv-lite', 'yaml', 'playwright-core', 'cli-progress', 'csv-stringify', '@sparticuz/chromium'];
await build({
  entryPoints: { worker: 'dist/run/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  banner: { js: "import { createRequire as __planLintRequire } from 'node:module'; const require = __planLintRequire(import.meta.url);" },
  logLevel: 'warning',
});
// commander requires child_process (and with it net, dgram, streams) at load, for subcommands
// run as executables, which plan-lint has none of: it gets spawn on first call instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};
const cli = await build({
  plugins: [lazyChildProcess],
  entryPoints: { 'plan-lint': 'dist/cli/index.js' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // the sources are ES modules: import.meta.url becomes the bundle's own file URL
  define: { 'import.meta.url': '__planLintUrl' },
  banner: { js: "const __planLintUrl = require('node:url').pathToFileURL(__filename).href;" },
  write: false,
  logLevel: 'warning',
});
// bin/plan-lint.js runs the bundle as a vm.Script, where import() has no module loader: the
// libraries loaded on demand are imported through a function bin/plan-lint.js hands in.
const [out] = cli.outputFiles;
const dynamicImport = /(?<![\w$.])import\((?=["'])/g;
const escaped = out.text.replace(dynamicImport, '__planLintImport(');
if (/(?<![\w$.])import\((?![)])/.test(escaped)) throw new Error('dist/bundle/plan-lint.cjs: an import() of a computed name is left');
// esbuild escapes non-ASCII characters in strings but not in regular expression literals: those
// become \uXXXX too (same meaning in strings, regexes with or without /u, comments), so that
// bin/plan-lint.js can read the file as Latin-1 (a one-byte string, ~5× faster than UTF-8).
// A character after an odd number of backslashes was an identity escape (\。 is 。).
const hex = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const code = escaped.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => (slashes.length % 2 ? slashes.slice(1) : slashes) + hex(c));
writeFileSync(out.path, code);
// The code cache is keyed on this id: V8 itself checks only the source's length.
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync('dist/bundle/plan-lint.id', id + '\n');
