// Deadlines: the last day a task's text allows ("2022年底前" → 2022-12-31, "汛期前" → 05-31 of
// the document's year, "规划期内" → the period's end), and time limits written in a clause or a
// 完成时限 field ("6月底完成", "持续推进"). Patterns live in grammars/deadlines.yaml and owners.yaml.
import { grammars } from '../grammars/load.js';
import { firstChars, requiredChars, sharpTest } from '../grammars/prefilter-memo.js';
import type { Deadline } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { isoDate, lastDayOfMonth } from '../normalize/numbers.js';
import { escapeRegExp } from '../util/text.js';

export interface PlanTime {
  period: { start: number; end: number } | null;
  /** the year a date written without one belongs to ("6月底前", "年底前"), null where unknown */
  year: number | null;
}

/** The year of year-less dates: a one-year plan's year, else the year a period-less document was written. */
export function documentYear(period: PlanTime['period'], written: string | null): number | null {
  if (period) return period.start === period.end ? period.start : null;
  return written ? Number(written.slice(0, 4)) : null;
}

function fiveYearEnd(text: string): number | null {
  for (const [name, [, end]] of grammars().titles.fiveYearPlans) if (text.includes(name)) return end;
  return null;
}

/** The first captured group of `m` from `g` on that took part in the match (m.length: none). */
function nextGroup(m: RegExpExecArray, g: number): number {
  while (g < m.length && m[g] === undefined) g++;
  return g;
}

/**
 * Fills a date template, split at its dashes (year, month, day). Captured groups are read in
 * order as the template names them: year (when it starts with {Y}), then month ({M}), then day
 * ({D}).
 */
function resolve(template: readonly string[], m: RegExpExecArray, time: PlanTime, needsYear: 'single' | undefined): string | null {
  if (needsYear === 'single' && time.year === null) return null;
  const [yearPart, monthPart, dayPart] = template;
  // the groups that took part, read in turn (no array of them per match)
  let g = nextGroup(m, 1);
  let y: number | null = null;
  if (yearPart === '{Y}') {
    y = g < m.length ? Number(m[g]) : null;
    g = nextGroup(m, g + 1);
  } else if (yearPart === '{plan}') y = time.year;
  else if (yearPart === '{end}') y = time.period?.end ?? null;
  else if (yearPart === '{fyp}') y = fiveYearEnd(m[0]);
  else y = Number(yearPart);
  if (y === null || y < 1900 || y > 2100) return null;
  let month: number | null;
  if (monthPart === '{M}') {
    month = g < m.length ? Number(m[g]) : null;
    g = nextGroup(m, g + 1);
  } else month = Number(monthPart);
  if (month === null) return null;
  if (dayPart === 'end') return lastDayOfMonth(y, month);
  const day = dayPart === '{D}' ? (g < m.length ? Number(m[g]) : null) : Number(dayPart);
  return day === null ? null : isoDate(y, month, day);
}

type DeadlinePattern = ReturnType<typeof grammars>['deadlines'][number];

/**
 * Whether a pattern can yield a date under `time` at all: one that takes its year from the plan
 * ({plan}, or `needsYear`) yields none where the plan has no single year, one that takes the
 * period's end ({end}) none where there is no period.
 */
function canYield(p: DeadlinePattern, time: PlanTime): boolean {
  if (time.year === null && (p.needsYear === 'single' || p.date.startsWith('{plan}'))) return false;
  return !(time.period === null && p.date.startsWith('{end}'));
}

/** The patterns that can yield under a kind of plan time, and one regex that matches where any of them does. */
interface Live {
  patterns: DeadlinePattern[];
  /** each pattern's date template split at its dashes */
  templates: string[][];
  /** for each pattern, the characters a text must hold for it to match (null: no such test) */
  needs: (RegExp | null)[];
  /** null where patterns cannot be joined into one (a back-reference would change meaning) */
  any: RegExp | null;
  /**
   * a test a text must pass for `any` to match (src/grammars/prefilter.ts): each pattern's digit
   * pair ("\d\s*年", sharpTest), else the characters `any` needs
   */
  quick: RegExp | null;
  /** where a match of `any` can begin, and which of its patterns can begin there */
  starts: StartTable | null;
}

/** The patterns by the code units their matches can begin with, each group joined and sticky. */
interface StartTable {
  /** at each UTF-16 code unit, 1 + the index in `groups` of the patterns a match beginning there can be of; 0: none */
  table: Uint8Array;
  /** the patterns that can begin at some code units, joined, sticky */
  groups: RegExp[];
}

/**
 * The code units a pattern's matches can begin with, as [from, to) ranges (read from the
 * pattern by src/grammars/prefilter.ts, a code point beyond the BMP left out), or null where
 * they cannot be told (a pattern that can match empty, or one not understood).
 */
