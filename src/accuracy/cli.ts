// `npm run accuracy`: scores extraction on the gold-annotated fixtures and prints a table per
// document and the totals per set. Flags: --verbose (every miss), --json, --min FIGURE=N (exit 1
// below), --pdf (also the seeds printed as PDFs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FIGURES, type Figure } from './score.js';
import { goldFiles, readGold, runAccuracy, scoreGold, type DocResult } from './run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const mins: [Figure, number][] = [];
args.forEach((a, i) => {
  if (a !== '--min') return;
  const [k, v] = (args[i + 1] ?? '').split('=');
  if (!(FIGURES as readonly string[]).includes(k) || Number.isNaN(Number(v))) {
    console.error(`accuracy: --min takes FIGURE=NUMBER with FIGURE one of ${FIGURES.join(', ')}`);
    process.exit(2);
  }
  mins.push([k as Figure, Number(v)]);
});

const fmt = (v: number | null) => (v == null ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(3));
const SHOWN: Figure[] = ['plans', 'meta', 'indicators', 'tasks', 'projects', 'owners', 'ownerPresence', 'deadlines', 'spuriousDeadlines', 'targets', 'diagnostics'];

function table(rows: [string, Record<Figure, number | null>][]): string {
  const head = ['', ...SHOWN];
  const body = rows.map(([name, f]) => [name, ...SHOWN.map((k) => fmt(f[k]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/**
 * --pdf: the seeds printed as PDFs (an A4 and a narrow layout, made by the test helpers in
 * tests/pdf; needs the dev dependencies) scored against the seeds' annotations, as sets of their own.
 */
async function pdfRuns(): Promise<DocResult[]> {
  const { loadSeedPdfs } = (await import(pathToFileURL(path.join(root, 'scripts', 'seed-pdfs.mjs')).href)) as {
    loadSeedPdfs(): Promise<{ SEED_NAMES: string[]; seedPdf(name: string, kind: string): Promise<string>; seedText(name: string): string }>;
  };
  const { SEED_NAMES, seedPdf, seedText } = await loadSeedPdfs();
  const out: DocResult[] = [];
  for (const file of goldFiles(root).filter((f) => f.includes(`${path.sep}seeds${path.sep}`))) {
    const gold = readGold(root, file);
    const text = readFileSync(path.join(root, gold.file), 'utf8');
    const seed = SEED_NAMES.find((n) => seedText(n) === text);
    if (!seed) continue;
    for (const kind of ['a4', 'narrow']) out.push(await scoreGold(root, { ...gold, file: await seedPdf(seed, kind) }, file, `seeds-pdf-${kind}`));
  }
  return out;
}

const run = await runAccuracy(root, goldFiles(root), args.includes('--pdf') ? await pdfRuns() : []);
if (args.includes('--json')) {
  console.log(JSON.stringify({ totals: run.totals, documents: run.documents.map((d: DocResult) => ({ gold: d.gold, figures: d.figures, error: d.error })) }));
} else {
  const short = (d: DocResult) => `${d.set}/${path.basename(d.gold, '.gold.yaml')}`.slice(0, 48);
  console.log(table(run.documents.map((d) => [short(d), d.figures])));
  console.log('');
  console.log(table(Object.entries(run.totals)));
  for (const d of run.documents) {
    if (d.error) console.log(`\n${short(d)}: extraction failed: ${d.error}`);
    if (verbose && d.notes.length) console.log(`\n${short(d)}\n${d.notes.map((n) => `  ${n}`).join('\n')}`);
  }
}
const all = run.totals.all;
const below = mins.filter(([k, v]) => all[k] == null || all[k]! < v);
console.log(`\n${below.length ? `BELOW ${below.map(([k, v]) => `${k}<${v}`).join(',')} | ` : ''}${FIGURES.map((k) => `${k}=${fmt(all[k])}`).join(' ')}`);
process.exit(below.length ? 1 : 0);
