// Hostile input through the real CLI (issue 5): each case gives a valid result, or exit 2 with
// exactly one line on stderr naming the file and no stack trace; the process's peak memory
// stays bounded; inputs are never modified; an output file is written whole or not at all.
// The expensive inputs (a 100 MB line, a folder of 10 000 files) are generated once, in a
// temporary folder that is removed afterwards. Needs dist/ (npm test compiles it first).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync,
  statSync, symlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { root } from './arbitraries.js';

const bin = path.join(root, 'bin', 'plan-lint.js');
const MB = 1024 * 1024;
/** Peak RSS bound for every run; the heap is capped lower so a leak fails loudly rather than swaps. */
const RSS_BOUND_MB = 600;
/** One 100 MB line holds 33 M characters decoded (66 MB as UTF-16) and its normalized copies. */
const RSS_BOUND_HUGE_LINE_MB = 1024;
const HEAP_MB = 512;

let work: string; // everything lives here
let inDir: string; // inputs (hashed before and after every run)
let outDir: string; // outputs
let wrapper: string;

const seedText = readFileSync(path.join(root, 'fixtures', 'seeds', 'district-emergency-plan-2021-2025.txt'), 'utf8');
const workPoints = readFileSync(path.join(root, 'fixtures', 'seeds', 'district-work-points-2020.txt'), 'utf8');
const isRoot = process.getuid?.() === 0;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** the child's peak resident set size in MB (null when it died before reporting it) */
  rssMB: number | null;
}

/** Runs `plan-lint …` in a child (heap capped) through a wrapper that records its peak RSS. */
async function cli(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  const rssFile = path.join(work, `rss-${process.pid}-${process.hrtime.bigint()}`);
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, wrapper, ...args], {
    cwd: opts.cwd ?? inDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, PLAN_LINT_DEBUG: undefined, PLAN_LINT_RSS_FILE: rssFile },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  // a guard against hangs, not a speed assertion: a hung child is killed and the case fails
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 150_000);
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, sig) => resolve([code, sig]));
  });
  clearTimeout(timer);
  let rssMB: number | null = null;
  if (existsSync(rssFile)) {
    rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile);
  }
  return { status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), rssMB };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exit 2 with exactly one stderr line `plan-lint: <shown>: <reason>`, no stack trace; the
 *  file may be named as given or by its absolute path (check names files outside the cwd so). */
function expectOneLineError(r: Run, shown: string): void {
  expect(r.signal, `killed (${r.signal}); stderr: ${r.stderr.slice(0, 500)}`).toBeNull();
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  const names = [shown, path.resolve(inDir, shown)].map(escapeRe).join('|');
  expect(lines[0]).toMatch(new RegExp(`^plan-lint: (?:${names}): \\S`));
  expect(r.stderr).not.toMatch(/^\s+at .+[:(]/m);
  expect(r.stderr).not.toMatch(/internal error|Error:|RangeError|TypeError/);
}

function expectBoundedMemory(r: Run, bound = RSS_BOUND_MB): void {
  expect(r.rssMB, 'the child did not report its peak RSS (crashed?)').not.toBeNull();
  expect(r.rssMB!).toBeLessThan(bound);
}

/** A valid `extract --format json` result (exit 0) or a one-line exit 2. */
function expectExtractOk(r: Run, shown: string, allowError = true): 'ok' | 'error' {
  expect(r.signal, `killed (${r.signal}); stderr: ${r.stderr.slice(0, 500)}`).toBeNull();
  if (r.status === 2 && allowError) {
    expectOneLineError(r, shown);
    return 'error';
  }
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  DocumentSchema.parse(JSON.parse(r.stdout));
  return 'ok';
}

/** `check --format json`: exit 0/1 with an ESLint-shaped report (or a one-line exit 2). */
function expectCheckOk(r: Run, shown: string, allowError = true): 'ok' | 'error' {
  expect(r.signal, `killed (${r.signal}); stderr: ${r.stderr.slice(0, 500)}`).toBeNull();
  if (r.status === 2 && allowError) {
    expectOneLineError(r, shown);
    return 'error';
  }
  expect([0, 1], r.stderr).toContain(r.status);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
  expect(report.length).toBeGreaterThan(0);
  expect(r.status).toBe(report.some((f) => f.errorCount > 0) ? 1 : 0);
  return 'ok';
}

// --- inputs are never modified -------------------------------------------------------------

/** sha256, size, mode and mtime of every entry below `dir` (symlinks not followed). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (p: string) => {
    const st = lstatSync(p);
    const meta = `${st.mode}:${st.size}:${st.mtimeMs}`;
    if (st.isDirectory()) {
      out.set(p, `dir:${meta}`);
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else if (st.isFile() && (st.mode & 0o444) !== 0) {
      out.set(p, `file:${meta}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    } else out.set(p, `other:${st.mode}`); // links, FIFOs (a write to a FIFO touches its mtime)
  };
  visit(dir);
  return out;
}

let before: Map<string, string>;

/** Files in a folder that look like temporary files of an atomic write. */
const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || /\.\d+\.[0-9a-z]+\.tmp$/.test(f) || f.startsWith('.'));