function startRanges(re: RegExp, flags: string): [number, number][] | null {
  const first = firstChars([new RegExp(`^(?:${re.source})`, flags)]);
  if (!first) return null;
  // the class firstChars builds: ^[\u{…}\u{…}-\u{…}…] (Unicode mode) or ^[\u…\u…-\u…] (else),
  // read back rather than asked of prefilter.ts as ranges: the regex comes from the build's record
  // (prefilter-memo.ts), so a start does not read the deadline patterns again
  const cls = first.source.slice(2, -1);
  const item = /\\u\{?([0-9a-f]+)\}?(?:-\\u\{?([0-9a-f]+)\}?)?/gy;
  const out: [number, number][] = [];
  let m: RegExpExecArray | null;
  let read = 0;
  while ((m = item.exec(cls))) {
    const a = parseInt(m[1], 16);
    const b = m[2] === undefined ? a : parseInt(m[2], 16);
    if (a <= 0xffff) out.push([a, Math.min(b, 0xffff) + 1]);
    read = item.lastIndex;
  }
  // a class written otherwise than expected: none rather than a wrong one
  return read === cls.length ? out : null;
}

/**
 * The start table of patterns joined with `flags`, or null where a pattern's first characters
 * cannot be told. At a code unit, only the patterns that can begin with it are tried: a text's
 * characters such as 力, 全, 在 and 一 begin a few patterns each, and the joined pattern tried
 * there failed through all of them. A surrogate is tried with all of them, as the joined pattern
 * itself would try a code point beyond the BMP.
 */
export function startTable(patterns: readonly RegExp[], flags: string): StartTable | null {
  flags = flags.replace(/[gy]/g, '');
  const ranges: [number, number][][] = [];
  for (const re of patterns) {
    const r = startRanges(re, flags);
    if (!r) return null;
    ranges.push(r);
  }
  // between two consecutive edges of the ranges each pattern can either begin or not
  const edges = [...new Set([0, 0xd800, 0xe000, 0x10000, ...ranges.flat(2)])].sort((a, b) => a - b);
  const table = new Uint8Array(0x10000);
  const groups: RegExp[] = [];
  const ids = new Map<string, number>();
  for (let e = 0; e + 1 < edges.length; e++) {
    const [from, to] = [edges[e], edges[e + 1]];
    const surrogate = from >= 0xd800 && from < 0xe000;
    const members = patterns.flatMap((_, k) => (surrogate || ranges[k].some(([a, b]) => a <= from && from < b) ? [k] : []));
    if (!members.length) continue;
    const signature = members.join();
    let id = ids.get(signature);
    if (id === undefined) {
      groups.push(new RegExp(members.map((k) => `(?:${patterns[k].source})`).join('|'), flags + 'y'));
      ids.set(signature, (id = groups.length));
      if (id > 255) return null;
    }
    table.fill(id, from, to);
  }
  return { table, groups };
}

/**
 * Where the leftmost match of any of the table's patterns in `key` begins, or -1: tried only
 * where a match can begin, and there only the patterns that can begin there (a table lookup
 * per character; a regex scan for the next candidate costs more, candidates such as 在 and 一
 * being frequent).
 */
export function firstMatchAt(t: StartTable, key: string): number {
  const { groups, table } = t;
  for (let i = 0; i < key.length; i++) {
    const g = table[key.charCodeAt(i)];
    if (g === 0) continue;
    const re = groups[g - 1];
    re.lastIndex = i;
    if (re.test(key)) return i;
  }
  return -1;
}

const liveCache: (Live | undefined)[] = [];

function livePatterns(time: PlanTime): Live {
  const k = (time.year === null ? 1 : 0) | (time.period === null ? 2 : 0);
  let live = liveCache[k];
  if (!live) {
    const patterns = grammars().deadlines.filter((p) => canYield(p, time));
    const joinable = patterns.every((p) => !/\\[1-9]|\\k</.test(p.re.source));
    const any = joinable && patterns.length ? new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), 'u') : null;
    const needs = patterns.map((p) => requiredChars(p.re.source, p.re.flags));
    const templates = patterns.map((p) => p.date.split('-'));
    live = { patterns, templates, needs, any, quick: any && (sharpTest(patterns.map((p) => p.re)) ?? requiredChars(any.source, any.flags)), starts: any && startTable(patterns.map((p) => p.re), any.flags) };
    liveCache[k] = live;
  }
  return live;
}

