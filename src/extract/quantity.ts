// Reads quantities: "<1%(5年平均)", "下降9%", "1起以内", "达到95%以上", "逐年下降".
import { grammars } from '../grammars/load.js';
import type { Comparator, Quantity } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';

const longestFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);

function vocab() {
  const q = grammars().quantities;
  const comparatorWords: [string, Comparator][] = [];
  for (const [cmp, words] of Object.entries(q.comparators) as [Comparator, string[]][]) for (const w of words) comparatorWords.push([w, cmp]);
  comparatorWords.sort((a, b) => b[0].length - a[0].length);
  return {
    comparatorWords,
    units: longestFirst(q.units),
    decrease: longestFirst(q.changes.decrease),
    increase: longestFirst(q.changes.increase),
    vague: q.vague,
    goalWords: q.goalWords,
  };
}
let cache: ReturnType<typeof vocab> | null = null;
const v = () => (cache ??= vocab());

const NUMBER = /(\d+(?:\.\d+)?)/g;

export interface QuantityHit extends Quantity {
  /** index range of the quantity in the text it was read from */
  start: number;
  end: number;
}

function unitAt(key: string, at: number): string | null {
  const rest = key.slice(at).replace(/^\s+/, '');
  for (const u of v().units) if (rest.startsWith(u)) return u;
  return null;
}

/** comparator written before a number ("≤", "不超过", "控制在") or after its unit ("以上", "以内") */
function comparatorAround(before: string, after: string): Comparator | null {
  const b = before.replace(/\s+$/, '');
  for (const [w, c] of v().comparatorWords) {
    if (/^[<>≤≥=]/.test(w) || w.length > 1) {
      if (b.endsWith(w) && !['以上', '以内', '以下', '及以上', '之内'].includes(w)) return c;
    }
  }
  const a = after.replace(/^\s+/, '');
  for (const [w, c] of v().comparatorWords) if (['以上', '以内', '以下', '及以上', '之内'].includes(w) && a.startsWith(w)) return c;
  return null;
}

function changeIn(s: string): Quantity['change'] {
  let best: { at: number; change: Quantity['change'] } | null = null;
  for (const w of v().decrease) {
    const at = s.lastIndexOf(w);
    if (at >= 0 && (!best || at > best.at)) best = { at, change: 'decrease' };
  }
  for (const w of v().increase) {
    const at = s.lastIndexOf(w);
    if (at >= 0 && (!best || at > best.at)) best = { at, change: 'increase' };
  }
  return best?.change ?? null;
}

/** Parses the whole text of a target cell. */
export function parseTarget(text: string): Quantity {
  const trimmed = text.trim();
  const key = foldKey(trimmed);
  const noteMatch = /[(]([^()]*)[)]\s*$/.exec(key);
  const note = noteMatch ? trimmed.slice(noteMatch.index + 1, noteMatch.index + 1 + noteMatch[1].length).replace(/\s+/g, '') : null;
  const body = noteMatch ? key.slice(0, noteMatch.index) : key;
  NUMBER.lastIndex = 0;
  const m = NUMBER.exec(body);
  if (!m) {
    return { text: trimmed, comparator: null, value: null, unit: null, change: changeIn(body), note };
  }
  const numEnd = m.index + m[0].length;
  const unit = unitAt(body, numEnd);
  const afterUnit = body.slice(numEnd).replace(/^\s+/, '').slice(unit?.length ?? 0);
  return {
    text: trimmed,
    comparator: comparatorAround(body.slice(0, m.index), afterUnit),
    value: Number(m[1]),
    unit,
    change: changeIn(body.slice(0, m.index)),
    note: note || null,
  };
}

/**
 * A target with no number to check against: one of the vague phrasings of
 * grammars/quantities.yaml ("逐年下降"), or a modifier followed by a direction ("稳步增长").
 */
export function isVague(text: string): boolean {
  const t = foldKey(text).replace(/\s+/g, '');
  if (!t || /\d/.test(t)) return false;
  const { phrases, modifiers, directions } = v().vague;
  if (phrases.some((p) => t.includes(p))) return true;
  return modifiers.some((m) => {
    const i = t.indexOf(m);
    return i >= 0 && directions.some((d) => t.indexOf(d, i + m.length) >= 0);
  });
}

const CLAUSE_BREAK = /[,;。:!?，；：！？\n]/;

/**
 * Quantified goals inside prose: "突发气象灾害监测率达90%", "不低于在职执法人员的75%",
 * "下降20%以上". Each hit's text runs from the start of its clause to the end of the quantity.
 */
export function findQuantities(text: string): QuantityHit[] {
  const key = foldKey(text);
  const hits: QuantityHit[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(key))) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = key[start - 1] ?? '';
    const next = key.slice(end).replace(/^\s+/, '');
    if (/[\dA-Za-z.+\-/第]/.test(prev) || /^[A-Za-z+\-/]/.test(next) || /^\.\d/.test(next)) continue;
    if (/^(?:年|月|日|号|时|届|期|批次|版|级|类|大|项任务)/.test(next) && !/^(?:年均)/.test(next)) continue;
    if (/^(?:个?小时|天|日)内/.test(next)) {
      /* "24小时火灾扑灭率": a duration that qualifies a rate, not a goal */
    }
    const unit = unitAt(key, end);
    let qEnd = end;
    if (unit) qEnd = key.indexOf(unit, end) + unit.length;
    const after = key.slice(qEnd);
    const tail = /^\s*(?:及以上|以上|以内|以下|之内)/.exec(after);
    if (tail) qEnd += tail[0].length;
    let clauseStart = start;
    while (clauseStart > 0 && !CLAUSE_BREAK.test(key[clauseStart - 1])) clauseStart--;
    const before = key.slice(clauseStart, start);
    const comparator = comparatorAround(before, after);
    const goal = v().goalWords.some((w) => before.includes(w));
    const isRate = unit === '%' || unit === '‰' || unit === '个百分点' || unit === '百分点';
    if (!isRate && !comparator && !(goal && unit)) continue;
    if (unit && /^(?:年|月|日)$/.test(unit) && !comparator) continue;
    if (/^(?:小时|分钟|天|日)/.test(unit ?? '') && /^[^,;。，；]{0,3}(?:内|以内)?[\p{Script=Han}]{0,4}率/u.test(after) && !comparator) continue;
    const textOut = text.slice(clauseStart, qEnd).replace(/^\s+/, '');
    hits.push({
      text: textOut,
      comparator,
      value: Number(m[1]),
      unit,
      change: changeIn(before),
      note: null,
      start: clauseStart + (text.slice(clauseStart, qEnd).length - textOut.length),
      end: qEnd,
    });
  }
  return hits;
}
