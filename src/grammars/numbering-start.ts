// The first character a numbering of grammars/headings.yaml can begin with ("第", "一", "（",
// a digit, "①" …), read from the schemes' patterns (firstChars, src/grammars/prefilter.ts).
// Most lines begin with none of them and are told by one test instead of one per scheme.
import { grammars } from './load.js';
import { firstChars } from './prefilter.js';

let start: { of: unknown; re: RegExp | null } | null = null;

/** Whether a text may open with a numbering: false only where none of the schemes can match it. */
export function mayOpenNumbered(text: string): boolean {
  const headings = grammars().headings;
  if (start?.of !== headings) start = { of: headings, re: firstChars(headings.map((h) => h.re)) };
  return start.re === null || start.re.test(text);
}