// --- generating the inputs -------------------------------------------------------------------

/** Deterministic pseudo-random bytes (an LCG: the same bytes on every run). */
function pseudoRandom(n: number, seed = 12345): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const tinyPlan = (i: number) =>
  `某区${2000 + (i % 30)}年应急管理工作要点\n一、重点任务\n（一）完善第${i}号预案。（责任单位：区应急管理局）\n（二）开展演练${i % 7}次${i % 13 === 0 ? '，XX待定' : ''}。\n`;

/** `head`, then `unit` repeated to `bytes` with no line break (unless `unit` holds one). */
function writeHugeLine(file: string, unit: string, bytes: number, head = ''): void {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MB / Buffer.byteLength(unit))));
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}

const P = (...p: string[]) => path.join(inDir, ...p);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-hostile-'));
  inDir = path.join(work, 'in');
  outDir = path.join(work, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  if (!existsSync(path.join(root, 'dist', 'cli', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  wrapper = path.join(work, 'rss-wrapper.mjs');
  writeFileSync(
    wrapper,
    [
      '// runs the CLI in this process and records its peak RSS (KB) in $PLAN_LINT_RSS_FILE at exit',
      "import { writeFileSync } from 'node:fs';",
      "process.on('exit', () => { if (process.env.PLAN_LINT_RSS_FILE) writeFileSync(process.env.PLAN_LINT_RSS_FILE, String(process.resourceUsage().maxRSS)); });",
      `await import(${JSON.stringify(pathToFileURL(bin).href)});`,
    ].join('\n'),
  );

  writeFileSync(P('good.txt'), seedText);
  writeFileSync(P('binary.txt'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), pseudoRandom(64 * 1024)]));
  writeFileSync(P('binary.md'), pseudoRandom(4096, 7));
  writeFileSync(P('archive.docx'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), pseudoRandom(8192, 9)]));
  writeFileSync(P('empty.txt'), '');
  writeFileSync(P('empty.md'), '');
  writeFileSync(P('blank.txt'), ' \n\r\n\t\u3000\n');
  // NUL bytes: a few inside a real plan (under the binary threshold), and one after every character
  writeFileSync(P('nul-sparse.txt'), seedText.replace(/。/g, (m, i: number) => (i % 5 === 0 ? `${m}\u0000` : m)));
  writeFileSync(P('nul-dense.txt'), Buffer.from(seedText, 'utf16le')); // UTF-16 without a BOM
  writeFileSync(P('nul-only.txt'), Buffer.alloc(1000));
  // invalid UTF-8: stray continuation bytes, truncated sequences, overlongs, 0xFF
  const plan = Buffer.from(seedText);
  const damaged = Buffer.from(plan);
  for (let i = 100; i < damaged.length; i += 997) damaged[i] = [0xff, 0x80, 0xc0, 0xe4][i % 4];
  writeFileSync(P('invalid-utf8.txt'), damaged);
  writeFileSync(P('invalid-utf8-cut.md'), Buffer.concat([plan.subarray(0, 5001), Buffer.from([0xe5, 0x8f])])); // cut inside a character
  writeFileSync(P('invalid-utf8-noise.txt'), Buffer.from(pseudoRandom(20000, 3).map((b) => 0x80 | b)));
  // nesting: 50 levels of Markdown list, and far deeper (list and blockquote) as a stack test
  const nested = (depth: number, indent: (d: number) => string) =>
    ['# 某区应急管理规划', '', '## 一、主要任务', '', ...Array.from({ length: depth }, (_, d) => `${indent(d)}- 第${d + 1}层任务：完善预案（责任单位：区应急管理局）`)].join('\n') + '\n';
  writeFileSync(P('nested-50.md'), nested(50, (d) => '  '.repeat(d)));
  writeFileSync(P('nested-50-ordered.md'), ['# 规划', '', ...Array.from({ length: 50 }, (_, d) => `${'   '.repeat(d)}1. 任务${d}（牵头单位：区应急局）`)].join('\n'));
  writeFileSync(P('nested-5000-quote.md'), `# 规划\n\n${'>'.repeat(5000)} 完善预案（责任单位：区应急管理局）\n`);
  writeFileSync(P('nested-2000-list.md'), nested(2000, (d) => '  '.repeat(d)));
  writeFileSync(P('nested-html.html'), `<html><body><h1>某区规划</h1>${'<div>'.repeat(5000)}<p>一、完善预案（责任单位：区应急管理局）</p>${'</div>'.repeat(5000)}</body></html>`);

  // one 100 MB line of plan prose (no line break anywhere)
  const prose = '各部门要进一步完善应急预案体系建设，提高基层应急处置能力和水平，';
  writeHugeLine(P('line-100mb.txt'), prose, 100 * MB);
  writeHugeLine(P('line-4mb.txt'), prose, 4 * MB, '某区应急管理规划\n一、主要任务\n（一）');

  // 10 000 small files in 100 folders
  for (let d = 0; d < 100; d++) {
    const dir = P('corpus', `d${String(d).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(path.join(dir, `p${String(f).padStart(2, '0')}.txt`), tinyPlan(d * 100 + f));
  }

  // symlink loops: a folder linked into itself, into its parent, and two links pointing at each other
  mkdirSync(P('loop', 'sub'), { recursive: true });
  writeFileSync(P('loop', 'plan.txt'), tinyPlan(1));
  writeFileSync(P('loop', 'sub', 'plan.md'), `# 某区规划\n\n一、完善预案（责任单位：区应急管理局）\n`);
  symlinkSync('.', P('loop', 'self'));
  symlinkSync('..', P('loop', 'sub', 'up'));
  symlinkSync(P('loop'), P('loop', 'sub', 'abs'));
  mkdirSync(P('links'));
  symlinkSync('../good.txt', P('links', 'plan.txt'));
  symlinkSync('../good.txt', P('links', 'same-plan.txt'));
  symlinkSync('../loop/sub', P('links', 'sub'));
  symlinkSync('ping.txt', P('pong.txt'));
  symlinkSync('pong.txt', P('ping.txt'));
  symlinkSync('missing.txt', P('dangling.txt'));

  // a FIFO named like a plan beside a good file
  mkdirSync(P('fifo'));
  writeFileSync(P('fifo', 'good.txt'), seedText);
  const mk = spawnSync('mkfifo', [P('fifo', 'plan.txt')]);
  if (mk.status !== 0) throw new Error(`mkfifo failed: ${mk.stderr}`);

  mkdirSync(P('fifo-config'));
  writeFileSync(P('fifo-config', 'plan.txt'), tinyPlan(4));
  if (spawnSync('mkfifo', [P('fifo-config', '.planlintrc.yaml')]).status !== 0) throw new Error('mkfifo failed');
  writeFileSync(P('big.yaml'), `rules: {}\n${'#'.repeat(17 * MB)}\n`);

  // unreadable: a folder named like a plan; chmod 000 (unless root, who reads it anyway)
  mkdirSync(P('folder.txt'));
  writeFileSync(P('locked.txt'), tinyPlan(2));
  chmodSync(P('locked.txt'), 0o000);
  // a file whose every read fails even for root: /proc/self/mem (EIO at offset 0)
  if (existsSync('/proc/self/mem')) symlinkSync('/proc/self/mem', P('proc-mem.txt'));

  // configuration: a YAML alias bomb ("billion laughs"), found by --config and by lookup
  const bomb = ['rules:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    bomb.push(`  ${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  writeFileSync(P('bomb.yaml'), bomb.join('\n') + '\n');
  mkdirSync(P('bombed'));
  writeFileSync(P('bombed', '.planlintrc.yaml'), bomb.join('\n') + '\n');
  writeFileSync(P('bombed', 'plan.txt'), tinyPlan(3));
  writeFileSync(P('deep.yaml'), `rules:\n  x: ${'['.repeat(100000)}${']'.repeat(100000)}\n`);
  writeFileSync(P('huge-key.json'), JSON.stringify({ rules: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`r${i}`, 'warn'])) }));

  before = snapshot(inDir);
}, 300_000);

