// ESLint's inline vocabulary in Markdown and HTML comments: disable, enable, disable-line,
// disable-next-line with rule lists and justifications; misspelled rule ids reported with a
// hint; unused disable comments reported on request; --no-inline-config.
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/lint/engine.js';
import { extractText } from '../../src/pipeline.js';
import { planLint, workspace } from '../helpers/cli.js';

const analyse = (text: string, format: 'md' | 'html' = 'md') => extractText(text, { path: `plan.${format}`, sha256: '', encoding: 'utf-8', format });
const title = '# 示范规划(2021—2025年)';
const placeholders = (r: Awaited<ReturnType<typeof lintFile>>) => r.messages.filter((m) => m.ruleId === 'placeholder-text').map((m) => m.line);

describe('disable-line', () => {
  const md = [title, '', '第一处XX。<!-- plan-lint-disable-line placeholder-text -->', '', '第二处XX。', ''].join('\n');

  it('is read as disable-line, not as disable', async () => {
    const r = await analyse(md);
    expect(r.directives).toMatchObject([{ kind: 'disable-line', rules: ['placeholder-text'], line: 3 }]);
  });

  it('switches the rule off on its own line only', async () => {
    const r = lintFile(await analyse(md));
    expect(placeholders(r)).toEqual([5]);
    expect(r.suppressed.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 placeholder-text']);
  });
});

describe('rule lists and justifications', () => {
  it('takes commas or spaces between rules, and text after -- as the justification', async () => {
    const md = [title, '', '<!-- plan-lint-disable-next-line garbled-text, placeholder-text -- 模板示例，保留 -->', '2022424 第一处XX。', ''].join('\n');
    const r = await analyse(md);
    expect(r.directives).toMatchObject([{ kind: 'disable-next-line', rules: ['garbled-text', 'placeholder-text'], justification: '模板示例，保留' }]);
    const res = lintFile(r);
    expect(placeholders(res)).toEqual([]);
    expect(res.suppressed[0].suppressions).toEqual([{ kind: 'directive', justification: '模板示例，保留' }]);
  });

  it('enable after a disable of all rules switches one rule on again', async () => {
    const md = [title, '', '<!-- plan-lint-disable -->', '', '第一处XX。', '', '<!-- plan-lint-enable placeholder-text -->', '', '第二处XX。', ''].join('\n');
    expect(placeholders(lintFile(await analyse(md)))).toEqual([9]);
  });
});

describe('unknown rule ids', () => {
  it('are reported at the comment, with the closest rule id', async () => {
    const md = [title, '', '<!-- plan-lint-disable-next-line placeholder-txt -->', '第一处XX。', '', '<!-- plan-lint-disable nonsense -->', ''].join('\n');
    const r = lintFile(await analyse(md));
    const inline = r.messages.filter((m) => m.ruleId === 'inline-config');
    expect(inline.map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`)).toEqual([
      '3:1 2 注释中的规则“placeholder-txt”不存在，是否为“placeholder-text”？',
      '6:1 2 注释中的规则“nonsense”不存在',
    ]);
    // and the placeholder is still reported: the comment named no rule that exists
    expect(placeholders(r)).toEqual([4]);
  });

  it('in English with --locale en', async () => {
    const md = [title, '', '<!-- plan-lint-disable placeholder-txt -->', ''].join('\n');
    expect(lintFile(await analyse(md), { locale: 'en' }).messages[0].message).toBe(
      'The comment names rule "placeholder-txt", which does not exist; did you mean "placeholder-text"?',
    );
  });
});

describe('--report-unused-disable-directives', () => {
  const md = [
    title,
    '',
    '<!-- plan-lint-disable-next-line placeholder-text, garbled-text -->',
    '第一处XX。',
    '',
    '<!-- plan-lint-disable-next-line -->',
    '没有问题的一行。',
    '',
  ].join('\n');

  it('reports nothing unless asked', async () => {
    expect(lintFile(await analyse(md)).messages.filter((m) => m.ruleId === 'inline-config')).toEqual([]);
  });

  it('reports each listed rule that switched nothing off, and a comment for all rules that switched nothing off', async () => {
    const r = lintFile(await analyse(md), { reportUnusedDisableDirectives: 'warn' });
    expect(r.messages.filter((m) => m.ruleId === 'inline-config').map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`)).toEqual([
      '3:1 1 未使用的 plan-lint-disable-next-line 注释：没有“garbled-text”的问题被关闭',
      '6:1 1 未使用的 plan-lint-disable-next-line 注释：此处没有被关闭的问题',
    ]);
  });

  it('through the command line, as errors by default', async () => {
    const cwd = workspace({ 'plan.md': md });
    const r = await planLint(['check', '-f', 'compact', '--report-unused-disable-directives', 'plan.md'], { cwd });
    expect(r.stdout).toContain('plan.md:3:1: error inline-config 未使用的 plan-lint-disable-next-line 注释：没有“garbled-text”的问题被关闭');
    expect(r.status).toBe(1);
    const warn = await planLint(['check', '-f', 'compact', '--report-unused-disable-directives-severity', 'warn', 'plan.md'], { cwd });
    expect(warn.stdout).toContain('plan.md:3:1: warning inline-config');
    expect(warn.status).toBe(0);
  });
});

describe('--no-inline-config', () => {
  it('ignores every comment', async () => {
    const md = [title, '', '<!-- plan-lint-disable placeholder-txt -->', '', '<!-- plan-lint-disable -->', '第一处XX。', ''].join('\n');
    const cwd = workspace({ 'plan.md': md });
    const off = await planLint(['check', '-f', 'compact', '--no-inline-config', '--rule', 'heading-sequence=off', 'plan.md'], { cwd });
    expect(off.stdout.trim().split('\n')).toEqual(['plan.md:6:4: error placeholder-text 模板占位符“XX”未替换']);
    const on = await planLint(['check', '-f', 'compact', '--rule', 'heading-sequence=off', 'plan.md'], { cwd });
    expect(on.stdout.trim().split('\n')).toEqual(['plan.md:3:1: error inline-config 注释中的规则“placeholder-txt”不存在，是否为“placeholder-text”？']);
  });
});
