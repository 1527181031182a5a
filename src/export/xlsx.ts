// XLSX with exceljs (loaded only when asked for): one sheet per kind, the header row frozen and
// filtered, column widths fitted to the content (CJK counts 2), numbers as numbers, booleans as
// booleans, dates as real Excel dates.
import type { Cell, CellType, Table } from './columns.js';
import { displayWidth } from '../util/width.js';

const MIN_WIDTH = 4;
const MAX_WIDTH = 60;

function value(c: Cell, type: CellType): string | number | boolean | Date | null {
  if (c === null) return null;
  if (type === 'date' && typeof c === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c);
    // exceljs stores a Date by its UTC time, so midnight UTC is exactly that calendar day
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  return c;
}

function shown(c: Cell): string {
  return c === null ? '' : String(c);
}

/** Column width in Excel character units: the widest cell (first line of it), within limits. */
export function fittedWidth(header: string, cells: Cell[], type: CellType): number {
  let w = displayWidth(header);
  for (const c of cells) w = Math.max(w, type === 'date' ? 10 : displayWidth(shown(c).split('\n')[0]));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
}

export async function toXlsx(tables: Table[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-lint';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.headers.map((h, i) => ({
      header: h,
      key: table.keys[i],
      width: fittedWidth(
        h,
        table.rows.map((r) => r[i]),
        table.types[i],
      ),
      style: table.types[i] === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const r of table.rows) sheet.addRow(r.map((c, i) => value(c, table.types[i])));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
