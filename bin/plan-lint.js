#!/usr/bin/env node
// Entry point: runs the bundled CLI, dist/bundle/plan-lint.cjs (`npm ci` runs `prepare`, which
// compiles src/ and bundles it), with a V8 code cache. Without one, every run parses the 2 MB
// bundle and compiles each function it calls; with one, V8 reads the bytecode an earlier run of
// the same command compiled (about a sixth of a cold start). Node 20 has no such cache for
// modules, so it is kept here: one file per bundle build, Node version and command, in
// $PLAN_LINT_CACHE_DIR, else $XDG_CACHE_HOME/plan-lint, else ~/.cache/plan-lint;
// PLAN_LINT_CACHE_DIR= (empty) turns it off. A cache V8 rejects (another V8, other flags) is
// written again; a folder that cannot be written only means no cache.
'use strict';
const { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'dist', 'bundle', 'plan-lint.cjs');
run(codeCacheFile());

/** where this build's cache for this command lives, or null (turned off, or no build id) */
function codeCacheFile() {
  const dir = process.env.PLAN_LINT_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'plan-lint');
  if (!dir) return null;
  let id;
  try {
    id = readFileSync(path.join(path.dirname(bundle), 'plan-lint.id'), 'utf8').trim();
  } catch {
    return null;
  }
  // runs of one command compile the same functions; a cache made by `--help` would hold none of
  // what `check` needs
  const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const known = /^(check|extract|export|diff|report|schema|rules|demo|init)$/.test(command ?? '') ? command : 'other';
  return path.join(dir, `${id}-node${process.version.slice(1)}-${process.arch}-${known}.v8cache`);
}

/** the bundle as a CommonJS module, its code cache read from `file` and written there */
function run(file) {
  // the bundle is ASCII (scripts/build.mjs checks): read as Latin-1, ~10× faster than UTF-8 here
  let source;
  try {
    source = readFileSync(bundle).toString('latin1');
  } catch (e) {
    process.stderr.write(`plan-lint: ${bundle}: ${e.code === 'ENOENT' ? 'missing (run `npm run build`)' : e.message}\n`);
    process.exit(2);
  }
  let cachedData;
  try {
    if (file) cachedData = readFileSync(file);
  } catch {
    // the first run of this command
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, __planLintImport) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  // written at exit, so that it holds the functions this run compiled, not only the top level
  if (file && (!cachedData || script.cachedDataRejected)) process.once('exit', () => saveCache(script, file));
  const module = { exports: {} };
  // import() in a vm.Script has no module loader; this module's has (scripts/build.mjs)
  const load = (specifier) => import(specifier);
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle), load);
}

function saveCache(script, file) {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    pruneOld(dir);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, file); // atomic: a run reading it at the same time sees the old file or the new
  } catch {
    // no cache this time
  }
}

/** caches of builds not used for 30 days go: each new version or Node adds files */
function pruneOld(dir) {
  const old = Date.now() - 30 * 24 * 3600 * 1000;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.v8cache')) continue;
    const full = path.join(dir, f);
    if (statSync(full).atimeMs < old && statSync(full).mtimeMs < old) unlinkSync(full);
  }
}
