// One unit written two ways is one unit: the built-in official short forms
// (grammars/unit-aliases.yaml) and the configuration's units.aliases, applied wherever units are
// counted or compared — facts, export, the report's chart, owner-unknown, diff — while the
// extract model keeps every name as written.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { unitNamer } from '../../src/analysis/unit-names.js';
import { runCheck } from '../../src/cli/check.js';
import { extractText } from '../../src/pipeline.js';
import { captureIO, planLint, repo, workspace } from '../helpers/cli.js';

describe('canonical names', () => {
  const canonical = unitNamer();
  it.each([
    ['区住建局', '区住房和城乡建设局'],
    ['区住房城乡建设局', '区住房和城乡建设局'],
    ['区住房和城乡建设局', '区住房和城乡建设局'],
    ['市市场监管局', '市市场监督管理局'],
    ['度假区住建局', '度假区住房和城乡建设局'],
    ['国家发展改革委', '国家发展和改革委员会'],
    ['市发改委', '市发展和改革委员会'],
    ['县人社局', '县人力资源和社会保障局'],
    ['州卫健委', '州卫生健康委员会'],
    ['区应急局', '区应急管理局'],
    ['市工信局', '市工业和信息化局'],
    ['区交通局', '区交通运输局'],
    ['区政府办', '区人民政府办公室'],
    ['住建局', '住房和城乡建设局'],
    // folded: traditional characters, full-width brackets, stray spaces
    ['區住建局', '区住房和城乡建设局'],
    ['市 市场 监管局', '市市场监督管理局'],
  ])('%s → %s', (name, want) => {
    expect(canonical(name)).toBe(want);
  });

  it.each([
    // a short form inside a longer name, or after something that is not a level, is not one
    '市公安局度假区分局',
    '市住建局度假区分局',
    '各县(市、区)政府',
    '区应急管理局',
    '区气象局',
  ])('%s keeps its name', (name) => {
    expect(canonical(name)).toBe(name);
  });

  it('configured aliases map whole names, then the short forms apply to what they map to', () => {
    const named = unitNamer({ 区安监局: '区应急局', 'XX办': '区人民政府办公室' });
    expect(named('区安监局')).toBe('区应急管理局');
    expect(named('XX办')).toBe('区人民政府办公室');
    expect(named('区市场监管局')).toBe('区市场监督管理局');
  });
});

const planText = (...clauses: string[]) =>
  [
    '示范区市场监管“十四五”规划(2021—2025年)',
    '',
    '一、发展目标',
    '到2025年，市场监管体系基本建成。',
    '',
    '二、主要任务',
    ...clauses.map((c, i) => `(${'一二三四五六'[i]})${['加强质量监管', '强化食品安全', '规范市场秩序', '推进信用监管', '优化营商环境', '保障特种设备'][i]}。开展专项整治行动。(${c})`),
    '',
    '三、保障措施',
    '(一)加强组织领导。各部门要把规划实施摆在重要位置。',
    '',
  ].join('\n');

const text = planText('责任单位:区市场监管局', '责任单位:区市场监督管理局', '区住建局牵头，区安监局配合', '责任单位:区住房和城乡建设局', '责任单位:区应急管理局');

describe('facts', () => {
  it('name each unit canonically, while the model keeps the names as written', async () => {
    const a = await extractText(text, { path: 'plan.txt', sha256: '', encoding: 'utf-8', format: 'txt' });
    const plan = a.document.plans[0];
    expect(plan.tasks.map((t) => t.owners?.lead[0])).toEqual(['区市场监管局', '区市场监督管理局', '区住建局', '区住房和城乡建设局', '区应急管理局']);
    expect(a.facts.plans[0].tasks.map((t) => t.unit)).toEqual(['区市场监督管理局', '区市场监督管理局', '区住房和城乡建设局', '区住房和城乡建设局', '区应急管理局']);
    expect(a.facts.plans[0].tasks[2].units.map((u) => [u.name, u.canonical, u.role])).toEqual([
      ['区住建局', '区住房和城乡建设局', 'lead'],
      ['区安监局', '区安全生产监督管理局', 'support'],
    ]);
  });
});

/** A folder with the plan and a configuration that says 区安监局 is now 区应急管理局. */
const folder = (config = 'units:\n  aliases:\n    区安监局: 区应急管理局\n', body = text) => workspace({ 'plan.txt': body, '.planlintrc.yaml': config });