afterAll(() => {
  if (!work) return;
  try {
    chmodSync(P('locked.txt'), 0o600);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

describe.concurrent('files that are not plan text: exit 2, one line naming the file', () => {
  it.each([
    ['binary.txt'],
    ['binary.md'],
    ['archive.docx'],
    ['empty.txt'],
    ['empty.md'],
    ['blank.txt'],
    ['nul-only.txt'],
    ['nul-dense.txt'],
    ['invalid-utf8-noise.txt'],
  ])('%s', async (name) => {
    const ex = await cli(['extract', name]);
    expectOneLineError(ex, name);
    expectBoundedMemory(ex);
    expect(ex.stdout).toBe('');
    const ck = await cli(['check', name, '--format', 'json']);
    expectOneLineError(ck, name);
    expectBoundedMemory(ck);
  });

  it('a binary file among good ones: reported on one line, the others still checked', async () => {
    const r = await cli(['check', 'binary.txt', 'good.txt', 'empty.txt', '--format', 'json']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^plan-lint: binary\.txt: \S/);
    expect(lines[1]).toMatch(/^plan-lint: empty\.txt: \S/);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath))).toEqual(['good.txt']);
  });
});

describe.concurrent('damaged text: a valid result or exit 2 with one line', () => {
  it.each([['nul-sparse.txt'], ['invalid-utf8.txt'], ['invalid-utf8-cut.md']])('%s', async (name) => {
    const ex = await cli(['extract', name, '--format', 'json']);
    expectExtractOk(ex, name);
    expectBoundedMemory(ex);
    const ck = await cli(['check', name, '--format', 'json']);
    expectCheckOk(ck, name);
    expectBoundedMemory(ck);
  });

  it('NUL bytes sprinkled in a real plan are still read as the plan', async () => {
    const ex = await cli(['extract', 'nul-sparse.txt', '--format', 'json']);
    expect(expectExtractOk(ex, 'nul-sparse.txt', false)).toBe('ok');
    const doc = DocumentSchema.parse(JSON.parse(ex.stdout));
    expect(doc.plans.length).toBeGreaterThan(0);
    expect(doc.plans[0].tasks.length).toBeGreaterThan(5);
  });
});

