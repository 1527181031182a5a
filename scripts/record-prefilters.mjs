// Build step: analyses the bundled fixtures so that every prefilter the grammars' patterns need
// is worked out once, and stores them in dist/grammars.prefilters.json (src/grammars/prefilter-memo.ts).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const { extractPath } = await import(dist('pipeline.js'));
const { writePrefilterMemo } = await import(dist('grammars/prefilter-memo.js'));
const inputs = [];
for (const dir of ['fixtures/seeds', 'fixtures/md']) {
  const full = path.join(root, dir);
  if (existsSync(full)) inputs.push(...readdirSync(full).filter((f) => /\.(txt|md)$/.test(f)).map((f) => path.join(full, f)));
}
for (const f of inputs) await extractPath(f);
process.stdout.write(`prefilters: ${writePrefilterMemo()} recorded from ${inputs.length} fixtures\n`);
