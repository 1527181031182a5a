// `npm run accuracy`: scores extraction on the gold-annotated fixtures and prints a table per
// document and the totals per set. Flags: --verbose (every miss), --json, --min FIGURE=N (exit 1 below).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURES, type Figure } from './score.js';
import { runAccuracy, type DocResult } from './run.js';

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

const run = await runAccuracy(root);
if (args.includes('--json')) {
  console.log(JSON.stringify({ totals: run.totals, documents: run.documents.map((d: DocResult) => ({ gold: d.gold, figures: d.figures, error: d.error })) }));
} else {
  const short = (d: DocResult) => `${d.set}/${path.basename(d.gold, '.gold.yaml')}`.slice(0, 40);
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
