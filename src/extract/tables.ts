// Indicator tables. Markdown/HTML give rows and cells; scraped text prints one cell per line,
// sometimes splitting a cell over two lines, writing a 类别 only on its group's first row, or
// putting group rows ("1.应急能力(5项)") between the rows. Both end up as TableRows here.
import { grammars } from '../grammars/load.js';
import type { Block, LineBlock, TableBlock } from '../ingest/blocks.js';
import { concat, foldKey, startOffset, type Piece } from '../normalize/piece.js';
import { isVague } from './quantity.js';
import { readTaskTable, taskHeader, type TaskTable } from './task-table.js';

export type ColumnKind = 'index' | 'category' | 'name' | 'unit' | 'base' | 'target' | 'nature';

export interface TableRow {
  kind: 'row' | 'group';
  cells: Partial<Record<ColumnKind, Piece>>;
  /** for group rows: name and declared count */
  group?: { name: string; declared: number | null; piece: Piece };
  start: number;
  end: number;
}

export interface ParsedTable {
  header: string[];
  columns: ColumnKind[];
  rows: TableRow[];
  start: number;
  end: number;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

export function columnKind(cell: string): ColumnKind | null {
  if (cell.length > 24) return null; // header cells are short
  const s = squeeze(foldKey(cell));
  const cols = grammars().table.columns;
  for (const kind of ['index', 'category', 'name', 'unit', 'base', 'target', 'nature'] as ColumnKind[]) {
    if (cols[kind].some((re) => re.test(s))) return kind;
  }
  return null;
}

export function natureOf(cell: string): 'binding' | 'expected' | null {
  const s = squeeze(foldKey(cell));
  const t = grammars().table;
  if (t.binding.some((re) => re.test(s))) return 'binding';
  if (t.expected.some((re) => re.test(s))) return 'expected';
  return null;
}

function groupOf(cell: string, strict: boolean): { name: string; declared: number | null } | null {
  const s = squeeze(foldKey(cell));
  const m = grammars().table.groupRow.exec(s);
  if (!m) return null;
  const declared = m[2] ? Number(m[2]) : null;
  const numbered = /^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])/.test(s);
  if (strict && declared === null && !numbered) return null;
  return { name: m[1], declared };
}

function numberingScheme(s: string): string | null {
  return grammars().headings.find((h) => h.kind === 'item' && h.re.test(s))?.id ?? null;
}

const isTargetCell = (s: string) => grammars().table.targetCell.test(foldKey(s)) || isVague(s);
const isIndexCell = (s: string) => /^\d{1,3}$/.test(squeeze(s));

function usableHeader(columns: ColumnKind[]): boolean {
  return columns.includes('name') && (columns.includes('target') || columns.includes('nature')) && new Set(columns).size === columns.length;
}

const startOf = startOffset;

// ---------- scraped text: one cell per line ----------

/** A numbered line ends the table unless it is a group row: one declaring its count, or one
 * numbered like the group rows already seen in this table. */
function endsTable(b: Block, atRowStart: boolean, groupSchemes: Set<string>): boolean {
  if (b.kind !== 'line') return true;
  const s = squeeze(b.key);
  if (grammars().table.tableEnd.some((re) => re.test(s))) return true;
  if (s.length > 40 && !isTargetCell(s.slice(0, 12))) return true;
  if (atRowStart) {
    const scheme = numberingScheme(s);
    if (scheme && !(groupOf(s, true)?.declared != null || (groupSchemes.has(scheme) && groupOf(s, true)))) return true;
  }
  if (/[。;]$/.test(s) && s.length > 20) return true;
  return false;
}

/** Assigns the cells of one scraped row to the table's columns. */
function assignRow(cells: LineBlock[], columns: ColumnKind[]): TableRow['cells'] {
  const out: TableRow['cells'] = {};
  let rest = [...cells];
  if (columns.includes('index') && rest.length && isIndexCell(rest[0].key)) out.index = rest.shift()!.piece;
  if (columns.includes('nature') && rest.length && natureOf(rest[rest.length - 1].key)) out.nature = rest.pop()!.piece;
  // value columns from the right, in header order
  const valueCols = columns.filter((c) => c === 'unit' || c === 'base' || c === 'target');
  for (let i = valueCols.length - 1; i >= 0 && rest.length > 1; i--) {
    const col = valueCols[i];
    const last = rest[rest.length - 1];
    if (col === 'target' || isTargetCell(last.key) || (col === 'unit' && squeeze(last.key).length <= 4)) out[col] = rest.pop()!.piece;
  }
  // "下降 30%": a direction or comparison word typed apart from its number belongs to the target
  if (out.target && rest.length > 1 && /^(?:下降|降低|减少|提升|提高|增长|增加|[<>≤≥]=?|不低于|不超过|不少于|控制在|达到)$/.test(squeeze(rest[rest.length - 1].key))) {
    out.target = concat([rest.pop()!.piece, out.target]);
  }
  if (columns.includes('category') && rest.length >= 2 && squeeze(rest[0].key).length <= 8) out.category = rest.shift()!.piece;
  if (rest.length) out.name = concat(rest.map((b) => b.piece));
  return out;
}

