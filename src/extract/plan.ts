// Assembles one plan of the document model from its region of blocks.
import type { HeadingBlock, LineBlock } from '../ingest/blocks.js';
import type { HeadingInfo, IndicatorTableInfo, PlanAnalysis, UnreadTableInfo } from '../model/analysis.js';
import type { SourceText as LineIndex } from '../ingest/source-text.js';
import type { Deadline, Indicator, Meta, Plan, Span, Target, Task } from '../model/schema.js';
import { concat, foldKey, offsetAt, startOffset, type Piece } from '../normalize/piece.js';
import { unwrapTitle, type PlanRegion } from '../outline/plans.js';
import { kindOf } from './meta-kind.js';
import { buildOutline, nodeTitle, walk, type OutlineNode } from '../outline/tree.js';
import { baseYear, planPeriod } from './meta.js';
import { deadlineOfTime, documentYear, findDeadline, inferredDeadline, type PlanTime } from './deadlines.js';
import { ownersFromCells } from './clause.js';
import type { TaskTable } from './task-table.js';
import { findQuantities, parseTarget, type FindOptions } from './quantity.js';
import { findTables, natureOf, type ParsedTable, type UnreadTable } from './tables.js';
import { baselineOf, extrasOf, targetOf, withUnit } from './indicator-columns.js';
import { extractTasks, idOf, isProjectTitle, leadPhrase, planParts, type PlanPart, type TaskDraft } from './tasks.js';
import { grammars } from '../grammars/load.js';
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';
import { LazyProperty } from '../util/lazy-property.js';

const startOf = startOffset;

/** `key`: the piece's folded text, when the caller has it */
function pieceTargets(p: Piece, idx: LineIndex, opts: FindOptions = {}, key?: string): Target[] {
  const hits = findQuantities(p.text, opts, key);
  const out: Target[] = new Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const q = hits[i];
    const from = q.start < p.text.length ? offsetAt(p, q.start) : p.end;
    const to = q.end < p.text.length ? offsetAt(p, q.end) : p.end;
    // the quantity's fields in the order findQuantities writes them (no rest/spread copy per target)
    out[i] = { text: q.text, comparator: q.comparator, value: q.value, unit: q.unit, change: q.change, note: q.note, span: idx.span(from, Math.max(from, to)) };
  }
  return out;
}

/**
 * A task's targets and a plan's prose-goal targets, read from the text the first time they are
 * asked for: no lint rule reads a task's targets, and a plan's only where no plan has a title
 * (plan-likeness), so `check` does not pay for them.
 */
