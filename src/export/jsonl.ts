// JSON Lines and JSON: the model object of each row (the extract model's indicator or task), with
// the source `file` and the `plan` title in front and, for tasks and projects, the canonical
// names of its units. One object per line (`.jsonl`), or one array (`.json`). Codes stay codes
// (binding, ge): JSON is for programs, whatever the language of the headers.
import type { Table } from './columns.js';

export function toJsonl(table: Table): string {
  return table.objects.map((o) => JSON.stringify(o) + '\n').join('');
}

export function toJson(table: Table): string {
  return JSON.stringify(table.objects, null, 2) + '\n';
}
