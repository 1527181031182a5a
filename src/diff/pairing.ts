// Pairing the items of two revisions. Exact keys pair in order; tasks pair by similarity of
// their text (character bigram Dice coefficient), highest first, so that a reworded task finds
// its old self and moving a task elsewhere is not a change.

/** Multiset of character bigrams. */
function bigrams(s: string): Map<string, number> {
  const chars = [...s];
  const m = new Map<string, number>();
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const b = chars[i] + chars[i + 1];
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

function size(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Dice coefficient of the bigram multisets: 1 for equal texts, 0 for nothing in common. */
export function dice(a: string, b: string): number {
  return diceOf(profile(a), profile(b));
}

/** A text's bigrams and their count, worked out once for all the texts it is compared with. */
export interface BigramProfile {
  text: string;
  bigrams: Map<string, number>;
  size: number;
}

export function profile(text: string): BigramProfile {
  const m = bigrams(text);
  return { text, bigrams: m, size: size(m) };
}

/** dice() of two profiled texts (pairing n old with m new tasks profiles n + m texts, not 2nm). */
export function diceOf(a: BigramProfile, b: BigramProfile): number {
  if (a.text === b.text) return 1;
  const total = a.size + b.size;
  if (!total) return 0;
  let common = 0;
  for (const [k, v] of a.bigrams) common += Math.min(v, b.bigrams.get(k) ?? 0);
  return (2 * common) / total;
}

export interface Pairing {
  /** [old index, new index] */
  pairs: [number, number][];
  removed: number[];
  added: number[];
}

function finish(pairs: [number, number][], oldCount: number, newCount: number): Pairing {
  const usedOld = new Set(pairs.map((p) => p[0]));
  const usedNew = new Set(pairs.map((p) => p[1]));
  return {
    pairs: pairs.sort((a, b) => a[1] - b[1]),
    removed: [...Array(oldCount).keys()].filter((i) => !usedOld.has(i)),
    added: [...Array(newCount).keys()].filter((i) => !usedNew.has(i)),
  };
}

/** Pairs items with equal keys; several with one key pair in order of appearance. */
export function pairByKey(oldKeys: string[], newKeys: string[]): Pairing {
  const waiting = new Map<string, number[]>();
  oldKeys.forEach((k, i) => waiting.set(k, [...(waiting.get(k) ?? []), i]));
  const pairs: [number, number][] = [];
  newKeys.forEach((k, j) => {
    const i = waiting.get(k)?.shift();
    if (i !== undefined) pairs.push([i, j]);
  });
  return finish(pairs, oldKeys.length, newKeys.length);
}

/**
 * Pairs by similarity: every pair scoring at least `threshold` is a candidate; candidates are
 * taken highest score first (ties: the pair closest in position), each item at most once.
 */
export function pairBySimilarity(oldCount: number, newCount: number, score: (i: number, j: number) => number, threshold: number): Pairing {
  const candidates: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < oldCount; i++)
    for (let j = 0; j < newCount; j++) {
      const s = score(i, j);
      if (s >= threshold) candidates.push({ i, j, s });
    }
  candidates.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.j - b.j);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedOld.has(c.i) || usedNew.has(c.j)) continue;
    usedOld.add(c.i);
    usedNew.add(c.j);
    pairs.push([c.i, c.j]);
  }
  return finish(pairs, oldCount, newCount);
}
