// Data preparation for the HTML report: from extraction results and lint messages to what the
// page shows (per-plan counts, unit groups, deadline years, flagged indicators, source highlights).
// Nothing here writes HTML; page.ts and its helpers do.
import type { ExtractResult } from '../../model/analysis.js';
import type { Indicator, Plan, PlanKind, Span, Task } from '../../model/schema.js';
import type { LintMessage } from '../../lint/types.js';
import { isVague } from '../../extract/quantity.js';
import { foldKey } from '../../normalize/piece.js';
import type { Highlight } from './source.js';

/** One input file of the report, extracted and linted. */
export interface ReportInput {
  /** the path as shown to people */
  file: string;
  result: ExtractResult;
  messages: LintMessage[];
}

export const NO_OWNER = '未明确责任单位';

/** diagnostics longer than this (in UTF-16 code units) are not underlined in the source */
const LONG_DIAGNOSTIC = 40;

export const kindLabel: Record<PlanKind, string> = {
  plan: '规划',
  workPoints: '工作要点',
  taskBreakdown: '任务分工方案',
  other: '其他',
};

export interface IndicatorView {
  indicator: Indicator;
  /** html id of the record row and of its first highlighted source segment */
  recId: string;
  srcId: string;
  vague: boolean;
  missing: boolean;
}

export interface TaskView {
  task: Task;
  recId: string;
  srcId: string;
  /** the first lead unit, or NO_OWNER */
  unit: string;
  /** [start, end) of the owner clause in the source text, when it could be located */
  ownerRange: [number, number] | null;
}

export interface UnitGroup {
  unit: string;
  id: string;
  tasks: TaskView[];
}

export interface YearRow {
  /** a year, or null for tasks without any deadline */
  year: number | null;
  explicit: number;
  inferred: number;
}

export interface TargetView {
  text: string;
  recId: string;
  srcId: string;
  span: Span;
}

export interface DiagnosticView {
  message: LintMessage;
  recId: string;
  srcId: string;
}

export interface PlanCounts {
  indicators: number;
  binding: number;
  expected: number;
  tasks: number;
  tasksWithOwner: number;
  projects: number;
  targets: number;
  explicitDeadlines: number;
  errors: number;
  warnings: number;
}

export interface PlanView {
  /** html id of the plan's section ("p1", "p2", … over the whole report) */
  id: string;
  file: string;
  /** index of the plan inside its file, and how many plans the file holds */
  planIndex: number;
  plansInFile: number;
  plan: Plan;
  source: ExtractResult['source'];
  /** the part of the source text shown with this plan: [from, to) */
  range: [number, number];
  indicators: IndicatorView[];
  tasks: TaskView[];
  groups: UnitGroup[];
  projects: TaskView[];
  targets: TargetView[];
  years: YearRow[];
  diagnostics: DiagnosticView[];
  counts: PlanCounts;
  highlights: Highlight[];
}

/** The share of `part` in `whole` as a whole percentage, null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

function hasOwner(t: Task): boolean {
  return t.owners !== null && t.owners.lead.length > 0;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where a task's owner clause stands in the source: inside the task's span, or just after it
 * (a clause after a list). Matching is on folded text (full-width, traditional) and ignores
 * whitespace, since the extracted clause has spaces inside names removed.
 */
export function locateOwnerClause(text: string, task: Task): [number, number] | null {
  const clause = task.owners?.text.replace(/\s+/g, '');
  if (!clause) return null;
  const from = task.span.start.offset;
  const to = Math.min(text.length, task.span.end.offset + 400);
  const window = foldKey(text.slice(from, to));
  const pattern = new RegExp([...foldKey(clause)].map(escapeRegExp).join('\\s*'));
  const m = pattern.exec(window);
  if (!m) return null;
  return [from + m.index, from + m.index + m[0].length];
}

