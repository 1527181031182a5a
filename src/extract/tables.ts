// Indicator tables. Markdown/HTML give rows and cells; scraped text prints one cell per line,
// sometimes splitting a cell over two lines, writing a 类别 only on its group's first row, or
// putting group rows ("1.应急能力(5项)") between the rows. Both end up as TableRows here.
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';
import { grammars } from '../grammars/load.js';
import { lastChars } from '../grammars/prefilter.js';
import { matchNumbering } from '../grammars/numbering-start.js';
import { firstChars, firstMatching } from '../grammars/prefilter-memo.js';
import type { Block, LineBlock } from '../ingest/blocks.js';
import { concat, foldCodes, foldKey, startOffset, type Piece } from '../normalize/piece.js';
import { isSpaceCode, perCodeUnit } from '../util/text.js';
import { isVague } from './quantity.js';
import { readTaskTable, taskHeader, type TaskTable } from './task-table.js';

/** `extra`: a further column (年均/累计, 备注, 牵头单位 …) whose cells the indicator keeps by header */
export type ColumnKind = 'index' | 'category' | 'name' | 'unit' | 'base' | 'target' | 'nature' | 'extra';
type KnownColumn = Exclude<ColumnKind, 'extra'>;

export interface TableRow {
  kind: 'row' | 'group';
  cells: Partial<Record<KnownColumn, Piece>>;
  /** cells of extra columns, with the header of their column */
  extras?: { header: string; piece: Piece }[];
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

/** A table that looks like an indicator or task table but could not be read (table-unread). */
export interface UnreadTable {
  header: string[];
  /** header: its columns were not recognised; rows: no row could be read under its header */
  reason: 'header' | 'rows';
  start: number;
  end: number;
}


/**
 * The first- and last-character tests of the column patterns (src/grammars/prefilter.ts): every
 * short line is asked whether it names a column, and few begin and end as a column name does.
 */
let columnEnds: {
  of: unknown;
  first: RegExp | null;
  last: ((s: string) => boolean) | null;
  /** their answers for one character, kept per code unit (mayBeColumn) */
  opens: (c: number) => boolean;
  closes: (c: number) => boolean;
} | null = null;
function columnEndTests() {
  const cols = grammars().table.columns;
  if (columnEnds?.of !== cols) {
    const all = Object.values(cols).flat();
    const first = firstChars(all);
    const last = lastChars(all);
    columnEnds = { of: cols, first, last, opens: perCodeUnit((ch) => first === null || first.test(ch)), closes: perCodeUnit((ch) => last === null || last(ch)) };
  }
  return columnEnds;
}

/**
 * Whether squeeze(foldKey(cell)) may open and close as a column name does, told from its first
 * and last code units without building it (foldKey folds unit for unit; squeeze then drops \s):
 * false only where the first- or last-character test rejects it. The tests' answers are kept per
 * code unit (perCodeUnit); a surrogate at either end is left to the tests.
 */
function mayBeColumn(cell: string): boolean {
  const ends = columnEndTests();
  const a = keptAt(cell, 0, 1);
  if (a < 0) return true; // (nothing kept: the tests read the empty text)
  const b = keptAt(cell, cell.length - 1, -1);
  if ((a >= 0xd800 && a <= 0xdfff) || (b >= 0xd800 && b <= 0xdfff)) return true;
  return ends.opens(a) && ends.closes(b);
}

/** The first code unit squeeze(foldKey(cell)) keeps, from `i` on in steps of `step` (±1), folded; -1 if none. */
function keptAt(cell: string, i: number, step: number): number {
  const fold = foldCodes();
  for (; i >= 0 && i < cell.length; i += step) {
    const c = cell.charCodeAt(i);
    const f = fold[c] || c;
    if (!isSpaceCode(f)) return f;
  }
  return -1;
}

export function columnKind(cell: string): KnownColumn | null {
  if (cell.length > 24) return null; // header cells are short
  if (!mayBeColumn(cell)) return null;
  const s = squeeze(foldKey(cell));
  const { first, last } = columnEndTests();
  if ((first !== null && !first.test(s)) || (last !== null && !last(s))) return null;
  const { kinds, match } = columnPatterns();
  const k = match(s);
  return k < 0 ? null : kinds[k];
}

/** the kinds a cell is asked about, in the order they are tried */
const KINDS: readonly KnownColumn[] = ['index', 'category', 'name', 'unit', 'base', 'target', 'nature'];

/**
 * The column patterns of every kind one after another (in KINDS' order), each one's kind, and
 * their firstMatching test: the first that matches names the first kind that has one that
 * does, and a cell tries only the patterns its first character allows, not some thirty.
 */
let columnList: { of: unknown; kinds: KnownColumn[]; match: (s: string) => number } | null = null;
function columnPatterns() {
  const cols = grammars().table.columns;
  if (columnList?.of !== cols) {
    const kinds = KINDS.flatMap((kind) => cols[kind].map(() => kind));
    columnList = { of: cols, kinds, match: firstMatching(KINDS.flatMap((kind) => cols[kind])) };
  }
  return columnList;
}

/** A header cell of a further column named in grammars/indicator-table.yaml (年均/累计, 备注 …). */
export function isExtraHeader(cell: string): boolean {
  const s = squeeze(foldKey(cell));
  return s.length > 0 && s.length <= grammars().table.maxExtraHeader && grammars().table.extraColumns.some((re) => re.test(s));
}

/**
 * The columns of an indicator-table header row, or null when the row is not one. Year columns
 * ("2020年 | 2025年 | 2035年"): the first is the base, the next the target, later ones extra.
 * A short cell that names no known column is an extra column (with cells: any; printed one cell
 * per line: only the headers of grammars/indicator-table.yaml extraColumns).
 */
export function indicatorHeader(cells: string[], anyExtra = true): ColumnKind[] | null {
  const kinds: (ColumnKind | null)[] = cells.map((c) => columnKind(c));
  const targets = kinds.map((k, i) => (k === 'target' ? i : -1)).filter((i) => i >= 0);
  if (targets.length >= 2) {
    // "2020年 | 2025年 | 2035年": the first year is the base, the next the target, later ones extra
    const hasBase = kinds.includes('base');
    targets.forEach((col, n) => {
      const rank = hasBase ? n + 1 : n;
      kinds[col] = rank === 0 ? 'base' : rank === 1 ? 'target' : 'extra';
    });
  }
  const max = grammars().table.maxExtraHeader;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== null) continue;
    const s = squeeze(foldKey(cells[i]));
    if (isExtraHeader(s) || (anyExtra && s.length <= max && !/[。;；]/.test(s))) kinds[i] = 'extra';
    else return null;
  }
  const cols = kinds as ColumnKind[];
  const known = cols.filter((k) => k !== 'extra');
  if (known.length < 2 || cols.length - known.length > known.length) return null;
  return usableHeader(cols) ? cols : null;
}

