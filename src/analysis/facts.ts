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
import type { Deadline, Indicator, Plan, PlanDocument, Span, Task } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { findSpaced } from '../util/text.js';
import { mayHoldPlaceholder } from './text-facts.js';
import { findPlaceholders } from './text-scan.js';
import { builtinUnitNamer, countedUnit } from './unit-names.js';

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
 * isCollective by name, remembered: a plan names the same few dozen units task after task, and
 * the test folds the name and tries every collective prefix. Emptied when it grows large, so a
 * run over thousands of plans keeps it small.
 */
const collectives = new Map<string, boolean>();
function collective(name: string): boolean {
  let c = collectives.get(name);
  if (c === undefined) {
    if (collectives.size >= 4096) collectives.clear();
    collectives.set(name, (c = isCollective(name)));
  }
  return c;
}

/**
 * A fact whose place in the source is looked up (SourceText.locate) only when a rule or a report
 * first asks for it: most facts are never reported.
 */
abstract class LocatedWhenAsked {
  private spanMemo: Span | null | undefined = undefined;
  constructor(private readonly source: SourceText) {}
  /** where `text` first stands within `within`, looked up once */
  protected located(within: Span, text: string): Span | null {
    if (this.spanMemo === undefined) this.spanMemo = this.source.locate(within, text);
    return this.spanMemo;
  }
}

/**
 * A unit's fact. A class: its canonical name, its collective test and its span are worked out
 * only when a rule or a report asks (most units are never reported), and the getters live on
 * the prototype rather than on an object literal per unit (building those was ~1 % of a run).
 */
class TaskUnit extends LocatedWhenAsked implements UnitFact {
  private collectiveMemo: boolean | undefined = undefined;
  private canonicalMemo: string | undefined = undefined;
  constructor(
    readonly name: string,
    readonly role: UnitFact['role'],
    private readonly task: Task,
    source: SourceText,
  ) {
    super(source);
  }
  get canonical(): string {
    // the built-in namer looked up here, not kept in a field: an analysis holds no function, so
    // it can be cloned (structuredClone, worker messages)
    return (this.canonicalMemo ??= builtinUnitNamer()(this.name));
  }
  get collective(): boolean {
    return (this.collectiveMemo ??= collective(this.name));
  }
  get span(): Span | null {
    return this.located(this.task.span, this.name);
  }
}

/** A task's own deadline; where its text stands is looked up only when asked (a report about it). */
class ExplicitDeadline extends LocatedWhenAsked {
  readonly text: string;
  readonly date: string | null;
  readonly inferred: boolean;
  constructor(
    d: Deadline,
    private readonly task: Task,
    source: SourceText,
  ) {
    super(source);
    this.text = d.text;
    this.date = d.date;
    this.inferred = d.inferred;
  }
  get span(): Span | null {
    return this.located(this.task.span, this.text);
  }
}

function taskFacts(task: Task, source: SourceText, clause: Span | null | undefined): TaskFacts {
  const owners = task.owners;
  const units: UnitFact[] = [];
  if (owners) {
    for (const name of owners.lead) units.push(new TaskUnit(name, 'lead', task, source));
    for (const name of owners.support) units.push(new TaskUnit(name, 'support', task, source));
  }
  const d = task.deadline;
  return {
    owned: units.length > 0,
    unit: countedUnit(units),
    units,
    // the reader's own position of the clause; else found again in the text (a task table's cells)
    ownerClause: clause ?? ownerClauseSpan(source, task),
    explicitDeadline: d && !d.inferred ? new ExplicitDeadline(d, task, source) : null,
  };
}

export function targetStatus(ind: Indicator, words: LintWords): TargetStatus {
  const target = ind.target.text.trim();
  if (!target || words.emptyTargets.includes(target.replace(/\s+/g, ''))) return 'missing';
  if (mayHoldPlaceholder(target, words) && findPlaceholders(target, words).length > 0) return 'placeholder';
  if (ind.target.value === null && isVague(ind.target.text)) return 'vague';
  return 'ok';
}

/** An indicator's facts; where its target stands in its row is looked up only when asked. */
class IndicatorFact extends LocatedWhenAsked implements IndicatorFacts {
  constructor(
    readonly target: TargetStatus,
    readonly table: number | null,
    private readonly ind: Indicator,
    source: SourceText,
  ) {
    super(source);
  }
  get targetSpan(): Span | null {
    return this.located(this.ind.span, this.ind.target.text.trim());
  }
}

function indicatorFacts(ind: Indicator, tables: PlanAnalysis['tables'], source: SourceText, words: LintWords): IndicatorFacts {
  const at = ind.span.start.offset;
  const table = tables.findIndex((t) => t.span.start.offset <= at && at < Math.max(t.span.end.offset, t.span.start.offset + 1));
  return new IndicatorFact(targetStatus(ind, words), table < 0 ? null : table, ind, source);
}

/** How many of the tasks are owned (counted, not filtered into an array thrown away). */
function countOwned(tasks: readonly TaskFacts[]): number {
  let n = 0;
  for (let i = 0; i < tasks.length; i++) if (tasks[i].owned) n++;
  return n;
}

function planFacts(plan: Plan, analysis: PlanAnalysis, source: SourceText, words: LintWords): PlanFacts {
  const tasks = plan.tasks.map((t, i) => taskFacts(t, source, analysis.ownerClauses?.tasks[i]));
  // the analysis' fields named, not spread: a spread gave every plan's facts a V8 map of its own
  // (each field added after it a new transition), and the rules' loads of them were megamorphic;
  // `satisfies` names every field, optional ones too, so one added to PlanAnalysis is not lost here
  return {
    headings: analysis.headings,
    tables: analysis.tables,
    unreadTables: analysis.unreadTables,
    ownerClauses: analysis.ownerClauses,
    span: analysis.span,
    tasks,
    projects: plan.projects.map((t, i) => taskFacts(t, source, analysis.ownerClauses?.projects[i])),
    indicators: plan.indicators.map((i) => indicatorFacts(i, analysis.tables, source, words)),
    ownedTasks: countOwned(tasks),
  } satisfies { [K in keyof Required<PlanFacts>]: PlanFacts[K] };
}

/** The facts of a document; `plans` is extraction's outline and table knowledge, one per plan. */
export function buildFacts(document: PlanDocument, plans: PlanAnalysis[], source: SourceText, words: LintWords): Facts {
  return { plans: document.plans.map((p, i) => planFacts(p, plans[i] ?? { headings: [], tables: [], span: p.span }, source, words)) };
}
