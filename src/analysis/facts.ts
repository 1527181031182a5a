// The judgements every consumer of an extraction needs, made once (unified's file.data): whether
// a task has an owner and where its owner clause stands, whether it states its own deadline,
// whether an indicator's target is there, a placeholder or vague. Lint rules, the HTML report,
// export and the demo read these; none of them decides such things again, and none re-scans
// the source text.
import { isVague } from '../extract/quantity.js';
import { isCollective } from '../extract/units.js';
import type { LintWords } from '../grammars/lint-words.js';
import type { SourceText } from '../ingest/source-text.js';
import type { Facts, IndicatorFacts, PlanAnalysis, PlanFacts, TargetStatus, TaskFacts, UnitFact } from '../model/analysis.js';
import type { Indicator, Plan, PlanDocument, Span, Task } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { findSpaced } from '../util/text.js';
import { findPlaceholders } from './text-scan.js';
import { builtinUnitNamer, countedUnit, type UnitNamer } from './unit-names.js';

/** How far past a task's end its owner clause may stand (a clause after a list covers the list). */
const CLAUSE_REACH = 400;

/**
 * Where a task's owner clause stands: inside the task's span or just after it. Matching is on
 * folded text (full-width, traditional) and ignores whitespace, since the extracted clause has
 * spaces inside names removed.
 */
function ownerClauseSpan(source: SourceText, task: Task): Span | null {
  const clause = task.owners?.text.replace(/\s+/g, '');
  if (!clause) return null;
  const text = source.text;
  const from = task.span.start.offset;
  const to = Math.min(text.length, task.span.end.offset + CLAUSE_REACH);
  const window = foldKey(text.slice(from, to));
  const m = findSpaced(window, [...foldKey(clause)]);
  return m ? source.span(from + m[0], from + m[1]) : null;
}

/**
 * A unit's fact. A class: its name's collective test and its span are worked out only when a
 * rule or a report asks (most units are never reported), and the getters live on the prototype
 * rather than on an object literal per unit (building those was ~1 % of a run).
 */
class TaskUnit implements UnitFact {
  private spanMemo: Span | null | undefined = undefined;
  private collectiveMemo: boolean | undefined = undefined;
  readonly canonical: string;
  constructor(
    readonly name: string,
    readonly role: UnitFact['role'],
    private readonly task: Task,
    private readonly source: SourceText,
    namer: UnitNamer,
  ) {
    this.canonical = namer(name);
  }
  get collective(): boolean {
    return (this.collectiveMemo ??= isCollective(this.name));
  }
  get span(): Span | null {
    return this.spanMemo === undefined ? (this.spanMemo = this.source.locate(this.task.span, this.name)) : this.spanMemo;
  }
}

function taskFacts(task: Task, source: SourceText, clause: Span | null | undefined, namer: UnitNamer): TaskFacts {
  const owners = task.owners;
  const units: UnitFact[] = [];
  if (owners) {
    for (const name of owners.lead) units.push(new TaskUnit(name, 'lead', task, source, namer));
    for (const name of owners.support) units.push(new TaskUnit(name, 'support', task, source, namer));
  }
  const d = task.deadline;
  return {
    owned: units.length > 0,
    unit: countedUnit(units),
    units,
    // the reader's own position of the clause; else found again in the text (a task table's cells)
    ownerClause: clause ?? ownerClauseSpan(source, task),
    explicitDeadline: d && !d.inferred ? { ...d, span: source.locate(task.span, d.text) } : null,
  };
}

export function targetStatus(ind: Indicator, words: LintWords): TargetStatus {
  const target = ind.target.text.trim();
  if (!target || words.emptyTargets.includes(target.replace(/\s+/g, ''))) return 'missing';
  if (findPlaceholders(target, words).length > 0) return 'placeholder';
  if (ind.target.value === null && isVague(ind.target.text)) return 'vague';
  return 'ok';
}

function indicatorFacts(ind: Indicator, tables: PlanAnalysis['tables'], source: SourceText, words: LintWords): IndicatorFacts {
  const at = ind.span.start.offset;
  const table = tables.findIndex((t) => t.span.start.offset <= at && at < Math.max(t.span.end.offset, t.span.start.offset + 1));
  return {
    target: targetStatus(ind, words),
    targetSpan: source.locate(ind.span, ind.target.text.trim()),
    table: table < 0 ? null : table,
  };
}

function planFacts(plan: Plan, analysis: PlanAnalysis, source: SourceText, words: LintWords): PlanFacts {
  const namer = builtinUnitNamer();
  const tasks = plan.tasks.map((t, i) => taskFacts(t, source, analysis.ownerClauses?.tasks[i], namer));
  return {
    ...analysis,
    tasks,
    projects: plan.projects.map((t, i) => taskFacts(t, source, analysis.ownerClauses?.projects[i], namer)),
    indicators: plan.indicators.map((i) => indicatorFacts(i, analysis.tables, source, words)),
    ownedTasks: tasks.filter((t) => t.owned).length,
  };
}

/** The facts of a document; `plans` is extraction's outline and table knowledge, one per plan. */
export function buildFacts(document: PlanDocument, plans: PlanAnalysis[], source: SourceText, words: LintWords): Facts {
  return { plans: document.plans.map((p, i) => planFacts(p, plans[i] ?? { headings: [], tables: [], span: p.span }, source, words)) };
}