const lazyTargets = new LazyProperty<'targets', Target[]>('targets');

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
      const name = squeeze(c.name.text);
      const target = targetOf(row);
      const parsed = parseTarget(target.piece ? target.piece.text.trim() : '');
      indicators.push({
        id,
        name,
        category: category,
        target: withUnit(target.note && !parsed.note ? { ...parsed, note: squeeze(target.note) } : parsed, c.unit?.text, name),
        nature: c.nature ? natureOf(c.nature.text) : null,
        baseline: baselineOf(t, row),
        extra: extrasOf(row),
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

function unreadInfos(unread: UnreadTable[], idx: LineIndex): UnreadTableInfo[] {
  return unread.map((u) => ({ header: u.header, reason: u.reason, span: idx.span(u.start, Math.max(u.start, u.end)) }));
}

/** The headings in document order (walk's order), each with its level and its parent's index, carried down the outline (only the root has the scheme 'root'). */
function headingsOf(root: OutlineNode, idx: LineIndex): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  const visit = (node: OutlineNode, level: number, parent: number | null) => {
    for (const n of node.children) {
      const at = out.length;
      out.push({
        scheme: n.scheme,
        level,
        value: n.value,
        label: n.label,
        title: nodeTitle(n) ?? n.rest.text,
        span: idx.span(startOf(n.line), n.line.end),
        parent,
      });
      visit(n, level + 1, at);
    }
  };
  visit(root, 1, null);
  return out;
}

/** The span of a task's first owner clause, null for a task without one (or from a table). */
function clauseSpan(d: TaskDraft, idx: LineIndex): Span | null {
  const c = d.clauses[0];
  return c ? idx.span(c[0], c[1]) : null;
}

/** Tasks of task tables, each placed under the heading the table stands under. */
function tableTasks(tables: TaskTable[], root: OutlineNode): TaskDraft[] {
  // (most plans hold no task table: no walk over their outline)
  if (!tables.length) return [];
  const nodes: OutlineNode[] = [];
  walk(root, (n) => n.scheme !== 'root' && nodes.push(n));
  const out: TaskDraft[] = [];
  for (const t of tables) {
    const under = nodes.filter((n) => startOf(n.line) < t.start).at(-1) ?? null;
    const path: OutlineNode[] = [];
    for (let n = under; n && n.scheme !== 'root'; n = n.parent) path.unshift(n);
    const base = path.length ? idOf(path) + '.' : '';
    const section = path.map((n) => nodeTitle(n) ?? n.rest.text.slice(0, 20));
    // a table of projects, or any table standing in a 重点工程 part or a box, lists projects
    const project =
      t.projects || path.some((n) => grammars().sections.projectSchemes.has(n.scheme) || isProjectTitle(nodeTitle(n) ?? ''));
    t.rows.forEach((row, i) => {
      const c = row.cells;
      const task = c.task!;
      const stop = leadPhrase(foldKey(task.text));
      out.push({
        id: base + (c.index ? c.index.text.trim() : String(i + 1)),
        section: c.category ? [...section, c.category.text.trim()] : section,
        title: c.title ? c.title.text.replace(/\s+/g, '') : t.projects ? task.text.replace(/\s+/g, '') : stop > 0 ? task.text.slice(0, stop) : null,
        piece: c.detail ? concat([task, c.detail], '\n') : task,
        owners: ownersFromCells(c.lead?.text ?? null, c.support?.text ?? null),
        project,
        deadlineText: c.deadline?.text.trim() || undefined,
        start: row.start,
        clauses: [],
        closing: false,
      });
    });
  }
  return out;
}

/**
 * Prose goals: the text before the first heading and the goals parts of the plan, each piece
 * with its folded key (the line's, from the reader: the targets read it without folding again).
 */
function goalPieces(root: OutlineNode, parts: PlanPart[]): { pieces: Piece[]; keys: string[] } {
  const pieces: Piece[] = [];
  const keys: string[] = [];
  const add = (body: LineBlock[]) => {
    for (const b of body) {
      pieces.push(b.piece);
      keys.push(b.key);
    }
  };
  add(root.body);
  for (const { node, path, part } of parts) {
    // the lines of the groupings read through ("第一篇 …") come before their chapters
    for (const g of path.slice(0, -1)) if (g.body.length && !pieces.includes(g.body[0].piece)) add(g.body);
    if (part !== 'goals') continue;
    walk(node, (n) => {
      if (n !== node || n.restKey.length > 40) {
        pieces.push(n.rest);
        keys.push(n.restKey);
      }
      add(n.body);
    });
  }
  return { pieces, keys };
}

/** The targets of the prose goals, in order. */
function goalTargets({ pieces, keys }: { pieces: Piece[]; keys: string[] }, idx: LineIndex): Target[] {
  const out: Target[] = [];
  for (let i = 0; i < pieces.length; i++) for (const t of pieceTargets(pieces[i], idx, GOALS, keys[i])) out.push(t);
  return out;
}
const GOALS: FindOptions = { goals: true };

/** Are the drafts in order of their start (as a stable sort by start would leave them)? */
function inOrder(drafts: TaskDraft[]): boolean {
  for (let i = 1; i < drafts.length; i++) if (drafts[i].start < drafts[i - 1].start) return false;
  return true;
}

export function buildPlan(region: PlanRegion, meta: Meta, idx: LineIndex): { plan: Plan; analysis: PlanAnalysis } {
  const title = unwrapTitle(region.title.piece.text.replace(/\s+(?=[“"(])/g, '').trim());
  const { tables, taskTables, unread, used } = findTables(region.blocks);
  const rest = region.blocks.filter((b, i) => !used.has(i) && b.kind !== 'table') as (LineBlock | HeadingBlock)[];
  const bodyKeys = rest.map((b) => b.key);
  const kind = kindOf(title, bodyKeys);
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
  const time: PlanTime = { period, year: documentYear(period, meta.written ?? meta.published) };
  // the deadline of a task that states none: worked out at the plan's first such task, a copy for each
  let inferred: Deadline | null | undefined;
  const inferredCopy = (): Deadline | null => {
    if (inferred === undefined) inferred = inferredDeadline(time);
    return inferred && { text: inferred.text, date: inferred.date, inferred: true };
  };

  const toTask = (d: ReturnType<typeof extractTasks>[number]): Task => {
    // the task's text folded once, for its deadline and its targets (the splitter's parts'
    // keys joined, where it has them: the text is not folded again)
    const key = d.key ?? foldKey(d.piece.text);
    const task = {
      id: d.id,
      section: d.section,
      title: d.title,
      text: d.piece.text,
      owners: d.owners,
      // a time limit the task states (a clause's, a 完成时限 cell's) before any date in its text
      deadline: (d.deadlineText !== undefined ? deadlineOfTime(d.deadlineText, time) : null) ?? findDeadline(d.piece.text, time, key) ?? inferredCopy(),
    } as Task;
    lazyTargets.define(task, () => pieceTargets(d.piece, idx, {}, key));
    task.span = idx.span(startOf(d.piece), d.piece.end);
    return task;
  };
  // the plan's parts, worked out once for its tasks and its goals
  const parts = planParts(root);
  const fromOutline = extractTasks(root, kind, parts);
  const fromTables = tableTasks(taskTables, root);
  // (the outline's drafts come in document order: merged and sorted only where tables add some)
  const drafts = fromTables.length || !inOrder(fromOutline) ? [...fromOutline, ...fromTables].sort((a, b) => a.start - b.start) : fromOutline;
  // tasks and projects apart, in order, in one pass
  const taskDrafts: TaskDraft[] = [];
  const projectDrafts: TaskDraft[] = [];
  for (const d of drafts) (d.project ? projectDrafts : taskDrafts).push(d);
  // (the goals' pieces gathered now, their targets read when asked: the outline is not kept)
  const goals = goalPieces(root, parts);

  const last = region.blocks[region.blocks.length - 1];
  const endOffset = last ? (last.kind === 'table' ? last.end : last.piece.end) : region.title.piece.end;
  const span = idx.span(startOf(region.title.piece), endOffset);
  const plan = {
    title,
    kind,
    period,
    baseYear: baseYear(bodyKeys),
    meta,
    indicators,
    tasks: taskDrafts.map(toTask),
    projects: projectDrafts.map(toTask),
  } as Plan;
  lazyTargets.define(plan, () => goalTargets(goals, idx));
  plan.span = span;
  return {
    plan,
    analysis: {
      headings: headingsOf(root, idx),
      tables: infos,
      unreadTables: unreadInfos(unread, idx),
      // where each task's owner clause stands, as the clause reader found it
      ownerClauses: {
        tasks: taskDrafts.map((d) => clauseSpan(d, idx)),
        projects: projectDrafts.map((d) => clauseSpan(d, idx)),
      },
      span,
    },
  };
}

