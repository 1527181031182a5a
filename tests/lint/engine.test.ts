import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { rules as catalog } from '../../src/lint/rules/index.js';
import { say } from '../../src/util/i18n.js';
import { extractText } from '../../src/pipeline.js';
import { defineRule } from '../../src/lint/types.js';
import { build } from './helpers.js';

const title = '示范规划(2021—2025年)';

describe('engine', () => {
  const text = [title, '到20XX年，建成XX个站。', '2022424'].join('\n');
  const r = build(text, [{ title }]);

  it('runs every rule with its default severity and sorts by position', () => {
    const msgs = lint(r);
    expect(msgs.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId}`)).toEqual([
      '2:2 2 placeholder-text',
      '2:10 2 placeholder-text',
      '3:1 1 garbled-text',
    ]);
  });

  it('applies configured severities and turns rules off', () => {
    const msgs = lint(r, { rules: { 'placeholder-text': { level: 'warn' }, 'garbled-text': { level: 'off' } } });
    expect(msgs.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['1 placeholder-text', '1 placeholder-text']);
  });

  it('prints messages in English with --locale en', () => {
    expect(lint(r, { locale: 'en' })[0].message).toBe('Template placeholder "20XX" left in');
  });
});

describe('inline directives', () => {
  const md = [
    '# 示范规划(2021—2025年)',
    '<!-- plan-lint-disable-next-line placeholder-text -->',
    '到20XX年建成。',
    '第二处XX。',
    '<!-- plan-lint-disable -->',
    '第三处XX。',
    '<!-- plan-lint-enable placeholder-text -->',
    '第四处XX。2022424',
  ].join('\n');
  const analyse = (text: string, format: 'md' | 'txt' | 'html') => extractText(text, { path: `plan.${format}`, sha256: '', encoding: 'utf-8', format });

  it('the Markdown reader finds the comments with their lines', async () => {
    expect((await analyse(md, 'md')).directives).toMatchObject([
      { kind: 'disable-next-line', rules: ['placeholder-text'], line: 2 },
      { kind: 'disable', rules: [], line: 5 },
      { kind: 'enable', rules: ['placeholder-text'], line: 7 },
    ]);
  });

  it('suppresses what the comments say', async () => {
    const placeholders = lint(await analyse(md, 'md')).filter((m) => m.ruleId === 'placeholder-text');
    expect(placeholders.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['4 placeholder-text', '8 placeholder-text']);
  });

  it('a multi-line disable-next-line comment acts on the line after its end; blank lines are skipped', async () => {
    const text = ['# 示范规划(2021—2025年)', '<!-- plan-lint-disable-next-line', 'placeholder-text -->', '', '第一处XX。', '第二处XX。'].join('\n');
    const r = await analyse(text, 'md');
    expect(r.directives).toMatchObject([{ kind: 'disable-next-line', rules: ['placeholder-text'], line: 3 }]);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').map((m) => m.line)).toEqual([6]);
  });

  it('HTML comments are directives too', async () => {
    const html = '<html><body><h1>示范规划(2021—2025年)</h1>\n<!-- plan-lint-disable placeholder-text -->\n<p>到20XX年建成。</p></body></html>';
    const r = await analyse(html, 'html');
    expect(r.directives).toMatchObject([{ kind: 'disable', rules: ['placeholder-text'], line: 2 }]);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text')).toEqual([]);
  });

  it('ignores such comments in plain text', async () => {
    const r = await analyse(md, 'txt');
    expect(r.directives).toEqual([]);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').length).toBe(4);
  });

  it('a comment inside a code block or inline code is text, not a directive', async () => {
    const text = ['# 示范规划(2021—2025年)', '', '```html', '<!-- plan-lint-disable -->', '```', '', '`<!-- plan-lint-disable -->` 到20XX年建成。'].join('\n');
    const r = await analyse(text, 'md');
    expect(r.directives).toEqual([]);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').length).toBe(1);
  });
});

describe('rules as visitors', () => {
  const docs = { summary: { zh: '示例', en: 'example' }, what: { zh: '', en: '' }, why: { zh: '', en: '' }, failing: { text: '', reports: [] }, passing: { text: '' } };

  it('a rule reports only its own message ids (checked by the compiler), at the points it gives', () => {
    const rule = defineRule({
      id: 'every-task',
      defaultSeverity: 'warn',
      messages: { task: { zh: '任务{id}', en: 'task {id}' } },
      docs,
      create(ctx) {
        return {
          task({ plan, task }) {
            ctx.report({ messageId: 'task', data: { id: task.id }, ...ctx.source.headSpan(task.span), plan: plan.index });
          },
          planExit({ index }) {
            // @ts-expect-error 'plan' is not one of this rule's message ids
            if (index < 0) ctx.report({ messageId: 'plan', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 }, plan: index });
          },
        };
      },
    });
    const text = [title, '二、主要任务', '(一)完善预案。(责任单位:区应急管理局)', '(二)加强演练。'].join('\n');
    const r = build(text, [{ title, tasks: [{ find: '(一)完善预案。(责任单位:区应急管理局)' }, { find: '(二)加强演练。' }] }]);
    expect(lint(r, { catalog: [rule] }).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['3:1 任务1', '4:1 任务2']);
  });
});

describe('messages', () => {
  it('say() fills every template of the catalog as a plain replace of its {name} slots would, unknown slots kept as written', () => {
    // the reference: what say() did before its slots were cut once per template
    const reference = (t: { zh: string; en: string }, locale: 'zh' | 'en', d: Record<string, string | number> = {}) =>
      t[locale].replace(/\{(\w+)\}/g, (all, key: string) => (key in d ? String(d[key]) : all));
    const data = { task: '完善预案', count: 3, label: '（三）', previous: '（一）', missing: '二', text: 'XX', mark: ',', full: '，', lead: '各有关部门' };
    let templates = 0;
    for (const rule of catalog)
      for (const template of Object.values(rule.messages) as { zh: string; en: string }[])
        for (const locale of ['zh', 'en'] as const) {
          templates++;
          expect(say(template, locale, data)).toBe(reference(template, locale, data));
          expect(say(template, locale)).toBe(reference(template, locale));
        }
    expect(templates).toBeGreaterThan(40);
    const odd = { zh: '{a}{b}{}{a_1}{ {c}}', en: '' };
    expect(say(odd, 'zh', { a: 1, a_1: 'x' })).toBe('1{b}{}x{ {c}}');
    expect(say({ zh: '任务“{task}”没有明确时限', en: '' }, 'zh', { task: '加强廉政建设' })).toBe('任务“加强廉政建设”没有明确时限');
  });
});
