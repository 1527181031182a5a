// CSV: UTF-8 with a BOM (Excel then opens Chinese correctly), RFC 4180 quoting and CRLF line
// ends by csv-stringify, one header row. Empty cells for null; dates as YYYY-MM-DD.
import { stringify } from 'csv-stringify/sync';
import type { Cell, Table } from './columns.js';

const text = (c: Cell): string => (c === null ? '' : typeof c === 'boolean' ? (c ? 'true' : 'false') : String(c));

export function toCsv(table: Table): string {
  return stringify([table.headers, ...table.rows.map((r) => r.map(text))], { bom: true, record_delimiter: 'windows' });
}
