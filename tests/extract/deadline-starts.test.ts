// findDeadline tries its joined pattern only where a match can begin (startTable) and each
// pattern only on texts holding its required characters: both may skip only what cannot match.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grammars } from '../../src/grammars/load.js';
import { findDeadline, firstMatchAt, startTable } from '../../src/extract/deadlines.js';
import { foldKey } from '../../src/normalize/piece.js';
import { repo } from '../helpers/cli.js';

const joined = new RegExp(grammars().deadlines.map((p) => `(?:${p.re.source})`).join('|'), 'u');

const lines = ['seeds', 'corpus'].flatMap((d) =>
  readdirSync(path.join(repo, 'fixtures', d))
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => readFileSync(path.join(repo, 'fixtures', d, f), 'utf8').split(/\r?\n/))
    .map((l) => foldKey(l))
    .filter(Boolean),
);

describe('startTable of the deadline patterns', () => {
  const t = startTable(joined)!;

  it('is found, and marks few characters besides digits and the surrogates', () => {
    expect(t).not.toBeNull();
    let marked = 0;
    for (let c = 0; c < 0xd800; c++) marked += t.table[c];
    expect(marked).toBeGreaterThan(10);
    expect(marked).toBeLessThan(200);
    for (const s of ['2', '到', '汛', '上']) expect(t.table[s.charCodeAt(0)], s).toBe(1);
    for (const s of ['加', '，', 'a', '下']) expect(t.table[s.charCodeAt(0)], s).toBe(0);
  });

  it('agrees with the joined pattern on every line of the seeds and the real documents', () => {
    let found = 0;
    for (const l of lines) {
      const m = joined.test(l);
      if (m) found++;
      expect(firstMatchAt(t, l), l).toBe(m ? l.search(joined) : -1);
    }
    expect(found).toBeGreaterThan(50);
  });

  it('agrees with the joined pattern on random text made of the patterns’ characters', () => {
    const alphabet = [...new Set([...joined.source.replace(/[\\^$.*+?()[\]{}|]/g, ''), ' ', '1', '2', '0', '6', '年', '月', '𠀀'])];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }), (cs) => {
        const s = cs.join('');
        expect(firstMatchAt(t, s), s).toBe(s.search(joined));
      }),
      { numRuns: 3000 },
    );
  });

  it('is none for a pattern that may match nothing', () => {
    expect(startTable(/a|b?/u)).toBeNull();
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
