// "Did you mean …?": the closest known name to a misspelled one (rule ids, config keys).

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * The known name nearest to `word`, offered only when it is plausibly the same name: at most a
 * third of its length away (at least 2 edits allowed), or one containing the other
 * ("placeholder" → "placeholder-text"). Null when nothing is close.
 */
export function closest(word: string, known: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(w, k.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(w.length, k.length) / 3));
    const inside = w.length >= 4 && (k.includes(w) || w.includes(k));
    if ((d <= limit || inside) && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}
