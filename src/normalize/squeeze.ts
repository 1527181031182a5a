// A text without its whitespace, as `s.replace(/\s+/g, '')` gives it, with the common case
// told by one loop: most keys (tidied lines) hold no whitespace at all, and a regex replace
// over them cost every stage that squeezes a line (segmentation, tables, header metadata).
import { charTable, SPACE } from './piece.js';
import { isSpaceCode } from '../util/text.js';

const WHITESPACE = /\s+/g;

/** `s` without whitespace (JavaScript's \s); `s` itself when it holds none. */
export function squeezeSpace(s: string): string {
  // SPACE marks every \s character (and two more): a text with none of them has nothing to remove
  const table = charTable();
  for (let i = 0; i < s.length; i++) if (table[s.charCodeAt(i)] & SPACE) return s.replace(WHITESPACE, '');
  return s;
}

/**
 * Whether `s` without its whitespace (squeezeSpace) is longer than `n`, told without building it:
 * a long line is told after its first n + 1 characters that are no whitespace.
 */
export function squeezedLongerThan(s: string, n: number): boolean {
  if (n < 0) return true;
  if (s.length <= n) return false;
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c) && ++kept > n) return true;
  }
  return false;
}