describe.concurrent('deep nesting', () => {
  it.each([['nested-50.md'], ['nested-50-ordered.md']])('%s', async (name) => {
    const ex = await cli(['extract', name, '--format', 'json']);
    expectExtractOk(ex, name, false);
    expectBoundedMemory(ex);
    const ck = await cli(['check', name, '--format', 'json']);
    expectCheckOk(ck, name, false);
    expectBoundedMemory(ck);
  });

  it('50 nested list levels keep all 50 items', async () => {
    const ex = await cli(['extract', 'nested-50.md', '--format', 'json']);
    expect(expectExtractOk(ex, 'nested-50.md', false)).toBe('ok');
    const doc = DocumentSchema.parse(JSON.parse(ex.stdout));
    const texts = doc.plans.flatMap((p) => [...p.tasks, ...p.projects].map((t) => t.text)).join('\n');
    for (const d of [1, 25, 50]) expect(texts).toContain(`第${d}层任务`);
  });

  // 5 000 nested blockquotes overflow the stack in the recursive
  // visit() of src/ingest/markdown.ts; `extract` prints "plan-lint: Maximum call stack size
  // exceeded" without the file, `check` reports an "internal error".
  it('nested-5000-quote.md — a valid result or one line naming the file', async () => {
    expectExtractOk(await cli(['extract', 'nested-5000-quote.md', '--format', 'json']), 'nested-5000-quote.md');
    expectCheckOk(await cli(['check', 'nested-5000-quote.md', '--format', 'json']), 'nested-5000-quote.md');
  });

  // 5 000 nested <div>s overflow the stack in hast-util-from-parse5
  // (rehype-parse); same symptoms as bug 5.
  it('nested-html.html — a valid result or one line naming the file', async () => {
    expectExtractOk(await cli(['extract', 'nested-html.html', '--format', 'json']), 'nested-html.html');
    expectCheckOk(await cli(['check', 'nested-html.html', '--format', 'json']), 'nested-html.html');
  });

  // remark-parse takes cubic time on nested lists (1 000 levels: 30 s and 550 MB); plan-lint
  // refuses Markdown nested deeper than any plan before parsing it
  it('nested-2000-list.md — a valid result or one line, bounded memory', async () => {
    const ex = await cli(['extract', 'nested-2000-list.md', '--format', 'json']);
    expectExtractOk(ex, 'nested-2000-list.md');
    expectBoundedMemory(ex);
  });
});

