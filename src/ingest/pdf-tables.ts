// Tables of a PDF page, rebuilt from where their text stands. A run of lines split into
// segments (cells) is a table when at least two of its lines are; its columns are the x-ranges
// that the cells of those lines cover, separated by gutters no cell crosses. A cell's text may
// wrap over several lines (more lines than its neighbours, which a word processor centres or
// tops), so rows are not lines: the lines of one column that follow each other at line pitch are
// one cell, and cells whose heights overlap are one row. A line crossing gutters alone on its
// row is a group row ("1.应急能力(5项)") spanning the columns it covers.
import type { PdfLine } from './pdf-lines.js';
import type { BodyMetrics } from './pdf-wrap.js';

/** One segment of one line: a piece of a cell. */
export interface Fragment {
  line: PdfLine;
  seg: number;
}

export interface PdfTable {
  /** rows[r][c]: the fragments of the cell, top to bottom; a spanning cell's array is shared by the columns it spans */
  rows: Fragment[][][];
  columns: [number, number][];
  lines: PdfLine[];
  /** one line of cells at the foot of a page: a table only if the next page continues it */
  tentative?: boolean;
  /** lines at the foot of the page that belong to the table only if the next page continues it */
  tail?: number;
  /** font size of its text */
  em: number;
  /** the part on the table's last page: where its rows start, its lines and columns, rows of it left out (a header printed again) */
  last: { row: number; lines: PdfLine[]; columns: [number, number][]; skip: number };
}

export type Region = { kind: 'line'; line: PdfLine } | { kind: 'table'; table: PdfTable };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** x-ranges covered by the segments of the multi-segment lines, merged where they overlap */
function columnsOf(lines: PdfLine[]): [number, number][] {
  const spans = lines
    .filter((l) => l.segments.length >= 2)
    .flatMap((l) => l.segments.map((s) => [s.x0, s.x1] as [number, number]))
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([...s]);
  }
  return out;
}

/** The columns a segment overlaps (by more than a sliver). */
function columnsUnder(x0: number, x1: number, columns: [number, number][], em: number): number[] {
  const out: number[] = [];
  columns.forEach(([c0, c1], i) => {
    if (Math.min(x1, c1) - Math.max(x0, c0) > 0.2 * em) out.push(i);
  });
  if (!out.length) {
    // in a gutter: the nearest column
    let best = 0;
    let dist = Infinity;
    columns.forEach(([c0, c1], i) => {
      const d = Math.max(c0 - x1, x0 - c1, 0);
      if (d < dist) [best, dist] = [i, d];
    });
    out.push(best);
  }
  return out;
}

/**
 * Rows of a table region. The lines of one column that follow each other at the cells' line
 * pitch are one cell, unless their line starts a row: it has text in the first column, or one
 * of its cells cannot continue the cell above. Cells whose heights overlap are one row.
 */
