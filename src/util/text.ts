// Small text helpers every stage may use.

/** The first line of a message: errors are reported on one line. */
export const oneLine = (s: string): string => s.split('\n')[0].trim();

/** a character String#trim keeps (JavaScript's \s is what trim drops) */
export const NOT_SPACE = /\S/;

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** JavaScript's \s (WhiteSpace and LineTerminator): what /\s/ matches in a code unit. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Where `parts` stand in `hay` one after the other with only whitespace between them (as the
 * pattern parts.map(escapeRegExp).join('\\s*') would match, leftmost), as [start, end), or null.
 * The parts hold no whitespace. Found by hand: building a RegExp for every name looked up cost
 * more than the search.
 */
export function findSpaced(hay: string, parts: readonly string[]): [number, number] | null {
  if (!parts.length) return [0, 0];
  const first = parts[0];
  for (let at = hay.indexOf(first); at >= 0; at = hay.indexOf(first, at + 1)) {
    let i = at + first.length;
    let k = 1;
    for (; k < parts.length; k++) {
      while (i < hay.length && isSpaceCode(hay.charCodeAt(i))) i++;
      if (!hay.startsWith(parts[k], i)) break;
      i += parts[k].length;
    }
    if (k === parts.length) return [at, i];
  }
  return null;
}

/**
 * A test of one character with its answer kept per code unit once asked: a line's first or last
 * character told by a lookup instead of a one-character string and a regex per line. Asked only
 * for code units outside the surrogates (a pair is tested whole by the caller).
 */
export function perCodeUnit(test: (ch: string) => boolean): (c: number) => boolean {
  const known = new Uint8Array(65536); // 0: not asked yet, 1: yes, 2: no
  return (c) => {
    if (known[c] === 0) known[c] = test(String.fromCharCode(c)) ? 1 : 2;
    return known[c] === 1;
  };
}