describe.concurrent('one 100 MB line (check and extract side by side)', () => {
  it('check: exit 0 or 1, bounded memory', async () => {
    const r = await cli(['check', 'line-100mb.txt', '--format', 'json'], { timeoutMs: 170_000 });
    expectCheckOk(r, 'line-100mb.txt', false);
    expectBoundedMemory(r, RSS_BOUND_HUGE_LINE_MB);
  });

  it('extract -o: the whole model written atomically, bounded memory', async () => {
    const out = path.join(outDir, 'huge.json');
    const r = await cli(['extract', 'line-100mb.txt', '--format', 'json', '-o', out], { timeoutMs: 170_000 });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expectBoundedMemory(r, RSS_BOUND_HUGE_LINE_MB);
    DocumentSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(readdirSync(outDir)).toEqual(['huge.json']);
    rmSync(out);
  });

  it('one long line of many numbered tasks (positions are found in constant time per span)', async () => {
    // its own folder: the inputs folder is compared before and after all the runs
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-lint-line-')), 'line-tasks.txt');
    writeHugeLine(file, '（一）完善应急预案体系，到2025年底前修订预案（责任单位：区应急管理局）', 2 * MB);
    try {
      expectCheckOk(await cli(['check', file, '--format', 'json']), file, false);
    } finally {
      rmSync(file);
    }
  });
});