function parseScraped(blocks: Block[], from: number, columns: ColumnKind[], header: string[], used: Set<number>): ParsedTable | null {
  const rows: TableRow[] = [];
  const maxLines = grammars().table.maxLines;
  let i = from;
  let cur: LineBlock[] = [];
  let nextIndex = 1;
  const flush = () => {
    if (!cur.length) return;
    const cells = assignRow(cur, columns);
    rows.push({ kind: 'row', cells, start: startOf(cur[0].piece), end: cur[cur.length - 1].piece.end });
    cur = [];
  };
  const hasNature = columns.includes('nature');
  const hasIndex = columns.includes('index');
  const consumed: number[] = [];
  const groupSchemes = new Set<string>();
  for (; i < blocks.length && i - from < maxLines; i++) {
    const b = blocks[i];
    const atRowStart = cur.length === 0;
    if (endsTable(b, atRowStart, groupSchemes)) break;
    const line = b as LineBlock;
    const s = squeeze(line.key);
    if (atRowStart) {
      const g = groupOf(s, true);
      if (g && !isIndexCell(s) && !natureOf(s) && !isTargetCell(s.replace(/^\d{1,2}[.、]/, '').replace(/[(]\d+项[)]/, ''))) {
        const next = blocks[i + 1];
        const nextKey = next && next.kind === 'line' ? squeeze(next.key) : '';
        const nextIsHeading = grammars().headings.some((h) => h.re.test(nextKey)) && !groupOf(nextKey, true);
        if (g.declared !== null || (!nextIsHeading && nextKey)) {
          const scheme = numberingScheme(s);
          if (scheme) groupSchemes.add(scheme);
          rows.push({ kind: 'group', cells: {}, group: { ...g, piece: line.piece }, start: startOf(line.piece), end: line.piece.end });
          consumed.push(i);
          continue;
        }
      }
    }
    if (!hasNature && hasIndex && !atRowStart && isIndexCell(s) && Number(s) === nextIndex) flush();
    if (atRowStart && hasIndex && isIndexCell(s)) nextIndex = Number(s) + 1;
    cur.push(line);
    consumed.push(i);
    if (hasNature && natureOf(s)) flush();
    else if (!hasNature && !hasIndex && cur.length === columns.length) flush();
  }
  if (cur.length) {
    // a trailing incomplete row is kept only when it looks like one (a name and a value)
    if (cur.length >= 2) flush();
    else {
      consumed.pop();
      cur = [];
    }
  }
  const dataRows = rows.filter((r) => r.kind === 'row' && r.cells.name);
  if (!dataRows.length) return null;
  for (const k of consumed) used.add(k);
  return { header, columns, rows, start: rows[0].start, end: rows[rows.length - 1].end };
}

// ---------- real tables (Markdown, HTML, Word, text laid out in columns) ----------

const asLine = (p: Piece): LineBlock => ({ kind: 'line', piece: p, key: foldKey(p.text) });

function parseRealRows(rowsIn: Piece[][], start: number, end: number): ParsedTable | TaskTable | null {
  let headerAt = -1;
  let columns: ColumnKind[] = [];
  for (let r = 0; r < Math.min(3, rowsIn.length); r++) {
    const kinds = rowsIn[r].map((c) => columnKind(c.text));
    const targets = kinds.map((k, i) => (k === 'target' ? i : -1)).filter((i) => i >= 0);
    if (targets.length === 2 && !kinds.includes('base')) kinds[targets[0]] = 'base';
    if (kinds.every((k) => k !== null) && usableHeader(kinds as ColumnKind[])) {
      headerAt = r;
      columns = kinds as ColumnKind[];
      break;
    }
    const taskCols = taskHeader(rowsIn[r].map((c) => c.text));
    if (taskCols) return readTaskTable(rowsIn, r, taskCols, start, end);
  }
  if (headerAt < 0) return null;
  const rows: TableRow[] = [];
  for (const cellsRow of rowsIn.slice(headerAt + 1)) {
    // a cell spanning columns fills each slot with the same piece: count it once
    const filled = cellsRow.filter((c, i) => c.text.trim() && cellsRow.indexOf(c) === i);
    if (!filled.length) continue;
    const rs = startOf(filled[0]);
    const re = filled[filled.length - 1].end;
    if (filled.length === 1 && columns.length > 2) {
      const g = groupOf(filled[0].text, false);
      if (g) {
        rows.push({ kind: 'group', cells: {}, group: { ...g, piece: filled[0] }, start: rs, end: re });
        continue;
      }
    }
    let cells: TableRow['cells'] = {};
    if (cellsRow.length === columns.length) {
      columns.forEach((col, i) => {
        const c = cellsRow[i];
        if (c && c.text.trim()) cells[col] = c;
      });
    } else cells = assignRow(filled.map(asLine), columns);
    rows.push({ kind: 'row', cells, start: rs, end: re });
  }
  if (!rows.some((r) => r.kind === 'row' && r.cells.name)) return null;
  return { header: rowsIn[headerAt].map((c) => c.text), columns, rows, start, end };
}