/** The explicit deadline of a text: the latest date any of its deadline expressions allows. `key`: the folded text, when the caller has it. */
export function findDeadline(text: string, time: PlanTime, key = foldKey(text)): Deadline | null {
  const live = livePatterns(time);
  // most task texts state no deadline: one scan tells, instead of one per pattern (the joined
  // pattern tried only where one of its matches can begin: its 32 alternatives at every
  // position of every task cost more than all the rest of this function)
  let from = 0;
  if (live.any) {
    if (live.quick && !live.quick.test(key)) return null;
    if (live.starts) from = firstMatchAt(live.starts, key);
    else if (!live.any.test(key)) from = -1;
    if (from < 0) return null;
  }
  // no pattern matches before where the joined one first does: each is sought from there on
  let best: { date: string; text: string; weak: boolean } | null = null;
  for (let k = 0; k < live.patterns.length; k++) {
    const p = live.patterns[k];
    // a text that holds none of the characters every match of the pattern has: no exec over it
    const needs = live.needs[k];
    if (needs && !needs.test(key)) continue;
    p.re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(key))) {
      const date = resolve(live.templates[k], m, time, p.needsYear);
      // the latest date wins, but a dated expression always beats a whole period ("十三五期间")
      const better = !best || (best.weak && !p.weak) || (best.weak === p.weak && date! > best.date);
      if (date && better) best = { date, text: text.slice(m.index, m.index + m[0].length).trim(), weak: p.weak };
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  return best ? { text: best.text, date: best.date, inferred: false } : null;
}

/**
 * Where a task states no deadline, the plan period's end stands in for it. Each task needs an
 * object of its own (YAML writes an object met twice once, and an alias after): buildPlan asks
 * once per plan and copies the answer for each task.
 */
export function inferredDeadline(time: PlanTime): Deadline | null {
  if (!time.period) return null;
  const g = grammars().inferredDeadline;
  const template = time.period.start === time.period.end ? g.year : g.period;
  return { text: template.replace('{end}', String(time.period.end)), date: `${time.period.end}-12-31`, inferred: true };
}

/** Cuts the verbs a time limit may carry ("2024年6月底前完成" → "2024年6月底前"). */
function withoutVerbs(key: string): string {
  const verbs = grammars().owners.timeVerbs;
  let k = key.replace(/[\s。.]+$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of verbs)
      if (k.length > v.length && k.endsWith(v)) {
        k = k.slice(0, -v.length).trimEnd();
        changed = true;
        break;
      }
  }
  return k;
}

const NAMED_TIME = /\d|年底|年末|年内|季度|半年|汛/;

/**
 * What every time limit holds: a NAMED_TIME or one of the time words (each test below needs one
 * of them in the part or in its start), one scan instead of the trims and tests of each part.
 */
const timeSigns = new WeakMap<readonly string[], RegExp>();
function mayBeTime(key: string, words: readonly string[]): boolean {
  let re = timeSigns.get(words);
  if (!re) timeSigns.set(words, (re = new RegExp([NAMED_TIME.source, ...words.map(escapeRegExp)].join('|'))));
  return re.test(key);
}

/**
 * Is this part of a clause a time limit ("2024年10月底前完成", "6月底", "持续推进")? `key` is the
 * folded part. A bare range ("2021—2025年") or a duration is not.
 */
export function isTimeLimit(key: string): boolean {
  const g = grammars();
  if (!mayBeTime(key, g.owners.timeWords)) return false;
  const whole = key.trim().replace(/^[,;，；\s]+/, '').replace(/[\s。.]+$/, '');
  const k = withoutVerbs(whole);
  if (!k) return false;
  const isWord = (t: string) => g.owners.timeWords.some((w) => t === w || (t.startsWith(w) && t.length - w.length <= 4));
  if (isWord(whole) || isWord(k)) return true;
  if (NAMED_TIME.test(k) && g.timeExpression.test(k)) return true;
  // a span of years: "2023-2025年", "2024年至2025年底"
  if (/^\d{4}\s*年?\s*[-—–~～至到]+\s*\d{4}\s*年(?:底|末)?(?:前)?$/.test(k)) return true;
  // a time limit and what is to be done by then: "5月底取得阶段性成效并持续推进"
  const lead = g.timeLead.exec(k)?.[0] ?? '';
  return lead.length >= 2 && NAMED_TIME.test(lead) && /[年月季汛底末前内]/.test(lead) && k.length - lead.length <= g.owners.maxTimeTail;
}

/**
 * The deadline a time limit states: any date it names counts, even without 前/底 ("2022年6月" →
 * 2022-06-30, "2023年" → 2023-12-31, "6月底" in the document's year). A time limit that names
 * no date ("长期坚持", "持续推进") is kept as its text, with no date.
 */
export function deadlineOfTime(text: string, time: PlanTime): Deadline {
  const explicit = findDeadline(text, time);
  if (explicit) return { ...explicit, text: text.trim() };
  const key = foldKey(text).replace(/\s+/g, '');
  const dates: string[] = [];
  for (const m of key.matchAll(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g)) {
    const d = m[3] ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : lastDayOfMonth(Number(m[1]), Number(m[2]));
    if (d) dates.push(d);
  }
  for (const m of key.matchAll(/(\d{4})年(?!\d)/g)) dates.push(`${m[1]}-12-31`);
  if (time.year !== null)
    for (const m of key.matchAll(/(?<![\d年])(\d{1,2})月(?:底|末|份|前)?/g)) {
      const d = lastDayOfMonth(time.year, Number(m[1]));
      if (d) dates.push(d);
    }
  const date = dates.length ? dates.sort().at(-1)! : null;
  return { text: text.trim(), date, inferred: false };
}
