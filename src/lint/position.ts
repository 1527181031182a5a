// Offsets ↔ points in the original file. Offsets count UTF-16 code units of the decoded text
// (JavaScript string indices); lines and columns are 1-based, columns in code points (SPEC).
import type { Point, Span } from '../model/schema.js';
import type { TextBlock } from '../model/analysis.js';

// lines end at \n (a \r before it belongs to the line), as in src/model/position.ts
const lineBreak = /\n/g;

export class PositionIndex {
  /** offset of the first character of each line */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (const m of text.matchAll(lineBreak)) this.starts.push(m.index + m[0].length);
  }

  /** the point at `offset` (clamped to the text) */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.starts[lo];
    return { line: lo + 1, column: codePoints(this.text, lineStart, o) + 1, offset: o };
  }

  /** the offset just after the line that holds `offset`, line break excluded */
  lineEnd(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    const end = i < 0 ? this.text.length : i;
    return end > offset && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.point(startOffset), end: this.point(endOffset) };
  }

  /**
   * The span of `block.text[from, to)` in the original file: start at the first character's
   * offset, end just after the last one (normalization may have dropped characters between).
   */
  blockSpan(block: TextBlock, from: number, to: number): Span {
    const start = block.offsets[from] ?? block.span.start.offset;
    const lastIndex = Math.max(from, to - 1);
    const last = block.offsets[lastIndex] ?? start;
    const code = this.text.charCodeAt(last);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    return this.span(start, Math.max(start, last + width));
  }

  /**
   * Where `needle` stands inside `within` in the original text, allowing whitespace and line
   * breaks between its characters (scraped text splits names: "区应急 管理局").
   * Null when it is not there.
   */
  locate(within: Span, needle: string): Span | null {
    if (!needle) return null;
    const hay = this.text.slice(within.start.offset, within.end.offset);
    const pattern = [...needle.replace(/\s+/g, '')].map(escapeRegExp).join('\\s*');
    const m = new RegExp(pattern, 'u').exec(hay);
    if (!m) return null;
    const start = within.start.offset + m.index;
    return this.span(start, start + m[0].length);
  }
}

function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) i++;
    n++;
  }
  return n;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line and column (in code points) of `offset` in `text`. */
export function offsetToPoint(text: string, offset: number): Point {
  return new PositionIndex(text).point(offset);
}
