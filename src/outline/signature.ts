// A notice's signature: the signing body's line and the date under it ("某区人民政府" /
// "2022年4月24日"). The outline sets it aside (it is no task); metadata reads issuer and date.
import { squeezedLongerThan, squeezeSpace } from '../normalize/squeeze.js';
import { grammars } from '../grammars/load.js';
import { isoDate, parseDate, parseDigitsDate, parseNumeral } from '../normalize/numbers.js';

const squeeze = squeezeSpace;

/** "二〇二三年五月二十六日" → 2023-05-26 */
export function chineseDate(s: string): string | null {
  const m = /^([零〇一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(s);
  if (!m) return null;
  const y = Number([...m[1]].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
  const month = parseNumeral(m[2]);
  const day = parseNumeral(m[3]);
  return month && day ? isoDate(y, month, day) : null;
}

/**
 * the longest date line signatureDate reads, squeezed: "二〇二三年十二月二十六日" (4 + 1 + 3 + 1 + 3 + 1
 * characters; "2024年12月26日" takes 11, digits alone 8)
 */
const LONGEST_DATE = 13;

/** The date line of a signature ("2024年4月12日", "二〇二三年五月二十六日", "2022424"), as YYYY-MM-DD. */
export function signatureDate(key: string): string | null {
  // a longer line is none of the three forms: told without squeezing it
  if (squeezedLongerThan(key, LONGEST_DATE)) return null;
  const k = squeeze(key);
  return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(k) ? parseDate(k) : parseDigitsDate(k) ?? chineseDate(k);
}

/** A signing body's line: short, no sentence, ending like a body (人民政府, 办公室, 局 …). */
export function isIssuerLine(key: string): boolean {
  const s = squeeze(key);
  return s.length <= 50 && grammars().metaIssuerLine.test(s) && !/[,。:;，；：]/.test(s);
}

