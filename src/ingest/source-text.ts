// The one line model of plan-lint. A decoded file's text, its lines (a line ends at \n, \r\n
// or a lone \r) and the mapping offset ↔ point that every span, diagnostic and directive uses.
// Offsets count UTF-16 code units of the decoded text (JavaScript string indices); lines and
// columns are 1-based, columns count code points (SPEC).
import type { Point, Span } from '../model/schema.js';
import { escapeRegExp, findSpaced } from '../util/text.js';

/** A run of text whose characters each know their offset in the source (a lint text block). */
export interface OffsetText {
  text: string;
  span: Span;
  /** offsets[i] = offset in the source of text[i] */
  offsets: ArrayLike<number>;
}

/** One physical line: [start, end) of its content, the line break excluded. */
export interface LineRange {
  line: number;
  start: number;
  end: number;
}

/** the second half of a surrogate pair (a code unit, no u flag) */
const LOW_SURROGATE = /[\udc00-\udfff]/;

export class SourceText {
  /** start offset of every line, ascending; the first is 0 */
  private readonly starts: number[] = [0];
  /**
   * offsets of the second halves of surrogate pairs, ascending (none in most plans); null until
   * a column is first asked for (found then by one scan of the text), unless a reader that went
   * over every character said there are none (noSurrogates) or the line scan found them
   */
  private pairTailsMemo: number[] | null = null;
  /** index in `starts` of the line lineOf found last */
  private lastLine = 0;

  /**
   * @param pages where each page starts in `text` (offsets, ascending, the first 0), for readers
   *   of paged formats (PDF): points then carry their page; null when the format has no pages
   */
  constructor(
    readonly text: string,
    readonly pages: readonly number[] | null = null,
  ) {
    // most texts hold no \r: their lines are found by searching for \n (pairs when first needed)
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    const pairTails: number[] = (this.pairTailsMemo = []);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
        const prev = text.charCodeAt(i - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) pairTails.push(i);
      }
    }
  }

  /** the offsets of pair tails (pairTailsMemo), found by one scan of the text when first needed */
  private get pairTails(): number[] {
    if (this.pairTailsMemo === null) {
      const tails: number[] = [];
      const text = this.text;
      // (most texts hold no surrogate at all: told by one search before any loop)
      if (LOW_SURROGATE.test(text))
        for (let i = 1; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c >= 0xdc00 && c <= 0xdfff) {
            const prev = text.charCodeAt(i - 1);
            if (prev >= 0xd800 && prev <= 0xdbff) tails.push(i);
          }
        }
      this.pairTailsMemo = tails;
    }
    return this.pairTailsMemo;
  }

  /**
   * A reader that went over every code unit of the text and met no surrogate says so: columns
   * then need no scan for pairs.
   */
  noSurrogates(): void {
    this.pairTailsMemo ??= [];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line that holds `offset`. */
  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // spans are mostly asked for in text order: the line found last, or the next, usually holds it
    const s = this.starts;
    const last = this.lastLine;
    if (s[last] <= o) {
      if (last + 1 >= s.length || o < s[last + 1]) return last + 1;
      if (last + 2 >= s.length || o < s[last + 2]) return (this.lastLine = last + 1) + 1;
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo + 1;
  }

  /** [start, end) of line `line`'s content (its break excluded). */
  lineRange(line: number): LineRange {
    return { line: Math.max(1, Math.min(line, this.starts.length)), start: this.lineStart(line), end: this.lineContentEnd(line) };
  }

  /** lineRange(line).start, without building an object (for loops over every line) */
  lineStart(line: number): number {
    return this.starts[Math.max(1, Math.min(line, this.starts.length)) - 1];
  }

  /** lineRange(line).end: where the line's content ends, before its break */
  lineContentEnd(line: number): number {
    const i = Math.max(1, Math.min(line, this.starts.length)) - 1;
    const start = this.starts[i];
    let end = i + 1 < this.starts.length ? this.starts[i + 1] : this.text.length;
    if (end > start && i + 1 < this.starts.length) {
      // drop the break: \n, \r\n or \r
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  /** Every line, the last one too (empty when the text ends with a break). */
  *lines(): Generator<LineRange> {
    for (let l = 1; l <= this.starts.length; l++) yield this.lineRange(l);
  }

  /** Whether line `line` holds only whitespace (a line past the end counts as blank). */
  isBlank(line: number): boolean {
    if (line > this.starts.length) return true;
    const { start, end } = this.lineRange(line);
    return this.text.slice(start, end).trim() === '';
  }

  /** The offset just after the content of the line that holds `offset` (never before `offset`). */
  lineEnd(offset: number): number {
    return Math.max(offset, this.lineRange(this.lineOf(offset)).end);
  }

  /** The 1-based page `offset` stands on, for paged formats; null otherwise. */
  pageOf(offset: number): number | null {
    const p = this.pages;
    if (!p?.length) return null;
    let lo = 0;
    let hi = p.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (p[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** how many pair tails lie before `offset` */
  private tailsBefore(offset: number): number {
    const tails = this.pairTails;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    const lineStart = this.starts[line - 1];
    // code points: code units less the second halves of pairs (a lone surrogate counts as one);
    // constant time per point, so a long line with many spans stays linear
    const pairs = this.pairTails.length ? this.tailsBefore(o) - this.tailsBefore(lineStart) : 0;
    const column = o - lineStart - pairs + 1;
    if (!this.pages?.length) return { line, column, offset: o };
    return { page: this.pageOf(o)!, line, column, offset: o };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** The first line of `span`: where a long item is reported (its whole text would flood SARIF viewers). */
  headSpan(span: Span): Span {
    const end = Math.min(span.end.offset, this.lineEnd(span.start.offset));
    return this.span(span.start.offset, Math.max(end, span.start.offset));
  }

  /**
   * The span of `block.text[from, to)`: from the first character's offset to just after the
   * last one's (normalization may have dropped characters between).
   */
  blockSpan(block: OffsetText, from: number, to: number): Span {
    const start = block.offsets[from] ?? block.span.start.offset;
    const last = block.offsets[Math.max(from, to - 1)] ?? start;
    const code = this.text.charCodeAt(last);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    return this.span(start, Math.max(start, last + width));
  }

  /**
   * Where `needle` stands inside `within`, allowing whitespace and line breaks between its
   * characters (scraped text splits names: "区应急 管理局"). Null when it is not there.
   */
  locate(within: Span, needle: string): Span | null {
    if (!needle) return null;
    const hay = this.text.slice(within.start.offset, within.end.offset);
    const chars = [...needle.replace(/\s+/g, '')];
    let found: [number, number] | null;
    if (/[\ud800-\udfff]/.test(needle)) {
      // characters beyond the BMP: the pattern, which matches them whole (rare)
      const m = new RegExp(chars.map(escapeRegExp).join('\\s*'), 'u').exec(hay);
      found = m ? [m.index, m.index + m[0].length] : null;
    } else found = findSpaced(hay, chars);
    if (!found) return null;
    const start = within.start.offset + found[0];
    return this.span(start, within.start.offset + found[1]);
  }
}