describe('a folder of 10 000 small files', () => {
  it('check: every file reported, exit 0 or 1, bounded memory, report written atomically', async () => {
    const out = path.join(outDir, 'corpus.json');
    const r = await cli(['check', 'corpus', '--format', 'json', '-o', out]);
    expect(r.signal, r.stderr).toBeNull();
    expect([0, 1], r.stderr).toContain(r.status);
    expect(r.stderr).toBe('');
    expectBoundedMemory(r);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { filePath: string; errorCount: number; messages: { ruleId: string }[] }[];
    expect(report).toHaveLength(10_000);
    expect(new Set(report.map((f) => f.filePath)).size).toBe(10_000);
    // in input order (folders sorted), and the planted placeholders found (every 13th file)
    expect(report.map((f) => f.filePath)).toEqual([...report.map((f) => f.filePath)].sort());
    const placeholders = report.filter((f) => f.messages.some((m) => m.ruleId === 'placeholder-text')).length;
    expect(placeholders).toBe(Math.ceil(10_000 / 13));
    expect(r.status).toBe(1);
    expect(readdirSync(outDir)).toEqual(['corpus.json']);
    rmSync(out);
  });
});

describe.concurrent('symbolic links', () => {
  it('a folder linked into itself and its parent: terminates, each plan checked once', async () => {
    const r = await cli(['check', 'loop', '--format', 'json']);
    expectCheckOk(r, 'loop', false);
    expectBoundedMemory(r);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(['plan.md', 'plan.txt']);
  });

  it('links in a folder are followed, and a file reached by two links is checked once', async () => {
    const r = await cli(['check', 'links', '--format', 'json']);
    expectCheckOk(r, 'links', false);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.relative(inDir, f.filePath));
    // links/sub → loop/sub, whose link abs → loop holds loop/plan.txt; up → loop is walked once
    expect(files).toEqual(['links/plan.txt', 'links/sub/abs/plan.txt', 'links/sub/plan.md']);
  });

  it('a glob through the loop: terminates, each plan checked once', async () => {
    const r = await cli(['check', 'loop/**/*.{txt,md}', '--format', 'json']);
    expectCheckOk(r, 'loop', false);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath));
    expect(files.sort()).toEqual(['plan.md', 'plan.txt']);
  });

  it.each([['ping.txt'], ['dangling.txt']])('%s (a link loop / a dangling link): exit 2, one line', async (name) => {
    expectOneLineError(await cli(['extract', name]), name);
    expectOneLineError(await cli(['check', name, '--format', 'json']), name);
  });
});

describe.concurrent('unreadable inputs: exit 2, one line naming the file', () => {
  it('a folder named like a plan (folder.txt)', async () => {
    expectOneLineError(await cli(['extract', 'folder.txt']), 'folder.txt');
    expectOneLineError(await cli(['check', 'folder.txt', '--format', 'json']), 'folder.txt');
  });

  it('a file that cannot be read', async () => {
    // as root, chmod 000 does not stop reading: use a file whose reads fail for everyone
    const name = isRoot ? 'proc-mem.txt' : 'locked.txt';
    if (isRoot && !existsSync(P(name))) throw new Error('running as root without /proc/self/mem: no unreadable file can be made');
    if (!isRoot) expect(() => readFileSync(P(name))).toThrow(/EACCES/);
    expectOneLineError(await cli(['extract', name]), name);
    expectOneLineError(await cli(['check', name, '--format', 'json']), name);
    // among good files: the others are still checked
    const r = await cli(['check', name, 'good.txt', '--format', 'json']);
    expectOneLineError(r, name);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath))).toEqual(['good.txt']);
  });
});

