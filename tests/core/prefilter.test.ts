// The prefilters of grammar patterns (src/grammars/prefilter.ts) may reject a text only when the
// pattern cannot match it: checked on every line of the seeds and the real documents and on
// random text built from the patterns' own characters, for every pattern of every grammar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grammars } from '../../src/grammars/load.js';
import { alternativesInnerChars, alternativesTest, firstChars, lastChars, requiredChars, sharedCharsTest, squeezedTest } from '../../src/grammars/prefilter.js';
import { firstMatching } from '../../src/grammars/prefilter-memo.js';
import { foldKey } from '../../src/normalize/piece.js';
import { fixtureLines } from '../helpers/fixture-lines.js';
import { same } from '../helpers/same.js';

/** every RegExp in the compiled grammars */
function patterns(): RegExp[] {
  const out: RegExp[] = [];
  const seen = new Set<unknown>();
  const visit = (x: unknown) => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (x instanceof RegExp) out.push(x);
    else if (x instanceof Map || x instanceof Set) for (const v of x.values()) visit(v);
    else for (const v of Object.values(x)) visit(v);
  };
  visit(grammars());
  return out;
}

const lines = fixtureLines()
  .map((l) => foldKey(l.trim()))
  .filter(Boolean);

describe('requiredChars', () => {
  const all = patterns();
  const withPrefilter = all.map((re) => ({ re, quick: requiredChars(re.source, re.flags) })).filter((p) => p.quick);

  it('finds a prefilter for most grammar patterns', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(withPrefilter.length).toBeGreaterThan(all.length / 2);
  });

  it('never rejects a line a grammar pattern matches (seeds and real documents)', () => {
    for (const { re, quick } of withPrefilter) {
      const probe = new RegExp(re.source, re.flags.replace('g', '').replace('y', ''));
      for (const l of lines) if (probe.test(l)) same(quick!.test(l), true, () => `${re} on ${l}`);
    }
  });

  it('never rejects random text a pattern matches', () => {
    for (const { re, quick } of withPrefilter) {
      const probe = new RegExp(re.source, re.flags.replace('g', '').replace('y', ''));
      // text from the pattern's own characters, so that matches are likely
      const alphabet = [...new Set([...re.source.replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '2', '0', '年', 'a'])];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (cs) => {
          const s = cs.join('');
          if (probe.test(s)) same(quick!.test(s), true, () => `${re} on ${s}`);
        }),
        { numRuns: 300 },
      );
    }
  });

  it('reads classes, escapes, groups, quantifiers and lookarounds', () => {
    const q = (src: string, flags = 'u') => requiredChars(src, flags)?.source ?? null;
    expect(q('(?<=\\S)播报\\s*编辑\\s*$')).toBe('[\\u{8f91}]');
    expect(q('第\\s*\\d+\\s*页')).toBe('[\\u{9875}]');
    expect(q('(?:A|B)x?')).toBe('[\\u{41}\\u{42}]');
    expect(q('a|b?')).toBeNull(); // the second alternative may match nothing
    expect(q('.+')).toBeNull();
    expect(q('[^a]')).toBeNull();
    expect(q('(a)\\1')).toBe('[\\u{61}]');
    expect(q('\\p{Script=Han}')).toBeNull();
    expect(q('abc', 'i')).toBeNull();
    expect(requiredChars('𠀀', '')?.source).toBe('[\\udc00]'); // outside Unicode mode: code units
  });
});

