// Inline configuration comments, written in Markdown and HTML sources:
//   <!-- plan-lint-disable RULE… -->  <!-- plan-lint-enable RULE… -->  <!-- plan-lint-disable-next-line RULE… -->
// No rule ids = all rules. Only readers call this, on the comments their parser found, so a
// comment inside a code block or in a plain-text file is text, never configuration.
import type { SourceText } from './source-text.js';

export interface InlineDirective {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** empty = all rules */
  rules: string[];
  /** disable/enable: the line the comment starts on; disable-next-line: the line it ends on */
  line: number;
}

const syntax = /^\s*plan-lint-(disable-next-line|disable|enable)\b([\s\S]*)$/;

/**
 * The directive a comment writes, or null. `body` is the text between `<!--` and `-->`;
 * [start, end) is where the whole comment stands in the source.
 */
export function directiveOf(body: string, start: number, end: number, source: SourceText): InlineDirective | null {
  const m = syntax.exec(body);
  if (!m) return null;
  const kind = m[1] as InlineDirective['kind'];
  const rules = m[2].split(/[\s,]+/).filter((s) => s && s !== '--');
  // a disable-next-line comment acts on the line after the one where it ends
  const line = source.lineOf(kind === 'disable-next-line' ? Math.max(start, end - 1) : start);
  return { kind, rules, line };
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
