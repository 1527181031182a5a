// Assembles one plan of the document model from its region of blocks.
import type { Block, HeadingBlock, LineBlock } from '../ingest/blocks.js';
import type { HeadingInfo, IndicatorTableInfo, PlanAnalysis } from '../model/analysis.js';
import type { SourceText as LineIndex } from '../ingest/source-text.js';
import type { Indicator, Meta, Plan, Quantity, Target, Task } from '../model/schema.js';
import { foldKey, offsetAt, startOffset, type Piece } from '../normalize/piece.js';
import { planKind, type PlanRegion } from '../outline/plans.js';
import { buildOutline, nodeTitle, walk, type OutlineNode } from '../outline/tree.js';
import { baseYear, planPeriod } from './meta.js';
import { deadlineFromCell, findDeadline, inferredDeadline } from './deadlines.js';
import { ownersFromCells } from './owners.js';
import type { TaskTable } from './task-table.js';
import { findQuantities, parseTarget } from './quantity.js';
import { findTables, natureOf, type ParsedTable } from './tables.js';
import { classifyTop, extractTasks, idOf, leadPhrase, type TaskDraft } from './tasks.js';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const startOf = startOffset;

function pieceTargets(p: Piece, idx: LineIndex): Target[] {
  return findQuantities(p.text).map((q) => {
    const { start, end, ...rest } = q;
    const from = start < p.text.length ? offsetAt(p, start) : p.end;
    const to = end < p.text.length ? offsetAt(p, end) : p.end;
    return { ...rest, span: idx.span(from, Math.max(from, to)) };
  });
}

/** A table's 单位 column supplies the unit a bare target value lacks. */
function withUnit(q: Quantity, unitCell: string | undefined): Quantity {
  const unit = unitCell?.replace(/\s+/g, '');
  return q.unit === null && q.value !== null && unit && unit !== '—' && unit !== '-' ? { ...q, unit } : q;
}

function indicatorsOf(tables: ParsedTable[], idx: LineIndex): { indicators: Indicator[]; infos: IndicatorTableInfo[] } {
  const indicators: Indicator[] = [];
  const infos: IndicatorTableInfo[] = [];
  for (const t of tables) {
    let category: string | null = null;
    const groups: IndicatorTableInfo['groups'] = [];
    for (const row of t.rows) {
      if (row.kind === 'group' && row.group) {
        category = row.group.name;
        groups.push({ name: row.group.name, declared: row.group.declared, indicatorIds: [], span: idx.span(row.start, row.end) });
        continue;
      }
      const c = row.cells;
      if (!c.name) continue;
      if (c.category) category = squeeze(c.category.text);
      const id = `I${indicators.length + 1}`;
      const targetText = c.target ? c.target.text.trim() : '';
      indicators.push({
        id,
        name: squeeze(c.name.text),
        category: category,
        target: withUnit(parseTarget(targetText), c.unit?.text),
        nature: c.nature ? natureOf(c.nature.text) : null,
        span: idx.span(row.start, row.end),
      });
      groups[groups.length - 1]?.indicatorIds.push(id);
    }
    infos.push({
      header: t.header,
      hasNatureColumn: t.columns.includes('nature'),
      hasTargetColumn: t.columns.includes('target'),
      span: idx.span(t.start, t.end),
      groups,
    });
  }
  return { indicators, infos };
}

function headingsOf(root: OutlineNode, idx: LineIndex): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  const index = new Map<OutlineNode, number>();
  const level = (n: OutlineNode) => {
    let l = 0;
    for (let p: OutlineNode | null = n; p && p.scheme !== 'root'; p = p.parent) l++;
    return l;
  };
  walk(root, (n) => {
    if (n.scheme === 'root') return;
    index.set(n, out.length);
    out.push({
      scheme: n.scheme,
      level: level(n),
      value: n.value,
      label: n.label,
      title: nodeTitle(n) ?? n.rest.text,
      span: idx.span(startOf(n.line), n.line.end),
      parent: n.parent && n.parent.scheme !== 'root' ? index.get(n.parent) ?? null : null,
    });
  });
  return out;
}

