// PDF → the reader's text and blocks. A PDF holds glyphs at positions, not lines or paragraphs.
// The reader rebuilds the page's lines from the positions, leaves out page numbers and running
// headers, joins the lines of a paragraph where they only wrap (no space inside Chinese), and
// rebuilds tables from the columns their cells stand in. It then writes what it read as text,
// as the .docx reader does: one paragraph a line, one table row a line (cells two spaces apart).
// Every span points into that text, and a point also names the page its character was printed
// on. The paragraphs go through the text reader's line rules (src/ingest/txt.ts); table rows
// become lines of cells, as a text laid out in columns gives them.
import { foldKey, pieceOf, tidy, type Piece } from '../normalize/piece.js';
import type { Block, LineBlock, ReadResult } from './blocks.js';
import { furnitureOf } from './pdf-furniture.js';
import { pageLines, type PdfLine, type Segment } from './pdf-lines.js';
import { loadPdf } from './pdf-load.js';
import { alone, extend, pageRegions, type Fragment, type PdfTable, type Region } from './pdf-tables.js';
import { bodyMetrics, continuesLine, wrapJoint } from './pdf-wrap.js';
import { readLines } from './txt.js';

export { PdfError } from './pdf-load.js';

export interface PdfRead extends ReadResult {
  /** the reader's text: paragraphs and table rows, one a line, in reading order */
  text: string;
  /** offset in `text` where each page's text starts (ascending; a page without text starts where the next does) */
  pages: number[];
  /** fonts without a Unicode map (their text is U+FFFD) */
  unmappedFonts: number;
}

/** between the cells of a table row, and wherever a line has a gap as wide as two characters */
const CELL_GAP = '  ';

/** Writes the reader's text, remembering where each page's first character went. */
class TextWriter {
  private parts: string[] = [];
  at = 0;
  readonly pageStart = new Map<number, number>();
  /** what was written since `begin()` */
  current = '';

  begin(): number {
    this.current = '';
    return this.at;
  }

  write(s: string, page: number): void {
    if (!s) return;
    if (!this.pageStart.has(page)) this.pageStart.set(page, this.at);
    this.parts.push(s);
    this.current += s;
    this.at += s.length;
  }

  /** a line: its segments with the gaps between them */
  writeLine(line: PdfLine): void {
    line.segments.forEach((s, i) => {
      if (i > 0) this.write(s.x0 - line.segments[i - 1].x1 >= 2 * line.size ? CELL_GAP : ' ', line.page);
      this.write(s.text, line.page);
    });
  }

  newline(): void {
    this.parts.push('\n');
    this.at++;
  }

  text(): string {
    return this.parts.join('');
  }
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const loaded = await loadPdf(bytes);
  const pageLinesList = loaded.pages.map(pageLines);
  const furniture = furnitureOf(loaded.pages.map((p, i) => ({ lines: pageLinesList[i], height: p.height })));
  const body = pageLinesList.map((lines) => lines.filter((l) => !furniture.has(l)));
  const metrics = bodyMetrics(body.flat());

  // regions of each page; a table cut by a page break is joined with its continuation
  const regions: Region[] = [];
  let lastTable: PdfTable | null = null;
  const settle = () => {
    // the table that ended the page before stands alone
    if (!lastTable) return;
    const at = regions.findIndex((r) => r.kind === 'table' && r.table === lastTable);
    regions.splice(at, 1, ...alone(lastTable));
  };
  for (const lines of body) {
    const pageRegs = pageRegions(lines, metrics, lastTable !== null);
    const first = pageRegs[0];
    if (lastTable && first?.kind === 'table' && continuesTable(lastTable, first.table)) {
      extend(lastTable, first.table, sameRow(lastTable.rows[0], first.table.rows[0]));
      pageRegs.shift();
      if (!pageRegs.length) continue; // the table goes on over the next page too
    } else if (pageRegs.length) settle();
    regions.push(...pageRegs);
    const last = pageRegs[pageRegs.length - 1];
    lastTable = last?.kind === 'table' ? last.table : pageRegs.length ? null : lastTable;
  }
  settle();

