// Task tables: 任务分工方案 and work points are often printed as a table with one task per row
// (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限). Column names are data: grammars/task-table.yaml.
import { grammars } from '../grammars/load.js';
import { foldKey, startOffset, type Piece } from '../normalize/piece.js';
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';

/**
 * `title`: a 重点任务 column beside a 具体措施 column names the task the measures belong to;
 * `detail`: a project's 建设内容, read into its text; `other`: a known column not read (投资)
 */
export type TaskColumn = 'index' | 'category' | 'title' | 'task' | 'detail' | 'lead' | 'support' | 'deadline' | 'target' | 'other';

export interface TaskTableRow {
  cells: Partial<Record<TaskColumn, Piece>>;
  start: number;
  end: number;
}

export interface TaskTable {
  header: string[];
  /** a table of projects (项目名称 | 建设内容 | …): its rows are projects */
  projects: boolean;
  columns: (TaskColumn | null)[];
  rows: TaskTableRow[];
  start: number;
  end: number;
}

const ORDER: TaskColumn[] = ['index', 'category', 'title', 'task', 'detail', 'other', 'lead', 'support', 'deadline', 'target'];

function kindOf(cell: string): TaskColumn | null {
  const s = squeeze(foldKey(cell));
  const cols = grammars().taskTable;
  if (isProjectColumn(cell)) return 'task';
  for (const k of ORDER) if (k !== 'title' && cols[k].some((re) => re.test(s))) return k;
  return null;
}

const isProjectColumn = (cell: string) => grammars().taskTable.project.some((re) => re.test(squeeze(foldKey(cell))));

/** Columns of a task-table header, or null when the row is not one. */
export function taskHeader(cells: string[]): (TaskColumn | null)[] | null {
  const kinds = cells.map(kindOf);
  // "牵头单位 | 责任单位": the second names the units that support the lead
  const leads = kinds.map((k, i) => (k === 'lead' ? i : -1)).filter((i) => i >= 0);
  if (leads.length > 1) for (const i of leads.slice(1)) kinds[i] = 'support';
  // "重点任务 | 具体措施": the first task column is the title of the second
  const tasks = kinds.map((k, i) => (k === 'task' ? i : -1)).filter((i) => i >= 0);
  if (tasks.length > 1) for (const i of tasks.slice(0, -1)) kinds[i] = 'title';
  if (!kinds.includes('task')) return null;
  if (!kinds.includes('lead') && !kinds.includes('deadline')) return null;
  if (kinds.filter((k) => k === null).length > 1) return null;
  return kinds;
}

/** Reads the rows of a real table (cells known) under a task header. */
export function readTaskTable(rows: Piece[][], headerAt: number, columns: (TaskColumn | null)[], start: number, end: number): TaskTable {
  const out: TaskTableRow[] = [];
  let category: Piece | undefined;
  let title: Piece | undefined;
  for (const row of rows.slice(headerAt + 1)) {
    const filled = row.filter((c, i) => c.text.trim() && row.indexOf(c) === i);
    if (!filled.length) continue;
    const cells: TaskTableRow['cells'] = {};
    columns.forEach((col, i) => {
      if (col && row[i] && row[i].text.trim()) cells[col] = row[i];
    });
    if (cells.category) category = cells.category;
    else if (category && columns.includes('category')) cells.category = category;
    // a title cell spanning several rows is printed once: it holds for the rows below
    if (cells.title) title = cells.title;
    else if (title && cells.task) cells.title = title;
    if (!cells.task) {
      // a row holding only a group title: it names the category of the rows below
      if (filled.length === 1) category = filled[0];
      continue;
    }
    out.push({ cells, start: startOffset(filled[0]), end: filled[filled.length - 1].end });
  }
  const header = rows[headerAt].map((c) => c.text);
  const projects = header.some((h, i) => columns[i] === 'task' && isProjectColumn(h));
  return { header, projects, columns, rows: out, start, end };
}
