// Applying the inline directives a reader found (src/ingest/directives.ts) to diagnostics.
import type { InlineDirective } from '../ingest/directives.js';
import type { SourceText } from '../ingest/source-text.js';

/**
 * A predicate telling whether `ruleId` is switched off at `line`. disable/enable act from their
 * line on; disable-next-line acts on the next line that is not blank (the line a Markdown
 * comment stands in front of). Lines are those of the source's one line model.
 */
export function suppression(directives: InlineDirective[], source: SourceText): (ruleId: string, line: number) => boolean {
  if (!directives.length) return () => false;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  const ranges = sorted.filter((d) => d.kind !== 'disable-next-line');
  const nextLine = new Map<number, InlineDirective[]>();
  for (const d of sorted) {
    if (d.kind !== 'disable-next-line') continue;
    let l = d.line + 1;
    while (l <= source.lineCount && source.isBlank(l)) l++;
    const list = nextLine.get(l) ?? [];
    list.push(d);
    nextLine.set(l, list);
  }
  const covers = (d: InlineDirective, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);
  return (ruleId, line) => {
    if ((nextLine.get(line) ?? []).some((d) => covers(d, ruleId))) return true;
    let off = false;
    for (const d of ranges) {
      if (d.line > line) break;
      if (covers(d, ruleId)) off = d.kind === 'disable';
    }
    return off;
  };
}
