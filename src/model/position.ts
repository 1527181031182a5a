// Offsets → line/column in the original file (1-based, columns in code points).
import type { Point, Span } from './schema.js';

export class LineIndex {
  private readonly starts: number[] = [0];
  /** offsets of the second halves of surrogate pairs, ascending (none in most plans) */
  private readonly pairTails: number[] = [];

  constructor(readonly text: string) {
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
    return { line: lo + 1, column: o - lineStart - pairs + 1, offset: o };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }
}
