// Deadlines: the last day a task's text allows ("2022年底前" → 2022-12-31, "汛期前" → 05-31 of
// the plan year, "规划期内" → the period's end). Patterns live in grammars/deadlines.yaml.
import { grammars } from '../grammars/load.js';
import type { Deadline } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import { isoDate, lastDayOfMonth } from '../normalize/numbers.js';

export interface PlanTime {
  period: { start: number; end: number } | null;
}

function fiveYearEnd(text: string): number | null {
  for (const [name, [, end]] of grammars().titles.fiveYearPlans) if (text.includes(name)) return end;
  return null;
}

/**
 * Fills a date template. Captured groups are read in order as the template names them:
 * year (when it starts with {Y}), then month ({M}), then day ({D}).
 */
function resolve(template: string, m: RegExpExecArray, time: PlanTime, needsYear: 'single' | undefined): string | null {
  const groups = m.slice(1).filter((x) => x !== undefined).map(Number);
  const single = time.period && time.period.start === time.period.end ? time.period.start : null;
  if (needsYear === 'single' && single === null) return null;
  const [yearPart, monthPart, dayPart] = template.split('-');
  let y: number | null = null;
  if (yearPart === '{Y}') y = groups.shift() ?? null;
  else if (yearPart === '{plan}') y = single;
  else if (yearPart === '{end}') y = time.period?.end ?? null;
  else if (yearPart === '{fyp}') y = fiveYearEnd(m[0]);
  else y = Number(yearPart);
  if (y === null || y < 1900 || y > 2100) return null;
  const month = monthPart === '{M}' ? groups.shift() ?? null : Number(monthPart);
  if (month === null) return null;
  if (dayPart === 'end') return lastDayOfMonth(y, month);
  const day = dayPart === '{D}' ? groups.shift() ?? null : Number(dayPart);
  return day === null ? null : isoDate(y, month, day);
}

/** The explicit deadline of a text: the latest date any of its deadline expressions allows. */
export function findDeadline(text: string, time: PlanTime): Deadline | null {
  const key = foldKey(text);
  let best: { date: string; text: string } | null = null;
  for (const p of grammars().deadlines) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(key))) {
      const date = resolve(p.date, m, time, p.needsYear);
      if (date && (!best || date > best.date)) best = { date, text: text.slice(m.index, m.index + m[0].length).trim() };
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  return best ? { text: best.text, date: best.date, inferred: false } : null;
}

/** Where a task states no deadline, the plan period's end stands in for it. */
export function inferredDeadline(time: PlanTime): Deadline | null {
  if (!time.period) return null;
  return { text: `规划期末(${time.period.end}年)`, date: `${time.period.end}-12-31`, inferred: true };
}

/**
 * A deadline column's cell: any date it names counts, even without 前/底 ("2022年6月" →
 * 2022-06-30, "2023年" → 2023-12-31, "6月底" in a one-year plan). "长期坚持" names none.
 */
export function deadlineFromCell(text: string, time: PlanTime): Deadline | null {
  const explicit = findDeadline(text, time);
  const key = foldKey(text).replace(/\s+/g, '');
  const single = time.period && time.period.start === time.period.end ? time.period.start : null;
  const dates: string[] = explicit ? [explicit.date] : [];
  for (const m of key.matchAll(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g)) {
    const d = m[3] ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : lastDayOfMonth(Number(m[1]), Number(m[2]));
    if (d) dates.push(d);
  }
  for (const m of key.matchAll(/(\d{4})年(?!\d)/g)) dates.push(`${m[1]}-12-31`);
  if (single) for (const m of key.matchAll(/(?<![\d年])(\d{1,2})月(?:底|末|份|前)?/g)) {
    const d = lastDayOfMonth(single, Number(m[1]));
    if (d) dates.push(d);
  }
  if (!dates.length) return null;
  const date = dates.sort().at(-1)!;
  return { text: text.trim(), date, inferred: false };
}
