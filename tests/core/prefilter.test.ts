// The prefilters of grammar patterns (src/grammars/prefilter.ts) may reject a text only when the
// pattern cannot match it: checked on every line of the seeds and the real documents and on
// random text built from the patterns' own characters, for every pattern of every grammar.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grammars } from '../../src/grammars/load.js';
import { firstChars, requiredChars } from '../../src/grammars/prefilter.js';
import { foldKey } from '../../src/normalize/piece.js';
import { repo } from '../helpers/cli.js';

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

const lines = ['seeds', 'corpus'].flatMap((d) =>
  readdirSync(path.join(repo, 'fixtures', d))
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => readFileSync(path.join(repo, 'fixtures', d, f), 'utf8').split(/\r?\n/))
    .map((l) => foldKey(l.trim()))
    .filter(Boolean),
);

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
      for (const l of lines) if (probe.test(l)) expect(quick!.test(l), `${re} on ${l}`).toBe(true);
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
          if (probe.test(s)) expect(quick!.test(s), `${re} on ${s}`).toBe(true);
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
    for (const l of lines) if (any(l)) expect(start!.test(l), l).toBe(true);
    const alphabet = [...new Set([...headings.map((re) => re.source).join('').replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '0', '、', '.', '中'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 8 }), (cs) => {
        const s = cs.join('');
        if (any(s)) expect(start!.test(s), s).toBe(true);
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
