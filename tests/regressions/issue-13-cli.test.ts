// Issue 13, as a new user with ESLint's habits met it: each "Why" bullet of the part done here,
// reproduced (every case failed before the fix), through the real command line in-process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPlan, planLint, repo, seed, workspace } from '../helpers/cli.js';

const withPlaceholder = cleanPlan.replace('区气象局', 'XX局');

describe('one option vocabulary', () => {
  it('check takes -o/--output (and still --output-file); -f works on extract, rules and diff; diff writes -o; -v prints the version', async () => {
    const cwd = workspace({ 'plan.txt': withPlaceholder });
    for (const flag of ['--output', '-o', '--output-file']) {
      const r = await planLint(['check', '-f', 'json', flag, 'out.json', 'plan.txt'], { cwd });
      expect(r.status, r.stderr).toBe(1);
      expect(JSON.parse(readFileSync(path.join(cwd, 'out.json'), 'utf8'))[0].errorCount).toBe(1);
    }
    expect(JSON.parse((await planLint(['extract', '-f', 'json', 'plan.txt'], { cwd })).stdout).schemaVersion).toBe(1);
    expect(JSON.parse((await planLint(['rules', '-f', 'json'])).stdout).length).toBeGreaterThan(10);
    const diff = await planLint(['diff', '-f', 'json', '-o', 'diff.json', 'plan.txt', 'plan.txt'], { cwd });
    expect(diff.status, diff.stderr).toBe(0);
    expect(diff.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(cwd, 'diff.json'), 'utf8'))).toHaveProperty('summary');
    const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
    expect((await planLint(['-v'])).stdout).toBe(`${version}\n`);
    expect((await planLint(['--version'])).stdout).toBe(`${version}\n`);
  });
});