describe('firstChars', () => {
  const headings = grammars().headings.map((h) => h.re);
  const start = firstChars(headings);

  it('finds the first characters of the numbering schemes', () => {
    expect(start).not.toBeNull();
    for (const s of ['第三章', '一、', '（二）', '(2)', '3.', '12、', '专栏4', '①', '附表1', '表2']) expect(start!.test(foldKey(s)), s).toBe(true);
    for (const s of ['加强应急管理', '“十四五”时期', '', ' 一、']) expect(start!.test(s), s).toBe(false);
  });

  it('never rejects a line a numbering scheme matches (seeds, real documents, random text)', () => {
    const any = (s: string) => headings.some((re) => re.test(s));
    for (const l of lines) if (any(l)) same(start!.test(l), true, l);
    const alphabet = [...new Set([...headings.map((re) => re.source).join('').replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '0', '、', '.', '中'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }), (cs) => {
        const s = cs.join('');
        if (any(s)) same(start!.test(s), true, s);
      }),
      { numRuns: 600 },
    );
  });

  it('says nothing of patterns not anchored at the start, or that may match empty', () => {
    expect(firstChars([/^a|b/u])).toBeNull();
    expect(firstChars([/^(?:a)?/u])).toBeNull();
    expect(firstChars([/^./u])).toBeNull();
    expect(firstChars([/^a/mu])).toBeNull();
    expect(firstChars([/^(?=x)\s*(?:a|b)c/u])!.test(' c')).toBe(true);
    expect(firstChars([/^x?(?:a|bc)/u])!.source).toBe('^[\\u{78}\\u{61}\\u{62}]');
  });
});

/** the pattern without g/y, so that test() starts at 0 every time */
const probeOf = (re: RegExp) => new RegExp(re.source, re.flags.replace('g', '').replace('y', ''));
/** random text from a pattern's own characters (and a few more), so that matches are likely */
const alphabetOf = (source: string) => [...new Set([...source.replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '2', '0', '年', 'a', '。'])];

/** `test` holds on every real line and every random text of the pattern's own characters that `re` matches */
function expectNeverRejects(re: RegExp, test: (s: string) => boolean): void {
  const probe = probeOf(re);
  for (const l of lines) if (probe.test(l)) same(test(l), true, () => `${re} on ${l}`);
  const alphabet = alphabetOf(re.source);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (cs) => {
      const s = cs.join('');
      if (probe.test(s)) same(test(s), true, () => `${re} on ${s}`);
    }),
    { numRuns: 200 },
  );
}

describe('lastChars', () => {
  const all = patterns();
  const withTest = all.map((re) => ({ re, end: lastChars([re]) })).filter((p) => p.end);

  it('finds the last characters of the patterns anchored at their end (titles, table columns)', () => {
    expect(withTest.length).toBeGreaterThan(20);
    const t = grammars().titles;
    const plan = lastChars([t.titleEnd])!;
    for (const s of ['某市应急管理规划', '工作要点', '规划(2021-2025年)', '实施方案(试行)']) expect(plan(foldKey(s)), s).toBe(true);
    for (const s of ['推进应急管理体系建设。', '规划期', '']) expect(plan(s), s).toBe(false);
    // `end`: the text's first `end` code units
    expect(plan('某市规划。', 4)).toBe(true);
  });

  it('never rejects a line or random text a pattern matches', () => {
    for (const { re, end } of withTest) {
      expectNeverRejects(re, end!);
    }
  });

  it('says nothing of patterns not anchored at the end, or that may match empty', () => {
    expect(lastChars([/a$|b/u])).toBeNull();
    expect(lastChars([/(?:a)?$/u])).toBeNull();
    expect(lastChars([/.$/u])).toBeNull();
    expect(lastChars([/a$/mu])).toBeNull();
    const end = lastChars([/(?:a|bc)x?(?<=c)\s*$/u])!;
    expect(['a', 'bc', 'ax', 'a ', 'c'].map((s) => end(s))).toEqual([true, true, true, true, true]);
    expect(end('b')).toBe(false);
    // Unicode mode: a character beyond the BMP is one code point
    expect(lastChars([/𠀀$/u])!('x𠀀')).toBe(true);
    expect(lastChars([/𠀀$/u])!('x\udc00')).toBe(false);
  });
});