export function natureOf(cell: string): 'binding' | 'expected' | null {
  const s = squeeze(foldKey(cell));
  const { binding, match } = naturePatterns();
  const k = match(s);
  return k < 0 ? null : k < binding ? 'binding' : 'expected';
}

/** the binding patterns, then the expected ones (firstMatching of them), and how many are binding */
let natureList: { of: unknown; binding: number; match: (s: string) => number } | null = null;
function naturePatterns() {
  const t = grammars().table;
  if (natureList?.of !== t) natureList = { of: t, binding: t.binding.length, match: firstMatching([...t.binding, ...t.expected]) };
  return natureList;
}

/** whether a line (squeezed) ends a table (firstMatching of the grammar's tableEnd patterns) */
let tableEndList: { of: unknown; match: (s: string) => number } | null = null;
function isTableEnd(s: string): boolean {
  const res = grammars().table.tableEnd;
  if (tableEndList?.of !== res) tableEndList = { of: res, match: firstMatching(res) };
  return tableEndList.match(s) >= 0;
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

const isItem = (h: { kind: string }) => h.kind === 'item';

/** The first item scheme of grammars/headings.yaml that matches (matchNumbering: only the schemes the first character allows are tried). */
function numberingScheme(s: string): string | null {
  return matchNumbering(s, isItem)?.scheme.id ?? null;
}

const isTargetCell = (s: string) => grammars().table.targetCell.test(foldKey(s)) || isVague(s);
const isIndexCell = (s: string) => /^\d{1,3}$/.test(squeeze(s));

function usableHeader(columns: ColumnKind[]): boolean {
  const known = columns.filter((c) => c !== 'extra');
  return columns.includes('name') && (columns.includes('target') || columns.includes('nature')) && new Set(known).size === known.length;
}

const startOf = startOffset;

// ---------- scraped text: one cell per line ----------

/** A numbered line ends the table unless it is a group row: one declaring its count, or one
 * numbered like the group rows already seen in this table. `s`: the line's key squeezed (the
 * caller keeps it for the line's other tests). */
function endsTable(s: string, atRowStart: boolean, groupSchemes: Set<string>): boolean {
  if (isTableEnd(s)) return true;
  if (s.length > 40 && !isTargetCell(s.slice(0, 12))) return true;
  if (atRowStart) {
    const scheme = numberingScheme(s);
    if (scheme && !(groupOf(s, true)?.declared != null || (groupSchemes.has(scheme) && groupOf(s, true)))) return true;
  }
  // (the length first: a $-anchored class is tried at every position of the line)
  if (s.length > 20 && /[。;]$/.test(s)) return true;
  return false;
}

/** Assigns the cells of one scraped row to the table's columns. */
function assignRow(cells: LineBlock[], columns: KnownColumn[]): TableRow['cells'] {
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
  // with extra columns a row is known by its length only: one line per column, in header order
  const fixed = columns.includes('extra');
  const known = columns.filter((c): c is KnownColumn => c !== 'extra');
  const flush = () => {
    if (!cur.length) return;
    let cells: TableRow['cells'] = {};
    const extras: NonNullable<TableRow['extras']> = [];
    if (fixed && cur.length === columns.length) {
      columns.forEach((col, i) => {
        if (col === 'extra') extras.push({ header: squeeze(header[i]) || `${i + 1}`, piece: cur[i].piece });
        else cells[col] = cur[i].piece;
      });
    } else cells = assignRow(cur, known);
    rows.push({ kind: 'row', cells, ...(extras.length ? { extras } : {}), start: startOf(cur[0].piece), end: cur[cur.length - 1].piece.end });
    cur = [];
  };
  const hasNature = columns.includes('nature') && !fixed;
  const hasIndex = columns.includes('index');
  const consumed: number[] = [];
  const groupSchemes = new Set<string>();
  for (; i < blocks.length && i - from < maxLines; i++) {
    const b = blocks[i];
    const atRowStart = cur.length === 0;
    if (b.kind !== 'line') break;
    const line = b;
    const s = squeeze(line.key);
    if (endsTable(s, atRowStart, groupSchemes)) break;
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
    else if ((fixed || (!hasNature && !hasIndex)) && cur.length === columns.length) flush();
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
    const kinds = indicatorHeader(rowsIn[r].map((c) => c.text));
    if (kinds) {
      headerAt = r;
      columns = kinds;
      break;
    }
    const taskCols = taskHeader(rowsIn[r].map((c) => c.text));
    if (taskCols) return readTaskTable(rowsIn, r, taskCols, start, end);
  }
  if (headerAt < 0) return null;
  const header = rowsIn[headerAt].map((c) => c.text);
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
    const extras: NonNullable<TableRow['extras']> = [];
    if (cellsRow.length === columns.length) {
      columns.forEach((col, i) => {
        const c = cellsRow[i];
        if (!c || !c.text.trim()) return;
        if (col === 'extra') extras.push({ header: squeeze(header[i]) || `${i + 1}`, piece: c });
        else cells[col] = c;
      });
    } else cells = assignRow(filled.map(asLine), columns.filter((c) => c !== 'extra'));
    rows.push({ kind: 'row', cells, ...(extras.length ? { extras } : {}), start: rs, end: re });
  }
  if (!rows.some((r) => r.kind === 'row' && r.cells.name)) return null;
  return { header, columns, rows, start, end };
}

