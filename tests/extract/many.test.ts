// `extract` over several files, folders and globs, through the runner: JSON Lines for --format
// json (one document per line), multi-document YAML for yaml; one file keeps its one document.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DocumentSchema } from '../../src/model/schema.js';
import { cleanPlan, planLint, repo, seed, workspace } from '../helpers/cli.js';

const rel = (f: string) => path.relative(repo, f);
const names = ['a.txt', 'b.txt', 'c/d.txt'];
/** three small plans with their own titles */
const corpus = () =>
  workspace(Object.fromEntries(names.map((n, i) => [n, cleanPlan.replace('示范区', `第${i + 1}示范区`)])));

describe('extract over many files', () => {
  it('--format json: one document per line, in input order (folders sorted), each the whole model', async () => {
    const dir = corpus();
    const r = await planLint(['extract', 'a.txt', 'c', 'b.txt', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    const docs = lines.map((l) => DocumentSchema.parse(JSON.parse(l)));
    expect(docs.map((d) => d.source.path)).toEqual(['a.txt', 'c/d.txt', 'b.txt']);
    expect(docs.map((d) => d.plans[0].title)).toEqual(['第1示范区应急管理“十四五”规划(2021—2025年)', '第3示范区应急管理“十四五”规划(2021—2025年)', '第2示范区应急管理“十四五”规划(2021—2025年)']);
    // each line is what extract of that one file prints, on one line
    const one = await planLint(['extract', 'c/d.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(lines[1]));
  });

  it('yaml: documents separated by ---, read back by a multi-document parser', async () => {
    const dir = corpus();
    const out = path.join(dir, 'all.yaml');
    const r = await planLint(['extract', '*.txt', 'c', '-o', out], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    const docs = YAML.parseAllDocuments(text).map((d) => DocumentSchema.parse(d.toJS()));
    expect(docs.map((d) => d.source.path)).toEqual(['a.txt', 'b.txt', 'c/d.txt']);
  });

  it('a bad input is one line on stderr; the others are still extracted; exit 2', async () => {
    const dir = corpus();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await planLint(['extract', 'a.txt', 'empty.txt', 'missing.txt', 'b.txt', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n').sort()).toEqual(['plan-lint: empty.txt: 空文件，不是规划文本', 'plan-lint: missing.txt: 文件或文件夹不存在']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).source.path)).toEqual(['a.txt', 'b.txt']);
  });

  it('one file keeps its exact output: one pretty document, YAML without ---', async () => {
    const json = await planLint(['extract', rel(seed.workPoints), '--format', 'json']);
    expect(json.stdout).toMatch(/^\{\n  "schemaVersion": 1,/);
    expect(json.stdout.trimEnd().split('\n').length).toBeGreaterThan(100);
    const yaml = await planLint(['extract', rel(seed.workPoints)]);
    expect(yaml.stdout).toMatch(/^schemaVersion: 1\n/);
    expect(YAML.parse(yaml.stdout)).toEqual(JSON.parse(json.stdout));
  });
});
