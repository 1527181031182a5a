// Reads quantities: "<1%(5年平均)", "下降9%", "1起以内", "达到95%以上", "不低于300万亩", "8-10个",
// "48小时内", "逐年下降". The words are data in grammars/quantities.yaml.
import { grammars } from '../grammars/load.js';
import type { Comparator, Quantity } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { perCodeUnit } from '../util/text.js';

const longestFirst = (xs: string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);

function vocab() {
  const q = grammars().quantities;
  const before: [string, Comparator][] = [];
  for (const [cmp, words] of Object.entries(q.comparators) as [Comparator, string[]][])
    for (const w of words) if (!q.tails.some((t) => t.word === w)) before.push([w, cmp]);
  before.sort((a, b) => b[0].length - a[0].length);
  const units = longestFirst(q.units);
  // "万亩", "亿元": a magnitude joined to any unit, tried before the bare unit
  const withMagnitude = longestFirst(q.magnitudes.flatMap((m) => units.map((u) => m + u)));
  const all = longestFirst([...withMagnitude, ...units]);
  // the units by their first character, longest first: a number is followed by one of a few
  const unitsByFirst = new Map<string, string[]>();
  for (const u of all) {
    const list = unitsByFirst.get(u[0]);
    if (list) list.push(u);
    else unitsByFirst.set(u[0], [u]);
  }
  return {
    before,
    tails: [...q.tails].sort((a, b) => b.word.length - a.word.length),
    units: all,
    unitsByFirst,
    emptyUnit: all.includes(''),
    durations: new Set(q.durationUnits),
    rangeMarks: q.rangeMarks,
    decrease: longestFirst(q.changes.decrease),
    increase: longestFirst(q.changes.increase),
    vague: q.vague,
    goalWords: q.goalWords,
  };
}
let cache: ReturnType<typeof vocab> | null = null;
const v = () => (cache ??= vocab());

const NUMBER = /(\d+(?:\.\d+)?)/g;
const SPACES = /\s*/y;
const LATIN_NEXT = /[A-Za-z+\-/]/y;
const DECIMAL_NEXT = /\.\d/y;
/** a date, an ordinal or a count of times after the number: no amount */
const NOT_AMOUNT_NEXT = /(?:年|月|日|号|时|届|期|批次|版|级|类|大|项任务)/y;
const YEARLY_NEXT = /(?:年均)/y;

/** Does the sticky `re` match at `at`? */
function stickyAt(re: RegExp, key: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(key);
}

export interface QuantityHit extends Quantity {
  /** index range of the quantity in the text it was read from */
  start: number;
  end: number;
}

/** The unit written at `at` (after spaces), or null; "万亩" before "亩". */
function unitAt(key: string, at: number): string | null {
  let i = at;
  while (key[i] === ' ') i++;
  // the longest unit written there (the empty unit, if a grammar lists one, is tried last)
  for (const u of v().unitsByFirst.get(key[i]) ?? []) if (key.startsWith(u, i)) return u;
  return v().emptyUnit ? '' : null;
}

/** A bounding word right before the number ("≤", "不超过", "超"). */
function comparatorBefore(before: string): Comparator | null {
  // (trimEnd cuts what /\s+$/ cuts, WhiteSpace and LineTerminator, without trying a pattern at every position)
  const b = before.trimEnd();
  for (const [w, c] of v().before) if (b.endsWith(w)) return c;
  return null;
}

