// Hostile input through the real command line, in-process (tests/helpers/cli.ts): each case gives
// a valid result, or exit 2 with exactly one line on stderr naming the file and no stack trace;
// inputs are never modified; an output file is written whole or not at all. Peak memory and
// the process-level cases (a kill, a FIFO read by the real binary) are in scaling.test.ts and
// tests/smoke.test.ts; the 100 MB and 10 000-file runs are in stress.test.ts (STRESS=1).
import { createHash } from 'node:crypto';
import {
  chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { promises as fsp } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { planLint as run, repo as root, type Run } from '../helpers/cli.js';

let work: string; // everything lives here
let inDir: string; // inputs (hashed before and after every run)
let outDir: string; // outputs

const seedText = readFileSync(path.join(root, 'fixtures', 'seeds', 'district-emergency-plan-2021-2025.txt'), 'utf8');
const isRoot = process.getuid?.() === 0;

const cli = (args: string[], cwd = inDir): Promise<Run> => run(args, { cwd });

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exit 2 with exactly one stderr line `plan-lint: <shown>: <reason>`, no stack trace; the
 *  file may be named as given or by its absolute path. */
function expectOneLineError(r: Run, shown: string): void {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  const names = [shown, path.resolve(inDir, shown)].map(escapeRe).join('|');
  expect(lines[0]).toMatch(new RegExp(`^plan-lint: (?:${names}): \\S`));
  expect(r.stderr).not.toMatch(/^\s+at .+[:(]/m);
  expect(r.stderr).not.toMatch(/internal error|内部错误|Error:|RangeError|TypeError/);
}

/** A valid `extract --format json` result (exit 0) or a one-line exit 2. */
function expectExtractOk(r: Run, shown: string, allowError = true): 'ok' | 'error' {
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
    } else if (st.isFile() && (st.mode & 0o444) !== 0 && !p.endsWith('locked.txt')) {
      out.set(p, `file:${meta}:${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    } else out.set(p, `other:${st.mode}`); // links, FIFOs (a write to a FIFO touches its mtime)
  };
  visit(dir);
  return out;
}

let before: Map<string, string>;

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

const P = (...p: string[]) => path.join(inDir, ...p);

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-hostile-'));
  inDir = path.join(work, 'in');
  outDir = path.join(work, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);

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
  // CR-only line ends (old Mac files): positions on their own lines
  writeFileSync(P('cr-only.txt'), seedText.replace(/\r?\n/g, '\r'));
  // nesting: 50 levels of Markdown list, and far deeper (list and blockquote) as a stack test
  const nested = (depth: number, indent: (d: number) => string) =>
    ['# 某区应急管理规划', '', '## 一、主要任务', '', ...Array.from({ length: depth }, (_, d) => `${indent(d)}- 第${d + 1}层任务：完善预案（责任单位：区应急管理局）`)].join('\n') + '\n';
  writeFileSync(P('nested-50.md'), nested(50, (d) => '  '.repeat(d)));
  writeFileSync(P('nested-50-ordered.md'), ['# 规划', '', ...Array.from({ length: 50 }, (_, d) => `${'   '.repeat(d)}1. 任务${d}（牵头单位：区应急局）`)].join('\n'));
  writeFileSync(P('nested-5000-quote.md'), `# 规划\n\n${'>'.repeat(5000)} 完善预案（责任单位：区应急管理局）\n`);
  writeFileSync(P('nested-2000-list.md'), nested(2000, (d) => '  '.repeat(d)));
  writeFileSync(P('nested-html.html'), `<html><body><h1>某区规划</h1>${'<div>'.repeat(5000)}<p>一、完善预案（责任单位：区应急管理局）</p>${'</div>'.repeat(5000)}</body></html>`);

  // 300 small files in 10 folders
  for (let d = 0; d < 10; d++) {
    const dir = P('corpus', `d${String(d).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 30; f++) writeFileSync(path.join(dir, `p${String(f).padStart(2, '0')}.txt`), tinyPlan(d * 30 + f));
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
  writeFileSync(P('big.yaml'), `rules: {}\n${'#'.repeat(17 * 1024 * 1024)}\n`);

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
  writeFileSync(P('deep.yaml'), `rules:\n  x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`); // deep enough to overflow the parser's stack
  writeFileSync(P('huge-key.json'), JSON.stringify({ rules: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`r${i}`, 'warn'])) }));

  before = snapshot(inDir);
}, 120_000);

afterAll(() => {
  if (!work) return;
  try {
    chmodSync(P('locked.txt'), 0o600);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

describe('files that are not plan text: exit 2, one line naming the file', () => {
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
    expect(ex.stdout).toBe('');
    expectOneLineError(await cli(['check', name, '--format', 'json']), name);
  });

  it('a binary file among good ones: reported on one line, the others still checked', async () => {
    const r = await cli(['check', 'binary.txt', 'good.txt', 'empty.txt', '--format', 'json']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^plan-lint: binary\.txt: \S/);
    expect(lines[1]).toMatch(/^plan-lint: empty\.txt: \S/);
    // the unreadable files are listed with ESLint's fatal message, the good one with its diagnostics
    const json = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number }[];
    expect(json.map((f) => `${path.basename(f.filePath)} ${f.fatalErrorCount}`)).toEqual(['binary.txt 1', 'good.txt 0', 'empty.txt 1']);
  });
});

describe('damaged text: a valid result or exit 2 with one line', () => {
  it.each([['nul-sparse.txt'], ['invalid-utf8.txt'], ['invalid-utf8-cut.md']])('%s', async (name) => {
    expectExtractOk(await cli(['extract', name, '--format', 'json']), name);
    expectCheckOk(await cli(['check', name, '--format', 'json']), name);
  });

  it('NUL bytes sprinkled in a real plan are still read as the plan', async () => {
    const ex = await cli(['extract', 'nul-sparse.txt', '--format', 'json']);
    expect(expectExtractOk(ex, 'nul-sparse.txt', false)).toBe('ok');
    const doc = DocumentSchema.parse(JSON.parse(ex.stdout));
    expect(doc.plans.length).toBeGreaterThan(0);
    expect(doc.plans[0].tasks.length).toBeGreaterThan(5);
  });

  it('CR-only line ends give the same lines and columns as LF', async () => {
    const lf = await cli(['check', 'good.txt', '--format', 'compact']);
    const cr = await cli(['check', 'cr-only.txt', '--format', 'compact']);
    expect(cr.stdout.replaceAll('cr-only.txt', 'good.txt')).toBe(lf.stdout);
  });
});

describe('deep nesting', () => {
  it.each([['nested-50.md'], ['nested-50-ordered.md']])('%s', async (name) => {
    expectExtractOk(await cli(['extract', name, '--format', 'json']), name, false);
    expectCheckOk(await cli(['check', name, '--format', 'json']), name, false);
  });

  it('50 nested list levels keep all 50 items', async () => {
    const ex = await cli(['extract', 'nested-50.md', '--format', 'json']);
    expect(expectExtractOk(ex, 'nested-50.md', false)).toBe('ok');
    const doc = DocumentSchema.parse(JSON.parse(ex.stdout));
    const texts = doc.plans.flatMap((p) => [...p.tasks, ...p.projects].map((t) => t.text)).join('\n');
    for (const d of [1, 25, 50]) expect(texts).toContain(`第${d}层任务`);
  });

  // parsers recurse on nesting: the 5 000 levels are refused or read, never a crash without the file
  it.each([['nested-5000-quote.md'], ['nested-html.html'], ['nested-2000-list.md']])('%s — a valid result or one line naming the file', async (name) => {
    expectExtractOk(await cli(['extract', name, '--format', 'json']), name);
    expectCheckOk(await cli(['check', name, '--format', 'json']), name);
  });
});

describe('a folder of 300 small files', () => {
  it('check: every file reported in input order, the planted placeholders found, written atomically', async () => {
    const out = path.join(outDir, 'corpus.json');
    const r = await cli(['check', 'corpus', '--format', 'json', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(report).toHaveLength(300);
    expect(report.map((f) => f.filePath)).toEqual([...report.map((f) => f.filePath)].sort());
    expect(report.filter((f) => f.messages.some((m) => m.ruleId === 'placeholder-text')).length).toBe(Math.ceil(300 / 13));
    expect(readdirSync(outDir)).toEqual(['corpus.json']);
    rmSync(out);
  });
});

describe('symbolic links', () => {
  it('a folder linked into itself and its parent: terminates, each plan checked once', async () => {
    const r = await cli(['check', 'loop', '--format', 'json']);
    expectCheckOk(r, 'loop', false);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath));
    expect(files.sort()).toEqual(['plan.md', 'plan.txt']);
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
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath)).sort()).toEqual(['plan.md', 'plan.txt']);
  });

  it.each([['ping.txt'], ['dangling.txt']])('%s (a link loop / a dangling link): exit 2, one line', async (name) => {
    expectOneLineError(await cli(['extract', name]), name);
    expectOneLineError(await cli(['check', name, '--format', 'json']), name);
  });
});

describe('unreadable inputs: exit 2, one line naming the file', () => {
  it('a folder named like a plan (folder.txt)', async () => {
    expectOneLineError(await cli(['extract', 'folder.txt']), 'folder.txt');
    expectOneLineError(await cli(['check', 'folder.txt', '--format', 'json']), 'folder.txt');
  });

  it('a file that cannot be read', async () => {
    // as root, chmod 000 does not stop reading: use a file whose reads fail for everyone
    const name = isRoot ? 'proc-mem.txt' : 'locked.txt';
    if (isRoot && !existsSync(P(name))) throw new Error('running as root without /proc/self/mem: no unreadable file can be made');
    expectOneLineError(await cli(['extract', name]), name);
    expectOneLineError(await cli(['check', name, '--format', 'json']), name);
    const r = await cli(['check', name, 'good.txt', '--format', 'json']);
    expectOneLineError(r, name);
    const json = JSON.parse(r.stdout) as { filePath: string; fatalErrorCount: number }[];
    expect(json.map((f) => `${path.basename(f.filePath)} ${f.fatalErrorCount}`)).toEqual([`${name} 1`, 'good.txt 0']);
  });
});

describe('devices and pipes', () => {
  it('check and extract /dev/zero: exit 2, one line (a device is not read)', async () => {
    expectOneLineError(await cli(['check', '/dev/zero', '--format', 'json']), '/dev/zero');
    expectOneLineError(await cli(['extract', '/dev/zero']), '/dev/zero');
  });

  it('a FIFO named plan.txt inside a folder: skipped, the run does not block', async () => {
    const r = await cli(['check', 'fifo', '--format', 'json']);
    expectCheckOk(r, 'fifo', false);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => path.basename(f.filePath))).toEqual(['good.txt']);
  });

  it('a FIFO named on the command line is read like a pipe', async () => {
    const [r] = await Promise.all([cli(['check', P('fifo', 'plan.txt'), '--format', 'json']), fsp.writeFile(P('fifo', 'plan.txt'), tinyPlan(5))]);
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('a YAML alias bomb given with --config: exit 2, one line', async () => {
    const r = await cli(['check', 'good.txt', '--config', 'bomb.yaml', '--format', 'json']);
    expectOneLineError(r, 'bomb.yaml');
    expect(r.stdout).toBe('');
  });

  it('a YAML alias bomb found as .planlintrc.yaml: exit 2, one line naming it', async () => {
    expectOneLineError(await cli(['check', 'bombed', '--format', 'json']), 'bombed/.planlintrc.yaml');
  });

  it.each([['deep.yaml'], ['huge-key.json'], ['/dev/zero'], ['fifo'], ['big.yaml'], ['nope.yaml']])(
    '--config %s: exit 2, one line (nothing read forever)',
    async (config) => {
      expectOneLineError(await cli(['check', 'good.txt', '--config', config]), config);
    },
  );

  it('a FIFO named .planlintrc.yaml is not taken for the configuration (it would block)', async () => {
    expectCheckOk(await cli(['check', 'fifo-config', '--format', 'json']), 'fifo-config', false);
  });
});

describe('output files (-o): whole or not at all', () => {
  it('check -o into a missing folder: exit 2, one line, nothing written', async () => {
    const rel = path.relative(inDir, path.join(outDir, 'missing', 'report.json'));
    expectOneLineError(await cli(['check', 'good.txt', '--format', 'json', '-o', rel]), rel);
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

  it('after success: the output complete, no temporary file beside it', async () => {
    const y = path.join(outDir, 'plan.yaml');
    const j = path.join(outDir, 'report.json');
    expect((await cli(['extract', 'good.txt', '-o', y])).status).toBe(0);
    expect([0, 1]).toContain((await cli(['check', 'good.txt', '--format', 'json', '-o', j])).status);
    expect(readdirSync(outDir).sort()).toEqual(['plan.yaml', 'report.json']);
    expect(readFileSync(y, 'utf8')).toMatch(/^schemaVersion: 1\n/);
    expect(JSON.parse(readFileSync(j, 'utf8'))).toHaveLength(1);
    rmSync(y);
    rmSync(j);
  });
});

// Declared last, so it runs after every case above (vitest runs a file's tests in order).
it('the inputs are byte-for-byte as generated after all the runs above (hashes, sizes, modes, mtimes)', () => {
  const now = snapshot(inDir);
  expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [p, h] of before) expect(now.get(p), p).toBe(h);
});