/** Tasks of task tables, each placed under the heading the table stands under. */
function tableTasks(tables: TaskTable[], root: OutlineNode): TaskDraft[] {
  const nodes: OutlineNode[] = [];
  walk(root, (n) => n.scheme !== 'root' && nodes.push(n));
  const out: TaskDraft[] = [];
  for (const t of tables) {
    const under = nodes.filter((n) => startOf(n.line) < t.start).at(-1) ?? null;
    const path: OutlineNode[] = [];
    for (let n = under; n && n.scheme !== 'root'; n = n.parent) path.unshift(n);
    const base = path.length ? idOf(path) + '.' : '';
    const section = path.map((n) => nodeTitle(n) ?? n.rest.text.slice(0, 20));
    t.rows.forEach((row, i) => {
      const c = row.cells;
      const task = c.task!;
      const stop = leadPhrase(foldKey(task.text));
      out.push({
        id: base + (c.index ? c.index.text.trim() : String(i + 1)),
        section: c.category ? [...section, c.category.text.trim()] : section,
        title: stop > 0 ? task.text.slice(0, stop) : null,
        piece: task,
        owners: ownersFromCells(c.lead?.text ?? null, c.support?.text ?? null),
        project: false,
        deadlineText: c.deadline?.text,
        start: row.start,
      });
    });
  }
  return out;
}

/** Prose goals: the text before the first heading and the goals parts of the plan. */
function goalPieces(root: OutlineNode): Piece[] {
  const out: Piece[] = root.body.map((b) => b.piece);
  for (const top of root.children) {
    if (classifyTop(nodeTitle(top) ?? top.restKey.slice(0, 25)) !== 'goals') continue;
    walk(top, (n) => {
      if (n !== top || n.restKey.length > 40) out.push(n.rest);
      out.push(...n.body.map((b) => b.piece));
    });
  }
  return out;
}

export function buildPlan(region: PlanRegion, meta: Meta, idx: LineIndex): { plan: Plan; analysis: PlanAnalysis } {
  const title = region.title.piece.text.replace(/\s+(?=[“"(])/g, '').trim();
  const kind = planKind(title);
  const { tables, taskTables, used } = findTables(region.blocks);
  const rest = region.blocks.filter((b, i) => !used.has(i) && b.kind !== 'table') as (LineBlock | HeadingBlock)[];
  const bodyKeys = rest.map((b) => b.key);
  // the outline sees each table as one marker where it starts
  const outlineInput: (LineBlock | HeadingBlock | { kind: 'table' })[] = [];
  region.blocks.forEach((b, i) => {
    if (used.has(i)) {
      if (!used.has(i - 1)) outlineInput.push({ kind: 'table' });
    } else if (b.kind !== 'table') outlineInput.push(b);
  });
  const period = planPeriod(title, kind, bodyKeys);
  const root = buildOutline(outlineInput, region.title.piece);
  const { indicators, infos } = indicatorsOf(tables, idx);
  const time = { period };

  const toTask = (d: ReturnType<typeof extractTasks>[number]): Task => ({
    id: d.id,
    section: d.section,
    title: d.title,
    text: d.piece.text,
    owners: d.owners,
    deadline:
      (d.deadlineText !== undefined ? deadlineFromCell(d.deadlineText, time) : null) ??
      findDeadline(d.piece.text, time) ??
      inferredDeadline(time),
    targets: pieceTargets(d.piece, idx),
    span: idx.span(startOf(d.piece), d.piece.end),
  });
  const drafts = [...extractTasks(root, kind), ...tableTasks(taskTables, root)].sort((a, b) => a.start - b.start);
  const targets = goalPieces(root).flatMap((p) => pieceTargets(p, idx));

  const last = region.blocks[region.blocks.length - 1];
  const endOffset = last ? (last.kind === 'table' ? last.end : last.piece.end) : region.title.piece.end;
  const span = idx.span(startOf(region.title.piece), endOffset);
  return {
    plan: {
      title,
      kind,
      period,
      baseYear: baseYear(bodyKeys),
      meta,
      indicators,
      tasks: drafts.filter((d) => !d.project).map(toTask),
      projects: drafts.filter((d) => d.project).map(toTask),
      targets,
      span,
    },
    analysis: { headings: headingsOf(root, idx), tables: infos, span },
  };
}

