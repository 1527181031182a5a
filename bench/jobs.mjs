#!/usr/bin/env node
// How many files `check` should work on at once (--jobs): wall time and peak memory of
// `plan-lint check` over a corpus, once per job count, each run in a process of its own,
// every count measured in the same run (figures depend on the machine; ratios less so).
//
//   node bench/jobs.mjs                         # 150 files (~8 MB), jobs 1 2 3 4, 3 rounds
//   node bench/jobs.mjs --files 300 --rounds 5 --jobs 1,2,4,8
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { opt, root } from './args.mjs';
import { buildCorpus } from './corpus.mjs';

const files = Number(opt('--files', 150));
const rounds = Number(opt('--rounds', 3));
const counts = String(opt('--jobs', '1,2,3,4')).split(',').map(Number);

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-jobs-'));
// the corpus is built by size; 150 of its files are about 8 MB
let corpus = buildCorpus(root, path.join(work, 'c'), Math.max(1, Math.round(files / 18)), opt('--kind', 'txt-fw'), 7);
const probe = path.join(root, 'bench', 'rss-probe.mjs');

function run(jobs) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [probe, 'check', path.join(work, 'c'), '--format', 'compact', '--jobs', String(jobs)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return { s: (performance.now() - t) / 1000, rss: Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg()[0].toFixed(2);
console.log(`plan-lint --jobs — ${corpus.files.length} files, ${(corpus.bytes / 2 ** 20).toFixed(1)} MB, ${os.availableParallelism?.() ?? os.cpus().length} cores, Node ${process.version}, load ${load()} at start`);
const results = new Map(counts.map((j) => [j, []]));
for (let k = 0; k < rounds; k++) for (const j of counts) results.get(j).push(run(j)); // interleaved: drifting load hits every count alike
const base = median(results.get(counts[0]).map((r) => r.s));
for (const [j, rs] of results) {
  const s = median(rs.map((r) => r.s));
  const rss = median(rs.map((r) => r.rss));
  console.log(`  --jobs ${String(j).padEnd(2)}  ${s.toFixed(2)} s  (${(s / base).toFixed(2)}× --jobs ${counts[0]})  peak RSS ${rss.toFixed(0)} MB`);
}
console.log(`load ${load()} at the end`);
rmSync(work, { recursive: true, force: true });
corpus = null;
