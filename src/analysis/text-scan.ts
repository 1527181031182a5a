// Finders of damaged and unfinished text: template placeholders and encoding damage. The facts
// builder judges indicator targets with them; placeholder-text and garbled-text scan text blocks.
// Each returns [index, length) matches.
import type { LintWords } from '../grammars/lint-words.js';
import { escapeRegExp } from '../util/text.js';
import { daysInMonth } from '../normalize/numbers.js';

export interface Found {
  index: number;
  length: number;
  text: string;
}

const latin = 'A-Za-zＡ-Ｚａ-ｚ';
// XX, XXX, 20XX, ＸＸ, xx; never inside a Latin word (XXL, XXI, XIX, taXXi)
const latinXRun = new RegExp(`(?<![${latin}])(?:19|20|２０)?[XxＸｘ]{2,}(?![${latin}])`, 'gu');

const compiled = new WeakMap<LintWords, { tokens: RegExp | null; wordTokens: RegExp | null; singleX: RegExp; mojibake: RegExp | null }>();

function patterns(w: LintWords) {
  let p = compiled.get(w);
  if (!p) {
    const tokens = w.placeholders.tokens.length
      ? new RegExp(w.placeholders.tokens.map(escapeRegExp).join('|'), 'gu')
      : null;
    const wordTokens = w.placeholders.wordTokens.length
      ? new RegExp(`(?:${w.placeholders.wordTokens.map(escapeRegExp).join('|')})(?![\\p{Script=Han}])`, 'gu')
      : null;
    const before = [...w.placeholders.singleXBefore].map(escapeRegExp).join('');
    const singleX = new RegExp(`(?<![${latin}0-9XＸ])[XＸ](?![${latin}])(?=[${before || '\\s\\S'}])`, 'gu');
    const mojibake = w.mojibake.markers.length
      ? new RegExp(w.mojibake.markers.map(escapeRegExp).join('|'), 'gu')
      : null;
    p = { tokens, wordTokens, singleX, mojibake };
    compiled.set(w, p);
  }
  return p;
}

function collect(text: string, res: (RegExp | null)[]): Found[] {
  const found: Found[] = [];
  for (const re of res) {
    if (!re) continue;
    // a plain test first: most texts hold no match; then exec from the first match on, as
    // matchAll would (which copies the regex for every text it is asked about)
    re.lastIndex = 0;
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      found.push({ index: m.index, length: m[0].length, text: m[0] });
      // past an empty match by a code point (a unicode pattern) or a code unit, as matchAll steps
      if (m[0].length === 0) re.lastIndex += re.unicode && isPairAt(text, re.lastIndex) ? 2 : 1;
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  // keep the longest of overlapping matches
  const out: Found[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.index < last.index + last.length) continue;
    out.push(f);
  }
  return out;
}

/** Whether a surrogate pair starts at `i`. */
function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** Which of findPlaceholders' patterns to try (bits): X runs and a single X, the tokens, the word tokens. */
export const X_PLACEHOLDERS = 1;
export const TOKEN_PLACEHOLDERS = 2;
export const WORD_PLACEHOLDERS = 4;
const ALL_PLACEHOLDERS = X_PLACEHOLDERS | TOKEN_PLACEHOLDERS | WORD_PLACEHOLDERS;

/**
 * Template placeholders in `text`: XX, XXX, 20XX, ××, ＸＸ, 某某, 待定, 【】, "X万" … `kinds` leaves
 * out patterns that cannot match (a text without an X, or without a token's first character).
 */
export function findPlaceholders(text: string, w: LintWords, kinds = ALL_PLACEHOLDERS): Found[] {
  const p = patterns(w);
  const x = kinds & X_PLACEHOLDERS ? latinXRun : null;
  return collect(text, [x, kinds & TOKEN_PLACEHOLDERS ? p.tokens : null, kinds & WORD_PLACEHOLDERS ? p.wordTokens : null, x && p.singleX]);
}

// UTF-8 read as Latin-1/Windows-1252: "Ã©", "â€œ", "ï¼Œ", "ã€‚"
const latin1Mojibake = /(?:[ÂÃ][\u0080-\u00BF]|[â-ï][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{2})+/gu;
const replacement = /\uFFFD+/gu;

/** Encoding damage in `text`: U+FFFD runs and mojibake runs, merged when they touch. */
export function findGarbled(text: string, w: LintWords): Found[] {
  const p = patterns(w);
  const found = collect(text, [replacement, latin1Mojibake, p.mojibake]);
  // one run for damage that is only a few characters apart ("鈥滃畨鍏ㄧ敓浜鈥")
  const runs: Found[] = [];
  for (const f of found) {
    const last = runs[runs.length - 1];
    if (last && f.index - (last.index + last.length) <= 3) {
      last.length = f.index + f.length - last.index;
      last.text = text.slice(last.index, last.index + last.length);
    } else runs.push({ ...f });
  }
  return runs;
}

/**
 * Every real date 7–8 digits can be read as, in order: "2022424" only as 2022-04-24 (42 is no
 * month), "2022111" as 2022-01-11 or 2022-11-01. A fix is safe only when there is one.
 */
export function lostDateReadings(digits: string): string[] {
  if (!/^(?:19|20)\d{5,6}$/.test(digits)) return [];
  const year = Number(digits.slice(0, 4));
  const rest = digits.slice(4);
  const splits: [string, string][] =
    rest.length === 4 ? [[rest.slice(0, 2), rest.slice(2)]] : [[rest.slice(0, 1), rest.slice(1)], [rest.slice(0, 2), rest.slice(2)]];
  const out: string[] = [];
  for (const [m, d] of splits) {
    const month = Number(m);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || d.startsWith('0') && d.length === 1) continue;
    if (day > daysInMonth(year, month)) continue;
    out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return out;
}
