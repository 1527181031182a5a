// Small helpers shared by the rules.
import type { Task } from '../model/schema.js';
import type { PlanNode, RuleContext } from './types.js';

/**
 * Whitespace as a message shows it: dropped inside Chinese (a line break or a stray space between
 * characters), kept as one space between two Latin letters or digits ("5G SA", "IPv6 over").
 */
export function tightSpaces(s: string): string {
  const word = /[A-Za-z0-9]/;
  return s.trim().replace(/\s+/g, (m: string, i: number, all: string) => (word.test(all[i - 1] ?? '') && word.test(all[i + m.length] ?? '') ? ' ' : ''));
}

/** A short label of a task for messages: its lead phrase, or the start of its text. */
export function taskLabel(task: Task, max = 24): string {
  const t = tightSpaces(task.title ?? task.text).replace(/[。；;，,]$/u, '');
  const chars = [...t];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : t;
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
  ctx.report({
    messageId: named ? 'planNamed' : 'plan',
    data: { count: plan.tasks.length, title: planLabel(plan.title) },
    ...ctx.source.headSpan(facts.span),
    plan: index,
  });
}
