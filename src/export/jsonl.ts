// JSONL: one model object per line (the extract model's indicator or task), with the source
// `file` and the `plan` title added in front.
import type { Table } from './columns.js';

export function toJsonl(table: Table): string {
  return table.objects.map((o) => JSON.stringify(o) + '\n').join('');
}
