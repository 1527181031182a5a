// The extract and schema commands through the real command line, in-process.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { planLint, repo, workspace } from '../helpers/cli.js';
import { SEEDS, seedPath } from './helpers.js';

describe('plan-lint extract', () => {
  it('prints YAML that validates against the model', async () => {
    const r = await planLint(['extract', seedPath(SEEDS.workPoints)]);
    expect(r.status).toBe(0);
    expect(DocumentSchema.parse(YAML.parse(r.stdout)).plans[0].tasks).toHaveLength(64);
  });

  it('prints JSON with --format json and writes -o atomically', async () => {
    const dir = workspace();
    const out = path.join(dir, 'out.json');
    const r = await planLint(['extract', seedPath(SEEDS.district), '--format', 'json', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).plans[0].indicators).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('reads standard input with -', async () => {
    const r = await planLint(['extract', '-', '--format', 'json'], { stdin: readFileSync(seedPath(SEEDS.workPoints)) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe('<stdin>');
  });

  it('never modifies its input', async () => {
    const before = readFileSync(seedPath(SEEDS.resort));
    await planLint(['extract', seedPath(SEEDS.resort)]);
    expect(readFileSync(seedPath(SEEDS.resort)).equals(before)).toBe(true);
  });

  it.each([
    ['a missing file', (dir: string) => path.join(dir, 'missing.txt'), /missing\.txt: no such file$/],
    ['an empty file', (dir: string) => (writeFileSync(path.join(dir, 'empty.txt'), ''), path.join(dir, 'empty.txt')), /empty\.txt: empty file/],
    ['a binary file', (dir: string) => (writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0])), path.join(dir, 'bin.txt')), /bin\.txt: binary data/],
    // a folder is walked like check walks it (extract over many files); this one holds no plan
    ['an empty folder', (dir: string) => dir, /: no plan files \(.*\) in this folder$/],
  ])('rejects %s with exit 2 and one line naming it', async (_what, make, message) => {
    const r = await planLint(['extract', make(workspace()), '--locale', 'en']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });

  it.each([
    ['a truncated .docx', 'broken.docx', () => Buffer.from('504b0304140000000800', 'hex'), /broken\.docx: damaged \.docx/],
    ['a PDF named .docx', 'fake.docx', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), /fake\.docx: not a \.docx file \(it is a PDF\)/],
    ['an HTML page with no body text', 'empty.html', () => Buffer.from('<html><head><title>x</title><script>var a=1</script></head><body></body></html>'), /empty\.html: no text in the page body/],
  ])('rejects %s with exit 2 and one line naming the file', async (_what, name, bytes, message) => {
    const dir = workspace({ [name]: bytes() });
    for (const cmd of ['extract', 'check']) {
      const r = await planLint([cmd, path.join(dir, name), '--locale', 'en']);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('refuses an unknown format with exit 2', async () => {
    expect((await planLint(['extract', seedPath(SEEDS.district), '--format', 'xml'])).status).toBe(2);
  });

  it('-o into a missing folder or onto a folder: one line naming the target, nothing left behind', async () => {
    const dir = workspace({ 'taken/keep.txt': 'x' });
    for (const target of [path.join(dir, 'missing', 'out.yaml'), path.join(dir, 'taken')]) {
      const r = await planLint(['extract', seedPath(SEEDS.workPoints), '-o', target, '--locale', 'en']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`plan-lint: ${target}: cannot write (${target.endsWith('taken') ? 'EISDIR' : 'ENOENT'})\n`);
    }
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(path.join(dir, 'taken'))).toEqual(['keep.txt']);
  });

  it('a bad input with -o leaves the previous output untouched', async () => {
    const dir = workspace({ 'bin.txt': Buffer.alloc(100), 'keep.yaml': 'previous\n' });
    const r = await planLint(['extract', 'bin.txt', '-o', 'keep.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(readFileSync(path.join(dir, 'keep.yaml'), 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual(['bin.txt', 'keep.yaml']);
  });
});

describe('plan-lint schema', () => {
  it('prints the JSON Schema generated from the zod model', async () => {
    const r = await planLint(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.plans.items.properties.tasks.items.required).toEqual(
      expect.arrayContaining(['id', 'section', 'title', 'text', 'owners', 'deadline', 'targets', 'span']),
    );
    // the input formats are the reader registry's
    expect(schema.properties.source.properties.format.enum).toEqual(['txt', 'md', 'html', 'docx', 'pdf']);
  });
});

describe('npm start', () => {
  it('extracts and checks the bundled fixtures with no arguments', async () => {
    const r = await planLint(['demo'], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2020年全区应急管理工作要点');
    expect(r.stdout).toContain('64 tasks (64 with owners)');
    expect(r.stdout).toContain('plan-lint check: what a drafter is told');
    expect(r.stdout).toMatch(/✖ \d+ 个问题/);
  });
});