describe('firstMatching', () => {
  const t = grammars().table;
  const lists: [string, RegExp[]][] = [
    ['table columns', Object.values(t.columns).flat()],
    ['natures', [...t.binding, ...t.expected]],
    ['table ends', t.tableEnd],
    ['numbering schemes', grammars().headings.map((h) => h.re)],
  ];

  it('gives the first pattern that matches, as trying each in order does (lines, random text)', () => {
    for (const [name, res] of lists) {
      const first = firstMatching(res);
      const check = (s: string) => same(first(s), res.findIndex((re) => re.test(s)), () => `${name} on ${s}`);
      // the lines as they are and squeezed (the table's cells are), and a few made to match
      for (const l of lines) check(l), check(l.replace(/\s+/g, ''));
      for (const s of ['序号', '指标名称', '2025年目标值', '约束性', '预期性指标', '注:', '专栏3', '(一)', '第二章', '𠀀序号', '']) check(foldKey(s));
      const alphabet = [...new Set([...alphabetOf(res.map((re) => re.source).join('')), '𠀀'])];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }), (cs) => check(cs.join(''))),
        { numRuns: 300 },
      );
    }
  });

  it('tries a text only with the patterns its first character allows', () => {
    const res = [/^ab/u, /^b/u, /x$/u, /^a/u];
    const tried: number[] = [];
    const spied = res.map((re, k) => Object.assign(new RegExp(re.source, re.flags), { test: (s: string) => (tried.push(k), re.test(s)) }));
    const first = firstMatching(spied);
    expect(first('ax')).toBe(2);
    expect(tried).toEqual([0, 2]);
    expect(first('c')).toBe(-1);
    expect(tried).toEqual([0, 2, 2]);
  });
});

describe('alternativesTest', () => {
  const chrome = grammars().chrome;
  const cases = [chrome.re, chrome.inline!, ...patterns().filter((re) => re.source.includes('|'))];
  const withTest = cases.map((re) => ({ re, quick: alternativesTest(re.source, re.flags) })).filter((p) => p.quick);

  it('reads the page chrome and the inline junk patterns', () => {
    expect(withTest.some((p) => p.re === chrome.re)).toBe(true);
    expect(withTest.some((p) => p.re === chrome.inline)).toBe(true);
    const inline = alternativesTest(chrome.inline!.source, chrome.inline!.flags)!;
    // most lines of a plan end with 。 and hold no citation mark: told without the pattern
    expect(inline('推进应急管理体系建设。')).toBe(false);
    for (const s of ['附件.pdf', '中文名：某某', '见文献[12]所述', '第1页 共3页']) expect(inline(s), s).toBe(true);
  });

  it('never rejects a line or random text a pattern matches', () => {
    expect(withTest.length).toBeGreaterThan(10);
    for (const { re, quick } of withTest) {
      expectNeverRejects(re, quick!);
    }
  });

  it('takes for each alternative its start, its end or a character it needs', () => {
    const q = alternativesTest('^ab|cd$|(?:x|yz)w', 'u')!;
    expect(['abq', 'qcd', 'qxwq', 'yzw'].map((s) => q(s))).toEqual([true, true, true, true]);
    expect(['qab', 'cdq', 'xyz', ''].map((s) => q(s))).toEqual([false, false, false, false]);
    expect(alternativesTest('^a|.*', 'u')).toBeNull();
    // two characters side by side where an alternative needs them: not one of them alone
    const pair = alternativesTest('版权所有|(?:进入|退出)播报模式|x?yz+w', 'u')!;
    // (a group every alternative of which gives a pair: one of its pairs)
    expect(['本站版权所有', '进入播报模式', '退出了', 'yzzw', 'xyzw'].map((s) => pair(s))).toEqual([true, true, true, true, true]);
    expect(['所有人', '版 权', '权版', '模式', 'xyw', 'zzw'].map((s) => pair(s))).toEqual([false, false, false, false, false, false]);
    // at the start: the first two characters where the alternative gives them, the first of them once
    const start = alternativesTest('^\\(此件\\)$|^a+b|^c{2}d|^(?=e)ef', 'u')!;
    expect(['(此件)', '(此', 'ab', 'aab', 'cc', 'ef'].map((s) => start(s))).toEqual([true, true, true, true, true, true]);
    expect(['(一)', 'b', 'dc', 'e'].map((s) => start(s))).toEqual([false, false, false, false]);
    expect(alternativesTest('a', 'i')).toBeNull();
  });

  it('names the characters its tests inside a text need, and passes without them what the pattern matches', () => {
    for (const { re, quick } of withTest) {
      const inner = alternativesInnerChars(re.source, re.flags);
      if (inner === null) continue;
      const holds = (s: string) => inner.some((c) => s.includes(String.fromCharCode(c)));
      expectNeverRejects(re, (s) => quick!(s, holds(s)));
    }
    const chrome = grammars().chrome;
    // the citation marks' ] (the other inline junk is told by a line's first or last characters)
    expect(alternativesInnerChars(chrome.inline!.source, chrome.inline!.flags)).toEqual([93]);
    const q = alternativesTest('^ab|cd$|(?:x|yz)w', 'u')!;
    expect(alternativesInnerChars('^ab|cd$|(?:x|yz)w', 'u')).toEqual([119]);
    expect([q('abq', false), q('qcd', false), q('qxwq', false)]).toEqual([true, true, false]);
    // whole: every match needs one (a URL holds ht or ww); not where an alternative is told by its ends
    const url = alternativesInnerChars(chrome.url.source, chrome.url.flags, true)!;
    expectNeverRejects(chrome.url, (s) => url.some((c) => s.includes(String.fromCharCode(c))));
    expect(alternativesInnerChars('^ab|xw', 'u', true)).toBeNull();
  });
});

