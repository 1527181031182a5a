// Small helpers shared by the rules.
import type { Task } from '../model/schema.js';

/** A short label of a task for messages: its lead phrase, or the start of its text. */
export function taskLabel(task: Task, max = 24): string {
  const t = (task.title ?? task.text).replace(/\s+/g, '').replace(/[。；;，,]$/u, '');
  const chars = [...t];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : t;
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
