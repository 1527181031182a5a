#!/usr/bin/env node
// plan-lint benchmark: throughput, cold start, linearity and peak memory, each as a ratio
// against a baseline measured in the same run (figures depend on the machine; ratios less so).
// The corpora are what users have (bench/corpus.mjs): plans with full-width punctuation, their
// Markdown and HTML renditions, the real documents of fixtures/corpus, the seeds as PDFs.
//
//   npm run bench                     # 50 MB corpus per kind, 1 GB for peak memory
//   npm run bench -- --size 20 --rss-size 200 --jobs 2
//   npm run bench -- --only txt-fw,md,cold      # some sections only
//   npm run bench -- --rounds 3       # the goal's section measured in 3 interleaved rounds (default 2)
//
// Goals (issue 15): .txt (full-width) extract+check ≥ 5× bare remark-parse throughput on the
// same text; .md pipeline time ≤ 2× remark-parse time; cold start of an installed copy (`npm
// pack`, installed into a temporary folder, as users get it) ≤ 2.5× `node -e 0`; 10× corpus ≤ 11×
// time; peak RSS ≤ 400 MB on a 1 GB corpus. Reported without a goal: the seeds' ASCII text, HTML
// pages, the real documents, PDF against the same plans as .txt.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { opt, root } from './args.mjs';
import { buildCorpus } from './corpus.mjs';

const size = Number(opt('--size', 50));
const rssSize = Number(opt('--rss-size', 1024));
const only = opt('--only', null)?.split(',') ?? null;
// how many times the goal's ratio (full-width .txt) runs both sides, alternating: on a shared
// machine the load changes within a minute, and a side measured only in a quiet (or a busy)
// minute moved the ratio by a third either way; the best of each side over the rounds is kept
const rounds = Math.max(1, Number(opt('--rounds', 2)));
const wanted = (section) => !only || only.includes(section);

const { runCheck } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'check.js')).href);
const { defaultJobs } = await import(pathToFileURL(path.join(root, 'dist', 'run', 'run-files.js')).href);
const jobs = Number(opt('--jobs', defaultJobs()));
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remark = unified().use(remarkParse);

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-bench-'));
const mb = (bytes) => bytes / 1024 / 1024;
const line = (s = '') => process.stdout.write(s + '\n');
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** extract + check over files, output discarded; returns wall seconds and this process's CPU seconds */
async function pipeline(files, j = jobs) {
  const sink = () => {};
  const c = cpuNow();
  const t = performance.now();
  await runCheck(files, { format: 'compact', jobs: j, color: false }, { cwd: root, env: {}, stdout: sink, stderr: sink, stdin: async () => new Uint8Array(), isTTY: false, stderrIsTTY: false });
  return { s: (performance.now() - t) / 1000, cpu: cpuNow() - c };
}

/** bare remark-parse parse() over the same texts, read from disk as the pipeline does */
function remarkTime(files) {
  const c = cpuNow();
  const t = performance.now();
  for (const f of files) remark.parse(readFileSync(f, 'utf8'));
  return { s: (performance.now() - t) / 1000, cpu: cpuNow() - c };
}

let lists = 0;
/**
 * One side (`pipeline` or `remark`) over files in a process of its own (bench/side.mjs: a warm-up,
 * then the best of three timed runs); wall and CPU seconds of that run, CPU counting its worker
 * threads and garbage collector.
 */
