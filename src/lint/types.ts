// The types every rule, the engine and the reporters share (the vfile-message of plan-lint).
// A rule is ESLint's shape: `meta` (id, severity, messages by id, docs, options) and
// `create(context)` returning visitors that the engine calls while it walks the analysis once.
import type { z } from 'zod';
import type { LintWords } from '../grammars/lint-words.js';
import type {
  Analysis,
  HeadingInfo,
  IndicatorFacts,
  IndicatorTableInfo,
  PlanFacts,
  SourceFile,
  TaskFacts,
  TextBlock,
} from '../model/analysis.js';
import type { InlineDirective } from '../ingest/directives.js';
import type { Indicator, Plan, PlanKind, Point, Task } from '../model/schema.js';
import type { Locale, Text } from '../util/i18n.js';

export type { Locale };
export type Level = 'off' | 'warn' | 'error';

/** A message template per locale; `{name}` is replaced by the diagnostic's data. */
export type MessageText = Text;

/** ESLint's fix: replace [range[0], range[1]) of the source text (offsets into the decoded text) by `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface RuleExample {
  /** the input as a drafter would write it */
  text: string;
  /** the input format the example is written in (txt by default) */
  format?: 'txt' | 'md';
}

export interface RuleDocs {
  /** one line: what the rule reports (also the SARIF shortDescription) */
  summary: MessageText;
  /** "What it does" */
  what: MessageText;
  /** "Why is this bad?" */
  why: MessageText;
  /** "Example": an input that the rule reports */
  failing: RuleExample & {
    /** the positions ("line:column") the rule reports on `text`, in order */
    reports: string[];
  };
  /** "Use instead": the same input fixed, on which the rule is silent */
  passing: RuleExample;
}

/** A rule's default severity: one level, or one per plan kind. */
export type DefaultSeverity = Level | Record<PlanKind, Level>;

export interface Report<M extends string = string> {
  /** one of the rule's own message ids (checked by the compiler) */
  messageId: M;
  data?: Record<string, string | number>;
  start: Point;
  end: Point;
  /** index into document.plans, null for text outside every plan */
  plan: number | null;
  /** a mechanical, safe correction (`plan-lint check --fix` applies it) */
  fix?: Fix;
}

/** A plan as the visitors see it: the model, its facts and its index in the document. */
export interface PlanNode {
  index: number;
  plan: Plan;
  facts: PlanFacts;
}

export interface TaskNode {
  plan: PlanNode;
  task: Task;
  facts: TaskFacts;
  /** a 重点工程/专栏 entry rather than a task */
  isProject: boolean;
}

export interface IndicatorNode {
  plan: PlanNode;
  indicator: Indicator;
  facts: IndicatorFacts;
}

export interface HeadingNode {
  plan: PlanNode;
  heading: HeadingInfo;
}

export interface IndicatorTableNode {
  plan: PlanNode;
  table: IndicatorTableInfo;
  index: number;
}

/**
 * What a rule wants to see. The engine walks the analysis once, in document order: for each
 * plan `plan`, its headings, indicator tables, indicators, tasks then projects, `planExit`;
 * then every text block.
 */
export interface Visitors {
  plan?(node: PlanNode): void;
  heading?(node: HeadingNode): void;
  indicatorTable?(node: IndicatorTableNode): void;
  indicator?(node: IndicatorNode): void;
  /** tasks and projects (node.isProject) */
  task?(node: TaskNode): void;
  planExit?(node: PlanNode): void;
  /** every text block in source order; `index` into analysis.blocks (text facts are keyed by it) */
  block?(block: TextBlock, index: number): void;
  /**
   * all text blocks at once, where the walk reaches them: for rules that go through the text
   * facts' findings (a few blocks) rather than be called for every block
   */
  blocks?(blocks: readonly TextBlock[]): void;
  /** inline configuration comments, in source order (none with --no-inline-config) */
  directive?(directive: InlineDirective): void;
}

export interface RuleContext<O, M extends string = string> {
  analysis: Analysis;
  /** the original file: lines, points, spans (headSpan, blockSpan) */
  source: SourceFile;
  options: O;
  words: LintWords;
  /** the ids of every rule plan-lint has (whatever runs now) */
  ruleIds: readonly string[];
  report(report: Report<M>): void;
}

export interface Rule<O = Record<string, never>, M extends string = string> {
  id: string;
  defaultSeverity: DefaultSeverity;
  /** the severity when the user did not set one but configured the rule's options (owner-unknown) */
  severityWhenConfigured?: (options: O) => Level | null;
  /** why the rule cannot report anything with these options (owner-unknown without units), or null */
  inert?: (options: O) => MessageText | null;
  messages: Record<M, MessageText>;
  docs: RuleDocs;
  /** zod schema of the rule's options (absent: the rule takes none) */
  options?: z.ZodType<O>;
  /** the options' defaults, also shown by `plan-lint rules` */
  defaultOptions?: O;
  /** options the documentation examples run with (owner-unknown needs a unit list) */
  exampleOptions?: O;
  /** some of its reports carry a fix (`--fix`) */
  fixable?: boolean;
  create(ctx: RuleContext<O, M>): Visitors;
}

/** Declares a rule; its message ids become a type, so `report` takes only those. */
export function defineRule<M extends string, O = Record<string, never>>(rule: Rule<O, M>): Rule<O, M> {
  return rule;
}

// eslint-style erasure so rules with different option types fit in one catalog
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

/** One diagnostic as reporters see it (ESLint's message shape plus a few extras). */
export interface LintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** offsets into the decoded source, for sorting and the HTML report */
  offset: number;
  endOffset: number;
  /** PDF input: the pages where the diagnostic starts and ends */
  page?: number;
  endPage?: number;
  /** present when the problem can be corrected mechanically (--fix) */
  fix?: Fix;
}

/** A message an inline comment switched off (ESLint's suppressedMessages). */
export interface SuppressedMessage extends LintMessage {
  suppressions: { kind: 'directive'; justification: string }[];
}

/** Where a message starts, as a reporter writes it: "12:5", or "p3:12:5" in a PDF. */
export function placeOf(m: Pick<LintMessage, 'line' | 'column' | 'page'>): string {
  return m.page === undefined ? `${m.line}:${m.column}` : `p${m.page}:${m.line}:${m.column}`;
}

export interface FileResult {
  filePath: string;
  /** the file as shown to people (displayPath of filePath), where the runner has it already */
  shownPath?: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  /** messages inline comments switched off (absent: none) */
  suppressedMessages?: SuppressedMessage[];
  /** the file could not be read: why (ESLint's fatal message); `messages` is then empty */
  fatal?: string;
}
