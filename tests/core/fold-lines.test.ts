// The text reader's one pass (src/ingest/txt.ts foldLines) and the helpers it and the outline
// use instead of per-line folds and regex scans: each must give exactly what the slower form
// gives, on real text and on random text of the characters that matter.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { dropSiteJunk, junkChars } from '../../src/ingest/junk.js';
import { foldLines, INNER, JUNK, MARKED, markLinesHolding, ODD, physicalLines, readLines, readTxt } from '../../src/ingest/txt.js';
import { BORDER, charTable, foldKey, foldText, SPACE } from '../../src/normalize/piece.js';
import { squeezedLongerThan, squeezeSpace } from '../../src/normalize/squeeze.js';
import { repo } from '../helpers/cli.js';
import { same, sameDeep } from '../helpers/same.js';

const texts = ['seeds', 'corpus'].flatMap((d) =>
  readdirSync(path.join(repo, 'fixtures', d))
    .filter((f) => /\.txt$/.test(f))
    .map((f) => readFileSync(path.join(repo, 'fixtures', d, f), 'utf8')),
);
/** a seed with its punctuation full-width and some characters traditional, as real plans come */
const fullWidth = (s: string) => s.replace(/[,:;()%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/发/g, '發');

/** characters that fold, whitespace of every kind, borders, line breaks, a pair beyond the BMP */
const alphabet = ['a', '中', '發', '，', '（', '）', '：', 'Ａ', '１', ' ', '\t', '\u3000', '\u00a0', '\u200b', '\u0085', '|', '│', '\n', '\r', '\r\n', '𠀀', '。'];
const randomText = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(''));