/** A bounding word right after the unit ("以上", "左右"; "内" after a duration). */
function tailAfter(after: string, unit: string | null): { word: string; comparator: Comparator | null } | null {
  const a = after.replace(/^\s+/, '');
  for (const t of v().tails) if (a.startsWith(t.word)) return t;
  if (unit && v().durations.has(unit) && a.startsWith('内')) return { word: '内', comparator: 'le' };
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

/** A range right after a number ("8-10个" read at 8): the index past its upper bound, or -1. */
function rangeEnd(key: string, end: number): number {
  for (const mark of v().rangeMarks) {
    if (!key.startsWith(mark, end)) continue;
    const m = /^\s*\d+(?:\.\d+)?/.exec(key.slice(end + mark.length));
    if (m) return end + mark.length + m[0].length;
  }
  return -1;
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
  let numEnd = m.index + m[0].length;
  const range = rangeEnd(body, numEnd);
  if (range > 0) numEnd = range;
  const unit = unitAt(body, numEnd);
  const afterUnit = body.slice(numEnd).replace(/^\s+/, '').slice(unit?.length ?? 0);
  const tail = tailAfter(afterUnit, unit);
  return {
    text: trimmed,
    comparator: comparatorBefore(body.slice(0, m.index)) ?? tail?.comparator ?? (range > 0 ? 'ge' : null),
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

/** A character that makes a number part of another (a code, a date, an ordinal, a range), its answer kept per code unit. */
const gluesToNumber = perCodeUnit((ch) => /[\dA-Za-z.+\-/第~～—–]/.test(ch));

/** Where a clause ends: , ; 。 : ! ? ，；：！？ or a line break (a test of the code unit, no regex call per character) */
const isClauseBreak = (c: number) =>
  c === 0x2c || c === 0x3b || c === 0x3002 || c === 0x3a || c === 0x21 || c === 0x3f || c === 0xff0c || c === 0xff1b || c === 0xff1a || c === 0xff01 || c === 0xff1f || c === 0x0a;
const RATE_UNITS = new Set(['%', '‰', '个百分点', '百分点']);

export interface FindOptions {
  /**
   * The text states goals (a 目标 section): every counted amount is a target ("建设集聚区3个"),
   * where in a task's text only bounded amounts, rates and amounts after a goal word are.
   */
  goals?: boolean;
}

/**
 * Quantified goals inside prose: "突发气象灾害监测率达90%", "不低于在职执法人员的75%",
 * "下降20%以上". Each hit's text is its clause: from the clause's start to its end (or to the end of
 * the quantity when much follows).
 */
export function findQuantities(text: string, opts: FindOptions = {}, key = foldKey(text)): QuantityHit[] {
  const hits: QuantityHit[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(key))) {
    const start = m.index;
    let end = start + m[0].length;
    if (start > 0 && gluesToNumber(key.charCodeAt(start - 1))) continue;
    const range = rangeEnd(key, end);
    if (range > 0) {
      end = range;
      NUMBER.lastIndex = range;
    }
    // what follows the number after spaces, tested in place (no copy of the rest of the text per number)
    SPACES.lastIndex = end;
    SPACES.test(key);
    const next = SPACES.lastIndex;
    if (stickyAt(LATIN_NEXT, key, next) || stickyAt(DECIMAL_NEXT, key, next)) continue;
    if (stickyAt(NOT_AMOUNT_NEXT, key, next) && !stickyAt(YEARLY_NEXT, key, next)) continue;
    const unit = unitAt(key, end);
    let qEnd = end;
    if (unit) qEnd = key.indexOf(unit, end) + unit.length;
    const tail = tailAfter(key.slice(qEnd), unit);
    if (tail) qEnd = key.indexOf(tail.word, qEnd) + tail.word.length;
    let clauseStart = start;
    while (clauseStart > 0 && !isClauseBreak(key.charCodeAt(clauseStart - 1))) clauseStart--;
    const before = key.slice(clauseStart, start);
    const comparator = comparatorBefore(before) ?? tail?.comparator ?? (range > 0 ? 'ge' : null);
    const bounded = comparator !== null || tail !== null;
    const goal = v().goalWords.some((w) => before.includes(w));
    const isRate = unit !== null && RATE_UNITS.has(unit);
    if (!isRate && !bounded && !((goal || opts.goals) && unit)) continue;
    // "24小时火灾扑灭率": a duration that qualifies a rate, not a goal
    if (unit && v().durations.has(unit) && !bounded && !goal) continue;
    if (/^(?:小时|分钟|天|日)/.test(unit ?? '') && /^[^,;。，；]{0,3}(?:内|以内)?[\p{Script=Han}]{0,4}率/u.test(key.slice(qEnd)) && !comparatorBefore(before)) continue;
    // the statement runs on to the end of its clause when little follows ("48小时内放行")
    let clauseEnd = qEnd;
    while (clauseEnd < key.length && !isClauseBreak(key.charCodeAt(clauseEnd))) clauseEnd++;
    const stop = clauseEnd - qEnd <= 30 ? clauseEnd : qEnd;
    const textOut = text.slice(clauseStart, stop).replace(/^\s+/, '').replace(/\s+$/, '');
    hits.push({
      text: textOut,
      comparator,
      value: Number(m[1]),
      unit,
      change: changeIn(before),
      note: null,
      start: clauseStart + (text.slice(clauseStart, stop).length - text.slice(clauseStart, stop).trimStart().length),
      end: stop,
    });
  }
  return hits;
}