  // paragraphs: lines joined where they only wrap
  type Unit = { kind: 'para'; lines: PdfLine[] } | { kind: 'table'; table: PdfTable };
  const units: Unit[] = [];
  for (const r of regions) {
    if (r.kind === 'table') {
      units.push({ kind: 'table', table: r.table });
      continue;
    }
    const last = units[units.length - 1];
    const prev = last?.kind === 'para' ? last.lines[last.lines.length - 1] : null;
    // over a page break only from a full page: a page that ends early was broken on purpose
    const overPage = prev && prev.page !== r.line.page;
    const pageFull = !overPage || prev.y >= 0.6 * loaded.pages[prev.page - 1].height;
    if (last?.kind === 'para' && prev && pageFull && continuesLine(prev, r.line, metrics, last.lines.length === 1, !overPage))
      last.lines.push(r.line);
    else units.push({ kind: 'para', lines: [r.line] });
  }

  // the reader's text, and the blocks over it
  const w = new TextWriter();
  const blocks: Block[] = [];
  let run: Piece[] = [];
  const endRun = () => {
    if (run.length) blocks.push(...readLines(run));
    run = [];
  };
  for (const u of units) {
    if (u.kind === 'para') {
      const start = w.begin();
      let prev: Segment | null = null;
      for (const line of u.lines) {
        const first = line.segments[0];
        if (prev) w.write(wrapJoint(prev.text, first.text, prev.spaceAfter || first.spaceBefore), line.page);
        w.writeLine(line);
        prev = line.segments[line.segments.length - 1];
      }
      run.push(pieceOf(w.current, start));
      w.newline();
      continue;
    }
    endRun();
    blocks.push(...writeTable(u.table, w).filter((b) => b.piece.text));
  }
  endRun();
  const text = w.text();
  const pages: number[] = [];
  let next = text.length;
  for (let n = loaded.pages.length; n >= 1; n--) {
    next = w.pageStart.get(n) ?? next;
    pages[n - 1] = next;
  }
  pages[0] = 0;
  return { text, blocks, directives: [], pages, unmappedFonts: loaded.unmappedFonts };
}

/**
 * Does a table at the top of a page continue the one that ended the page before? It does when it
 * has as many columns and each gutter between them overlaps the gutter of the table above.
 */
function continuesTable(prev: PdfTable, next: PdfTable): boolean {
  const a = prev.columns;
  const b = next.columns;
  if (a.length !== b.length) return false;
  for (let k = 0; k + 1 < a.length; k++) if (Math.max(a[k][1], b[k][1]) >= Math.min(a[k + 1][0], b[k + 1][0])) return false;
  return true;
}

/** Two rows with the same cells (a header row printed again on the next page). */
function sameRow(a: Fragment[][] | undefined, b: Fragment[][] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  const text = (cell: Fragment[]) => cell.map((f) => f.line.segments[f.seg].text).join('').replace(/\s+/g, '');
  return a.every((cell, i) => text(cell) === text(b[i]));
}

/**
 * Writes a table, a row a line, and returns the rows as lines with their cells (a cell's
 * wrapped lines joined, an empty cell an empty piece, a spanning cell one piece in each slot
 * it covers): the same lines of cells the text reader gives a table laid out in columns, so
 * the extractor reads them as a table if they are one (indicators, tasks) and as lines if not.
 */
function writeTable(t: PdfTable, w: TextWriter): LineBlock[] {
  const made = new Map<Fragment[], Piece>();
  return t.rows.map((row) => {
    const start = w.at;
    let line = '';
    let gap = false;
    const cells = row.map((cell) => {
      const again = made.get(cell);
      if (again) return again;
      if (!cell.length) return pieceOf('', w.at);
      const page = cell[0].line.page;
      if (gap) {
        w.write(CELL_GAP, page);
        line += CELL_GAP;
      }
      const at = w.begin();
      let prev: Segment | null = null;
      for (const f of cell) {
        const s = f.line.segments[f.seg];
        if (prev) w.write(wrapJoint(prev.text, s.text, prev.spaceAfter || s.spaceBefore), f.line.page);
        w.write(s.text, f.line.page);
        prev = s;
      }
      gap = true;
      line += w.current;
      const piece = tidy(pieceOf(w.current, at));
      made.set(cell, piece);
      return piece;
    });
    w.newline();
    const piece = tidy(pieceOf(line, start));
    return { kind: 'line', piece, key: foldKey(piece.text), cells };
  });
}
