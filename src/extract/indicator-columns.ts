// What the further columns of an indicator table add to an indicator: the base-year column
// (baseline), the other columns by their header (extra), the target where the target column
// holds none but 年均/累计 does (the national 纲要 layout), and a unit written after the name
// ("森林覆盖率（%）"). Column names are data: grammars/indicator-table.yaml.
import { grammars } from '../grammars/load.js';
import type { Baseline, Quantity } from '../model/schema.js';
import { foldKey, type Piece } from '../normalize/piece.js';
import { parseTarget } from './quantity.js';
import type { ParsedTable, TableRow } from './tables.js';
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';


/** A cell holding no value: empty or only a dash ("—", "－", "/"). */
export const isBlankCell = (text: string | undefined) => !text || /^[\s—–\-－/／\\…·]*$/.test(foldKey(text));

/** The header of the column of kind `kind` in a table, as written. */
function headerOf(table: ParsedTable, kind: string): string | null {
  const i = table.columns.indexOf(kind as ParsedTable['columns'][number]);
  return i >= 0 ? (table.header[i] ?? null) : null;
}

/** The base-year cell of a row: its year from the header or the cell, its number. */
export function baselineOf(table: ParsedTable, row: TableRow): Baseline | null {
  if (!table.columns.includes('base')) return null;
  const cell = row.cells.base;
  const text = cell ? cell.text.trim() : '';
  const header = foldKey(headerOf(table, 'base') ?? '');
  const year = /(\d{4})/.exec(header)?.[1] ?? /(\d{4})\s*年/.exec(foldKey(text))?.[1] ?? null;
  const value = isBlankCell(text) ? null : parseTarget(text.replace(/(\d{4})\s*年/g, '')).value;
  return { year: year === null ? null : Number(year), text, value };
}

/** The cells of the extra columns by header (spaces removed). */
export function extrasOf(row: TableRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of row.extras ?? []) {
    const text = e.piece.text.trim();
    if (text) out[e.header] = text;
  }
  return out;
}

/**
 * The target cell of a row: the target column, or where it holds nothing (empty, "—") a column
 * of grammars/indicator-table.yaml targetFallback (年均/累计) that holds something; then the
 * header of that column is the target's note.
 */
export function targetOf(row: TableRow): { piece: Piece | null; note: string | null } {
  const own = row.cells.target ?? null;
  if (!isBlankCell(own?.text)) return { piece: own, note: null };
  const fallback = grammars().table.targetFallback;
  for (const e of row.extras ?? []) {
    const h = squeeze(foldKey(e.header));
    if (fallback.some((re) => re.test(h)) && !isBlankCell(e.piece.text)) return { piece: e.piece, note: e.header };
  }
  return { piece: own, note: null };
}

/** The unit written after an indicator's name ("森林覆盖率（%）" → "%", "（亿元）" → "亿元"), or null. */
export function unitInName(name: string): string | null {
  const m = grammars().table.unitInName.exec(foldKey(squeeze(name)));
  if (!m) return null;
  const unit = m[1];
  return unit.split('/').every(isUnit) ? unit : null;
}

function isUnit(s: string): boolean {
  if (grammars().table.nameUnits.includes(s)) return true;
  const units = grammars().quantities.units;
  if (units.includes(s)) return true;
  // 万人, 亿千瓦时, 万吨标准煤: a multiplier, a unit, and at most a short qualifier after it
  const rest = s.replace(/^(?:万|亿|千|百|十)/, '');
  return rest !== s ? units.some((u) => rest.startsWith(u) && rest.length - u.length <= 3) || units.includes(rest) : units.some((u) => u.length >= 2 && s.startsWith(u) && s.length - u.length <= 3);
}

/** The target with the unit of the table's 单位 column or of the name where it wrote none. */
export function withUnit(q: Quantity, unitCell: string | undefined, name: string): Quantity {
  if (q.unit !== null || q.value === null) return q;
  const cell = unitCell?.replace(/\s+/g, '');
  if (cell && !isBlankCell(cell)) return { ...q, unit: cell };
  const fromName = unitInName(name);
  return fromName ? { ...q, unit: fromName } : q;
}
