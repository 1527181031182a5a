// The types every rule, the engine and the reporters share (the vfile-message of plan-lint).
import type { z } from 'zod';
import type { ExtractResult } from '../model/analysis.js';
import type { PlanKind, Point, Span } from '../model/schema.js';
import type { LintWords } from './words.js';
import type { PositionIndex } from './position.js';

export type Level = 'off' | 'warn' | 'error';
export type Locale = 'zh' | 'en';

/** A message template per locale; `{name}` is replaced by the diagnostic's data. */
export interface MessageText {
  zh: string;
  en: string;
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
  what: string;
  /** "Why is this bad?" */
  why: string;
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

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  start: Point;
  end: Point;
  /** index into document.plans, null for text outside every plan */
  plan: number | null;
}

export interface RuleContext<O> {
  result: ExtractResult;
  options: O;
  words: LintWords;
  pos: PositionIndex;
  report(report: Report): void;
}

export interface Rule<O = Record<string, never>> {
  id: string;
  defaultSeverity: DefaultSeverity;
  /** the severity when the user did not set one but configured the rule's options (owner-unknown) */
  severityWhenConfigured?: (options: O) => Level | null;
  messages: Record<string, MessageText>;
  docs: RuleDocs;
  /** zod schema of the rule's options (absent: the rule takes none) */
  options?: z.ZodType<O>;
  /** the options' defaults, also shown by `plan-lint rules` */
  defaultOptions?: O;
  /** options the documentation examples run with (owner-unknown needs a unit list) */
  exampleOptions?: O;
  check(ctx: RuleContext<O>): void;
}

// eslint-style erasure so rules with different option types fit in one catalog
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

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
}

/** Where a message starts, as a reporter writes it: "12:5", or "p3:12:5" in a PDF. */
export function placeOf(m: Pick<LintMessage, 'line' | 'column' | 'page'>): string {
  return m.page === undefined ? `${m.line}:${m.column}` : `p${m.page}:${m.line}:${m.column}`;
}

export interface FileResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

export function spanOf(start: Point, end: Point): Span {
  return { start, end };
}