function yearRows(items: Task[]): YearRow[] {
  const byYear = new Map<number | null, YearRow>();
  for (const t of items) {
    const year = t.deadline?.date ? Number(t.deadline.date.slice(0, 4)) : null;
    const row = byYear.get(year) ?? { year, explicit: 0, inferred: 0 };
    if (t.deadline && !t.deadline.inferred) row.explicit++;
    else row.inferred++;
    byYear.set(year, row);
  }
  return [...byYear.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

function groupByUnit(tasks: TaskView[], planId: string): UnitGroup[] {
  const groups = new Map<string, TaskView[]>();
  for (const t of tasks) {
    const list = groups.get(t.unit) ?? [];
    list.push(t);
    groups.set(t.unit, list);
  }
  const sorted = [...groups.entries()].sort(([ua, a], [ub, b]) => {
    // named units first (most tasks first), the unowned group last
    if ((ua === NO_OWNER) !== (ub === NO_OWNER)) return ua === NO_OWNER ? 1 : -1;
    return b.length - a.length || (ua < ub ? -1 : ua > ub ? 1 : 0);
  });
  return sorted.map(([unit, list], i) => ({ unit, id: `${planId}-u${i + 1}`, tasks: list }));
}

/** The plan index a source offset belongs to, given the ranges of a file's plans. */
function planAt(ranges: [number, number][], offset: number): number {
  for (let i = ranges.length - 1; i >= 0; i--) if (offset >= ranges[i][0]) return i;
  return 0;
}

/** Builds the views of every plan of every input, numbering plans p1, p2, … in input order. */
export function preparePlans(inputs: ReportInput[]): PlanView[] {
  const views: PlanView[] = [];
  for (const input of inputs) {
    const { result } = input;
    const text = result.source.text;
    const plans = result.document.plans;
    // each plan shows the source from its start to the next plan's start; the first plan also
    // shows the page header and notice before it, the last one everything after it
    const ranges: [number, number][] = plans.map((p, i) => [
      i === 0 ? 0 : p.span.start.offset,
      i === plans.length - 1 ? text.length : plans[i + 1].span.start.offset,
    ]);
    const diagnosticsByPlan: LintMessage[][] = plans.map(() => []);
    for (const m of input.messages) diagnosticsByPlan[planAt(ranges, m.offset)]?.push(m);

    plans.forEach((plan, planIndex) => {
      const id = `p${views.length + 1}`;
      const messages = diagnosticsByPlan[planIndex];
      const missingTargetAt = messages.filter((m) => m.ruleId === 'indicator-missing-target');
      const indicators: IndicatorView[] = plan.indicators.map((indicator, k) => ({
        indicator,
        recId: `${id}-i${k + 1}`,
        srcId: `${id}-i${k + 1}-src`,
        vague: isVague(indicator.target.text),
        missing:
          !indicator.target.text.trim() ||
          missingTargetAt.some((m) => m.offset >= indicator.span.start.offset && m.offset < indicator.span.end.offset),
      }));
      const taskView = (prefix: string) => (task: Task, k: number): TaskView => ({
        task,
        recId: `${id}-${prefix}${k + 1}`,
        srcId: `${id}-${prefix}${k + 1}-src`,
        unit: hasOwner(task) ? task.owners!.lead[0] : NO_OWNER,
        ownerRange: locateOwnerClause(text, task),
      });
      const tasks = plan.tasks.map(taskView('t'));
      const projects = plan.projects.map(taskView('g'));
      const targets: TargetView[] = plan.targets.map((t, k) => ({
        text: t.text,
        span: t.span,
        recId: `${id}-o${k + 1}`,
        srcId: `${id}-o${k + 1}-src`,
      }));
      const diagnostics: DiagnosticView[] = messages.map((message, k) => ({
        message,
        recId: `${id}-d${k + 1}`,
        srcId: `${id}-d${k + 1}-src`,
      }));

      const highlights: Highlight[] = [];
      const record = (span: Span, cls: string, recId: string, srcId: string, label: string) =>
        highlights.push({ start: span.start.offset, end: span.end.offset, level: 0, cls, ref: recId, id: srcId, label });
      for (const v of indicators) record(v.indicator.span, 'hl-indicator', v.recId, v.srcId, `指标 ${v.indicator.id}`);
      for (const v of tasks) record(v.task.span, 'hl-task', v.recId, v.srcId, `任务 ${v.task.id}`);
      for (const v of projects) record(v.task.span, 'hl-project', v.recId, v.srcId, `重点工程 ${v.task.id}`);
      for (const v of targets) record(v.span, 'hl-target', v.recId, v.srcId, `目标 ${v.text}`);
      for (const v of [...tasks, ...projects]) {
        v.task.targets.forEach((t, k) =>
          highlights.push({ start: t.span.start.offset, end: t.span.end.offset, level: 1, cls: 'hl-qty', ref: v.recId, id: `${v.srcId}-q${k + 1}`, label: `目标 ${t.text}` }),
        );
        if (v.ownerRange)
          highlights.push({ start: v.ownerRange[0], end: v.ownerRange[1], level: 1, cls: 'hl-owner', ref: v.recId, id: `${v.srcId}-owner`, label: `责任单位 ${v.task.owners!.text}` });
      }
      for (const d of diagnostics) {
        const sev = d.message.severity === 2 ? 'error' : 'warn';
        // a diagnostic about a whole task or row is not drawn over it (it would underline most of
        // the text); it stays a target for its entry's link
        const long = d.message.endOffset - d.message.offset > LONG_DIAGNOSTIC ? ' d-long' : '';
        highlights.push({
          start: d.message.offset,
          end: d.message.endOffset,
          level: 1,
          cls: `hl-diag d-${sev}${long}`,
          ref: d.recId,
          id: d.srcId,
          label: `${d.message.message}（${d.message.ruleId}）`,
        });
      }

      const all = [...plan.tasks, ...plan.projects];
      views.push({
        id,
        file: input.file,
        planIndex,
        plansInFile: plans.length,
        plan,
        source: result.source,
        range: ranges[planIndex],
        indicators,
        tasks,
        groups: groupByUnit(tasks, id),
        projects,
        targets,
        years: yearRows(all),
        diagnostics,
        counts: {
          indicators: plan.indicators.length,
          binding: plan.indicators.filter((i) => i.nature === 'binding').length,
          expected: plan.indicators.filter((i) => i.nature === 'expected').length,
          tasks: plan.tasks.length,
          tasksWithOwner: plan.tasks.filter(hasOwner).length,
          projects: plan.projects.length,
          targets: plan.targets.length,
          explicitDeadlines: all.filter((t) => t.deadline && !t.deadline.inferred).length,
          errors: messages.filter((m) => m.severity === 2).length,
          warnings: messages.filter((m) => m.severity === 1).length,
        },
        highlights,
      });
    });
  }
  return views;
}
