// Applying the inline directives a reader found (src/ingest/directives.ts) to diagnostics, and
// remembering which directive switched what off, so that unused ones can be reported
// (--report-unused-disable-directives) and suppressed messages listed (ESLint's suppressedMessages).
import type { InlineDirective } from '../ingest/directives.js';
import type { SourceText } from '../ingest/source-text.js';

/** A disable directive (or one rule of its list) that switched nothing off. */
export interface UnusedDirective {
  directive: InlineDirective;
  /** the rule of its list that was never suppressed; null: a directive for all rules */
  rule: string | null;
}

export class Suppressions {
  /** disable/enable, in source order */
  private readonly ranges: InlineDirective[];
  /** disable-line and disable-next-line, by the line they act on */
  private readonly byLine = new Map<number, InlineDirective[]>();
  /** for each directive, the rules whose messages it switched off */
  private readonly used = new Map<InlineDirective, Set<string>>();

  constructor(
    private readonly directives: InlineDirective[],
    source: SourceText,
  ) {
    const sorted = [...directives].sort((a, b) => a.line - b.line || a.start - b.start);
    this.ranges = sorted.filter((d) => d.kind === 'disable' || d.kind === 'enable');
    for (const d of sorted) {
      let line: number;
      if (d.kind === 'disable-line') line = d.line;
      else if (d.kind === 'disable-next-line') {
        // the line a comment stands in front of: blank lines between are skipped
        line = d.line + 1;
        while (line <= source.lineCount && source.isBlank(line)) line++;
      } else continue;
      const list = this.byLine.get(line) ?? [];
      list.push(d);
      this.byLine.set(line, list);
    }
  }

  /** The directive that switches `ruleId` off at `line` (its use is recorded), or null. */
  match(ruleId: string, line: number): InlineDirective | null {
    // most files hold no inline comment: no lookup and no closure per message
    if (this.directives.length === 0) return null;
    const covers = (d: InlineDirective) => d.rules.length === 0 || d.rules.includes(ruleId);
    let by = (this.byLine.get(line) ?? []).find(covers) ?? null;
    if (!by) {
      // the last disable/enable before the line that names the rule (or all rules) decides
      for (const d of this.ranges) {
        if (d.line > line) break;
        if (covers(d)) by = d.kind === 'disable' ? d : null;
      }
    }
    if (by) {
      const set = this.used.get(by) ?? new Set<string>();
      set.add(ruleId);
      this.used.set(by, set);
    }
    return by;
  }

  /** Disable directives that switched nothing off; for a list, each listed rule `known` has that was never off. */
  unused(known: (id: string) => boolean): UnusedDirective[] {
    const out: UnusedDirective[] = [];
    for (const d of this.directives) {
      if (d.kind === 'enable') continue;
      const used = this.used.get(d);
      if (d.rules.length === 0) {
        if (!used) out.push({ directive: d, rule: null });
        continue;
      }
      for (const rule of d.rules) if (known(rule) && !used?.has(rule)) out.push({ directive: d, rule });
    }
    return out.sort((a, b) => a.directive.start - b.directive.start);
  }
}
