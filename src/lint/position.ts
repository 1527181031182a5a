// Offsets ↔ points in the original file. Offsets count UTF-16 code units of the decoded text
// (JavaScript string indices); lines and columns are 1-based, columns in code points (SPEC).
import type { Point, Span } from '../model/schema.js';
import { LineIndex } from '../model/position.js';
import type { TextBlock } from '../model/analysis.js';

/** The file's line index (src/model/position.ts) with what rules need on top of it. */
export class PositionIndex extends LineIndex {
  /** the offset just after the line that holds `offset`, line break excluded */
  lineEnd(offset: number): number {
    const i = this.text.indexOf('\n', offset);
    const end = i < 0 ? this.text.length : i;
    return end > offset && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
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

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line and column (in code points) of `offset` in `text`. */
export function offsetToPoint(text: string, offset: number): Point {
  return new PositionIndex(text).point(offset);
}