const isTaskTable = (t: ParsedTable | TaskTable): t is TaskTable => 'columns' in t && t.columns.includes('task' as never);

/**
 * Finds the indicator and task tables among a plan's blocks. Returns them with the indexes of
 * the blocks they consumed, which the outline then leaves out.
 */
export function findTables(blocks: Block[]): { tables: ParsedTable[]; taskTables: TaskTable[]; used: Set<number> } {
  const tables: ParsedTable[] = [];
  const taskTables: TaskTable[] = [];
  const used = new Set<number>();
  const take = (t: ParsedTable | TaskTable | null, from: number, to: number) => {
    if (!t) return false;
    if (isTaskTable(t)) taskTables.push(t);
    else tables.push(t);
    for (let k = from; k < to; k++) used.add(k);
    return true;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      take(parseRealRows(b.rows, b.start, b.end), i, i + 1);
      continue;
    }
    if (b.kind !== 'line') continue;
    if (b.cells) {
      // a text table laid out in columns: consecutive lines with cells (single-cell group rows allowed)
      let j = i;
      const rows: Piece[][] = [];
      while (j < blocks.length) {
        const x = blocks[j];
        if (x.kind !== 'line') break;
        if (x.cells) rows.push(x.cells);
        else if (j + 1 < blocks.length && (blocks[j + 1] as LineBlock).cells && x.key.length <= 20) rows.push([x.piece]);
        else break;
        j++;
      }
      const last = blocks[j - 1] as LineBlock;
      if (rows.length >= 2 && take(parseRealRows(rows, startOf(b.piece), last.piece.end), i, j)) {
        i = j - 1;
        continue;
      }
    }
    if (b.words && b.words.length >= 3 && b.words.every((w) => columnKind(w.text))) {
      // a table typed with single spaces: "序号 指标名称 目标值 属性" / "1 生产安全事故死亡人数 下降10% 约束性"
      let j = i + 1;
      const rows: Piece[][] = [b.words];
      while (j < blocks.length) {
        const x = blocks[j];
        if (x.kind !== 'line' || !x.words || x.words.length < 2) break;
        rows.push(x.words);
        j++;
      }
      const last = blocks[j - 1] as LineBlock;
      if (rows.length >= 2 && take(parseRealRows(rows, startOf(b.piece), last.piece.end), i, j)) {
        i = j - 1;
        continue;
      }
    }
    if (!columnKind(b.key)) continue;
    const header: string[] = [];
    const columns: ColumnKind[] = [];
    let j = i;
    while (j < blocks.length && blocks[j].kind === 'line') {
      let k = columnKind((blocks[j] as LineBlock).key);
      if (k === 'target' && columns.includes('target') && !columns.includes('base')) {
        // "2020年 | 2025年": the first year column was the base
        columns[columns.indexOf('target')] = 'base';
      }
      if (!k || columns.includes(k)) break;
      columns.push(k);
      header.push((blocks[j] as LineBlock).piece.text);
      j++;
    }
    if (columns.length < 2 || !usableHeader(columns)) continue;
    const t = parseScraped(blocks, j, columns, header, used);
    if (!t) continue;
    for (let k = i; k < j; k++) used.add(k);
    t.start = startOf((blocks[i] as LineBlock).piece);
    tables.push(t);
    // past the rows the table consumed (contiguous from j): walked, since Math.max(...used) overflows
    // the stack on thousands of rows and rescans every earlier table
    let end = j;
    while (used.has(end)) end++;
    i = end - 1;
  }
  return { tables, taskTables, used };
}
