// Chinese numerals and dates as written in plans.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "三" → 3, "十二" → 12, "二十一" → 21, "12" → 12, "⑤" → 5. */
export function parseNumeral(s: string): number | null {
  // one or two characters, as numbering labels mostly are: told without a regex
  if (s.length === 1) {
    const c = s.charCodeAt(0);
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1; // ①…⑳
    const d = DIGITS[s];
    if (d !== undefined) return d;
    if (s === '十') return 10;
    if (s === '百') return 100;
  } else if (s.length === 2) {
    const a = s.charCodeAt(0) - 48;
    const b = s.charCodeAt(1) - 48;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9) return a * 10 + b;
  }
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(t);
  if (circled >= 0 && t.length === 1) return circled + 1;
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(t)) return null;
  let total = 0;
  let current = 0;
  for (const c of t) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = DIGITS[c] ?? 0;
  }
  return total + current;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The number of days of month m (1–12) of year y, as `new Date(Date.UTC(y, m, 0)).getUTCDate()`
 * gives it, worked out for the usual years: a Date built after the garbage collector ran cost
 * ~15 µs here, where a plan's dates ask for it a few hundred times per run. Years below 100
 * (Date.UTC reads them as 1900–1999), non-integers and years out of range go to Date.
 */
export function daysInMonth(y: number, m: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < 100 || y > 200000 || m < 1 || m > 12) return new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m !== 2) return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const last = daysInMonth(y, m);
  if (d > last) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function lastDayOfMonth(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return isoDate(y, m, daysInMonth(y, m));
}

/** A written date ("2022-04-24", "2022年4月24日", "2022/4/24 15:49", "2022.04.24") → ISO. */
export function parseDate(s: string): string | null {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/**
 * A date whose 年/月/日 were lost in scraping: "2022424" → 2022-04-24, "20230220" → 2023-02-20.
 * Returns null when the digits allow no valid date, or more than one.
 */
export function parseDigitsDate(s: string): string | null {
  const m = /^((?:19|20)\d{2})(\d{2,4})$/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const rest = m[2];
  const found = new Set<string>();
  for (let cut = 1; cut < rest.length; cut++) {
    const mm = rest.slice(0, cut);
    const dd = rest.slice(cut);
    if (mm.length > 2 || dd.length > 2) continue;
    const d = isoDate(y, Number(mm), Number(dd));
    if (d) found.add(d);
  }
  return found.size === 1 ? [...found][0] : null;
}