function rowsOf(lines: PdfLine[], columns: [number, number][], em: number): Fragment[][][] {
  interface Box {
    top: number;
    bottom: number;
    /** baseline of the last line */
    last: number;
    cols: number[];
    frags: Fragment[];
  }
  const placed = lines.map((line) => line.segments.map((s) => columnsUnder(s.x0, s.x1, columns, em)));
  // the line pitch inside a cell: the least distance between two lines of one column
  let pitch = Infinity;
  const lastY = new Map<number, number>();
  lines.forEach((line, k) =>
    placed[k].forEach((cols) => {
      if (cols.length !== 1) return;
      const y = lastY.get(cols[0]);
      if (y !== undefined && line.y - y > 0.5 * em) pitch = Math.min(pitch, line.y - y);
      lastY.set(cols[0], line.y);
    }),
  );
  const reach = Math.min(1.2 * pitch, 1.6 * em);
  const boxes: Box[] = [];
  const open = new Map<number, Box>(); // the last box of each column
  lines.forEach((line, k) => {
    const canJoin = placed[k].map((cols) => {
      const prev = cols.length === 1 ? open.get(cols[0]) : undefined;
      return prev && prev.cols.length === 1 && line.y - prev.last <= reach ? prev : null;
    });
    const startsRow = line.segments.length >= 2 && (canJoin.some((b) => !b) || placed[k].some((cols) => cols.includes(0)));
    line.segments.forEach((_, seg) => {
      const cols = placed[k][seg];
      const f: Fragment = { line, seg };
      const bottom = line.y + 0.25 * line.size;
      const prev = startsRow ? null : canJoin[seg];
      if (prev) {
        prev.frags.push(f);
        prev.bottom = bottom;
        prev.last = line.y;
        return;
      }
      const box: Box = { top: line.y - 0.9 * line.size, bottom, last: line.y, cols, frags: [f] };
      boxes.push(box);
      for (const c of cols) open.set(c, box);
    });
  });
  boxes.sort((a, b) => a.top - b.top);
  const rows: Box[][] = [];
  let bottom = -Infinity;
  for (const b of boxes) {
    const spanning = b.cols.length > 1;
    const last = rows[rows.length - 1];
    if (last && b.top < bottom && !spanning && !last.some((x) => x.cols.length > 1)) {
      last.push(b);
      bottom = Math.max(bottom, b.bottom);
    } else {
      rows.push([b]);
      bottom = b.bottom;
    }
  }
  return rows.map((row) => {
    const cells: Fragment[][] = columns.map(() => []);
    for (const b of row.sort((x, y) => x.top - y.top)) {
      if (b.cols.length > 1) for (const c of b.cols) cells[c] = b.frags;
      else cells[b.cols[0]].push(...b.frags);
    }
    return cells;
  });
}

/** Does a single-segment line stand inside the table's columns (a wrapped cell's next line)? */
function insideOneColumn(line: PdfLine, columns: [number, number][], em: number): boolean {
  const s = line.segments[0];
  return columnsUnder(s.x0, s.x1, columns, em).length === 1;
}

/**
 * Does `l` carry on a paragraph whose line `p` is full: it starts at the margin, one line pitch
 * below a line that ends at the margin (a gap inside a wrapped sentence makes no table row).
 */
function wrapsOn(p: PdfLine | undefined, l: PdfLine, m: BodyMetrics): boolean {
  if (!p) return false;
  const full = p.x1 + l.size >= m.right - 0.3 * l.size && p.x1 <= m.right + 1.5 * l.size;
  return full && Math.abs(l.x0 - m.left) <= 0.5 * l.size && l.y - p.y <= 1.2 * m.pitch;
}

/**
 * Splits a page's body lines into lines and tables. `continued`: the previous page ended in a
 * table, so a table at the top of this page needs only one line of cells.
 */
