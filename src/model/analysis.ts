// What extraction knows beyond the public model: the outline, table groups and the text blocks,
// each with a span into the original file. Lint rules read this instead of re-parsing text.
import type { PlanDocument, Span } from './schema.js';

export type InputFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

export interface SourceFile {
  path: string;
  /** the decoded original text; every offset in a Span indexes into it */
  text: string;
  encoding: string;
  /** how the encoding was chosen where it was a guess (src/ingest/decode.ts) */
  encodingNote?: string | null;
  format: InputFormat;
  sha256: string;
  /** PDF: offset in `text` where each page starts, so positions also name their page */
  pages?: number[];
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

export interface PlanAnalysis {
  headings: HeadingInfo[];
  tables: IndicatorTableInfo[];
  /** tables of the plan that looked like indicator or task tables but were not read */
  unreadTables?: UnreadTableInfo[];
  span: Span;
}

/** One block of plan text (a line, paragraph, cell or heading) after page clean-up. */
export interface TextBlock {
  text: string;
  span: Span;
  /** index into document.plans, null for the page header/notice before the first plan */
  plan: number | null;
  /** offsets[i] = offset in SourceFile.text of text[i] (normalization can drop characters) */
  offsets: number[];
}

/** Inline configuration comments found in the input (Markdown/HTML `<!-- plan-lint-… -->`). */
export interface InlineDirective {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** empty = all rules */
  rules: string[];
  line: number;
}

export interface ExtractResult {
  document: PlanDocument;
  source: SourceFile;
  plans: PlanAnalysis[];
  blocks: TextBlock[];
  directives: InlineDirective[];
}
