// findDeadline tries its joined pattern only where the first two characters can begin a match
// (pairTable), and each pattern only where its own two can: both may skip only what cannot match.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grammars } from '../../src/grammars/load.js';
import { firstPairMatchAt } from '../../src/extract/deadlines.js';
import { pairMask, pairTable } from '../../src/extract/pair-starts.js';
import { foldKey } from '../../src/normalize/piece.js';
import { repo } from '../helpers/cli.js';

const patterns = grammars().deadlines.map((p) => p.re);
const joined = new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), 'u');
const sticky = new RegExp(joined.source, 'uy');

const lines = ['seeds', 'corpus'].flatMap((d) =>
  readdirSync(path.join(repo, 'fixtures', d))
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => readFileSync(path.join(repo, 'fixtures', d, f), 'utf8').split(/\r?\n/))
    .map((l) => foldKey(l))
    .filter(Boolean),
);

/** every [pattern index, position] where a pattern matches in `s` */
function matchesOf(s: string): [number, number][] {
  const out: [number, number][] = [];
  patterns.forEach((re, k) => {
    const r = new RegExp(re.source, re.flags.replace('g', '') + 'y');
    for (let i = 0; i < s.length; i++) {
      r.lastIndex = i;
      if (r.test(s)) out.push([k, i]);
    }
  });
  return out;
}

describe('pairTable of the deadline patterns', () => {
  const t = pairTable(patterns)!;

  it('is found, and rules out a frequent first character by the one after it', () => {
    expect(t).not.toBeNull();
    const can = (s: string) => (t.first[s.charCodeAt(0)] & (t.second[s.charCodeAt(1)] | t.anySecond)) !== 0;
    for (const s of ['力争', '20', '在2', '年底', '汛期', '“十', '完成']) expect(can(s), s).toBe(true);
    for (const s of ['力度', '在推', '一些', '全面', '规范', '加强']) expect(can(s), s).toBe(false);
  });

  it('agrees with the joined pattern on every line of the seeds and the real documents', () => {
    let found = 0;
    for (const l of lines) {
      const m = joined.test(l);
      if (m) found++;
      expect(firstPairMatchAt(t, sticky, l), l).toBe(m ? l.search(joined) : -1);
    }
    expect(found).toBeGreaterThan(50);
  });

  it('keeps the bit of every pattern that matches from a position on', () => {
    let checked = 0;
    for (const l of lines.filter((x) => joined.test(x)))
      for (const [k, i] of matchesOf(l)) {
        checked++;
        expect(pairMask(t, l, i) & (1 << k % 32), `${k} at ${i}: ${l}`).not.toBe(0);
      }
    expect(checked).toBeGreaterThan(50);
  });

  it('agrees with the patterns on random text made of their characters', () => {
    const alphabet = [...new Set([...joined.source.replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '2', '0', '6', '年', '月', '𠀀'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        expect(firstPairMatchAt(t, sticky, s), s).toBe(s.search(joined));
        for (const [k, i] of matchesOf(s)) expect(pairMask(t, s, i) & (1 << k % 32), `${k} at ${i}: ${s}`).not.toBe(0);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads quantifiers, classes, lookarounds and escapes loosely, never tighter than the pattern', () => {
    const one = pairTable([/(?<!x)a{2,3}(?=b)/u, /[c-e]\s*\d/u, /f?g/u, /\u{20000}h/u])!;
    const can = (s: string) => (one.first[s.charCodeAt(0)] & (one.second[s.charCodeAt(1)] | one.anySecond)) !== 0;
    for (const s of ['aa', 'c ', 'c1', 'e9', 'fg', 'gz', '\ud840\udc00']) expect(can(s), s).toBe(true);
    for (const s of ['ab', 'cx', 'xa', 'hh']) expect(can(s), s).toBe(false);
  });

  it('is none for a pattern that may match nothing, may begin anywhere or is not understood', () => {
    expect(pairTable([/a|b?/u])).toBeNull();
    expect(pairTable([/.a/u])).toBeNull();
    expect(pairTable([/(a)\1/u])).toBeNull();
    expect(pairTable([/ab/i])).toBeNull();
  });
});
