// Issue 3 "Done when" 1: `plan-lint check` with default settings on the five seed plans.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { lint } from '../../src/lint/engine.js';
import type { LintMessage } from '../../src/lint/types.js';
import type { Analysis } from '../../src/model/analysis.js';
import { planLint, seed } from './run.js';

const cache = new Map<string, Promise<{ result: Analysis; messages: LintMessage[] }>>();
function check(file: string) {
  let p = cache.get(file);
  if (!p) {
    p = extractPath(file).then((result) => ({ result, messages: lint(result) }));
    cache.set(file, p);
  }
  return p;
}
const of = (messages: LintMessage[], ruleId: string) => messages.filter((m) => m.ruleId === ruleId);
const textAt = (result: Analysis, m: LintMessage) => result.source.text.slice(m.offset, m.endOffset);

describe('001 (placeholders)', () => {
  it('gets placeholder-text errors at its XX/XXX/20XX occurrences and exit 1', async () => {
    const { result, messages } = await check(seed['001']);
    const found = of(messages, 'placeholder-text');
    expect(found.length).toBeGreaterThanOrEqual(20);
    for (const m of found) {
      expect(m.severity).toBe(2);
      expect(textAt(result, m)).toMatch(/^(?:20)?X+$/);
    }
    // every XX run of the plan text is reported at its own position (the web page's
    // "推荐访问:…" footer line is page chrome, not plan text)
    const source = readFileSync(seed['001'], 'utf8');
    const occurrences = [...source.matchAll(/(?:20)?X{2,}/g)].filter(
      (x) => !source.slice(source.lastIndexOf('\n', x.index) + 1, x.index).startsWith('推荐访问'),
    );
    expect(occurrences.length).toBe(66);
    const reported = new Set(found.map((m) => m.offset));
    const missed = occurrences
      .filter((x) => !reported.has(x.index))
      .map((x) => `line ${source.slice(0, x.index).split('\n').length}: ${x[0]}`);
    expect(missed).toEqual([]);
    expect(found.map((m) => m.message)).toContain('模板占位符“20XX”未替换');
    expect((await planLint(['check', seed['001']])).status).toBe(1);
  });
});

describe('task-missing-owner: one plan-level diagnostic where no task has an owner', () => {
  for (const id of ['000', '001', '002'] as const) {
    it(`${id}`, async () => {
      const { result, messages } = await check(seed[id]);
      const found = of(messages, 'task-missing-owner');
      expect(found).toHaveLength(1);
      const tasks = result.document.plans.reduce((n, p) => n + p.tasks.length, 0);
      expect(found[0].message).toBe(`本规划${tasks}项任务均未明确责任单位`);
      expect(tasks).toBeGreaterThan(10);
    });
  }

  it('004: only the third plan; the first two (牵头 clauses) get none', async () => {
    const { result, messages } = await check(seed['004']);
    const plans = result.document.plans;
    expect(plans).toHaveLength(3);
    const found = of(messages, 'task-missing-owner');
    expect(found).toHaveLength(1);
    // three plans in one notice: the message names the one it is about
    expect(found[0].message).toBe(`《${plans[2].title}》${plans[2].tasks.length}项任务均未明确责任单位`);
    const third = plans[2].span;
    expect(found[0].offset).toBeGreaterThanOrEqual(third.start.offset);
    expect(found[0].offset).toBeLessThan(third.end.offset);
    expect(textAt(result, found[0])).toContain('规划');
  });
});

describe('003 (work points)', () => {
  it('gets no task-missing-owner for any task that carries a 责任单位 clause', async () => {
    const { result, messages } = await check(seed['003']);
    const found = of(messages, 'task-missing-owner');
    const withClause = result.document.plans.flatMap((p) => p.tasks).filter((t) => /责任单位/.test(result.source.text.slice(t.span.start.offset, t.span.end.offset)));
    expect(withClause.length).toBeGreaterThan(10);
    for (const t of withClause) {
      const inside = found.filter((m) => m.offset >= t.span.start.offset && m.offset < t.span.end.offset);
      expect(inside.map((m) => m.message)).toEqual([]);
    }
    expect(found.filter((m) => m.messageId === 'plan')).toEqual([]);
  });
});

describe('002 (chapters)', () => {
  it('gets indicator-vague-target on "逐年下降"', async () => {
    const { result, messages } = await check(seed['002']);
    const found = of(messages, 'indicator-vague-target');
    expect(found.map((m) => textAt(result, m))).toContain('逐年下降');
  });
});

describe('garbled-text on signature dates with lost 年月日', () => {
  it.each([
    ['000', '2022424', '2022年4月24日'],
    ['002', '2023220', '2023年2月20日'],
  ] as const)('%s: %s', async (id, digits, date) => {
    const { result, messages } = await check(seed[id]);
    const found = of(messages, 'garbled-text').filter((m) => textAt(result, m) === digits);
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe(`日期“${digits}”丢失了年月日，疑为${date}`);
    expect(found[0].column).toBe(1);
  });
});
