// Offsets → line/column in the original file (1-based, columns in code points), and for a PDF
// the page: the reader's text knows where each page starts.
import type { Point, Span } from './schema.js';

export class LineIndex {
  private readonly starts: number[] = [0];
  /** offsets of the second halves of surrogate pairs, ascending (none in most plans) */
  private readonly pairTails: number[] = [];

  /**
   * `pages`: offsets where the pages of a PDF start in `text` (ascending, the first 0); points
   * then carry their page.
   */
  constructor(
    readonly text: string,
    private readonly pages?: readonly number[],
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const prev = text.charCodeAt(i - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) this.pairTails.push(i);
      }
    }
  }

  /** how many pair tails lie before `offset` */
  private tailsBefore(offset: number): number {
    let lo = 0;
    let hi = this.pairTails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairTails[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

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
    // code points: code units less the second halves of pairs (a lone surrogate counts as one);
    // constant time per point, so a long line with many spans stays linear
    const pairs = this.pairTails.length ? this.tailsBefore(o) - this.tailsBefore(lineStart) : 0;
    const column = o - lineStart - pairs + 1;
    if (!this.pages?.length) return { line: lo + 1, column, offset: o };
    return { page: this.pageOf(o), line: lo + 1, column, offset: o };
  }

  /** 1-based page holding `offset` */
  private pageOf(offset: number): number {
    const p = this.pages!;
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}
