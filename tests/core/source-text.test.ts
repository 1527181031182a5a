// The one line model: a line ends at \n, \r\n or a lone \r, for every stage alike (readers,
// spans, diagnostics, directives).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/ingest/source-text.js';
import { physicalLines } from '../../src/ingest/txt.js';
import { escapeRegExp, findSpaced } from '../../src/util/text.js';
import { BORDER, charTable, CJK, HAS_SPACE, isCjkCode, isSpaceCode, SPACE } from '../../src/normalize/piece.js';

describe('SourceText', () => {
  const text = '第一行\r\n第二行\r第三行\n\n𠀀第五行';
  const s = new SourceText(text);

  it('ends lines at \\n, \\r\\n and a lone \\r', () => {
    expect(s.lineCount).toBe(5);
    expect([...s.lines()].map((l) => text.slice(l.start, l.end))).toEqual(['第一行', '第二行', '第三行', '', '𠀀第五行']);
    expect(physicalLines(s).map((p) => p.text)).toEqual(['第一行', '第二行', '第三行', '', '𠀀第五行']);
  });

  it('maps offsets to lines and code-point columns, and back to spans', () => {
    expect(s.point(text.indexOf('第三行'))).toEqual({ line: 3, column: 1, offset: text.indexOf('第三行') });
    expect(s.point(text.indexOf('第五行')).column).toBe(2); // 𠀀 is one column, two code units
    expect(s.point(text.indexOf('\r\n') + 1).line).toBe(1); // between \r and \n: still line 1
    expect(s.span(0, 3)).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } });
  });

  it('knows where a line ends and which lines are blank', () => {
    expect(s.lineEnd(1)).toBe(3);
    expect(s.lineEnd(text.indexOf('第三行'))).toBe(text.indexOf('第三行') + 3);
    expect([1, 2, 3, 4, 5, 6].map((l) => s.isBlank(l))).toEqual([false, false, false, true, false, true]);
    expect(s.headSpan(s.span(0, text.length)).end.offset).toBe(3);
  });

  it('locates a name inside a span across spaces and line breaks', () => {
    const t = new SourceText('（责任单位：区应急\r管理局）');
    expect(t.locate(t.span(0, t.text.length), '区应急管理局')).toMatchObject({ start: { line: 1, column: 7 }, end: { line: 2, column: 4 } });
    expect(t.locate(t.span(0, 3), '区应急管理局')).toBeNull();
  });

  it('gives the page of an offset when the reader knew the pages', () => {
    // pages start at offsets 0 and 4 (the line of 三)
    const paged = new SourceText('一\n二\n三', [0, 4]);
    expect(paged.pageOf(paged.text.indexOf('三'))).toBe(2);
    expect(s.pageOf(0)).toBeNull();
  });
});

describe('findSpaced (locate and the owner clause search, without a RegExp per name)', () => {
  const viaRegExp = (hay: string, parts: string[]) => {
    const m = new RegExp(parts.map(escapeRegExp).join('\\s*')).exec(hay);
    return m ? [m.index, m.index + m[0].length] : null;
  };
  it('finds what the pattern of the parts joined by \\s* finds, leftmost', () => {
    const alphabet = fc.constantFrom('区', '应', '急', '局', ' ', '\u3000', '\n', '(', '.', 'a', '、');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(alphabet.filter((c) => !/\s/.test(c)), { minLength: 1, maxLength: 4 }), (hay, parts) => {
        expect(findSpaced(hay.join(''), parts)).toEqual(viaRegExp(hay.join(''), parts));
      }),
      { numRuns: 500 },
    );
  });
  it('locates a name split by the scrape ("区应急 管理局")', () => {
    const s = new SourceText('牵头单位：区应急\n 管理局');
    expect(s.locate(s.span(0, s.text.length), '区应急管理局')?.start.column).toBe(6);
  });
});

describe('the character table of the line reader', () => {
  it('HAS_SPACE and the │|┃ test agree with the table for every code unit', () => {
    const t = charTable();
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      if (HAS_SPACE.test(ch) !== ((t[c] & SPACE) !== 0) || /[│|┃]/.test(ch) !== ((t[c] & BORDER) !== 0)) wrong.push(`U+${c.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the character table is the functions it stands for', () => {
  it('SPACE and CJK bits as isSpaceCode and isCjkCode say, for every code unit', () => {
    const t = charTable();
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) if (((t[c] & SPACE) !== 0) !== isSpaceCode(c) || ((t[c] & CJK) !== 0) !== isCjkCode(c)) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
