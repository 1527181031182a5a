// Test material: lays a plan out as a PDF the way a word processor prints it (pdf-lib, a
// subset of Noto Sans SC), so the PDF reader is tested on real page geometry: lines wrapped
// at the margin with line-breaking rules, first-line indents, a running header, page numbers,
// tables as positioned cells with borders and cells wrapped over several lines.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export type Row = { cells: string[] } | { group: string };
export type LayoutBlock = { kind: 'title'; text: string } | { kind: 'para'; text: string } | { kind: 'table'; rows: Row[] };

export interface Layout {
  name: string;
  page: [width: number, height: number];
  margin: { left: number; right: number; top: number; bottom: number };
  size: number;
  /** baseline to baseline */
  pitch: number;
  /** first-line indent of a paragraph, in characters */
  indent: number;
  titleSize: number;
  /** running header printed on every page after the first, with a rule under it */
  header?: string;
  /** running footer printed on every page */
  footer?: string;
  pageNumber: (n: number, total: number) => string;
  /** page numbers centred, or on the outer edge (odd pages right, even pages left) */
  pageNumberAt: 'center' | 'outer';
  table: { size: number; pitch: number; pad: number; valign: 'top' | 'middle'; repeatHeader: boolean; maxWidth?: number };
}

export const A4: Omit<Layout, 'header' | 'pageNumber' | 'pageNumberAt'> = {
  name: 'a4',
  page: [595.28, 841.89],
  margin: { left: 79, right: 74, top: 90, bottom: 80 },
  size: 12,
  pitch: 21,
  indent: 2,
  titleSize: 18,
  table: { size: 10.5, pitch: 14, pad: 5, valign: 'middle', repeatHeader: true },
};

export const NARROW: Omit<Layout, 'header' | 'pageNumber' | 'pageNumberAt'> = {
  name: 'narrow',
  page: [220, 842],
  margin: { left: 36, right: 90, top: 60, bottom: 60 },
  size: 10.5,
  pitch: 14,
  indent: 2,
  titleSize: 12,
  table: { size: 9, pitch: 11.5, pad: 4, valign: 'top', repeatHeader: false, maxWidth: 176 },
};

