import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { extractText } from '../../src/pipeline.js';
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
    expect((await analyse(md, 'md')).directives).toEqual([
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
    expect(r.directives).toEqual([{ kind: 'disable-next-line', rules: ['placeholder-text'], line: 3 }]);
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').map((m) => m.line)).toEqual([6]);
  });

  it('HTML comments are directives too', async () => {
    const html = '<html><body><h1>示范规划(2021—2025年)</h1>\n<!-- plan-lint-disable placeholder-text -->\n<p>到20XX年建成。</p></body></html>';
    const r = await analyse(html, 'html');
    expect(r.directives).toEqual([{ kind: 'disable', rules: ['placeholder-text'], line: 2 }]);
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
