// Data preparation for the HTML report: from analyses and lint messages to what the page shows
// (per-plan counts, unit groups, deadline years, flagged indicators, source highlights). Every
// judgement (owned, owner clause, explicit deadline, target status) is read from the analysis'
// facts, so the report says what `check` says. Nothing here writes HTML; page.ts does.
import type { Analysis, TaskFacts } from '../../model/analysis.js';
import { planKindZh } from '../../model/labels.js';
import type { Indicator, Plan, PlanKind, Span, Task } from '../../model/schema.js';
import type { LintMessage } from '../../lint/types.js';
import type { Highlight } from './source.js';

/** One input file of the report, analysed and linted. */
export interface ReportInput {
  /** the path as shown to people */
  file: string;
  analysis: Analysis;
  messages: LintMessage[];
}

export const NO_OWNER = '未明确责任单位';

/** diagnostics longer than this (in UTF-16 code units) are not underlined in the source */
const LONG_DIAGNOSTIC = 40;

export const kindLabel: Record<PlanKind, string> = planKindZh;

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
  facts: TaskFacts;
  recId: string;
  srcId: string;
  /** the unit the task is listed under (its first lead, else first support unit), or NO_OWNER */
  unit: string;
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

/** One diagnostic and the html id of its highlighted span in the source. */
export interface DiagnosticPlace {
  message: LintMessage;
  srcId: string;
}

/**
 * Diagnostics that say the same thing (one rule, one severity, one message) at several places:
 * one entry with a count and the places, so 69 identical placeholder errors take one line, not 69.
 */
export interface DiagnosticView {
  /** html id of the entry (every place's highlight leads back to it) */
  recId: string;
  /** in source order; the first stands for the group */
  places: DiagnosticPlace[];
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
  source: Analysis['source'];
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

function yearRows(items: TaskView[]): YearRow[] {
  const byYear = new Map<number | null, YearRow>();
  for (const { task, facts } of items) {
    const year = task.deadline?.date ? Number(task.deadline.date.slice(0, 4)) : null;
    const row = byYear.get(year) ?? { year, explicit: 0, inferred: 0 };
    if (facts.explicitDeadline) row.explicit++;
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

/** The plan's diagnostics grouped by what they say, groups in the order of their first place. */
function groupDiagnostics(messages: LintMessage[], planId: string): DiagnosticView[] {
  const groups = new Map<string, DiagnosticPlace[]>();
  messages.forEach((message, k) => {
    const key = `${message.severity}\u0000${message.ruleId}\u0000${message.message}`;
    const places = groups.get(key) ?? [];
    places.push({ message, srcId: `${planId}-d${k + 1}-src` });
    groups.set(key, places);
  });
  return [...groups.values()].map((places, g) => ({ recId: `${planId}-d${g + 1}`, places }));
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
    const { analysis } = input;
    const text = analysis.source.text;
    const plans = analysis.document.plans;
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
      const facts = analysis.facts.plans[planIndex];
      const messages = diagnosticsByPlan[planIndex];
      const indicators: IndicatorView[] = plan.indicators.map((indicator, k) => ({
        indicator,
        recId: `${id}-i${k + 1}`,
        srcId: `${id}-i${k + 1}-src`,
        vague: facts.indicators[k].target === 'vague',
        missing: facts.indicators[k].target === 'missing' || facts.indicators[k].target === 'placeholder',
      }));
      const taskView = (prefix: string, all: TaskFacts[]) => (task: Task, k: number): TaskView => ({
        task,
        facts: all[k],
        recId: `${id}-${prefix}${k + 1}`,
        srcId: `${id}-${prefix}${k + 1}-src`,
        unit: all[k].unit ?? NO_OWNER,
      });
      const tasks = plan.tasks.map(taskView('t', facts.tasks));
      const projects = plan.projects.map(taskView('g', facts.projects));
      const targets: TargetView[] = plan.targets.map((t, k) => ({
        text: t.text,
        span: t.span,
        recId: `${id}-o${k + 1}`,
        srcId: `${id}-o${k + 1}-src`,
      }));
      const diagnostics = groupDiagnostics(messages, id);

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
        const clause = v.facts.ownerClause;
        if (clause)
          highlights.push({ start: clause.start.offset, end: clause.end.offset, level: 1, cls: 'hl-owner', ref: v.recId, id: `${v.srcId}-owner`, label: `责任单位 ${v.task.owners!.text}` });
      }
      for (const d of diagnostics)
        for (const { message: m, srcId } of d.places) {
          const sev = m.severity === 2 ? 'error' : 'warn';
          // a diagnostic about a whole task or row is not drawn over it (it would underline most of
          // the text); it stays a target for its entry's link
          const long = m.endOffset - m.offset > LONG_DIAGNOSTIC ? ' d-long' : '';
          highlights.push({ start: m.offset, end: m.endOffset, level: 1, cls: `hl-diag d-${sev}${long}`, ref: d.recId, id: srcId, label: `${m.message}（${m.ruleId}）` });
        }

      const all = [...tasks, ...projects];
      views.push({
        id,
        file: input.file,
        planIndex,
        plansInFile: plans.length,
        plan,
        source: analysis.source,
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
          tasksWithOwner: facts.ownedTasks,
          projects: plan.projects.length,
          targets: plan.targets.length,
          explicitDeadlines: all.filter((t) => t.facts.explicitDeadline).length,
          errors: messages.filter((m) => m.severity === 2).length,
          warnings: messages.filter((m) => m.severity === 1).length,
        },
        highlights,
      });
    });
  }
  return views;
}