function fresh(side, files, j = jobs) {
  const list = path.join(work, `files-${lists++}.json`);
  writeFileSync(list, JSON.stringify(files));
  const r = spawnSync(process.execPath, [path.join(root, 'bench', 'side.mjs'), side, list, String(j)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench/side.mjs ${side} failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
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

function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * Throughput of extract+check against bare remark-parse on one corpus: each side in a process of
 * its own (its best of three runs after a warm-up), the pipeline first; `n` rounds of the two, the
 * best of each side kept. Wall time with `jobs`; CPU time of the process (worker threads and the
 * garbage collector included) beside it.
 * `inProcess`: also both sides in this one process, interleaved, as this bench measured until
 * 2026-11-30 (each side then runs on the heap the other left: see bench/side.mjs).
 */
async function throughput(kind, seed, inProcess = false, n = 1) {
  const c = buildCorpus(root, path.join(work, kind), size, kind, seed);
  const best = (xs) => xs.reduce((a, b) => (b.s < a.s ? b : a));
  const p = [];
  const r = [];
  for (let k = 0; k < n; k++) {
    p.push(fresh('pipeline', c.files));
    r.push(fresh('remark', c.files));
  }
  const pipe = best(p);
  const rem = best(r);
  let shared = null;
  if (inProcess) {
    await pipeline(c.files.slice(0, 20));
    const sp = [];
    const sr = [];
    for (let k = 0; k < 2; k++) {
      sp.push(await pipeline(c.files));
      sr.push(remarkTime(c.files));
    }
    shared = best(sr).s / best(sp).s;
  }
  // the ratio of each round too: how far one round's figure can be from the best of all
  const each = p.map((x, k) => r[k].s / x.s);
  return { ...c, pipe, rem, ratio: rem.s / pipe.s, cpuRatio: rem.cpu / pipe.cpu, shared, each };
}

function printThroughput(label, t, goal) {
  line(`${label}  ${t.files.length} files, ${mb(t.bytes).toFixed(1)} MB`);
  line(`      extract+check   ${(mb(t.bytes) / t.pipe.s).toFixed(2)} MB/s (${t.pipe.s.toFixed(2)} s, CPU ${t.pipe.cpu.toFixed(2)} s)`);
  line(`      remark-parse    ${(mb(t.bytes) / t.rem.s).toFixed(2)} MB/s (${t.rem.s.toFixed(2)} s, CPU ${t.rem.cpu.toFixed(2)} s)`);
  line(`      ratio ${t.ratio.toFixed(2)}× remark-parse (CPU time: ${t.cpuRatio.toFixed(2)}×)${goal ? `   goal ≥ ${goal}×   ${verdict(t.ratio >= goal)}` : '   (no goal)'}`);
  if (t.each.length > 1) line(`      (the best of each side over ${t.each.length} rounds, pipeline then remark-parse each time; the rounds' own ratios: ${t.each.map((x) => x.toFixed(2) + '×').join(', ')})`);
  if (t.shared !== null) line(`      (both sides in one process, one after the other, as this bench measured until 2026-11-30: ${t.shared.toFixed(2)}×)`);
  line();
}

line(`plan-lint benchmark — ${new Date().toISOString().slice(0, 10)}`);
line(`machine: ${machine()}`);
line(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
line(`corpus: ${size} MB per kind, --jobs ${jobs}, ${rounds} rounds for the full-width ratio`);
line();

// 1. .txt throughput against bare remark-parse: full-width punctuation (the goal), ASCII as scraped
let txtFw = null;
if (wanted('txt-fw') || wanted('linearity')) {
  txtFw = await throughput('txt-fw', 1, true, rounds);
  printThroughput('.txt (full-width ，：；（）％)', txtFw, 5);
}
if (wanted('txt')) printThroughput('.txt (ASCII punctuation, as the seeds)', await throughput('txt', 1), null);

// 2. .md pipeline time against bare remark-parse time
if (wanted('md')) {
  const md = buildCorpus(root, path.join(work, 'md'), size, 'md', 2);
  const tMd = [];
  const tMd1 = [];
  const rMd = [];
  tMd.push(fresh('pipeline', md.files).s);
  if (jobs !== 1) tMd1.push(fresh('pipeline', md.files, 1).s);
  rMd.push(fresh('remark', md.files).s);
  const [a, b, r] = [Math.min(...tMd), tMd1.length ? Math.min(...tMd1) : Math.min(...tMd), Math.min(...rMd)];
  line(`.md   ${md.files.length} files, ${mb(md.bytes).toFixed(1)} MB`);
  line(`      extract+check   ${a.toFixed(2)} s with --jobs ${jobs}${jobs !== 1 ? `, ${b.toFixed(2)} s with --jobs 1` : ''}`);
  line(`      remark-parse    ${r.toFixed(2)} s`);
  line(`      time ratio ${(a / r).toFixed(2)}×${jobs !== 1 ? ` (--jobs 1: ${(b / r).toFixed(2)}×)` : ''}   goal ≤ 2×   ${verdict(a / r <= 2)}`);
  line();
  rmSync(path.join(work, 'md'), { recursive: true, force: true });
}

// 3. HTML pages and the real documents: reported beside remark-parse, no goal
if (wanted('html')) printThroughput('.html (the Markdown plans as web pages)', await throughput('html', 3), null);
if (wanted('real')) printThroughput('real  (fixtures/corpus: .txt and .md as published)', await throughput('real', 4), null);

// 4. cold start of one check, on an installed copy (npm pack + npm install) and on this checkout
if (wanted('cold')) {
  const one = path.join(root, 'fixtures', 'seeds', 'district-work-points-2020.txt');
  const installed = installCopy();
  const haveTime = existsSync('/usr/bin/time');
  // bin/plan-lint.js keeps a V8 code cache per build, Node and command: a folder of the bench's
  // own, so that the first run below is a first run whatever the user's cache holds
  const env = { ...process.env, PLAN_LINT_CACHE_DIR: path.join(work, 'code-cache') };
  // wall time, and the child's CPU time where /usr/bin/time can tell it
  const spawnTime = (argv) => {
    const t = performance.now();
    const r = haveTime
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', cwd: os.tmpdir(), env })
      : spawnSync(process.execPath, argv, { stdio: 'ignore', cwd: os.tmpdir(), env });
    const s = (performance.now() - t) / 1000;
    const m = haveTime ? /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) : null;
    return { s, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
  };
  const runs = { node: [], installed: [], checkout: [] };
  // the first run after installing compiles the bundle and writes the code cache
  const first = installed ? spawnTime([installed, 'check', one, '--format', 'compact']) : null;
  for (let i = 0; i < 15; i++) {
    // interleaved: drifting load hits all three alike
    runs.node.push(spawnTime(['-e', '0']));
    if (installed) runs.installed.push(spawnTime([installed, 'check', one, '--format', 'compact']));
    runs.checkout.push(spawnTime([path.join(root, 'bin', 'plan-lint.js'), 'check', one, '--format', 'compact']));
  }
  const med = (rs, k) => median(rs.map((r) => r[k]));
  const node = med(runs.node, 's');
  const show = (label, rs) => {
    const cpu = haveTime ? `, CPU ${(med(rs, 'cpu') * 1000).toFixed(0)} ms (${(med(rs, 'cpu') / med(runs.node, 'cpu')).toFixed(2)}×)` : '';
    return `${label} ${(med(rs, 's') * 1000).toFixed(0)} ms (${(med(rs, 's') / node).toFixed(2)}×)${cpu}`;
  };
  line(`cold start  plan-lint check <one file>, median of 15; node -e 0 ${(node * 1000).toFixed(0)} ms${haveTime ? `, CPU ${(med(runs.node, 'cpu') * 1000).toFixed(0)} ms` : ''}`);
  if (installed) {
    const ratio = med(runs.installed, 's') / node;
    line(`      ${show('installed copy', runs.installed)}   goal ≤ 2.5×   ${verdict(ratio <= 2.5)}`);
    line(`      its first run (writes the code cache) ${(first.s * 1000).toFixed(0)} ms (${(first.s / node).toFixed(2)}×)`);
  } else line('      installed copy: npm pack or npm install failed (no network?), not measured');
  line(`      ${show('this checkout ', runs.checkout)}`);
  line();
}

/** `npm pack` this checkout and install the tarball into a temporary folder; its bin, or null */
function installCopy() {
  const dir = path.join(work, 'installed');
  mkdirSync(dir, { recursive: true });
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const out = execFileSync(npm, ['pack', '--pack-destination', dir, '--silent'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const tarball = path.join(dir, out.trim().split('\n').pop());
    writeFileSync(path.join(dir, 'package.json'), '{"name":"plan-lint-bench-install","private":true}\n');
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', tarball], { cwd: dir, stdio: 'ignore' });
    return path.join(dir, 'node_modules', 'plan-lint', 'bin', 'plan-lint.js');
  } catch {
    return null;
  }
}

// 5. linearity: a tenth of the full-width corpus against all of it
if (wanted('linearity') && txtFw) {
  const files = txtFw.files;
  const tenth = files.slice(0, Math.max(1, Math.round(files.length / 10)));
  const tAll = txtFw.pipe.s;
  const tTenth = fresh('pipeline', tenth).s;
  const growth = tAll / tTenth / (files.length / tenth.length);
  line(`linearity  ${tenth.length} files ${tTenth.toFixed(2)} s, ${files.length} files ${tAll.toFixed(2)} s`);
  line(`      10× corpus took ${(tAll / tTenth).toFixed(2)}× the time (${growth.toFixed(2)} per unit of size)   goal ≤ 11×   ${verdict(tAll / tTenth <= 11 * (files.length / tenth.length / 10))}`);
  line();
}
rmSync(path.join(work, 'txt-fw'), { recursive: true, force: true });

// 6. peak RSS of the CLI over a large corpus
if (wanted('memory') && rssSize > 0) {
  const big = buildCorpus(root, path.join(work, 'big'), rssSize, 'txt-fw', 3);
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
  line();
  rmSync(path.join(work, 'big'), { recursive: true, force: true });
}

// 7. PDF against .txt: the seed plans printed as PDFs (two layouts) and the same plans as text
if (wanted('pdf')) {
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
  const tPdfTxt = (await pipeline(txts)).s;
  const tPdf = (await pipeline(pdfs)).s;
  const pages = await pdfPages(pdfs);
  line(`.pdf  ${pdfs.length} files (${SEED_NAMES.length} plans × 2 layouts × ${copies}), ${pages} pages, ${mb(pdfs.reduce((n, f) => n + statSync(f).size, 0)).toFixed(1)} MB`);
  line(`      extract+check   ${(pdfs.length / tPdf).toFixed(2)} files/s, ${(pages / tPdf).toFixed(0)} pages/s (${tPdf.toFixed(2)} s)`);
  line(`      same plans as .txt   ${(txts.length / tPdfTxt).toFixed(2)} files/s (${tPdfTxt.toFixed(2)} s)`);
  line(`      ratio: a PDF takes ${(tPdf / tPdfTxt).toFixed(1)}× the time of its text   (no goal set)`);
  line();
}

line(`load average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
rmSync(work, { recursive: true, force: true });
