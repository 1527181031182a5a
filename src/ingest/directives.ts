// Inline configuration comments, written in Markdown and HTML sources (ESLint's vocabulary):
//   <!-- plan-lint-disable RULE… -->            off from this line on
//   <!-- plan-lint-enable RULE… -->             on again from this line on
//   <!-- plan-lint-disable-line RULE… -->       off on the line the comment stands on
//   <!-- plan-lint-disable-next-line RULE… -->  off on the next line that is not blank
// Rules are separated by commas or spaces; no rule ids = all rules; anything after ` -- ` is a
// justification. Only readers call this, on the comments their parser found, so a comment inside
// a code block or in a plain-text file is text, never configuration.
import type { SourceText } from './source-text.js';

export const directiveKinds = ['disable', 'enable', 'disable-line', 'disable-next-line'] as const;
export type DirectiveKind = (typeof directiveKinds)[number];

export interface InlineDirective {
  kind: DirectiveKind;
  /** empty = all rules */
  rules: string[];
  /** disable/enable/disable-line: the line the comment starts on; disable-next-line: the line it ends on */
  line: number;
  /** where the comment stands in the source, [start, end) offsets (unknown rules and unused directives are reported there) */
  start: number;
  end: number;
  /** the text after ` -- ` ("" when none) */
  justification: string;
}

// the longest kinds first, and a kind must end where the word does: "disable-line" is not "disable"
const syntax = /^\s*plan-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/**
 * The directive a comment writes, or null. `body` is the text between `<!--` and `-->`;
 * [start, end) is where the whole comment stands in the source.
 */
export function directiveOf(body: string, start: number, end: number, source: SourceText): InlineDirective | null {
  const m = syntax.exec(body);
  if (!m) return null;
  const kind = m[1] as DirectiveKind;
  // ESLint: a description follows two or more dashes after whitespace
  const cut = /(?:^|\s)-{2,}(?:\s|$)/.exec(m[2]);
  const list = cut ? m[2].slice(0, cut.index) : m[2];
  const justification = cut ? m[2].slice(cut.index + cut[0].length).trim() : '';
  const rules = list.split(/[\s,]+/).filter(Boolean);
  // a disable-next-line comment acts on the line after the one where it ends
  const line = source.lineOf(kind === 'disable-next-line' ? Math.max(start, end - 1) : start);
  return { kind, rules, line, start, end, justification };
}

/** The directives of the `<!-- … -->` comments inside a raw HTML chunk standing at `offset`. */
export function directivesIn(html: string, offset: number, source: SourceText): InlineDirective[] {
  const out: InlineDirective[] = [];
  for (const m of html.matchAll(/<!--([\s\S]*?)-->/g)) {
    const d = directiveOf(m[1], offset + m.index, offset + m.index + m[0].length, source);
    if (d) out.push(d);
  }
  return out;
}