describe('applied everywhere units are counted or compared', () => {
  it('export: the canonical columns and JSON fields, with the configured aliases', async () => {
    const dir = folder();
    const r = await planLint(['export', 'plan.txt', '--what', 'tasks'], { cwd: dir });
    expect(r.stderr).toBe('');
    const [header, ...rows] = parse(r.stdout, { bom: true }) as string[][];
    const col = (h: string) => rows.map((row) => row[header.indexOf(h)]);
    expect(col('牵头单位')).toEqual(['区市场监管局', '区市场监督管理局', '区住建局', '区住房和城乡建设局', '区应急管理局']);
    expect(col('主责单位')).toEqual(['区市场监督管理局', '区市场监督管理局', '区住房和城乡建设局', '区住房和城乡建设局', '区应急管理局']);
    expect(col('牵头单位规范名')[2]).toBe('区住房和城乡建设局');
    expect(col('配合单位规范名')[2]).toBe('区应急管理局');
    const j = await planLint(['export', 'plan.txt', '--what', 'tasks', '--format', 'jsonl'], { cwd: dir });
    expect(JSON.parse(j.stdout.split('\n')[2]).canonicalOwners).toEqual({ lead: ['区住房和城乡建设局'], support: ['区应急管理局'] });
  });

  it("the report's unit chart counts a unit once, whatever way it is written", async () => {
    const dir = folder();
    const r = await planLint(['report', 'plan.txt', '-o', 'r.html'], { cwd: dir });
    expect(r.stderr).toBe('');
    const html = readFileSync(path.join(dir, 'r.html'), 'utf8');
    const bars = [...html.matchAll(/<title>([^<：]+)：(\d+) 项<\/title>/g)].map((m) => [m[1], Number(m[2])]);
    expect(bars).toEqual([
      ['区住房和城乡建设局', 2],
      ['区市场监督管理局', 2],
      ['区应急管理局', 1],
    ]);
  });

  it('owner-unknown: a short form or a configured alias of a known unit is known', async () => {
    const rules = 'rules:\n  owner-unknown: [warn, {units: [区市场监督管理局, 区住房和城乡建设局, 区应急管理局]}]\n';
    const known = await planLint(['check', 'plan.txt', '-f', 'json'], { cwd: folder(`units:\n  aliases:\n    区安监局: 区应急管理局\n${rules}`) });
    const ids = (run: { stdout: string }) => (JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[])[0].messages.filter((m) => m.ruleId === 'owner-unknown').map((m) => m.message);
    expect(ids(known)).toEqual([]);
    // without the alias, 区安监局 is unknown (区安全生产监督管理局 is not in the list)
    const unaliased = await planLint(['check', 'plan.txt', '-f', 'json'], { cwd: folder(rules) });
    expect(ids(unaliased)).toEqual(['责任单位“区安监局”不在已知单位名单中']);
  });

  it('owner-unknown in worker threads (check -j 2 over many files) reads the same aliases', async () => {
    const rules = 'rules:\n  owner-unknown: [warn, {units: [区市场监督管理局, 区住房和城乡建设局, 区应急管理局]}]\n';
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`plan-${i}.txt`, text.replace('示范区', `第${i}示范区`)]));
    const dir = workspace({ ...files, '.planlintrc.yaml': `units:\n  aliases:\n    区安监局: 区应急管理局\n${rules}` });
    const c = captureIO({ cwd: dir });
    const workerScript = new URL(`file://${path.join(repo, 'dist', 'run', 'worker.js')}`);
    await runCheck(['.'], { format: 'json', jobs: 2, workerScript, rule: ['task-missing-deadline=off'] }, c.io);
    expect(c.stderr()).toBe('');
    const results = JSON.parse(c.stdout()) as { messages: { ruleId: string }[] }[];
    expect(results).toHaveLength(8);
    expect(results.flatMap((r) => r.messages).filter((m) => m.ruleId === 'owner-unknown')).toEqual([]);
  });

  it('diff: a unit written the other way, or by its configured alias, is not an owner change', async () => {
    const dir = folder();
    const renamed = planText('责任单位:区市场监督管理局', '责任单位:区市场监管局', '区住房和城乡建设局牵头，区应急管理局配合', '责任单位:区住建局', '责任单位:区应急局');
    writeFileSync(path.join(dir, 'new.txt'), renamed);
    const r = await planLint(['diff', 'plan.txt', 'new.txt', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.changes).toBe(0);
    // without the configuration, 区安监局 → 区应急管理局 is a change of owner
    const bare = workspace({ 'plan.txt': text, 'new.txt': renamed });
    const b = await planLint(['diff', 'plan.txt', 'new.txt', '-f', 'json'], { cwd: bare });
    expect(JSON.parse(b.stdout).plans[0].changes.map((c: { kind: string; unit: string }) => [c.kind, c.unit])).toEqual([
      ['added-owner', '区应急管理局'],
      ['removed-owner', '区安监局'],
    ]);
  });
});
