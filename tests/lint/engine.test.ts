import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { parseDirectives } from '../../src/lint/directives.js';
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

  it('parses the comments with their lines', () => {
    expect(parseDirectives(md)).toEqual([
      { kind: 'disable-next-line', rules: ['placeholder-text'], line: 2 },
      { kind: 'disable', rules: [], line: 5 },
      { kind: 'enable', rules: ['placeholder-text'], line: 7 },
    ]);
  });

  it('suppresses what the comments say, in Markdown read from the source when the pipeline gave none', () => {
    const r = build(md, [{ title: '示范规划(2021—2025年)' }], 'md');
    expect(lint(r).map((m) => `${m.line} ${m.ruleId}`)).toEqual(['4 placeholder-text', '8 placeholder-text']);
  });

  it('ignores such comments in plain text', () => {
    const r = build(md, [{ title: '示范规划(2021—2025年)' }], 'txt');
    expect(lint(r).filter((m) => m.ruleId === 'placeholder-text').length).toBe(4);
  });
});
