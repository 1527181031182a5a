#!/usr/bin/env node
// `npm test` after the build: the type check (tsc over src/ and tests/) and the vitest suites
// side by side, since tsc keeps one core busy while vitest's two workers wait on each other's
// long files. tsc's report is printed after vitest's; the run fails if either does.
//   node scripts/test.mjs [vitest arguments…]
// tsc runs in build mode (-b): when no input is newer than its incremental state
// (node_modules/.cache/plan-lint, which records errors too, so a failing check fails again) it
// checks nothing and ends in half a second, where `tsc -p` parsed and bound every file again
// (~10 s of CPU beside the suites); an edited file is checked incrementally as before.
// The suites import src/ from the dist/ the build has just made (PLAN_LINT_TEST_DIST, see
// vitest.config.ts).
import { spawn } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tscBin = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

// Build mode compares the times of the project's own files with its state and does not look at
// node_modules: after an install (npm writes node_modules/.package-lock.json) the incremental
// `tsc -p` runs once instead, which compares every declaration file it reads (and leaves the
// state untouched when nothing changed: its time is then set here, so that the next run builds).
const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const buildInfo = path.join(root, 'node_modules', '.cache', 'plan-lint', 'tsconfig.test.tsbuildinfo');
const installedSince = mtime(path.join(root, 'node_modules', '.package-lock.json')) > mtime(buildInfo);
const tscMode = installedSince ? '-p' : '-b';

const run = (args, stdio, env = process.env) =>
  new Promise((resolve) => {
    const out = [];
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr?.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out: Buffer.concat(out).toString(), seconds: ((performance.now() - start) / 1000).toFixed(1) }));
  });

const [types, tests] = await Promise.all([
  // one thread: V8's compiler and GC helper threads ran tsc at ~1.6 cores (cold: 15 s wall, 24 s
  // CPU) on a machine whose two cores vitest already fills; alone on its thread a cold check
  // costs 21 s CPU and still ends long before the suites
  run(['--single-threaded', tscBin, tscMode, 'tsconfig.test.json'], 'pipe'),
  run([vitestBin, 'run', ...process.argv.slice(2)], 'inherit', { ...process.env, PLAN_LINT_TEST_DIST: '1' }),
]);
if (installedSince && mtime(buildInfo) > 0) utimesSync(buildInfo, new Date(), new Date());
const times = `tsc ${tscMode} tsconfig.test.json, ${types.seconds} s; vitest ${tests.seconds} s`;
process.stdout.write(types.code === 0 ? `typecheck: no errors (${times})\n` : `typecheck failed (${times}):\n${types.out}`);
process.exitCode = types.code || tests.code;