/**
 * Why a table that was not read looks like an indicator or task table, or null when it does not
 * (a table of projects or a layout table is no concern of ours): a header row naming an
 * indicator column beside another known column, a task column beside an owner or deadline
 * column, or cells holding 约束性/预期性.
 */
function looksUnread(rows: Piece[][]): Omit<UnreadTable, 'start' | 'end'> | null {
  const tt = grammars().taskTable;
  for (const row of rows.slice(0, 3)) {
    const texts = row.map((c) => squeeze(foldKey(c.text)));
    const kinds = texts.map((t) => columnKind(t));
    const known = kinds.filter((k) => k !== null).length;
    if (kinds.includes('name') && known >= 2) return { header: row.map((c) => c.text), reason: 'header' };
    const task = texts.some((t) => tt.task.some((re) => re.test(t)));
    const other = texts.some((t) => [...tt.lead, ...tt.support, ...tt.deadline].some((re) => re.test(t)));
    if (task && other) return { header: row.map((c) => c.text), reason: 'header' };
  }
  const natures = rows.flat().filter((c) => c.text.length <= 8 && natureOf(c.text)).length;
  if (natures >= 2) return { header: rows[0].map((c) => c.text), reason: 'header' };
  return null;
}

const isTaskTable = (t: ParsedTable | TaskTable): t is TaskTable => 'columns' in t && t.columns.includes('task' as never);

