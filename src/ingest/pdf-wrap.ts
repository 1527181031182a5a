// Which line breaks of a PDF are only wraps. A word processor breaks a paragraph where the line
// is full; the reader joins a line to the next when the next one's first word would not have
// fitted at its end, the next one starts where a continuation line starts (not indented as a
// new paragraph is), and nothing else (a change of font size, a wide vertical gap, a new
// numbered item after a full stop) marks a new paragraph.
import { grammars } from '../grammars/load.js';
import type { PdfLine } from './pdf-lines.js';

export interface BodyMetrics {
  /** where continuation lines start */
  left: number;
  /** where full lines end */
  right: number;
  /** the usual distance between the baselines of two lines of a paragraph */
  pitch: number;
  /** the usual font size of the text */
  size: number;
}

const CLOSING = /[，。、；：？！）》」』”’,.;:?!)\]】〕…—%]/u;

function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

const textOf = (l: PdfLine) => l.segments.map((s) => s.text).join(' ');

/**
 * The text block's margins, from its prose lines: most lines start at the left margin, full
 * lines end at the right one (lines ending in closing punctuation may hang past it).
 */
export function bodyMetrics(lines: PdfLine[]): BodyMetrics {
  const prose = lines.filter((l) => l.segments.length === 1 && [...textOf(l)].length >= 4);
  const use = prose.length >= 3 ? prose : lines;
  const ends = use.filter((l) => !CLOSING.test(textOf(l).slice(-1))).map((l) => l.x1);
  const steps: number[] = [];
  for (let i = 1; i < use.length; i++) {
    const [a, b] = [use[i - 1], use[i]];
    if (a.page === b.page && a.size === b.size && b.y > a.y) steps.push(b.y - a.y);
  }
  return {
    left: quantile(use.map((l) => l.x0), 0.1),
    right: quantile(ends.length ? ends : use.map((l) => l.x1), 0.95),
    pitch: steps.length ? quantile(steps, 0.5) : 1.5 * quantile(use.map((l) => l.size), 0.5),
    size: quantile(use.map((l) => l.size), 0.5),
  };
}

const OPENING = /[（《「『“‘(\[【〔]/u;

/**
 * Width of the first unbreakable unit of a line: a character or a word, with the opening
 * punctuation before it and the closing punctuation after it (no line may end or start with them).
 */
function firstUnitWidth(b: PdfLine): number {
  const seg = b.segments[0];
  const chars = [...seg.text];
  const per = (seg.x1 - seg.x0) / Math.max(1, chars.length);
  let n = 0;
  while (n < chars.length - 1 && OPENING.test(chars[n])) n++;
  if (/[A-Za-z0-9]/.test(chars[n])) while (n < chars.length && /[A-Za-z0-9.\-/]/.test(chars[n])) n++;
  else n++;
  while (n < chars.length && CLOSING.test(chars[n])) n++;
  // ASCII is about half as wide as a Han character
  const ascii = chars.slice(0, n).filter((c) => c.charCodeAt(0) < 0x2000).length;
  return ascii === n && /[\u2e80-\u9fff]/u.test(seg.text) ? n * Math.min(per, 0.6 * b.size) : n * per;
}

function isNumbered(text: string): boolean {
  return grammars().headings.some((h) => h.re.test(text));
}

/**
 * Does `b` continue the paragraph that `a` belongs to? `aOpens`: `a` is the paragraph's first
 * line; `samePage`: no page break between them (vertical distance then means nothing).
 */
export function continuesLine(a: PdfLine, b: PdfLine, m: BodyMetrics, aOpens: boolean, samePage: boolean): boolean {
  const em = Math.max(a.size, b.size);
  if (hasCellGap(a) || hasCellGap(b)) return false; // a row of cells is a line of its own, as in a text file
  if (Math.abs(a.size - b.size) > 0.05 * em) return false; // a heading or title set in another size
  if (samePage && b.y - a.y > Math.max(1.5 * m.pitch, 1.2 * em)) return false; // paragraph spacing, or a gap in the page
  if (a.x1 + firstUnitWidth(b) < m.right - 0.3 * em) return false; // the next word would have fitted
  const aText = textOf(a);
  const bText = textOf(b);
  if (/[。；;：:！!？?]$/.test(aText) && isNumbered(bText)) return false;
  // a title set larger than the text and centred wraps to a centred line
  const centred = (l: PdfLine) => Math.abs((l.x0 + l.x1) / 2 - (m.left + m.right) / 2) < 0.5 * em;
  if (a.size >= 1.1 * m.size && centred(b)) return true;
  if (aOpens) {
    if (b.x0 > a.x0 + 0.5 * em) return false; // b indented further: a new paragraph
    // both indented alike from the margin: each opens a paragraph
    if (b.x0 > m.left + 0.8 * em && Math.abs(b.x0 - a.x0) <= 0.5 * em) return false;
    return true;
  }
  return Math.abs(b.x0 - a.x0) <= 0.5 * em;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * What joins a wrapped line to the next in the reader's text: the space printed at the wrap if
 * there was one; a space before a word that follows a word or a punctuation mark; a space
 * where Latin letters or digits meet Chinese (set apart on the page, and often a space in the
 * source — "15:49 来源", which pdf.js cannot tell once the space ended a line; the blocks drop
 * it, as they drop every space beside Chinese); else nothing: Chinese and numbers wrap
 * anywhere ("救命钱", "〔2022〕8号", "11500105768865765W/2022-00032").
 */
export function wrapJoint(before: string, after: string, spaced = false): string {
  if (!before) return '';
  if (spaced || (/[A-Za-z.,;:!?)]$/.test(before) && /^[A-Za-z(]/.test(after))) return ' ';
  const b = before.slice(-1);
  const a = after.charAt(0);
  return (/[A-Za-z0-9]/.test(b) && HAN.test(a)) || (HAN.test(b) && /[A-Za-z0-9]/.test(a)) ? ' ' : '';
}

/** A gap of two characters or more between two segments of a line: cells, not words. */
function hasCellGap(l: PdfLine): boolean {
  return l.segments.some((s, i) => i > 0 && s.x0 - l.segments[i - 1].x1 >= 2 * l.size);
}
