// `plan-lint check` through the real command line, in-process (argument parsing, the runner,
// the formatters): exit codes, formats, flags, configuration, bad inputs.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPlan, planLint, seed, workspace } from './run.js';
import { sarifErrors } from './sarif-schema.js';

describe('exit codes', () => {
  it('0 for a clean plan, with no output', async () => {
    const cwd = workspace({ 'plan.txt': cleanPlan });
    const r = await planLint(['check', 'plan.txt'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('1 for lint errors (placeholders)', async () => {
    const r = await planLint(['check', seed['001']]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('placeholder-text');
  });

  it('0 for warnings only; 1 when they exceed --max-warnings', async () => {
    expect((await planLint(['check', seed['000']])).status).toBe(0);
    expect((await planLint(['check', '--max-warnings', '2', seed['000']])).status).toBe(0);
    const over = await planLint(['check', '--max-warnings', '1', seed['000']]);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('plan-lint: 警告过多（2 个，上限 1）\n');
    const en = await planLint(['check', '--max-warnings', '1', '--locale', 'en', seed['000']]);
    expect(en.stderr).toBe('plan-lint: too many warnings (2, maximum 1)\n');
  });

  it('--quiet reports errors only', async () => {
    const r = await planLint(['check', '--quiet', '--format', 'compact', seed['000'], seed['001']]);
    expect(r.status).toBe(1);
    const rules = new Set(r.stdout.trim().split('\n').map((l) => l.split(' ')[2]));
    expect([...rules]).toEqual(['placeholder-text']);
  });

  it('2 for a usage error', async () => {
    expect((await planLint(['check', '--format', 'xml', seed['000']])).status).toBe(2);
    expect((await planLint(['check', '--no-such-flag', seed['000']])).status).toBe(2);
    const r = await planLint(['check', '--rule', 'no-such-rule=warn', seed['000']]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: --rule no-such-rule=warn: 没有名为“no-such-rule”的规则（见 plan-lint rules）\n');
  });
});

describe('bad inputs', () => {
  const cwd = workspace({
    'good.txt': cleanPlan.replace('(责任单位:区应急管理局)', '(责任单位:XX局)'),
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
    'empty.txt': '',
  });

  it('a missing file: one line on stderr, exit 2, the other inputs still reported; JSON carries a fatal message for it', async () => {
    const r = await planLint(['check', '--format', 'json', 'missing.txt', 'good.txt'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: missing.txt: 文件或文件夹不存在\n');
    const json = JSON.parse(r.stdout);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({
      filePath: path.join(cwd, 'missing.txt'),
      messages: [{ ruleId: null, fatal: true, severity: 2, message: '文件或文件夹不存在', line: 0 }],
      errorCount: 1,
      fatalErrorCount: 1,
    });
    expect(json[1].filePath).toBe(path.join(cwd, 'good.txt'));
    expect(json[1].errorCount).toBe(1);
  });

  it('a binary file: one line on stderr, exit 2, the other inputs still reported', async () => {
    const r = await planLint(['check', '--format', 'compact', 'binary.txt', 'good.txt'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')).toEqual([expect.stringMatching(/^plan-lint: binary\.txt: .+$/), '']);
    expect(r.stdout).toMatch(/^good\.txt:\d+:\d+: error placeholder-text 模板占位符“XX”未替换\n$/);
  });

  it('an empty file: exit 2', async () => {
    const r = await planLint(['check', 'empty.txt'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plan-lint: empty\.txt: .+\n$/);
  });
});

describe('formats', () => {
  it('json has ESLint\'s shape', async () => {
    const r = await planLint(['check', '--format', 'json', seed['000']]);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(Object.keys(out[0])).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
    expect(out[0].filePath).toBe(seed['000']);
    for (const m of out[0].messages) {
      // a fixable message also carries ESLint's fix: {range, text}
      expect(Object.keys(m).filter((k) => k !== 'fix')).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
      expect([1, 2]).toContain(m.severity);
    }
    expect(out[0].warningCount).toBe(out[0].messages.filter((m: { severity: number }) => m.severity === 1).length);
  });

  it('sarif validates against the SARIF 2.1.0 schema', async () => {
    const r = await planLint(['check', '--format', 'sarif', seed['001'], seed['002']]);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].results.length).toBeGreaterThan(20);
    for (const res of log.runs[0].results) {
      expect(res.locations[0].physicalLocation.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number) });
    }
  });

  it('github prints one workflow command per diagnostic', async () => {
    const r = await planLint(['check', '--format', 'github', 'fixtures/seeds/district-emergency-plan-2021-2025.txt']);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '::warning file=fixtures/seeds/district-emergency-plan-2021-2025.txt,line=33,col=1,title=garbled-text::日期“2022424”丢失了年月日，疑为2022年4月24日',
      expect.stringMatching(/^::warning file=fixtures\/seeds\/district-emergency-plan-2021-2025\.txt,line=\d+,col=\d+,title=task-missing-owner::本规划\d+项任务均未明确责任单位$/),
    ]);
    // items numbered 1. … 15. through all sections are numbered through on purpose (heading-sequence's
    // runOn, by default); a configuration that has 1. 2. start again in each section reports each
    // section's first item
    const dir = workspace({ '.planlintrc.json': '{"rules": {"heading-sequence": {"options": {"runOn": ["box"]}}}}' });
    const again = await planLint(['check', '--format', 'github', '--config', `${dir}/.planlintrc.json`, 'fixtures/seeds/district-emergency-plan-2021-2025.txt']);
    expect(again.stdout.trimEnd().split('\n').filter((l) => l.includes('title=heading-sequence::编号从“')).length).toBeGreaterThan(0);
  });

  it('compact and --locale en', async () => {
    const r = await planLint(['check', '--format', 'compact', '--locale', 'en', 'fixtures/seeds/district-emergency-plan-2021-2025.txt']);
    expect(r.stdout.split('\n')[0]).toBe(
      'fixtures/seeds/district-emergency-plan-2021-2025.txt:33:1: warning garbled-text Date "2022424" lost its 年月日; probably 2022-04-24',
    );
  });

  it('stylish colours on FORCE_COLOR, not with --no-color or NO_COLOR', async () => {
    expect((await planLint(['check', seed['000']], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await planLint(['check', '--no-color', seed['000']], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await planLint(['check', seed['000']], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await planLint(['check', seed['000']])).stdout).toMatch(/✖ 2 个问题（0 个错误，2 个警告）/);
  });

  it('-o writes the report to a file and nothing to stdout', async () => {
    const cwd = workspace({ 'plan.txt': cleanPlan.replace('区气象局', 'XX局') });
    const r = await planLint(['check', '--format', 'json', '-o', 'out/report.json', 'plan.txt'], { cwd: cwd });
    expect(r.status).toBe(2); // out/ does not exist
    mkdirSync(path.join(cwd, 'out'));
    const ok = await planLint(['check', '--format', 'json', '-o', 'out/report.json', 'plan.txt'], { cwd });
    expect(ok.status).toBe(1);
    expect(ok.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(cwd, 'out', 'report.json'), 'utf8'))[0].errorCount).toBe(1);
    expect(readdirSync(path.join(cwd, 'out'))).toEqual(['report.json']);
  });
});

describe('paths and configuration', () => {
  it('walks folders by known extension, expands globs and reads stdin', async () => {
    const bad = cleanPlan.replace('区气象局', 'XX局');
    const cwd = workspace({ 'plans/a.txt': bad, 'plans/sub/b.md': bad, 'plans/notes.pdf': bad, 'plans/node_modules/c.txt': bad });
    const folder = await planLint(['check', '--format', 'compact', 'plans'], { cwd });
    expect([...new Set(folder.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))]).toEqual(['plans/a.txt', 'plans/sub/b.md']);
    const glob = await planLint(['check', '--format', 'compact', 'plans/**/*.md'], { cwd });
    expect(glob.stdout.split(':')[0]).toBe('plans/sub/b.md');
    expect((await planLint(['check', 'nothing/*.txt'], { cwd })).status).toBe(2);
    const stdin = await planLint(['check', '--format', 'compact', '-'], { cwd, stdin: bad });
    expect(stdin.stdout).toMatch(/^<stdin>:8:\d+: error placeholder-text /);
    expect(stdin.status).toBe(1);
  });

  it('uses the nearest .planlintrc.yaml, --config and --rule', async () => {
    const bad = cleanPlan.replace('区气象局', 'XX局');
    const cwd = workspace({
      'team/.planlintrc.yaml': 'rules:\n  placeholder-text: warn\n',
      'team/plan.txt': bad,
      'strict.json': '{"rules": {"owner-unknown": {"options": {"units": ["区应急管理局", "区气象局"]}}}}',
      'broken/.planlintrc.yaml': 'rules:\n  placeholder-text: loud\n',
      'broken/plan.txt': bad,
    });
    const nearest = await planLint(['check', '--format', 'compact', 'team/plan.txt'], { cwd });
    expect(nearest.status).toBe(0);
    expect(nearest.stdout).toMatch(/: warning placeholder-text /);
    const flagged = await planLint(['check', '--format', 'compact', '--rule', 'placeholder-text=off', 'team/plan.txt'], { cwd });
    expect(flagged.stdout).toBe('');
    const withUnits = await planLint(['check', '--format', 'compact', '--config', 'strict.json', 'team/plan.txt'], { cwd });
    expect(withUnits.stdout).toContain('warning owner-unknown 责任单位“XX局”不在已知单位名单中');
    expect(withUnits.status).toBe(1);
    const broken = await planLint(['check', 'broken/plan.txt', 'team/plan.txt', '--format', 'compact'], { cwd });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^plan-lint: broken\/\.planlintrc\.yaml: rules\.placeholder-text: .+\n$/);
    expect(broken.stdout).toMatch(/^team\/plan\.txt:/);
    const missingConfig = await planLint(['check', '--config', 'nope.yaml', 'team/plan.txt'], { cwd });
    expect(missingConfig.status).toBe(2);
    expect(missingConfig.stderr).toBe('plan-lint: nope.yaml: 无法读取（ENOENT）\n');
    const missingEn = await planLint(['check', '--config', 'nope.yaml', '--locale', 'en', 'team/plan.txt'], { cwd });
    expect(missingEn.stderr).toBe('plan-lint: nope.yaml: cannot read: ENOENT\n');
  });

  it('honours inline comments in Markdown', async () => {
    const md = [
      '# 示范区应急管理“十四五”规划(2021—2025年)',
      '',
      '## 二、主要任务',
      '',
      '<!-- plan-lint-disable-next-line placeholder-text -->',
      '(一)建成XX个站。(责任单位:区应急管理局)',
      '',
      '(二)建成XX个库。(责任单位:区应急管理局)',
      '',
    ].join('\n');
    const cwd = workspace({ 'plan.md': md });
    const r = await planLint(['check', '--format', 'compact', '--rule', 'heading-sequence=off', 'plan.md'], { cwd });
    expect(r.stdout.trim().split('\n')).toEqual(['plan.md:8:6: error placeholder-text 模板占位符“XX”未替换']);
  });
});

describe('plan-lint rules', () => {
  it('prints the catalog as text and JSON', async () => {
    const text = await planLint(['rules']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('placeholder-text — 残留模板占位符');
    expect(text.stdout).toContain('为什么要改');
    expect((await planLint(['rules', '--locale', 'en'])).stdout).toContain('Why is this bad?');
    const json = JSON.parse((await planLint(['rules', '--format', 'json'])).stdout);
    // the 13 rules of SPEC, table-unread and inline-config (and the opt-in rules since)
    expect(json.length).toBeGreaterThanOrEqual(15);
    expect(json.find((r: { id: string }) => r.id === 'task-missing-deadline').defaultSeverity).toEqual({
      plan: 'off',
      workPoints: 'warn',
      taskBreakdown: 'warn',
      other: 'off',
    });
    expect((await planLint(['rules', 'no-such-rule'])).status).toBe(2);
  });
});
