// The extract and schema commands through the real CLI, as a user runs them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../src/model/schema.js';
import { SEEDS, root, seedPath } from './helpers.js';

const cli = (args: string[], input?: string | Buffer) =>
  spawnSync('node', [path.join(root, 'bin', 'plan-lint.js'), ...args], { encoding: 'utf8', input, cwd: root });

describe('plan-lint extract', () => {
  it('prints YAML that validates against the model', () => {
    const r = cli(['extract', seedPath(SEEDS.workPoints)]);
    expect(r.status).toBe(0);
    const doc = YAML.parse(r.stdout);
    expect(DocumentSchema.parse(doc).plans[0].tasks).toHaveLength(64);
  });

  it('prints JSON with --format json and writes -o atomically', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
    const out = path.join(dir, 'out.json');
    const r = cli(['extract', seedPath(SEEDS.district), '--format', 'json', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).plans[0].indicators).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('reads standard input with -', () => {
    const r = cli(['extract', '-', '--format', 'json'], readFileSync(seedPath(SEEDS.workPoints)));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).source.path).toBe('<stdin>');
  });

  it('never modifies its input', () => {
    const before = readFileSync(seedPath(SEEDS.resort));
    cli(['extract', seedPath(SEEDS.resort)]);
    expect(readFileSync(seedPath(SEEDS.resort)).equals(before)).toBe(true);
  });

  it.each([
    ['a missing file', (dir: string) => path.join(dir, 'missing.txt'), /missing\.txt: no such file/],
    ['an empty file', (dir: string) => (writeFileSync(path.join(dir, 'empty.txt'), ''), path.join(dir, 'empty.txt')), /empty\.txt: empty file/],
    ['a binary file', (dir: string) => (writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0])), path.join(dir, 'bin.txt')), /bin\.txt: binary data/],
  ])('rejects %s with exit 2 and one line', (_what, make, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
    const r = cli(['extract', make(dir)]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    ['a truncated .docx', 'broken.docx', () => Buffer.from('504b0304140000000800', 'hex'), /broken\.docx: damaged \.docx/],
    ['a PDF named .docx', 'fake.docx', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), /fake\.docx: not a \.docx file \(it is a PDF\)/],
    ['an HTML page with no body text', 'empty.html', () => Buffer.from('<html><head><title>x</title><script>var a=1</script></head><body></body></html>'), /empty\.html: no text in the page body/],
  ])('rejects %s with exit 2 and one line naming the file', (_what, name, bytes, message) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
    writeFileSync(path.join(dir, name), bytes());
    for (const cmd of ['extract', 'check']) {
      const r = cli([cmd, path.join(dir, name)]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('refuses an unknown format with exit 2', () => {
    expect(cli(['extract', seedPath(SEEDS.district), '--format', 'xml']).status).toBe(2);
  });
});

describe('plan-lint schema', () => {
  it('prints the JSON Schema generated from the zod model', () => {
    const r = cli(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.plans.items.properties.tasks.items.required).toEqual(
      expect.arrayContaining(['id', 'section', 'title', 'text', 'owners', 'deadline', 'targets', 'span']),
    );
  });
});

describe('npm start', () => {
  it('extracts the bundled fixtures with no arguments', () => {
    const r = cli(['demo']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2020年全区应急管理工作要点');
    expect(existsSync(path.join(root, 'fixtures', 'seeds'))).toBe(true);
  });
});