describe.concurrent('devices and pipes', () => {
  it('check /dev/zero: exit 2, one line (a device is not read forever)', async () => {
    const r = await cli(['check', '/dev/zero', '--format', 'json']);
    expectOneLineError(r, '/dev/zero');
    expectBoundedMemory(r);
  });

  it('a FIFO named plan.txt inside a folder: skipped, the run does not block', async () => {
    const r = await cli(['check', 'fifo', '--format', 'json']);
    expectCheckOk(r, 'fifo', false);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath))).toEqual(['good.txt']);
  });

  it('a FIFO named on the command line is read like a pipe', async () => {
    const child = spawn(process.execPath, [bin, 'check', P('fifo', 'plan.txt'), '--format', 'json'], { cwd: inDir });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await fsp.writeFile(P('fifo', 'plan.txt'), tinyPlan(5)); // opens the FIFO for writing: the child reads it
    expect([0, 1]).toContain(await exited);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  // `extract /dev/zero` reads forever (src/pipeline.ts readBytes →
  // readFile). The child is killed after 3 s here.
  it('extract /dev/zero — exit 2, one line', async () => {
    expectOneLineError(await cli(['extract', '/dev/zero'], { timeoutMs: 3000 }), '/dev/zero');
  });
});

describe.concurrent('configuration', () => {
  it('a YAML alias bomb given with --config: exit 2, one line, bounded memory', async () => {
    const r = await cli(['check', 'good.txt', '--config', 'bomb.yaml', '--format', 'json']);
    expectOneLineError(r, 'bomb.yaml');
    expectBoundedMemory(r);
    expect(r.stdout).toBe('');
  });

  it('a YAML alias bomb found as .planlintrc.yaml: exit 2, one line naming it', async () => {
    const r = await cli(['check', 'bombed', '--format', 'json']);
    expectOneLineError(r, 'bombed/.planlintrc.yaml');
    expectBoundedMemory(r);
  });

  it('100 000 nested brackets in a YAML config: exit 2, one line', async () => {
    const r = await cli(['check', 'good.txt', '--config', 'deep.yaml']);
    expectOneLineError(r, 'deep.yaml');
    expectBoundedMemory(r);
  });

  it('a JSON config with 1 000 unknown rules: exit 2, one line', async () => {
    expectOneLineError(await cli(['check', 'good.txt', '--config', 'huge-key.json']), 'huge-key.json');
  });

  it('--config /dev/zero, a folder, a 17 MB file: exit 2, one line each, bounded memory (nothing read forever)', async () => {
    for (const [config, shown] of [['/dev/zero', '/dev/zero'], ['fifo', 'fifo'], ['big.yaml', 'big.yaml']]) {
      const r = await cli(['check', 'good.txt', '--config', config], { timeoutMs: 30_000 });
      expectOneLineError(r, shown);
      expectBoundedMemory(r);
    }
  });

  it('a FIFO named .planlintrc.yaml is not taken for the configuration (it would block)', async () => {
    const r = await cli(['check', 'fifo-config', '--format', 'json'], { timeoutMs: 30_000 });
    expectCheckOk(r, 'fifo-config', false);
  });

  it('a missing config file: exit 2, one line', async () => {
    expectOneLineError(await cli(['check', 'good.txt', '--config', 'nope.yaml']), 'nope.yaml');
  });
});

