// Inline configuration comments: <!-- plan-lint-disable RULE… -->, <!-- plan-lint-enable RULE… -->,
// <!-- plan-lint-disable-next-line RULE… -->. No rule ids = all rules.
import type { ExtractResult, InlineDirective } from '../model/analysis.js';
import { PositionIndex } from './position.js';

const comment = /<!--\s*plan-lint-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;

/** The directives written in `text` (Markdown or HTML source). */
export function parseDirectives(text: string, pos = new PositionIndex(text)): InlineDirective[] {
  const out: InlineDirective[] = [];
  for (const m of text.matchAll(comment)) {
    const rules = m[2]
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s && s !== '--');
    // a disable-next-line directive counts from the line where its comment ends
    const at = m[1] === 'disable-next-line' ? m.index + m[0].length : m.index;
    out.push({ kind: m[1] as InlineDirective['kind'], rules, line: pos.point(at).line });
  }
  return out;
}

/** The directives of an extraction: the pipeline's own, or those parsed from Markdown/HTML source. */
export function directivesOf(result: ExtractResult, pos?: PositionIndex): InlineDirective[] {
  if (result.directives.length > 0) return result.directives;
  if (result.source.format !== 'md' && result.source.format !== 'html') return [];
  return parseDirectives(result.source.text, pos);
}

/**
 * A predicate telling whether `ruleId` is switched off at `line`. disable/enable act from their
 * line on; disable-next-line acts on the next line that is not blank (the line a Markdown
 * comment stands in front of).
 */
export function suppression(directives: InlineDirective[], text: string): (ruleId: string, line: number) => boolean {
  const lines = text.split('\n');
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  const ranges = sorted.filter((d) => d.kind !== 'disable-next-line');
  const nextLine = new Map<number, InlineDirective[]>();
  for (const d of sorted) {
    if (d.kind !== 'disable-next-line') continue;
    let l = d.line + 1;
    while (l <= lines.length && lines[l - 1].trim() === '') l++;
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
