// The first character a numbering of grammars/headings.yaml can begin with ("第", "一", "（",
// a digit, "①" …), read from the schemes' patterns (firstChars, src/grammars/prefilter.ts).
// Most lines begin with none of them and are told by one test instead of one per scheme.
import { grammars } from './load.js';
import { perCodeUnit } from '../util/text.js';
import { firstChars, startCandidates } from './prefilter-memo.js';

/** `opens(c)`: whether `re` takes a text opening with code unit c (kept per code unit) */
let start: { of: unknown; re: RegExp | null; opens: (c: number) => boolean } | null = null;

/**
 * Whether a text may open with a numbering: false only where none of the schemes can match it.
 * The answer of the schemes' first-character pattern (a test of the first code point alone) is
 * kept per first code unit of the BMP: a line costs a lookup, not a regex call.
 */
export function mayOpenNumbered(text: string): boolean {
  const headings = grammars().headings;
  if (start?.of !== headings) {
    const re = firstChars(headings.map((h) => h.re));
    start = { of: headings, re, opens: perCodeUnit((ch) => re !== null && re.test(ch)) };
  }
  const { re, opens } = start;
  if (re === null) return true;
  if (!text.length) return false;
  const c = text.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) return re.test(text);
  return opens(c);
}

type Scheme = ReturnType<typeof grammars>['headings'][number];

/** the schemes' startCandidates, kept with the grammar they were made of */
let byStart: { of: unknown; candidates: (text: string) => readonly number[] | null } | null = null;

/**
 * The first numbering scheme (in the grammar's order) whose pattern matches `text`, and its
 * match; null when none does. A scheme is tried only where the text's first character is one its
 * pattern can begin with (startCandidates): a line opening with a digit tries the two or three
 * schemes of digits, not all eleven. `accept`: only schemes it accepts are tried.
 */
export function matchNumbering(text: string, accept?: (s: Scheme) => boolean): { scheme: Scheme; m: RegExpExecArray } | null {
  if (!mayOpenNumbered(text)) return null;
  const headings = grammars().headings;
  if (byStart?.of !== headings) byStart = { of: headings, candidates: startCandidates(headings.map((h) => h.re)) };
  const candidates = byStart.candidates(text);
  const n = candidates === null ? headings.length : candidates.length;
  for (let i = 0; i < n; i++) {
    const s = headings[candidates === null ? i : candidates[i]];
    if (accept && !accept(s)) continue;
    const m = s.re.exec(text);
    if (m) return { scheme: s, m };
  }
  return null;
}