describe('one language at a time', () => {
  it('help and usage errors in Chinese by default, in English with --locale en', async () => {
    const zh = await planLint(['check', '--help']);
    expect(zh.stdout).toMatch(/^用法：/);
    expect(zh.stdout).toContain('选项：');
    expect(zh.stdout).toContain('-o, --output <file>');
    expect(zh.stdout).not.toMatch(/Usage:|Options:|display help|output format/);
    const en = await planLint(['check', '--help', '--locale', 'en']);
    expect(en.stdout).toMatch(/^Usage: plan-lint check/);
    expect(en.stdout).toContain('output format');
    const bad = await planLint(['check', '--outptu', 'x', 'plan.txt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('plan-lint: 未知选项“--outptu”（是否为 --output？）\n（运行 plan-lint --help 查看用法）\n');
    const badFormat = await planLint(['check', '-f', 'xml', 'plan.txt']);
    expect(badFormat.stderr.split('\n')[0]).toBe('plan-lint: 选项 -f, --format <format> 的值“xml”无效，可选值：stylish, json, sarif, github, compact');
  });

  it('file errors in Chinese: no English reason in the default locale', async () => {
    const cwd = workspace({ 'empty.txt': '', 'bin.txt': Buffer.from([0, 1, 2, 3, 0, 0, 7]) });
    const r = await planLint(['check', 'missing.txt', 'empty.txt', 'bin.txt', '--config', 'nope.yaml'], { cwd });
    expect(r.stderr).toBe('plan-lint: nope.yaml: 无法读取（ENOENT）\n');
    const inputs = await planLint(['check', 'missing.txt', 'empty.txt', 'bin.txt'], { cwd });
    expect(inputs.stderr).toBe(
      'plan-lint: missing.txt: 文件或文件夹不存在\nplan-lint: empty.txt: 空文件，不是规划文本\nplan-lint: bin.txt: 二进制数据，不是规划文本\n',
    );
  });

  it('--fail-on and --max-warnings speak the same language', async () => {
    const table = (target: string) =>
      ['示范区应急管理“十四五”规划(2021—2025年)', '', '一、发展目标', '表1 主要指标', '序号', '指标名称', '目标值', '指标性质', '1', '生产安全事故死亡人数', target, '约束性', '', '二、主要任务', '(一)健全应急指挥体系。(责任单位:区应急管理局)', ''].join('\n');
    const cwd = workspace({ 'old.txt': table('下降10%'), 'new.txt': table('下降5%') });
    expect((await planLint(['diff', 'old.txt', 'new.txt', '--fail-on', 'weakened-target'], { cwd })).stderr).toBe('plan-lint: --fail-on 命中：weakened-target (1)\n');
    expect((await planLint(['diff', 'old.txt', 'new.txt', '--fail-on', 'weakened-target', '--locale', 'en'], { cwd })).stderr).toBe('plan-lint: --fail-on matched: weakened-target (1)\n');
    expect((await planLint(['check', seed.district, '--max-warnings', '0'])).stderr).toMatch(/^plan-lint: 警告过多/);
  });

  it('rule docs wholly in the chosen language', async () => {
    const zh = (await planLint(['rules', 'placeholder-text'])).stdout;
    expect(zh).toContain('作用\n    在所在位置报告每个模板占位符');
    expect(zh).not.toContain('What it does');
    const en = (await planLint(['rules', 'placeholder-text', '--locale', 'en'])).stdout;
    expect(en).toContain('What it does\n    Reports every template placeholder');
    expect(en).not.toContain('作用');
  });
});

describe('inline comments', () => {
  const md = (comment: string) => ['# 示范区应急管理“十四五”规划(2021—2025年)', '', `第一处XX。${comment}`, '', '第二处XX。', ''].join('\n');
  const placeholders = (out: string) => out.split('\n').filter((l) => l.includes('placeholder-text')).map((l) => l.split(':')[1]);

  it('plan-lint-disable-line switches the rule off on its line only', async () => {
    const cwd = workspace({ 'plan.md': md('<!-- plan-lint-disable-line placeholder-text -->') });
    expect(placeholders((await planLint(['check', '-f', 'compact', 'plan.md'], { cwd })).stdout)).toEqual(['5']);
  });

  it('a misspelled rule id is reported with the closest one; unused comments on request', async () => {
    const cwd = workspace({ 'plan.md': md('<!-- plan-lint-disable-line placeholder-txt -->') });
    const r = await planLint(['check', '-f', 'compact', 'plan.md'], { cwd });
    expect(r.stdout).toContain('plan.md:3:7: error inline-config 注释中的规则“placeholder-txt”不存在，是否为“placeholder-text”？');
    const unused = workspace({ 'plan.md': md('').replace('第二处XX。', '第二处。<!-- plan-lint-disable-line placeholder-text -->') });
    const u = await planLint(['check', '-f', 'compact', '--report-unused-disable-directives', 'plan.md'], { cwd: unused });
    expect(u.stdout).toContain('plan.md:5:5: error inline-config 未使用的 plan-lint-disable-line 注释：没有“placeholder-text”的问题被关闭');
  });
});

describe('what is checked', () => {
  it('an empty path is a usage error, not the working folder', async () => {
    const cwd = workspace({ 'plan.txt': withPlaceholder });
    for (const cmd of [['check', ''], ['check', 'plan.txt', ' '], ['extract', ''], ['report', ''], ['diff', '', 'plan.txt']]) {
      const r = await planLint(cmd, { cwd });
      expect(r.status, cmd.join(' ')).toBe(2);
      expect(r.stderr).toBe('plan-lint: 路径参数为空（是否引用了未设置的 shell 变量？）\n');
      expect(r.stdout).toBe('');
    }
  });

  it('check . skips the README (no plan structure) with a note, and still lints the plans beside it', async () => {
    // a repository's README: headings and English prose (tests/cli/inputs.test.ts walks this repository's own)
    const readme = ['# plan-lint', '', '## Quick start', '', '1. Install it.', '2. Run `plan-lint check plans/`.', '', '## Rules', '', '- placeholder-text: XX left in', ''].join('\n');
    const notes = '# Notes\n\nHow we keep the plans: one file per plan, XX for what is not known yet.\n';
    const cwd = workspace({ 'README.md': readme, 'plans/plan.txt': withPlaceholder, 'notes/NOTES.md': notes });
    const r = await planLint(['check', '-f', 'compact', '.'], { cwd });
    expect(r.stderr).toMatch(/^plan-lint: README\.md: 已跳过：未发现规划结构.*\nplan-lint: notes\/NOTES\.md: 已跳过：未发现规划结构/);
    expect(r.stdout).toMatch(/^plans\/plan\.txt:\d+:\d+: error placeholder-text /);
    expect(r.stdout).not.toMatch(/README|NOTES/);
    expect(r.status).toBe(1);
    // named on its own, a file is always checked
    expect((await planLint(['check', '-f', 'compact', 'notes/NOTES.md'], { cwd })).stdout).toContain('notes/NOTES.md:');
  });

  it('.planlintignore and --ignore-pattern leave files out', async () => {
    const cwd = workspace({ '.planlintignore': 'drafts/\n*.old.txt\n', 'drafts/a.txt': withPlaceholder, 'b.old.txt': withPlaceholder, 'c.txt': withPlaceholder, 'd.txt': withPlaceholder });
    const files = async (args: string[]) =>
      [...new Set((await planLint(['check', '-f', 'compact', ...args], { cwd })).stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0]))];
    expect(await files(['.'])).toEqual(['c.txt', 'd.txt']);
    expect(await files(['.', '--ignore-pattern', 'd.txt'])).toEqual(['c.txt']);
    expect(await files(['.', '--no-ignore'])).toEqual(['b.old.txt', 'c.txt', 'd.txt', 'drafts/a.txt']);
  });
});