export function pageRegions(lines: PdfLine[], m: BodyMetrics, continued: boolean): Region[] {
  const out: Region[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    if (first.segments.length < 2 || wrapsOn(lines[i - 1], first, m)) {
      out.push({ kind: 'line', line: first });
      i++;
      continue;
    }
    const em = first.size;
    // grow: lines within reach below, but not a line of prose across the table
    let j = i + 1;
    let sofar = columnsOf([first]);
    while (j < lines.length) {
      const l = lines[j];
      if (l.y - lines[j - 1].y > 3 * Math.max(em, m.pitch / 1.2)) break;
      if (l.segments.length >= 2) sofar = columnsOf(lines.slice(i, j + 1));
      if (l.segments.length === 1) {
        const s = l.segments[0];
        const inCell = columnsUnder(s.x0, s.x1, sofar, em).length === 1;
        const acrossBody = l.x0 <= m.left + 2.5 * l.size && l.x1 >= m.right - 1.5 * l.size;
        if (!inCell && (acrossBody || Math.abs(l.size - em) > 0.05 * em)) break;
        // the wrap of an indented full line to the margin is a paragraph ("简    称：“十五" / "五”规划")
        const p = lines[j - 1];
        if (p.x0 > m.left + 0.5 * em && wrapsOn(p, l, m)) break;
      }
      j++;
    }
    const atFoot = j === lines.length;
    let region = lines.slice(i, j);
    // a line with a gap above a table ("表1  主要指标") is no row of it when it crosses its gutters
    const below = columnsOf(region.slice(1));
    if (below.length >= 2 && region.slice(1).filter((l) => l.segments.length >= 2).length >= 2) {
      if (first.segments.some((s) => columnsUnder(s.x0, s.x1, below, em).length > 1)) {
        out.push({ kind: 'line', line: first });
        i++;
        continue;
      }
    }
    // a table ends with a line of cells or a wrapped cell's next line, never with a line across
    // it; at the foot of a page those lines are its tail (the table may go on over the page)
    let columns = columnsOf(region);
    let end = region.length;
    while (end > 1) {
      const last = region[end - 1];
      const prev = region[end - 2];
      if (last.segments.length >= 2) break;
      if (insideOneColumn(last, columns, em) && last.y - prev.y <= 1.5 * em) break;
      end--;
    }
    const tail = atFoot ? region.length - end : 0;
    region = region.slice(0, end + tail);
    const cellLines = region.filter((l) => l.segments.length >= 2).length;
    if ((cellLines < 2 && !(cellLines === 1 && ((continued && i === 0) || atFoot))) || columns.length < 2) {
      out.push({ kind: 'line', line: first });
      i++;
      continue;
    }
    // a wrapped first cell (centred rows) may start a line or two above the first line of cells
    let start = i;
    while (out.length && start > 0 && i - start < 2) {
      const prev = out[out.length - 1];
      if (prev.kind !== 'line' || prev.line !== lines[start - 1]) break;
      const l = prev.line;
      const cols = l.segments.length === 1 ? columnsUnder(l.segments[0].x0, l.segments[0].x1, columns, em) : [];
      const narrow = cols.length === 1 && columns[cols[0]][1] - columns[cols[0]][0] < 0.7 * (columns[columns.length - 1][1] - columns[0][0]);
      if (!(narrow && lines[start].y - l.y <= 1.5 * em)) break;
      out.pop();
      start--;
    }
    region = lines.slice(start, i + region.length);
    columns = columnsOf(region);
    const size = median(region.map((l) => l.size));
    const tentative = cellLines < 2 && !(continued && i === 0);
    const last = { row: 0, lines: region, columns, skip: 0 };
    out.push({ kind: 'table', table: { rows: rowsOf(region, columns, size), columns, lines: region, tentative, tail, em: size, last } });
    i += region.length - (i - start);
  }
  return out;
}

/** A table at the foot of a page that the next page does not continue, as it stands alone. */
export function alone(t: PdfTable): Region[] {
  const asLines = (ls: PdfLine[]) => ls.map((line): Region => ({ kind: 'line', line }));
  if (t.tentative) return asLines(t.lines);
  if (!t.tail) return [{ kind: 'table', table: t }];
  const kept = t.last.lines.slice(0, -t.tail);
  const rows = [...t.rows.slice(0, t.last.row), ...rowsOf(kept, t.last.columns, t.em).slice(t.last.skip)];
  const table: PdfTable = { ...t, lines: t.lines.slice(0, -t.tail), rows, tail: 0 };
  return [{ kind: 'table', table }, ...asLines(t.last.lines.slice(-t.tail))];
}

/** Appends the part of a table printed on the next page (a header printed again left out). */
export function extend(t: PdfTable, next: PdfTable, repeatsHeader: boolean): void {
  const rows = next.rows.slice(repeatsHeader ? 1 : 0);
  t.last = { row: t.rows.length, lines: next.lines, columns: next.columns, skip: repeatsHeader ? 1 : 0 };
  t.rows.push(...rows);
  t.lines.push(...next.lines);
  t.tentative = false;
  t.tail = next.tail;
}