describe('output files (-o): whole or not at all', () => {
  it('check -o into a missing folder: exit 2, one line, nothing written', async () => {
    const rel = path.relative(inDir, path.join(outDir, 'missing', 'report.json'));
    expectOneLineError(await cli(['check', 'good.txt', '--format', 'json', '-o', rel]), rel);
    expect(existsSync(path.join(outDir, 'missing'))).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('check -o onto an existing folder: exit 2, one line, no temporary file left', async () => {
    const target = path.join(outDir, 'taken');
    mkdirSync(target);
    try {
      const rel = path.relative(inDir, target);
      expectOneLineError(await cli(['check', 'good.txt', '--format', 'json', '-o', rel]), rel);
      expect(readdirSync(outDir)).toEqual(['taken']);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      rmSync(target, { recursive: true });
    }
  });

  // `extract -o` failures print the raw fs error naming the temporary
  // file ("plan-lint: ENOENT: no such file or directory, open '…/.out.yaml.123.ab.tmp'"),
  // not "plan-lint: out.yaml: cannot write (ENOENT)" (src/cli/extract.ts → fail()). Nothing
  // is left behind, which the second half checks.
  it('extract -o into a missing folder / onto a folder: one line naming the target', async () => {
    const missing = path.join(outDir, 'missing', 'out.yaml');
    const target = path.join(outDir, 'taken2');
    mkdirSync(target);
    try {
      const a = await cli(['extract', 'good.txt', '-o', missing]);
      const b = await cli(['extract', 'good.txt', '-o', target]);
      expect(existsSync(path.join(outDir, 'missing'))).toBe(false);
      expect(readdirSync(outDir)).toEqual(['taken2']);
      expect(readdirSync(target)).toEqual([]);
      expectOneLineError(a, missing);
      expectOneLineError(b, target);
    } finally {
      rmSync(target, { recursive: true });
    }
  });

  it('after success: the output complete, no temporary file beside it', async () => {
    const y = path.join(outDir, 'plan.yaml');
    const j = path.join(outDir, 'report.json');
    const ex = await cli(['extract', 'good.txt', '-o', y]);
    expect(ex.status, ex.stderr).toBe(0);
    const ck = await cli(['check', 'good.txt', '--format', 'json', '-o', j]);
    expect([0, 1]).toContain(ck.status);
    expect(readdirSync(outDir).sort()).toEqual(['plan.yaml', 'report.json']);
    expect(tempFiles(outDir)).toEqual([]);
    expect(readFileSync(y, 'utf8')).toMatch(/^schemaVersion: 1\n/);
    expect(JSON.parse(readFileSync(j, 'utf8'))).toHaveLength(1);
    rmSync(y);
    rmSync(j);
  });

  it('a bad input with -o: exit 2, the previous output untouched, no temporary file', async () => {
    const y = path.join(outDir, 'keep.yaml');
    writeFileSync(y, 'previous\n');
    expectOneLineError(await cli(['extract', 'binary.txt', '-o', y]), 'binary.txt');
    expect(readFileSync(y, 'utf8')).toBe('previous\n');
    expect(readdirSync(outDir)).toEqual(['keep.yaml']);
    rmSync(y);
  });

  it('killed midway: the target holds the old content or the whole new one, never a part', async () => {
    const y = path.join(outDir, 'killed.json');
    const old = '{"old": true}\n';
    // kill at ever later moments (reading, extracting, serializing, writing) until a run
    // completes: whatever the moment, the file is either untouched or complete
    let completed = false;
    let killed = 0;
    for (let delayMs = 150; !completed && delayMs < 60_000; delayMs = Math.round(delayMs * 1.5)) {
      writeFileSync(y, old);
      const child = spawn(process.execPath, [bin, 'extract', 'line-4mb.txt', '--format', 'json', '-o', y], { cwd: inDir, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      const code = await exited;
      clearTimeout(timer);
      const content = readFileSync(y, 'utf8');
      // changed → the whole new model (a kill may land after the rename, before the exit)
      if (content !== old) DocumentSchema.parse(JSON.parse(content));
      if (code === 0) completed = true;
      else killed++;
      // a temporary file may remain after SIGKILL (nothing can remove it), but only a dot-file
      // beside the target, never the target itself half-written
      for (const f of readdirSync(outDir)) if (f !== 'killed.json') expect(f).toMatch(/^\.killed\.json\..*\.tmp$/);
      for (const f of readdirSync(outDir)) if (f !== 'killed.json') rmSync(path.join(outDir, f));
    }
    expect(completed).toBe(true);
    expect(killed, 'no run was killed before it completed: the case tested nothing').toBeGreaterThan(1);
    rmSync(y);
  }, 180_000);
});

// Declared last, so it runs after every case above (vitest runs a file's suites in order).
it('the inputs are byte-for-byte as generated after all the runs above (hashes, sizes, modes, mtimes)', () => {
  const now = snapshot(inDir);
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [p, h] of before) expect(now.get(p), p).toBe(h);
  expect(statSync(P('line-100mb.txt')).size).toBeGreaterThanOrEqual(100 * MB);
});
