// The header reader tries its joined label pattern only where a label may begin (labelStands,
// src/extract/meta.ts): at the start of the line and after a boundary character. Checked against
// the joined pattern itself on the seeds' and real documents' lines and on random text built from
// the labels' own characters, boundaries and whitespace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyLabel, headerMeta, labelStands } from '../../src/extract/meta.js';
import type { Block } from '../../src/ingest/blocks.js';
import { grammars } from '../../src/grammars/load.js';
import { foldKey } from '../../src/normalize/piece.js';
import { fixtureLines } from '../helpers/fixture-lines.js';
import { same } from '../helpers/same.js';

const lines = fixtureLines()
  .map((l) => foldKey(l.trim()))
  .filter(Boolean);

describe('labelStands', () => {
  it('says what the joined label pattern says of every line of the seeds and real documents', () => {
    const any = anyLabel();
    let labelled = 0;
    for (const l of lines) {
      const want = any.test(l);
      if (want) labelled++;
      same(labelStands(l), want, () => l);
    }
    // the documents' headers hold labels: the comparison covers both answers
    expect(labelled).toBeGreaterThan(20);
  });

  it('says what the joined label pattern says of random text of labels, boundaries and other characters', () => {
    const m = grammars().meta;
    const labels = [...Object.values(m.labels).flat(), ...m.otherLabels];
    const pieces = [...labels, ...labels.map((l) => [...l].join(' ')), ...new Set(labels.join('')), ' ', '\u3000', '[', '】', '•', '·', '|', '*', '>', ':', '：', '文', '2024', '𠀀', '\ud800'];
    const any = anyLabel();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (ps) => {
        const s = ps.join('');
        return labelStands(s) === any.test(s);
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('finds a label after a boundary and refuses one run into a word', () => {
    expect(labelStands('发布机构：某区应急管理局')).toBe(true);
    expect(labelStands('【发布机构】某区应急管理局')).toBe(true);
    expect(labelStands('索引号: 123  发布 日期: 2024-01-01')).toBe(true);
    expect(labelStands('本单位发布机构调整')).toBe(false);
  });
});

describe('headerMeta', () => {
  it('reads a value where the line is spaced (something left out), trimmed and folded', () => {
    // each line came from two stretches of the original (markup between them: a space in the
    // line) and starts with an ideographic space; its key is cut from the block's folded key
    const line = (text: string, runs: number[]): Block => ({ kind: 'line', piece: { text, runs, end: runs[3] + text.length - runs[2] }, key: foldKey(text) });
    const meta = headerMeta([line('\u3000发布机构：某区应急管理局', [0, 0, 6, 20]), line('\u3000成文日期２０２４年１月５日', [0, 40, 5, 60])]);
    expect(meta.issuer).toBe('某区应急管理局');
    expect(meta.written).toBe('2024-01-05');
  });
});
