// findDeadline tries its joined pattern only where a match can begin (startTable) and each
// pattern only on texts holding its required characters: both may skip only what cannot match.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grammars } from '../../src/grammars/load.js';
import { findDeadline, firstMatchAt, startTable } from '../../src/extract/deadlines.js';
import { digitPair, requiredChars, sharpTest } from '../../src/grammars/prefilter.js';
import { foldKey } from '../../src/normalize/piece.js';
import { fixtureLines } from '../helpers/fixture-lines.js';
import { same } from '../helpers/same.js';
import { extractString } from '../core/helpers.js';

const joined = new RegExp(grammars().deadlines.map((p) => `(?:${p.re.source})`).join('|'), 'u');
const patterns = grammars().deadlines.map((p) => p.re);

const lines = fixtureLines()
  .map((l) => foldKey(l))
  .filter(Boolean);

describe('startTable of the deadline patterns', () => {
  const t = startTable(patterns, 'u')!;

  it('is found, and marks few characters besides digits and the surrogates', () => {
    expect(t).not.toBeNull();
    let marked = 0;
    for (let c = 0; c < 0xd800; c++) marked += t.table[c] ? 1 : 0;
    expect(marked).toBeGreaterThan(10);
    expect(marked).toBeLessThan(200);
    for (const s of ['2', '到', '汛', '上']) expect(t.table[s.charCodeAt(0)], s).toBeGreaterThan(0);
    for (const s of ['加', '，', 'a', '下']) expect(t.table[s.charCodeAt(0)], s).toBe(0);
  });

  it('tries at a character only the patterns that can begin with it, and all of them at a surrogate', () => {
    const group = (s: string) => t.groups[t.table[s.charCodeAt(0)] - 1];
    // 力 begins 力争…, 在 begins 在2024年… and 于/在2024年6月…: few patterns, all that can
    expect(group('力').source.split('|(?:').length).toBeLessThan(4);
    for (const s of ['力争到2023年', '在2024年6月30日', '在2024年6月', '2024年底前', '全年']) {
      const re = group(s[0]);
      re.lastIndex = 0;
      same(re.test(s), true, s);
    }
    expect(group('\ud840').source).toBe(joined.source);
  });

  it('agrees with the joined pattern on every line of the seeds and the real documents', () => {
    let found = 0;
    for (const l of lines) {
      const m = joined.test(l);
      if (m) found++;
      same(firstMatchAt(t, l), m ? l.search(joined) : -1, l);
    }
    expect(found).toBeGreaterThan(50);
  });

  it('agrees with the joined pattern on random text made of the patterns’ characters', () => {
    const alphabet = [...new Set([...joined.source.replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '2', '0', '6', '年', '月', '𠀀'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }), (cs) => {
        const s = cs.join('');
        same(firstMatchAt(t, s), s.search(joined), s);
      }),
      { numRuns: 3000 },
    );
  });

  it('is none for a pattern that may match nothing', () => {
    expect(startTable([/a/u, /b?/u], 'u')).toBeNull();
  });
});