describe('ESLint JSON and SARIF', () => {
  it('JSON has every field of ESLint and a fatal message for an unreadable file', async () => {
    const cwd = workspace({ 'plan.txt': withPlaceholder });
    const json = JSON.parse((await planLint(['check', '-f', 'json', 'gone.txt', 'plan.txt'], { cwd })).stdout);
    expect(json[0]).toEqual({
      filePath: path.join(cwd, 'gone.txt'),
      messages: [{ ruleId: null, fatal: true, severity: 2, message: '文件或文件夹不存在', line: 0 }],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    });
    for (const key of ['fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount', 'suppressedMessages', 'usedDeprecatedRules']) expect(json[1]).toHaveProperty(key);
  });

  it('SARIF: # and ? percent-encoded, everything relative to %SRCROOT%, a helpUri per rule, no invented informationUri', async () => {
    const cwd = workspace({ 'a#1?.txt': withPlaceholder });
    const log = JSON.parse((await planLint(['check', '-f', 'sarif', 'a#1?.txt', 'gone.txt'], { cwd })).stdout);
    const run = log.runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'a%231%3F.txt', uriBaseId: '%SRCROOT%' });
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'gone.txt', uriBaseId: '%SRCROOT%' });
    expect(run.tool.driver.informationUri).toBeUndefined();
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(readFileSync(new URL(rule.helpUri), "utf8")).toContain(`# ${rule.id}\n`);
    }
  });
});

