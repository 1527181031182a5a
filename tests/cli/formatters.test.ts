import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';
import type { FileResult } from '../../src/lint/types.js';
import { formatters } from '../../src/report/formatters/index.js';
import type { FormatContext } from '../../src/report/types.js';
import { build } from '../lint/helpers.js';
import { sarifErrors } from './sarif-schema.js';

const title = '示范区应急管理“十四五”规划(2021—2025年)';
const text = ['示范区人民政府', '2022424', title, '截至20XX年底，建成XXX个站。'].join('\n');
const messages = lint(build(text, [{ title }]));
const results: FileResult[] = [
  { filePath: '/repo/plans/示范 规划.txt', messages, errorCount: 2, warningCount: 1 },
  { filePath: '/repo/plans/clean.md', messages: [], errorCount: 0, warningCount: 0 },
];
const ctx = (over: Partial<FormatContext> = {}): FormatContext => ({
  cwd: '/repo',
  color: false,
  locale: 'zh',
  rules,
  problems: [],
  version: '0.1.0',
  ...over,
});

describe('json', () => {
  it('has ESLint\'s shape and nothing else', () => {
    const out = JSON.parse(formatters.json(results, ctx()));
    expect(out[0]).toEqual({
      filePath: '/repo/plans/示范 规划.txt',
      messages: [
        {
          ruleId: 'garbled-text',
          severity: 1,
          message: '日期“2022424”丢失了年月日，疑为2022年4月24日',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 8,
          // ESLint's fix: the range in the source and its replacement
          fix: { range: [8, 15], text: '2022年4月24日' },
        },
        { ruleId: 'placeholder-text', severity: 2, message: '模板占位符“20XX”未替换', line: 4, column: 3, endLine: 4, endColumn: 7 },
        { ruleId: 'placeholder-text', severity: 2, message: '模板占位符“XXX”未替换', line: 4, column: 12, endLine: 4, endColumn: 15 },
      ],
      suppressedMessages: [],
      errorCount: 2,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      usedDeprecatedRules: [],
    });
    expect(out[1]).toMatchObject({ filePath: '/repo/plans/clean.md', messages: [], errorCount: 0, warningCount: 0 });
  });
});

describe('compact', () => {
  it('prints file:line:col: severity rule message', () => {
    expect(formatters.compact(results, ctx()).split('\n')).toEqual([
      'plans/示范 规划.txt:2:1: warning garbled-text 日期“2022424”丢失了年月日，疑为2022年4月24日',
      'plans/示范 规划.txt:4:3: error placeholder-text 模板占位符“20XX”未替换',
      'plans/示范 规划.txt:4:12: error placeholder-text 模板占位符“XXX”未替换',
      '',
    ]);
  });
});

describe('github', () => {
  it('prints workflow commands with escaped properties', () => {
    const lines = formatters.github(results, ctx()).trimEnd().split('\n');
    expect(lines[0]).toBe('::warning file=plans/示范 规划.txt,line=2,col=1,title=garbled-text::日期“2022424”丢失了年月日，疑为2022年4月24日');
    expect(lines[1]).toBe('::error file=plans/示范 规划.txt,line=4,col=3,title=placeholder-text::模板占位符“20XX”未替换');
    const odd: FileResult[] = [{ ...results[0], filePath: '/repo/a,b:c.txt', messages: [{ ...messages[1], message: '50%\nnext' }] }];
    expect(formatters.github(odd, ctx())).toBe('::error file=a%2Cb%3Ac.txt,line=4,col=3,title=placeholder-text::50%25%0Anext\n');
  });
});

describe('stylish', () => {
  it('groups per file, aligns columns and ends with a summary', () => {
    const out = formatters.stylish(results, ctx());
    expect(out).toBe(
      [
        '',
        'plans/示范 规划.txt',
        '   2:1  警告  日期“2022424”丢失了年月日，疑为2022年4月24日  garbled-text',
        '   4:3  错误  模板占位符“20XX”未替换                        placeholder-text',
        '  4:12  错误  模板占位符“XXX”未替换                         placeholder-text',
        '',
        '✖ 3 个问题（2 个错误，1 个警告）',
        '  其中 0 个错误、1 个警告可用 --fix 自动修正。',
        '',
      ].join('\n'),
    );
    expect(formatters.stylish(results, ctx({ locale: 'en' }))).toContain('✖ 3 problems (2 errors, 1 warning)');
  });
  it('colours only when asked', () => {
    expect(formatters.stylish(results, ctx())).not.toMatch(/\u001b\[/);
    expect(formatters.stylish(results, ctx({ color: true }))).toMatch(/\u001b\[31m/);
  });
  it('prints nothing for clean files', () => {
    expect(formatters.stylish([results[1]], ctx())).toBe('');
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with every rule and a region on every result', () => {
    const log = JSON.parse(formatters.sarif(results, ctx({ problems: [{ file: 'missing.txt', message: 'no such file' }] })));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id));
    expect(run.tool.driver.rules[9].help.text).toContain('作用');
    expect(JSON.parse(formatters.sarif(results, ctx({ locale: 'en' }))).runs[0].tool.driver.rules[9].help.text).toContain('What it does');
    expect(run.results).toHaveLength(3);
    for (const r of run.results) expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(run.results[1]).toMatchObject({
      ruleId: 'placeholder-text',
      ruleIndex: 9,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'plans/%E7%A4%BA%E8%8C%83%20%E8%A7%84%E5%88%92.txt', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 7 },
          },
        },
      ],
    });
    expect(run.invocations[0].executionSuccessful).toBe(false);
  });
  it('the validator rejects a broken log (so the check above can fail)', () => {
    expect(sarifErrors({ version: '2.1.0', runs: [{ results: [] }] }).length).toBeGreaterThan(0);
  });
});