describe('sharedCharsTest', () => {
  const all = patterns();
  const withTest = all.map((re) => ({ re, quick: sharedCharsTest(re.source, re.flags) })).filter((p) => p.quick);

  it('never rejects a line or random text a pattern matches', () => {
    expect(withTest.length).toBeGreaterThan(20);
    for (const { re, quick } of withTest) expectNeverRejects(re, quick!);
  });

  it('asks for every character all the alternatives hold (the base-year sentences: 基 and 年)', () => {
    const s = grammars().titles.baseYearSentences;
    const q = sharedCharsTest(s.map((re) => `(?:${re.source})`).join('|'), s[0].flags)!;
    for (const t of ['以2020年为基期', '基准年为 2020 年', '基期:2020年']) expect(q(t), t).toBe(true);
    // 基 without 年 and 年 without 基 (most lines of a plan hold one of them)
    for (const t of ['加强基础设施建设', '到2025年', '']) expect(q(t), t).toBe(false);
    const ab = sharedCharsTest('a(?!b)c+x|(?=q)ca?x|[c]{2}x', 'u')!;
    expect(['acx', 'cx', 'ccx', 'xc'].map(ab)).toEqual([true, true, true, true]);
    expect(['ac', 'ax', 'bq'].map(ab)).toEqual([false, false, false]);
    expect(sharedCharsTest('ab|cd', 'u')).toBeNull(); // nothing shared
    expect(sharedCharsTest('ab', 'i')).toBeNull();
  });
});

describe('squeezedTest', () => {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const all = patterns();
  const withTest = all.map((re) => ({ re, quick: squeezedTest(re.source, re.flags) })).filter((p) => p.quick);
  const squeezedLines = lines.map((l) => [l, squeeze(l)] as const);

  it('never rejects a text whose squeezed form a pattern matches', () => {
    expect(withTest.length).toBeGreaterThan(20);
    for (const { re, quick } of withTest) {
      const probe = probeOf(re);
      for (const [l, sq] of squeezedLines) if (probe.test(sq)) same(quick!(l), true, () => `${re} on ${l}`);
      // the pattern's own characters with whitespace among them
      const alphabet = [...alphabetOf(re.source), ' ', '\u3000', '\t'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }), (cs) => {
          const s = cs.join('');
          if (probe.test(squeeze(s))) same(quick!(s), true, () => `${re} on ${s}`);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('asks the printing words and the wrapper for two characters side by side, whitespace between allowed', () => {
    const t = grammars().titles;
    const q = squeezedTest(`(?:${t.printing.source})|(?:${t.wrapper.source})`, t.printing.flags)!;
    for (const s of ['关于印发《某市规划》的通知', '现将《方案》印 发给你们', '转\u3000发']) expect(q(s), s).toBe(true);
    // 发 and 的 alone stand in most lines of a plan
    for (const s of ['推动高质量发展的重要举措', '发展印刷业', '']) expect(q(s), s).toBe(false);
  });
});