describe('configuration', () => {
  const run = async (files: Record<string, string>, args: string[] = []) => planLint(['check', '-f', 'compact', ...args, 'plan.txt'], { cwd: workspace({ 'plan.txt': withPlaceholder, ...files }) });

  it('an invalid severity says what is allowed', async () => {
    const r = await run({ '.planlintrc.json': '{"rules":{"placeholder-text":1}}' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'plan-lint: .planlintrc.json: rules.placeholder-text: 严重程度应为 off、warn 或 error，收到 1（ESLint 的数字写法请改为：0 → off，1 → warn，2 → error）\n',
    );
  });

  it('a misspelled rule id gets the closest one, in a file and in --rule', async () => {
    expect((await run({ '.planlintrc.yaml': 'rules:\n  placeholder-txt: warn\n' })).stderr).toBe(
      'plan-lint: .planlintrc.yaml: rules.placeholder-txt: 没有名为“placeholder-txt”的规则（见 plan-lint rules）；是否为“placeholder-text”？\n',
    );
    expect((await run({}, ['--rule', 'placeholder-txt=warn'])).stderr).toBe(
      'plan-lint: --rule placeholder-txt=warn: 没有名为“placeholder-txt”的规则（见 plan-lint rules）；是否为“placeholder-text”？\n',
    );
  });

  it('a .cjs configuration is loaded as a module, not parsed as YAML', async () => {
    const r = await run({ '.planlintrc.cjs': "module.exports = { rules: { 'placeholder-text': 'warn' } };\n" });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/: warning placeholder-text /);
  });

  it('--rule owner-unknown=warn without a unit list says that it reports nothing', async () => {
    const r = await run({}, ['--rule', 'owner-unknown=warn']);
    expect(r.stderr).toBe('plan-lint: --rule owner-unknown=warn: owner-unknown 需要单位名单（rules.owner-unknown.options.units），未配置名单时不会报告任何问题\n');
  });

  it('two configuration files in one folder: a warning names both and the one used', async () => {
    const r = await run({ '.planlintrc.yaml': 'rules:\n  placeholder-text: warn\n', '.planlintrc.json': '{"rules":{"placeholder-text":"off"}}' });
    expect(r.stderr).toBe('plan-lint: .: 同一文件夹中有多个配置文件（.planlintrc.yaml、.planlintrc.json），只使用 .planlintrc.yaml\n');
    expect(r.stdout).toMatch(/: warning placeholder-text /);
  });
});

describe('messages', () => {
  it('task-missing-deadline is grouped per plan like task-missing-owner, and plan-level messages name their plan', async () => {
    const items = Array.from({ length: 5 }, (_, i) => `${i + 1}.完善第${i + 1}项制度。`);
    const notice = ['某区2024年应急管理工作要点', '一、重点任务', ...items, '', '某区2024年安全生产工作要点', '一、重点任务', ...items, ''].join('\n');
    const cwd = workspace({ 'wp.txt': notice });
    const r = await planLint(['check', '-f', 'compact', 'wp.txt'], { cwd });
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('task-missing-deadline'))).toEqual([
      'wp.txt:1:1: warning task-missing-deadline 《某区2024年应急管理工作要点》5项任务均未明确时限',
      'wp.txt:9:1: warning task-missing-deadline 《某区2024年安全生产工作要点》5项任务均未明确时限',
    ]);
    expect(lines.filter((l) => l.includes('task-missing-owner'))).toEqual([
      'wp.txt:1:1: warning task-missing-owner 《某区2024年应急管理工作要点》5项任务均未明确责任单位',
      'wp.txt:9:1: warning task-missing-owner 《某区2024年安全生产工作要点》5项任务均未明确责任单位',
    ]);
  });

  it('an old .doc (OLE2) gets the hint to save it as .docx', async () => {
    const cwd = workspace({ 'old.doc': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]) });
    const r = await planLint(['check', 'old.doc'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('plan-lint: old.doc: 旧版 Word .doc 文件（OLE2 格式），无法直接读取：请在 Word 或 WPS 中打开并另存为 .docx\n');
  });

  it('spaces inside words stay ("5G SA")', async () => {
    const cwd = workspace({ 'wp.txt': '某市2024年信息化工作要点\n一、重点任务\n1.推进5G SA网络建设。（责任单位：市通信管理局）\n2.年底前建成数据中心。（责任单位：市大数据局）\n' });
    expect((await planLint(['check', '-f', 'compact', 'wp.txt'], { cwd })).stdout).toContain('任务“推进5G SA网络建设”没有明确时限');
  });
});