describe('foldText and foldLines', () => {
  it('fold a whole text as foldKey does, unit for unit', () => {
    for (const t of texts.slice(0, 4)) {
      expect(foldText(t) === foldKey(t)).toBe(true);
      expect(foldText(fullWidth(t)) === foldKey(fullWidth(t))).toBe(true);
    }
    fc.assert(
      fc.property(randomText, (t) => {
        same(foldText(t), foldKey(t));
      }),
      { numRuns: 500 },
    );
  });

  it("flag each physical line's whitespace and borders", () => {
    const table = charTable();
    // MARKED: the line holds a code unit the given table marks, as written (发 marked, 發 not: it folds to 发)
    const marks = new Uint8Array(65536);
    for (const c of '发Ａ|') marks[c.charCodeAt(0)] = 4;
    markLinesHolding(marks);
    const check = (t: string) => {
      const source = new SourceText(t);
      const { folded, flags } = foldLines(source);
      same(folded, foldKey(t));
      const want = physicalLines(source).map((line) => {
        let f = 0;
        for (let i = 0; i < line.text.length; i++) f |= table[line.text.charCodeAt(i)];
        // INNER: tidy's whitespace between two other characters; ODD: U+200B or U+0085
        const inner = /[^\s\u200b\u0085][\s\u200b\u0085]+[^\s\u200b\u0085]/.test(line.text) ? INNER : 0;
        const odd = /[\u200b\u0085]/.test(line.text) ? ODD : 0;
        // JUNK: the folded line holds a character the site-junk tests look for inside a line
        const key = foldKey(line.text);
        const junk = junkChars()!.some((c) => key.includes(String.fromCharCode(c))) ? JUNK : 0;
        const marked = /[发Ａ|]/.test(line.text) ? MARKED : 0;
        return (f & (SPACE | BORDER)) | inner | odd | junk | marked;
      });
      sameDeep([...flags], want);
    };
    try {
      for (const t of texts.slice(0, 3)) check(fullWidth(t));
      fc.assert(fc.property(randomText, check), { numRuns: 500 });
    } finally {
      markLinesHolding(null);
    }
    // no table: every line may hold what it would mark
    expect([...foldLines(new SourceText('发展\n规划')).flags].every((f) => f & MARKED)).toBe(true);
  });

  it('give the blocks that reading line by line gives', () => {
    const sameBlocks = (t: string) => {
      const source = new SourceText(t);
      const slow = readLines(physicalLines(source));
      // the text reader's own loop, which builds no piece for lines without cells, words or inner whitespace
      sameDeep(readTxt(source).blocks, slow);
    };
    for (const t of texts.slice(0, 4)) sameBlocks(fullWidth(t));
    fc.assert(fc.property(randomText, sameBlocks), { numRuns: 500 });
  });

  it('tell dropSiteJunk which blocks hold no junk character, so it cuts and drops what it did without', () => {
    // junk and its characters as written and full-width, inside lines, at their ends, over two lines
    const junkAlphabet = ['中', '。', '，', ' ', '\u3000', '\n', '[', ']', '［', '］', '１２', '3', '-', 'ｈ', 'h', 't', 'p', 's', ':', '/', 'w', 'ｗ', '.', 'pdf', 'VIP', '页', '第', '共', '播报', '编辑', '原文链接：', 'x'.repeat(40)];
    const junkText = fc.array(fc.constantFrom(...junkAlphabet), { maxLength: 30 }).map((cs) => cs.join(''));
    let skipped = 0;
    const check = (t: string) => {
      const read = readTxt(new SourceText(t));
      const told = read.mayHoldJunk!;
      skipped += read.blocks.filter((_, i) => told[i] === 0).length;
      sameDeep(dropSiteJunk(read.blocks, told), dropSiteJunk(read.blocks));
    };
    const url = `https://www.example.gov.cn/${'abcdefghij/'.repeat(8)}`;
    // (the third: a sentence broken over two lines, joined into one block, its citation mark on the second)
    for (const t of ['加强统筹协调。[3]\n完善应急预案。', '坚持统筹发展和安全，加快推进应急管理体系和能\n力现代化建设，全面提升防灾减灾救灾水平。[12]', `原文链接：${url}\n二、主要任务`, '见文献［１２］\n所述', `原文链接：ｈｔｔｐｓ://${'ａ'.repeat(90)}`, ...texts.slice(0, 2)]) check(t);
    fc.assert(fc.property(junkText, check), { numRuns: 500 });
    expect(skipped).toBeGreaterThan(100);
  });

  it('tell whether the text holds a surrogate, and the columns of a text read stay those of a fresh one', () => {
    const check = (t: string) => {
      same(foldLines(new SourceText(t)).surrogates, /[\ud800-\udfff]/.test(t));
      // readTxt tells the source when it holds no surrogate: every point as a fresh source gives it
      const read = new SourceText(t);
      readTxt(read);
      const fresh = new SourceText(t);
      for (let o = 0; o <= t.length; o++) sameDeep(read.point(o), fresh.point(o));
    };
    for (const t of ['中文\n𠀀一二', '一二\r\n𠀀三', 'a\udc00b\n\ud800', '规划\n发展']) check(t);
    fc.assert(fc.property(randomText, check), { numRuns: 300 });
    // a column counts code points: the pair before it counts once
    expect(new SourceText('𠀀中').point(2).column).toBe(2);
  });
});

describe('squeezeSpace', () => {
  it('drops what \\s matches, and returns a text without whitespace as it is', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      if (squeezeSpace(s) !== s.replace(/\s+/g, '')) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    const t = '发展规划(2021-2025年)';
    expect(squeezeSpace(t)).toBe(t);
    fc.assert(
      fc.property(randomText, (s) => {
        same(squeezeSpace(s), s.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('squeezedLongerThan', () => {
  it('says whether squeezeSpace of a text is longer than n', () => {
    fc.assert(
      fc.property(randomText, fc.integer({ min: -1, max: 40 }), (s, n) => {
        same(squeezedLongerThan(s, n), squeezeSpace(s).length > n);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('decode', () => {
  it('reads UTF-8 as the WHATWG decoder does, characters beyond the BMP and marks inside the text too', () => {
    for (const t of [...texts.slice(0, 3), 'a\ufeffb', '𠀀中文', '\u00e9\u0085x']) {
      const bytes = Buffer.from(t, 'utf8');
      expect(decode(bytes).text).toBe(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    // a byte order mark: the bytes after it, as before
    const bom = Buffer.from('\ufeff规划', 'utf8');
    expect(decode(bom)).toEqual({ text: '规划', encoding: 'utf-8-bom', wellFormed: true });
  });
});
