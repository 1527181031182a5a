#!/usr/bin/env node
// Writes the bundled seed texts printed as PDFs (tests/pdf/seed-pdfs.ts: an A4 and a narrow
// layout) into a folder, for measuring the PDF reader against the text:
//
//   node scripts/seed-pdfs.mjs OUT                       # OUT/<seed>.<a4|narrow>.pdf
//   node scripts/seed-pdfs.mjs OUT --gold GOLD_DIR       # also gold files pointing at the PDFs
//
// With --gold, every `<name>.gold.yaml` of GOLD_DIR whose `file:` (looked up in ../seeds next to
// GOLD_DIR, or GOLD_DIR itself) has the same text as a bundled seed is copied into OUT twice,
// once per layout, its `file:` naming the PDF; a scorer given OUT as gold and inputs folder
// then scores the PDFs. The test helpers are TypeScript: esbuild bundles them first.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The test helpers of tests/pdf/seed-pdfs.ts (TypeScript), bundled by esbuild and imported. */
export async function loadSeedPdfs() {
  // bundled two folders below the project root, so the grammar files are found as from dist/
  const bundleDir = path.join(root, '.tmp', 'seed-pdfs');
  mkdirSync(bundleDir, { recursive: true });
  const bundle = path.join(bundleDir, 'seed-pdfs.mjs');
  await build({
    entryPoints: [path.join(root, 'tests', 'pdf', 'seed-pdfs.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(bundle).href);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

async function main() {
  const args = process.argv.slice(2);
  const out = args[0] && !args[0].startsWith('--') ? path.resolve(args[0]) : null;
  const goldAt = args.indexOf('--gold');
  const goldDir = goldAt >= 0 ? path.resolve(args[goldAt + 1]) : null;
  if (!out) {
    console.error('usage: node scripts/seed-pdfs.mjs OUT [--gold GOLD_DIR]');
    process.exit(2);
  }
  const { SEED_NAMES, seedPdf, seedText } = await loadSeedPdfs();

  mkdirSync(out, { recursive: true });
  const made = {};
  for (const name of SEED_NAMES) {
    for (const kind of ['a4', 'narrow']) {
      const file = path.join(out, `${name}.${kind}.pdf`);
      writeFileSync(file, readFileSync(await seedPdf(name, kind)));
      (made[name] ??= []).push(file);
    }
  }

  if (goldDir) {
    const YAML = (await import('yaml')).default;
    const inputs = existsSync(path.join(goldDir, '..', 'seeds')) ? path.join(goldDir, '..', 'seeds') : goldDir;
    for (const g of readdirSync(goldDir).filter((f) => f.endsWith('.gold.yaml'))) {
      const raw = readFileSync(path.join(goldDir, g), 'utf8');
      const file = YAML.parse(raw).file;
      const text = existsSync(path.join(inputs, file)) ? readFileSync(path.join(inputs, file), 'utf8') : null;
      const seed = SEED_NAMES.find((n) => seedText(n) === text);
      if (!seed) continue;
      for (const pdf of made[seed]) {
        const base = path.basename(pdf);
        writeFileSync(path.join(out, `${base}.gold.yaml`), raw.replace(/^file:.*$/m, `file: ${base}`));
      }
    }
  }
  console.log(`seed PDFs written to ${out}`);
}
