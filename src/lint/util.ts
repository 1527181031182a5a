// Small helpers shared by the rules.
import type { Task } from '../model/schema.js';
import type { PlanNode, RuleContext } from './types.js';

/** JavaScript's \s (WhiteSpace and LineTerminator), as trim() and the regex class read it. */
function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * tightSpaces(s) built from the left and stopped once it holds `units` code units (`whole`:
 * not stopped). A message shows a task's first few characters: tightening the whole text of a
 * long task with a regex and a callback per run, then splitting it into code points, cost
 * most of a report.
 */
function tightHead(s: string, units: number): { text: string; whole: boolean } {
  let a = 0;
  let b = s.length;
  while (a < b && isJsSpace(s.charCodeAt(a))) a++;
  while (b > a && isJsSpace(s.charCodeAt(b - 1))) b--;
  let out = '';
  let from = a; // start of the stretch copied as it stands
  let i = a;
  while (i < b) {
    if (out.length + (i - from) >= units) return { text: out + s.slice(from, i), whole: false };
    if (!isJsSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    // an inner run (the ends are trimmed): one space between two Latin letters or digits, else none
    out += s.slice(from, i);
    let j = i + 1;
    while (isJsSpace(s.charCodeAt(j))) j++;
    if (isWordCode(s.charCodeAt(i - 1)) && isWordCode(s.charCodeAt(j))) out += ' ';
    i = from = j;
  }
  return { text: out + s.slice(from, b), whole: true };
}

/**
 * Whitespace as a message shows it: dropped inside Chinese (a line break or a stray space between
 * characters), kept as one space between two Latin letters or digits ("5G SA", "IPv6 over").
 */
export function tightSpaces(s: string): string {
  return tightHead(s, Infinity).text;
}

/** A short label of a task for messages: its lead phrase, or the start of its text. */
export function taskLabel(task: Task, max = 24): string {
  // 2·max + 6 code units hold more than max + 1 code points: enough to know the label is cut
  const { text, whole } = tightHead(task.title ?? task.text, 2 * max + 6);
  const t = whole ? text.replace(/[。；;，,]$/u, '') : text;
  if (t.length <= max) return t;
  const cut = codePointEnd(t, max);
  return cut < t.length ? t.slice(0, cut) + '…' : t;
}

/**
 * Where the first `count` code points of `s` end (as [...s] splits it: a surrogate pair is one,
 * a lone surrogate one), `s.length` when it has no more. Spreading every label into an array
 * of characters was garbage for each of a run's messages.
 */
function codePointEnd(s: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** A plan's title for a message that names it (several plans in one file), cut short. */
export function planLabel(title: string, max = 30): string {
  const chars = [...tightSpaces(title)];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

/** A text cut to `max` characters for a message, whitespace runs as one space. */
export function clip(s: string, max = 24): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

/** Names compared as written minus spaces and brackets' width ("（" = "("). */
export function normName(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[。；;，,、:：]+$/u, '');
}

export { editDistance } from '../util/suggest.js';

/**
 * One report for a whole plan at its title ("本规划5项任务均…"): the plan named by its title
 * where the file holds several (messages `planNamed`), unnamed otherwise (`plan`).
 */
export function reportPlanWide(ctx: RuleContext<unknown, 'plan' | 'planNamed'>, { index, plan, facts }: PlanNode): void {
  const named = ctx.analysis.document.plans.length > 1 && plan.title.trim();
  // (the title cut only for the message that names it; the span's points named, not spread)
  const { start, end } = ctx.source.headSpan(facts.span);
  ctx.report({ messageId: named ? 'planNamed' : 'plan', data: { count: plan.tasks.length, title: named ? planLabel(plan.title) : '' }, start, end, plan: index });
}