const require = createRequire(import.meta.url);
// pdf-lib compresses streams with pako, in JavaScript; Node's zlib writes the same format natively
const pako = createRequire(require.resolve('pdf-lib'))('pako') as { deflate: (data: Uint8Array) => Uint8Array };
pako.deflate = (data) => deflateSync(data);
let fontBytes: Uint8Array | null = null;
const cjkFont = () => (fontBytes ??= readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')));

type FontkitFont = { layout: unknown; glyphForCodePoint(c: number): unknown };
let parsed: FontkitFont | null = null;
/**
 * fontkit, parsing the font once for all documents (each embeds its own subset), and laying
 * text out one glyph per character: its shaping of every string is slow, and CJK needs none.
 */
const cachedFontkit = {
  ...fontkit,
  create(data: Uint8Array) {
    if (parsed) return parsed;
    const f = (fontkit as unknown as { create(d: Uint8Array): FontkitFont }).create(data);
    const glyphs = new Map<string, unknown>();
    const glyph = (ch: string) => {
      let g = glyphs.get(ch);
      if (!g) glyphs.set(ch, (g = f.glyphForCodePoint(ch.codePointAt(0)!)));
      return g;
    };
    f.layout = (s: string) => ({ glyphs: Array.from(s, glyph), positions: [] });
    return (parsed = f);
  },
} as typeof fontkit;

/** A line may not start with closing punctuation, nor end with opening punctuation (禁则). */
const NO_START = /^[，。、；：？！）》」』”’%,.;:?!)\]】〕…—]/u;
const NO_END = /[（《「『“‘(\[【〔]$/u;
const ASCII_WORD = /[A-Za-z0-9.\-/%]/;

interface Measured {
  font: PDFFont;
  width: (s: string, size: number) => number;
}

/** Breaks text into lines no wider than `width` (the first one indented), like a word processor. */
function wrap(text: string, m: Measured, size: number, width: number, firstIndent = 0): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let line = '';
  let lw = firstIndent;
  const push = () => {
    lines.push(line);
    line = '';
    lw = 0;
  };
  let i = 0;
  while (i < chars.length) {
    // an ASCII word is kept whole unless it is longer than a line
    let j = i + 1;
    if (ASCII_WORD.test(chars[i])) while (j < chars.length && ASCII_WORD.test(chars[j])) j++;
    const unit = chars.slice(i, j).join('');
    const w = m.width(unit, size);
    if (lw + w <= width) {
      line += unit;
      lw += w;
      i = j;
    } else if (w > width - firstIndent) {
      // longer than a line: cut where the line is full
      let k = i;
      while (k < j) {
        const cw = m.width(chars[k], size);
        if (lw + cw > width && line) break;
        line += chars[k++];
        lw += cw;
      }
      push();
      i = k;
    } else if (line && NO_START.test(unit)) {
      // closing punctuation hangs in the margin rather than opening a line
      line += unit;
      i = j;
      push();
    } else {
      const last = [...line].pop() ?? '';
      if (NO_END.test(last) && line.length > last.length) {
        line = line.slice(0, line.length - last.length);
        push();
        line = last;
        lw = m.width(last, size);
      } else push();
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function makePdf(blocks: LayoutBlock[], layout: Layout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachedFontkit);
  const font = await doc.embedFont(cjkFont(), { subset: true });
  const widths = new Map<string, number>();
  const m: Measured = {
    font,
    width: (s, size) => {
      let w = 0;
      for (const ch of s) {
        let cw = widths.get(ch);
        if (cw === undefined) widths.set(ch, (cw = font.widthOfTextAtSize(ch, 1000)));
        w += cw;
      }
      return (w * size) / 1000;
    },
  };

  const [pw, ph] = layout.page;
  const { left, right, top, bottom } = layout.margin;
  const body = pw - left - right;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([pw, ph]);
    pages.push(page);
    y = ph - top;
  };
  const need = (h: number) => {
    if (y - h < bottom) newPage();
  };
  const text = (s: string, x: number, yy: number, size: number) => {
    if (s) page.drawText(s, { x, y: yy, size, font });
  };
  newPage();

  for (const b of blocks) {
    if (b.kind === 'title') {
      for (const line of wrap(b.text, m, layout.titleSize, body)) {
        need(layout.pitch * 1.5);
        y -= layout.pitch * 1.5;
        text(line, left + (body - m.width(line, layout.titleSize)) / 2, y, layout.titleSize);
      }
      y -= layout.pitch * 0.5;
    } else if (b.kind === 'para') {
      const indent = layout.indent * layout.size;
      wrap(b.text.trim(), m, layout.size, body, indent).forEach((line, i) => {
        need(layout.pitch);
        y -= layout.pitch;
        text(line, left + (i === 0 ? indent : 0), y, layout.size);
      });
    } else drawTable(b.rows);
  }

  function drawTable(rows: Row[]) {
    const t = layout.table;
    const ncol = Math.max(...rows.map((r) => ('cells' in r ? r.cells.length : 1)));
    const avail = Math.min(t.maxWidth ?? body, pw - left - 10);
    // natural column widths, the widest shrunk until the table fits
    const natural = Array.from({ length: ncol }, (_, c) => Math.max(2 * t.size, ...rows.map((r) => ('cells' in r ? m.width(r.cells[c] ?? '', t.size) : 0))) + 2 * t.pad);
    const widthsOf = (cap: number) => natural.map((w) => Math.min(w, cap));
    let lo = 0;
    let hi = Math.max(...natural);
    while (hi - lo > 0.5) {
      const mid = (lo + hi) / 2;
      if (widthsOf(mid).reduce((a, b) => a + b, 0) > avail) hi = mid;
      else lo = mid;
    }
    const cols = widthsOf(lo);
    const x0 = left;
    const tableWidth = cols.reduce((a, b) => a + b, 0);
    const cellLines = (r: Row) =>
      'cells' in r
        ? r.cells.map((c, i) => wrap(c, m, t.size, cols[i] - 2 * t.pad))
        : [wrap(r.group, m, t.size, tableWidth - 2 * t.pad)];
    const header = rows[0];
    const drawRow = (r: Row) => {
      const lines = cellLines(r);
      const n = Math.max(1, ...lines.map((l) => l.length));
      const h = n * t.pitch + 2 * t.pad;
      if (y - h < bottom) {
        newPage();
        if (t.repeatHeader && r !== header) drawRow(header);
      }
      const rowTop = y;
      let x = x0;
      const spans = 'cells' in r ? cols : [tableWidth];
      lines.forEach((cl, i) => {
        const w = spans[i];
        const offset = t.valign === 'middle' ? ((n - cl.length) * t.pitch) / 2 : 0;
        cl.forEach((line, k) => {
          const lw = m.width(line, t.size);
          // short cells centred, long ones (wrapped) from the left
          const cx = 'cells' in r && cl.length === 1 && lw < w - 2 * t.pad ? x + (w - lw) / 2 : x + t.pad;
          text(line, cx, rowTop - t.pad - offset - (k + 1) * t.pitch + t.pitch * 0.22, t.size);
        });
        page.drawLine({ start: { x, y: rowTop }, end: { x, y: rowTop - h }, thickness: 0.5, color: rgb(0, 0, 0) });
        x += w;
      });
      page.drawLine({ start: { x: x0 + tableWidth, y: rowTop }, end: { x: x0 + tableWidth, y: rowTop - h }, thickness: 0.5, color: rgb(0, 0, 0) });
      page.drawLine({ start: { x: x0, y: rowTop }, end: { x: x0 + tableWidth, y: rowTop }, thickness: 0.5, color: rgb(0, 0, 0) });
      page.drawLine({ start: { x: x0, y: rowTop - h }, end: { x: x0 + tableWidth, y: rowTop - h }, thickness: 0.5, color: rgb(0, 0, 0) });
      y = rowTop - h;
    };
    y -= t.pitch * 0.5;
    for (const r of rows) drawRow(r);
    y -= t.pitch * 0.5;
  }

  const total = pages.length;
  pages.forEach((p, i) => {
    page = p;
    const n = i + 1;
    if (layout.header && n > 1) {
      const hs = 9;
      const w = m.width(layout.header, hs);
      text(layout.header, left + (body - w) / 2, ph - top + 30, hs);
      p.drawLine({ start: { x: left, y: ph - top + 24 }, end: { x: pw - right, y: ph - top + 24 }, thickness: 0.5 });
    }
    if (layout.footer) {
      const fs = 8;
      text(layout.footer, left, bottom - 48, fs);
    }
    const label = layout.pageNumber(n, total);
    const ps = 10.5;
    const w = m.width(label, ps);
    const x = layout.pageNumberAt === 'center' ? left + (body - w) / 2 : n % 2 ? pw - right - w : left;
    text(label, x, bottom - 30, ps);
  });
  return doc.save();
}
