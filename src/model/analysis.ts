// The analysis of one input: what every consumer after extraction reads (lint rules, the HTML
// report, export, diff, the demo). Extraction fills `document` (the public model) and the outline
// and table facts; src/analysis/facts.ts derives, once, the judgements consumers would otherwise
// each make their own way (does a task have an owner, where is its owner clause, is a target
// missing). Every Span points into `source.text`, the original file.
import type { InputFormat } from '../ingest/formats.js';
import type { InlineDirective } from '../ingest/directives.js';
import type { SourceText } from '../ingest/source-text.js';
import type { Deadline, PlanDocument, Span } from './schema.js';

export type { InputFormat, InlineDirective };

/** The decoded original file and its line model. */
export interface SourceFile extends SourceText {
  path: string;
  encoding: string;
  /** how the encoding was chosen where it was a guess (src/ingest/decode.ts) */
  encodingNote?: string | null;
  format: InputFormat;
  sha256: string;
}

/** A numbered heading or item of the outline (第三章, 一、, (一), 1., (1), ①, 专栏1, Markdown #). */
export interface HeadingInfo {
  /** numbering scheme id from grammars/headings.yaml, or `md-h2` for a Markdown heading */
  scheme: string;
  /** nesting depth within the plan, 1 = outermost */
  level: number;
  /** the number the item carries (三 → 3, (二) → 2), null for an unnumbered Markdown heading */
  value: number | null;
  /** the numbering as written ("三、", "(二)") */
  label: string;
  /** heading text without the numbering; for an item run together with its body, the whole line */
  title: string;
  span: Span;
  /** index of the enclosing heading in the same list, null at the top */
  parent: number | null;
}

export interface IndicatorGroupInfo {
  /** group name as written in the group row ("应急能力") */
  name: string;
  /** the count the group row declares ("(5项)"), null when it declares none */
  declared: number | null;
  /** ids of the indicators that belong to the group */
  indicatorIds: string[];
  span: Span;
}

export interface IndicatorTableInfo {
  /** the header cells as written */
  header: string[];
  hasNatureColumn: boolean;
  hasTargetColumn: boolean;
  span: Span;
  groups: IndicatorGroupInfo[];
}

/** A table that looks like an indicator or task table but could not be read (rule table-unread). */
export interface UnreadTableInfo {
  /** the cells of the row that looked like its header, as written */
  header: string[];
  /** header: its columns were not recognised; rows: no row could be read under its header */
  reason: 'header' | 'rows';
  span: Span;
}

/** What extraction knows of a plan beyond the public model: its outline and indicator tables. */
export interface PlanAnalysis {
  headings: HeadingInfo[];
  tables: IndicatorTableInfo[];
  /** tables of the plan that looked like indicator or task tables but were not read */
  unreadTables?: UnreadTableInfo[];
  /** where each task's (and project's) owner clause stands, parallel to plan.tasks and plan.projects */
  ownerClauses?: { tasks: (Span | null)[]; projects: (Span | null)[] };
  span: Span;
}

/** One block of plan text (a line, paragraph, cell or heading) after page clean-up. */
export interface TextBlock {
  text: string;
  span: Span;
  /** index into document.plans, null for the page header/notice before the first plan */
  plan: number | null;
  /** offsets[i] = offset in the source of text[i] (normalization can drop characters) */
  offsets: number[];
}

/** A unit named by a task's owners. */
export interface UnitFact {
  /** as written (the extract model's owners) */
  name: string;
  /**
   * the name the unit is counted and compared under: folded, with the official short forms
   * expanded (grammars/unit-aliases.yaml) and the configuration's units.aliases applied
   * (src/analysis/unit-names.ts)
   */
  canonical: string;
  role: 'lead' | 'support';
  /** a collective phrase (各有关部门) rather than a named unit (grammars/owners.yaml collectives) */
  collective: boolean;
  /** where the name stands inside the task, null when it cannot be found there */
  span: Span | null;
}

export interface TaskFacts {
  /** the task names at least one unit, lead or support */
  owned: boolean;
  /** the unit the task is listed under: its first lead, else its first support unit, by its canonical name */
  unit: string | null;
  units: UnitFact[];
  /** where the owner clause stands (inside the task or just after it), null when not found */
  ownerClause: Span | null;
  /** the task's own deadline; null when it states none (an inferred period end is not one) */
  explicitDeadline: (Deadline & { span: Span | null }) | null;
}

/** ok · missing (empty) · placeholder (XX%, 待定) · vague (逐年下降: no number to check against) */
export type TargetStatus = 'ok' | 'missing' | 'placeholder' | 'vague';

export interface IndicatorFacts {
  target: TargetStatus;
  /** where the target text stands inside the indicator's row, null when not found */
  targetSpan: Span | null;
  /** index into the plan's tables of the table the row belongs to, null when none */
  table: number | null;
}

export interface PlanFacts extends PlanAnalysis {
  /** parallel to plan.tasks, plan.projects and plan.indicators */
  tasks: TaskFacts[];
  projects: TaskFacts[];
  indicators: IndicatorFacts[];
  /** how many of the plan's tasks are owned */
  ownedTasks: number;
}

export interface Facts {
  /** parallel to document.plans */
  plans: PlanFacts[];
  /** the configuration's units.aliases the canonical unit names were made with (absent: none) */
  unitAliases?: Record<string, string>;
}

export interface Analysis {
  source: SourceFile;
  document: PlanDocument;
  facts: Facts;
  /** the plan text as blocks, in source order */
  blocks: TextBlock[];
  /** inline configuration comments the reader found */
  directives: InlineDirective[];
}
