// Page furniture: page numbers and running headers and footers, which a PDF prints on every
// page between the lines of the plan ("— 3 —", the plan's title over each page). The patterns
// and thresholds are data: grammars/pdf-furniture.yaml.
import { furnitureGrammar } from '../grammars/pdf-furniture.js';
import { foldKey } from '../normalize/piece.js';
import type { PdfLine } from './pdf-lines.js';

export { furnitureGrammar };

const lineText = (l: PdfLine) => l.segments.map((s) => s.text).join(' ');
const squeeze = (s: string) => foldKey(s).replace(/\s+/g, '').toLowerCase();

/**
 * The furniture lines of a document, given each page's lines (top to bottom) and height.
 */
export function furnitureOf(pages: { lines: PdfLine[]; height: number }[]): Set<PdfLine> {
  const g = furnitureGrammar();
  const out = new Set<PdfLine>();
  const candidates: { line: PdfLine; key: string }[] = [];
  const sizes = pages.flatMap((p) => p.lines.map((l) => l.size)).sort((a, b) => a - b);
  const size = sizes[sizes.length >> 1] ?? 0;
  const numbers: { line: PdfLine; offset: number | null }[] = [];
  pages.forEach(({ lines, height }, index) => {
    const band = g.edgeBand * height;
    const [top, next] = lines;
    const short = pages.length < g.minPages;
    if (short && top && next && top.y < band && top.size < g.headerSize * size && next.y - top.y > g.headerGap * 1.2 * size) out.add(top);
    const edge = new Set([...lines.slice(0, g.edgeLines).filter((l) => l.y < band), ...lines.slice(-g.edgeLines).filter((l) => l.y > height - band)]);
    for (const line of edge) {
      const text = squeeze(lineText(line));
      if (g.pageNumber.test(text)) {
        const n = /\d+/.exec(text);
        numbers.push({ line, offset: n ? Number(n[0]) - (index + 1) : null });
      } else candidates.push({ line, key: `${Math.round(line.y / 6)}|${text.replace(/\d+/g, '#')}` });
    }
  });
  // a page number counts with the pages: its difference to the page's index is shared by other
  // pages, or it is about the page's own (a lone "5" in the text is not a page number)
  const shared = new Map<number, number>();
  for (const { offset } of numbers) if (offset !== null) shared.set(offset, (shared.get(offset) ?? 0) + 1);
  for (const { line, offset } of numbers) if (offset === null || (shared.get(offset) ?? 0) >= 2 || Math.abs(offset) <= 1) out.add(line);
  if (pages.length < g.minPages) return out;
  const pagesOf = new Map<string, Set<number>>();
  for (const c of candidates) {
    const set = pagesOf.get(c.key) ?? new Set<number>();
    set.add(c.line.page);
    pagesOf.set(c.key, set);
  }
  const needed = Math.max(2, Math.ceil(g.repeatShare * pages.length));
  for (const c of candidates) if (pagesOf.get(c.key)!.size >= needed) out.add(c.line);
  return out;
}