describe('sharpTest of the deadline patterns (a digit right before 年, 月, …)', () => {
  // every set findDeadline joins (by whether the plan has a year and a period), each pattern alone, and all
  const sets = [patterns, ...patterns.map((p) => [p])];
  for (const needsYear of [true, false])
    for (const usesPeriod of [true, false])
      sets.push(grammars().deadlines.filter((p) => (needsYear || !(p.needsYear === 'single' || p.date.startsWith('{plan}'))) && (usesPeriod || !p.date.startsWith('{end}'))).map((p) => p.re));
  const tests = sets.map((s) => sharpTest(s));
  // each pattern without its g flag (test() would carry lastIndex over), compiled once
  const plain = new Map(patterns.map((re) => [re, new RegExp(re.source, re.flags.replace('g', ''))]));
  const matches = (set: RegExp[], s: string) => set.some((re) => plain.get(re)!.test(s));

  it('reads the digit pair of most patterns and a test for every set', () => {
    expect(patterns.filter((p) => digitPair(p.source, p.flags)).length).toBeGreaterThan(20);
    for (const t of tests) expect(t).not.toBeNull();
  });

  it('never rejects a line of the seeds and the real documents that a pattern of its set matches', () => {
    let rejected = 0;
    let passedByChars = 0;
    const all = tests[0]!;
    const chars = requiredChars(new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'u').source, 'u')!;
    for (const l of lines) {
      // and as if whitespace stood after every digit ("2024 年 6 月")
      const spaced = l.replace(/(\d)(?=\D)/g, '$1 ');
      sets.forEach((set, k) => {
        if (matches(set, l)) same(tests[k]!.test(l), true, () => `${set.length} patterns: ${l}`);
        if (spaced !== l && matches(set, spaced)) same(tests[k]!.test(spaced), true, () => `${set.length} patterns: ${spaced}`);
      });
      if (!all.test(l)) {
        rejected++;
        if (chars.test(l)) passedByChars++;
      }
    }
    // sharper than the characters the patterns need: lines holding 年 or 月 without a date
    expect(passedByChars).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(passedByChars);
  });

  it('never rejects random text a pattern of its set matches', () => {
    // pieces of dates as the patterns write them: words, numbers, whitespace, in turn
    const words = ['', '年', '月', '日', '底', '末', '前', '到', '在', '第', '一', '季度', '上半年', '汛期前', '完成', '时限：', '.', '/', '规划期内', '十四五', '期间', '加', '𠀀'];
    const piece = fc.tuple(fc.constantFrom(...words), fc.constantFrom('', '2024', '6', '15'), fc.constantFrom('', ' ', '\u3000'), fc.constantFrom(...words));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 3 }), (ps) => {
        const s = ps.map((p) => p.join('')).join('');
        sets.forEach((set, k) => {
          if (matches(set, s)) same(tests[k]!.test(s), true, s);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a pair only where a mandatory digit stands right before a mandatory character', () => {
    expect(digitPair('(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月', 'u')).toEqual({ chars: ['年'], spaced: true });
    expect(digitPair('(?<![\\d年])(\\d{1,2})月', 'u')).toEqual({ chars: ['月'], spaced: false });
    expect(digitPair('^\\s*(\\d{4})\\s*[.．/]', 'u')).toEqual({ chars: ['.', '．', '/'], spaced: true });
    expect(digitPair('(\\d{4})?年', 'u')).toBeNull();
    expect(digitPair('\\d{0,4}年', 'u')).toBeNull();
    expect(digitPair('\\d年?', 'u')).toBeNull();
    expect(digitPair('\\d(?:年|月)', 'u')).toBeNull();
    expect(digitPair('\\d\\S年', 'u')).toBeNull();
    expect(digitPair('a|\\d年', 'u')).toBeNull();
    expect(digitPair('\\d[^年]', 'u')).toBeNull();
    expect(digitPair('\\d年', 'iu')).toBeNull();
  });
});

describe('findDeadline', () => {
  it('still finds dates written anywhere in a task', () => {
    const time = { period: { start: 2021, end: 2025 }, year: null };
    expect(findDeadline('加强管理，确保2024年6月底前完成改造。', time)?.date).toBe('2024-06-30');
    expect(findDeadline('规划期内建成示范区，力争到2023年实现全覆盖', time)?.date).toBe('2023-12-31');
    expect(findDeadline('完善制度体系', time)).toBeNull();
  });
});

describe('the deadline inferred from the period', () => {
  it('is an object of its own for each task that states none (YAML would write aliases of a shared one)', async () => {
    const doc = await extractString('某区生态环境保护规划（2021—2025年）\n\n一、重点任务\n（一）持续改善空气质量。（责任单位：区生态环境局）\n（二）加强水环境治理。（责任单位：区水务局）\n');
    const [a, b] = doc.plans[0].tasks;
    expect(a.deadline).toEqual({ text: '规划期末(2025年)', date: '2025-12-31', inferred: true });
    expect(b.deadline).toEqual(a.deadline);
    expect(b.deadline).not.toBe(a.deadline);
  });
});
