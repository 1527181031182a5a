// Whether a changed target is weakened or strengthened, given which way its indicator should
// move. Only comparable targets are judged: both with a number, the same unit, the same kind
// of statement (a bound "<0.02", or a change "下降9%"); anything else is just "changed".
import type { Comparator, Quantity } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';
import type { Direction } from './directions.js';

export type Verdict = 'same' | 'weakened' | 'strengthened' | 'changed';

const squeeze = (s: string | null) => (s === null ? null : foldKey(s).replace(/\s+/gu, ''));

/** The same target, written perhaps with other spaces or widths. */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.value === null && b.value === null) return squeeze(a.text) === squeeze(b.text);
  return (
    a.comparator === b.comparator &&
    a.value === b.value &&
    squeeze(a.unit) === squeeze(b.unit) &&
    a.change === b.change &&
    squeeze(a.note) === squeeze(b.note)
  );
}

/** Bounds on the good side of the direction, by strictness ("<5" asks more than "≤5"). */
const strictness: Record<Direction, Partial<Record<Comparator | 'none', number>>> = {
  lower: { lt: 2, le: 1, eq: 1, none: 1 },
  higher: { gt: 2, ge: 1, eq: 1, none: 1 },
};

const sign = (x: number): Verdict => (x > 0 ? 'strengthened' : x < 0 ? 'weakened' : 'changed');

export function compareTargets(old: Quantity, now: Quantity, direction: Direction | null): Verdict {
  if (sameQuantity(old, now)) return 'same';
  if (!direction || old.value === null || now.value === null) return 'changed';
  if (squeeze(old.unit) !== squeeze(now.unit) || old.change !== now.change) return 'changed';
  const better = direction === 'lower' ? -1 : 1;
  if (old.change) {
    // "下降9%" → "下降5%": a smaller decrease of a lower-is-better indicator is weakened
    const good = (old.change === 'decrease' ? -1 : 1) === better ? 1 : -1;
    if (old.comparator !== now.comparator && old.value === now.value) return 'changed';
    return sign((now.value - old.value) * good);
  }
  const rank = strictness[direction];
  const oldRank = rank[old.comparator ?? 'none'];
  const nowRank = rank[now.comparator ?? 'none'];
  // a bound on the wrong side ("≥" for a lower-is-better indicator) is not judged
  if (oldRank === undefined || nowRank === undefined) return 'changed';
  if (old.value !== now.value) return sign((now.value - old.value) * better);
  return sign(nowRank - oldRank);
}
