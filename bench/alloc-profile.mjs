#!/usr/bin/env node
// Where a warm `check -j 1` allocates: a sampling heap profile that keeps the objects the garbage
// collector has already freed (what it had to collect is what costs), over one run through a
// folder of .txt plans after a warm-up run. Prints the MB allocated per function, largest first.
//   node bench/alloc-profile.mjs [checkout (default .)] [folder of .txt plans (default fixtures/seeds)]
import { readdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(process.argv[2] ?? '.');
const dir = path.resolve(process.argv[3] ?? 'fixtures/seeds');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => path.join(dir, f));
const { runCheck } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'check.js')).href);
const sink = () => {};
const io = { cwd: root, env: {}, stdout: sink, stderr: sink, stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false };
const run = () => runCheck(files, { format: 'compact', jobs: 1, color: false }, io);

await run();
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
await run();
const { profile } = await session.post('HeapProfiler.stopSampling');

const bytes = new Map();
let total = 0;
const walk = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) walk(child);
};
walk(profile.head);
const mb = (n) => (n / 1e6).toFixed(1).padStart(7) + ' MB';
console.log(`${mb(total)} allocated over ${files.length} files`);
for (const [key, n] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(mb(n), key);
