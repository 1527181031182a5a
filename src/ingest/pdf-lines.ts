// Text items → the lines of a page. A PDF has no lines, only runs of glyphs at positions: items
// whose baselines agree are one line, read left to right; a wide gap between two items splits
// the line into segments (table cells, a label and its value), a narrow one is a word space.
import type { PdfItem, PdfPage } from './pdf-load.js';

export interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** a space was printed before the first glyph or after the last (a line wrapped at a space) */
  spaceBefore?: boolean;
  spaceAfter?: boolean;
}

export interface PdfLine {
  page: number;
  /** baseline, from the top of the page */
  y: number;
  x0: number;
  x1: number;
  /** the largest font size on the line */
  size: number;
  segments: Segment[];
}

/** a gap this wide (in ems) between two items on a line separates segments */
const SEGMENT_GAP = 0.6;
/** a gap this wide (in ems) is a word space */
const WORD_GAP = 0.15;

/** Same text drawn twice a hair apart (bold faked by overprinting): keep one. */
function overprint(prev: PdfItem, it: PdfItem): boolean {
  return it.text === prev.text && Math.abs(it.x - prev.x) < 0.2 * it.size && Math.abs(it.y - prev.y) < 0.2 * it.size;
}

function segmentsOf(items: PdfItem[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | null = null;
  let size = 0;
  let prev: PdfItem | null = null;
  let leadingSpace = false;
  let spaceWidth = 0;
  for (const it of items) {
    if (prev && overprint(prev, it)) continue;
    prev = it;
    const text = it.text;
    if (!text.trim()) {
      // a space item: the gap speaks for it, unless it ends the line
      if (cur) cur.spaceAfter = true;
      else leadingSpace = true;
      // a space glyph is at most about 0.6 em wide; pdf.js also reports any gap as a "space" as wide as the gap
      if (it.width <= 0.7 * it.size) spaceWidth = Math.max(spaceWidth, it.width);
      continue;
    }
    const x1 = it.x + it.width;
    const em = Math.max(size, it.size);
    // a gap no wider than the space printed in it is a word space, however wide the font sets it
    if (cur && it.x - cur.x1 < Math.max(SEGMENT_GAP * em, cur.spaceAfter ? 1.5 * spaceWidth : 0)) {
      const gap = it.x - cur.x1;
      if ((gap > WORD_GAP * em || cur.spaceAfter) && !/\s$/.test(cur.text) && !/^\s/.test(text)) cur.text += ' ';
      cur.text += text;
      cur.x1 = Math.max(cur.x1, x1);
      cur.spaceAfter = false;
      spaceWidth = 0;
      size = Math.max(size, it.size);
    } else {
      if (cur) out.push(cur);
      cur = { text, x0: it.x, x1, spaceBefore: leadingSpace };
      spaceWidth = 0;
      leadingSpace = false;
      size = it.size;
    }
  }
  if (cur) out.push(cur);
  for (const s of out) {
    // spaces at either end take room but mark nothing: move the ends to the first and last glyph
    const n = [...s.text].length;
    const lead = n - [...s.text.trimStart()].length;
    const trail = n - [...s.text.trimEnd()].length;
    if (lead || trail) {
      const per = (s.x1 - s.x0) / n;
      s.x0 += lead * per;
      s.x1 -= trail * per;
      s.text = s.text.trim();
      if (lead) s.spaceBefore = true;
      if (trail) s.spaceAfter = true;
    }
  }
  return out.filter((s) => s.text);
}

/** The lines of a page, top to bottom. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let y = -Infinity;
  let size = 0;
  for (const it of items) {
    const tol = 0.35 * Math.min(size || it.size, it.size);
    if (cur.length && it.y - y <= tol) {
      cur.push(it);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [it];
    y = it.y;
    size = it.size;
  }
  if (cur.length) groups.push(cur);
  const lines: PdfLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const segments = segmentsOf(g);
    if (!segments.length) continue;
    lines.push({
      page: page.number,
      y: g[0].y,
      x0: segments[0].x0,
      x1: Math.max(...segments.map((s) => s.x1)),
      size: Math.max(...g.filter((it) => it.text.trim()).map((it) => it.size)),
      segments,
    });
  }
  return lines;
}
