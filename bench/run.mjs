#!/usr/bin/env node
// plan-lint benchmark: throughput, cold start, linearity and peak memory, each as a ratio
// against a baseline measured in the same run (figures depend on the machine; ratios less so).
//
//   npm run bench                     # 50 MB corpus, 1 GB for peak memory
//   npm run bench -- --size 20 --rss-size 200 --jobs 2
//
// Goals (issue 5): .txt extract+check ≥ 10× bare remark-parse throughput; .md pipeline time
// ≤ 1.5× remark-parse time; cold start of `check <one file>` ≤ 2.5× `node -e 0`; 10× corpus
// ≤ 11× time; peak RSS ≤ 400 MB on a 1 GB corpus. Reported without a goal (issue 14): PDF
// extract+check time against the same plans as .txt.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const size = opt('--size', 50);
const rssSize = opt('--rss-size', 1024);
const jobs = opt('--jobs', os.availableParallelism?.() ?? os.cpus().length);

const { runCheck } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'check.js')).href);
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remark = unified().use(remarkParse);

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bench-'));
const mb = (bytes) => bytes / 1024 / 1024;
const line = (s = '') => process.stdout.write(s + '\n');
const verdict = (ok) => (ok ? 'met' : 'NOT MET');

/** extract + check over files, output discarded; returns seconds */
async function pipeline(files, j = jobs) {
  const sink = () => {};
  const t = performance.now();
  await runCheck(files, { format: 'compact', jobs: j, color: false }, { cwd: root, env: {}, stdout: sink, stderr: sink, stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false });
  return (performance.now() - t) / 1000;
}

/** bare remark-parse parse() over the same texts, read from disk as the pipeline does */
function remarkTime(files) {
  const t = performance.now();
  for (const f of files) remark.parse(readFileSync(f, 'utf8'));
  return (performance.now() - t) / 1000;
}

/** pages of the PDFs, counted by pdf.js */
async function pdfPages(files) {
  const { loadPdf } = await import(pathToFileURL(path.join(root, 'dist', 'ingest', 'pdf-load.js')).href);
  let n = 0;
  for (const f of files.filter((_, i) => i % 3 === 0)) n += (await loadPdf(new Uint8Array(readFileSync(f)))).pages.length * 3;
  return n;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function spawnTime(cmd, argv, n = 15) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    spawnSync(cmd, argv, { stdio: 'ignore', cwd: root });
    times.push((performance.now() - t) / 1000);
  }
  return median(times);
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

line(`plan-lint benchmark — ${new Date().toISOString().slice(0, 10)}`);
line(`machine: ${machine()}`);
line(`corpus: ${size} MB per format, --jobs ${jobs}`);
line();

// 1. .txt throughput against bare remark-parse
const txt = buildCorpus(root, path.join(work, 'txt'), size, 'txt', 1);
await pipeline(txt.files.slice(0, 20)); // warm up: load modules, start workers once
const tTxt = await pipeline(txt.files);
const rTxt = remarkTime(txt.files);
const txtRatio = mb(txt.bytes) / tTxt / (mb(txt.bytes) / rTxt);
line(`.txt  ${txt.files.length} files, ${mb(txt.bytes).toFixed(1)} MB`);
line(`      extract+check   ${(mb(txt.bytes) / tTxt).toFixed(2)} MB/s (${tTxt.toFixed(2)} s)`);
line(`      remark-parse    ${(mb(txt.bytes) / rTxt).toFixed(2)} MB/s (${rTxt.toFixed(2)} s)`);
line(`      ratio ${txtRatio.toFixed(2)}× remark-parse   goal ≥ 10×   ${verdict(txtRatio >= 10)}`);
line();

// 2. .md pipeline time against bare remark-parse time
const md = buildCorpus(root, path.join(work, 'md'), size, 'md', 2);
const tMd = await pipeline(md.files);
const tMd1 = await pipeline(md.files, 1);
const rMd = remarkTime(md.files);
line(`.md   ${md.files.length} files, ${mb(md.bytes).toFixed(1)} MB`);
line(`      extract+check   ${tMd.toFixed(2)} s with --jobs ${jobs}, ${tMd1.toFixed(2)} s with --jobs 1`);
line(`      remark-parse    ${rMd.toFixed(2)} s`);
line(`      time ratio ${(tMd / rMd).toFixed(2)}× (--jobs 1: ${(tMd1 / rMd).toFixed(2)}×)   goal ≤ 1.5×   ${verdict(tMd / rMd <= 1.5)}`);
line();

