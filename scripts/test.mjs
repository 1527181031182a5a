#!/usr/bin/env node
// `npm test` after the build: the type check (tsc over src/ and tests/) and the vitest suites
// side by side; tsc's report is printed after vitest's; the run fails if either does.
//   node scripts/test.mjs [vitest arguments…]
// tsc is TypeScript 7's native compiler: a whole check takes ~4 s of CPU, so it needs no
// incremental state (TypeScript 5's took 21–28 s on a fresh clone, beside the suites on two
// cores, and pushed `npm test` past its minute).
// The suites import src/ from the dist/ the build has just made (PLAN_LINT_TEST_DIST, see
// vitest.config.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tscBin = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

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
  run([tscBin, '-p', 'tsconfig.test.json'], 'pipe'),
  run([vitestBin, 'run', ...process.argv.slice(2)], 'inherit', { ...process.env, PLAN_LINT_TEST_DIST: '1' }),
]);
const times = `tsc -p tsconfig.test.json, ${types.seconds} s; vitest ${tests.seconds} s`;
process.stdout.write(types.code === 0 ? `typecheck: no errors (${times})\n` : `typecheck failed (${times}):\n${types.out}`);
process.exitCode = types.code || tests.code;