/**
 * Finds the indicator and task tables among a plan's blocks. Returns them with the indexes of
 * the blocks they consumed, which the outline then leaves out.
 */
export function findTables(blocks: Block[]): { tables: ParsedTable[]; taskTables: TaskTable[]; unread: UnreadTable[]; used: Set<number> } {
  const tables: ParsedTable[] = [];
  const taskTables: TaskTable[] = [];
  const unread: UnreadTable[] = [];
  const used = new Set<number>();
  const take = (t: ParsedTable | TaskTable | null, from: number, to: number, rows?: Piece[][], start?: number, end?: number) => {
    if (!t) {
      const why = rows ? looksUnread(rows) : null;
      if (why) unread.push({ ...why, start: start!, end: end! });
      return false;
    }
    if (isTaskTable(t)) taskTables.push(t);
    else tables.push(t);
    for (let k = from; k < to; k++) used.add(k);
    return true;
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      take(parseRealRows(b.rows, b.start, b.end), i, i + 1, b.rows, b.start, b.end);
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
        // a box caption or a note after the table ends it, even when laid out in columns
        if (j > i && isTableEnd(squeeze(x.key))) break;
        if (x.cells) rows.push(x.cells);
        else if (j + 1 < blocks.length && (blocks[j + 1] as LineBlock).cells && x.key.length <= 20) rows.push([x.piece]);
        else break;
        j++;
      }
      const last = blocks[j - 1] as LineBlock;
      if (rows.length >= 2 && take(parseRealRows(rows, startOf(b.piece), last.piece.end), i, j, rows, startOf(b.piece), last.piece.end)) {
        i = j - 1;
        continue;
      }
      if (rows.length >= 2 && unread.length && unread[unread.length - 1].start === startOf(b.piece)) {
        // reported as unread: its lines are not read again as a table printed one cell per line
        for (let k = i; k < j; k++) used.add(k);
        i = j - 1;
        continue;
      }
    }
    if (b.words && b.words.length >= 3 && b.words.every((w) => columnKind(w.text) || isExtraHeader(w.text)) && b.words.filter((w) => columnKind(w.text)).length >= 2) {
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
      if (rows.length >= 2 && take(parseRealRows(rows, startOf(b.piece), last.piece.end), i, j, rows, startOf(b.piece), last.piece.end)) {
        i = j - 1;
        continue;
      }
    }
    if (!columnKind(b.key)) continue;
    const header: string[] = [];
    const seen = new Set<KnownColumn>();
    let j = i;
    while (j < blocks.length && blocks[j].kind === 'line') {
      const key = (blocks[j] as LineBlock).key;
      const k = columnKind(key);
      if (k) {
        // a known column twice ends the header, but for year columns ("2020年" / "2025年")
        if (seen.has(k) && !(k === 'target' && /^\d{4}年$/.test(squeeze(foldKey(key))))) break;
        seen.add(k);
      } else if (!isExtraHeader(key)) break;
      header.push((blocks[j] as LineBlock).piece.text);
      j++;
    }
    const columns = header.length >= 2 ? indicatorHeader(header, false) : null;
    const t = columns ? parseScraped(blocks, j, columns, header, used) : null;
    if (!t) {
      // a header naming an indicator and its target or nature, with nothing read under it
      if (header.length >= 2 && seen.has('name') && (seen.has('target') || seen.has('nature'))) {
        const last = blocks[j - 1] as LineBlock;
        unread.push({ header, reason: columns ? 'rows' : 'header', start: startOf(b.piece), end: last.piece.end });
        for (let k = i; k < j; k++) used.add(k);
        i = j - 1;
      }
      continue;
    }
    for (let k = i; k < j; k++) used.add(k);
    t.start = startOf((blocks[i] as LineBlock).piece);
    tables.push(t);
    // past the rows the table consumed (contiguous from j): walked, since Math.max(...used) overflows
    // the stack on thousands of rows and rescans every earlier table
    let end = j;
    while (used.has(end)) end++;
    i = end - 1;
  }
  return { tables, taskTables, unread, used };
}
