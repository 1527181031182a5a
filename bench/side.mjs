#!/usr/bin/env node
// One side of a throughput comparison of bench/run.mjs, in a process of its own: extract+check
// (`pipeline`) or bare remark-parse (`remark`) over the files listed in a JSON file, after a
// warm-up over the first 20. Each side gets a fresh heap: run one after the other in one
// process, each ran on the heap the other left behind, and remark-parse (which allocates far
// more) took 15–60 % longer after the pipeline than alone, flattering the ratio.
//   node bench/side.mjs pipeline|remark <files.json> [jobs]   → {"s": wall, "cpu": CPU} of the best run on stdout
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './args.mjs';

const [side, list, jobsArg] = process.argv.slice(2);
const files = JSON.parse(readFileSync(list, 'utf8'));
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

let run;
if (side === 'remark') {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remark = unified().use(remarkParse);
  run = async (fs) => {
    for (const f of fs) remark.parse(readFileSync(f, 'utf8'));
  };
} else if (side === 'pipeline') {
  const { runCheck } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'check.js')).href);
  const sink = () => {};
  const io = { cwd: root, env: {}, stdout: sink, stderr: sink, stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false };
  run = (fs) => runCheck(fs, { format: 'compact', jobs: Number(jobsArg ?? 1), color: false }, io);
} else {
  console.error('usage: node bench/side.mjs pipeline|remark <files.json> [jobs]');
  process.exit(2);
}

// warm up (load modules, compile the hot paths, start workers), then the best of three timed runs:
// steady-state throughput, what a run over hundreds of plans sees after its first seconds
await run(files.slice(0, 20));
let best = null;
for (let k = 0; k < 3; k++) {
  const c = cpuNow();
  const t = performance.now();
  await run(files);
  const m = { s: (performance.now() - t) / 1000, cpu: cpuNow() - c };
  if (!best || m.s < best.s) best = m;
}
process.stdout.write(JSON.stringify(best) + '\n');