// 3. cold start of one check against node -e 0
const one = path.join(root, 'fixtures', 'seeds', 'district-work-points-2020.txt');
const tNode = spawnTime(process.execPath, ['-e', '0']);
const tCold = spawnTime(process.execPath, [path.join(root, 'bin', 'plan-lint.js'), 'check', one, '--format', 'compact']);
line(`cold start  plan-lint check <one file> ${(tCold * 1000).toFixed(0)} ms, node -e 0 ${(tNode * 1000).toFixed(0)} ms`);
line(`      ratio ${(tCold / tNode).toFixed(2)}×   goal ≤ 2.5×   ${verdict(tCold / tNode <= 2.5)}`);
line();

// 4. linearity: a tenth of the corpus against all of it
const tenth = txt.files.slice(0, Math.max(1, Math.round(txt.files.length / 10)));
const tTenth = await pipeline(tenth);
const growth = tTxt / tTenth / (txt.files.length / tenth.length);
line(`linearity  ${tenth.length} files ${tTenth.toFixed(2)} s, ${txt.files.length} files ${tTxt.toFixed(2)} s`);
line(`      10× corpus took ${(tTxt / tTenth).toFixed(2)}× the time (${growth.toFixed(2)} per unit of size)   goal ≤ 11×   ${verdict(tTxt / tTenth <= 11 * (txt.files.length / tenth.length / 10))}`);
line();

// 5. peak RSS of the CLI over a large corpus
rmSync(path.join(work, 'md'), { recursive: true, force: true });
if (rssSize > 0) {
  const big = buildCorpus(root, path.join(work, 'big'), rssSize, 'txt', 3);
  const probe = path.join(root, 'bench', 'rss-probe.mjs');
  const t = performance.now();
  const r = spawnSync(process.execPath, [probe, 'check', path.join(work, 'big'), '--format', 'compact', '--jobs', String(jobs)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const rss = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  line(`memory  check over ${big.files.length} files, ${mb(big.bytes).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(0)} s: peak RSS ${rss.toFixed(0)} MB`);
  line(`      goal ≤ 400 MB on a 1 GB corpus${rssSize < 1024 ? ` (this run: ${rssSize} MB)` : ''}   ${verdict(rss <= 400)}`);
}

// 6. PDF against .txt: the seed plans printed as PDFs (two layouts) and the same plans as text
{
  const { loadSeedPdfs } = await import(pathToFileURL(path.join(root, 'scripts', 'seed-pdfs.mjs')).href);
  const { SEED_NAMES, seedPdf } = await loadSeedPdfs();
  const copies = 3;
  const pdfDir = path.join(work, 'pdf');
  const txtDir = path.join(work, 'pdf-txt');
  mkdirSync(pdfDir, { recursive: true });
  mkdirSync(txtDir, { recursive: true });
  const pdfs = [];
  const txts = [];
  for (const name of SEED_NAMES) {
    for (const kind of ['a4', 'narrow']) {
      const bytes = readFileSync(await seedPdf(name, kind));
      for (let c = 0; c < copies; c++) {
        const pdf = path.join(pdfDir, `${name}.${kind}.${c}.pdf`);
        const txt = path.join(txtDir, `${name}.${kind}.${c}.txt`);
        writeFileSync(pdf, bytes);
        copyFileSync(path.join(root, 'fixtures', 'seeds', `${name}.txt`), txt);
        pdfs.push(pdf);
        txts.push(txt);
      }
    }
  }
  await pipeline(pdfs.slice(0, 2)); // warm up: load pdf.js in the workers
  const tPdfTxt = await pipeline(txts);
  const tPdf = await pipeline(pdfs);
  const pages = await pdfPages(pdfs);
  line(`.pdf  ${pdfs.length} files (${SEED_NAMES.length} plans × 2 layouts × ${copies}), ${pages} pages, ${mb(pdfs.reduce((n, f) => n + statSync(f).size, 0)).toFixed(1)} MB`);
  line(`      extract+check   ${(pdfs.length / tPdf).toFixed(2)} files/s, ${(pages / tPdf).toFixed(0)} pages/s (${tPdf.toFixed(2)} s)`);
  line(`      same plans as .txt   ${(txts.length / tPdfTxt).toFixed(2)} files/s (${tPdfTxt.toFixed(2)} s)`);
  line(`      ratio: a PDF takes ${(tPdf / tPdfTxt).toFixed(1)}× the time of its text   (no goal set)`);
  line();
}

rmSync(work, { recursive: true, force: true });
