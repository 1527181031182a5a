// The direction table (grammars/directions.yaml): whether less or more of an indicator is
// better. Loaded, validated with zod and compiled once, like the other grammars.
import { directionsGrammar } from '../grammars/directions.js';
import { foldKey } from '../normalize/piece.js';

export type Direction = 'lower' | 'higher';

interface Compiled {
  groups: { direction: Direction; patterns: string[] }[];
}

function compile(): Compiled {
  const data = directionsGrammar();
  return { groups: data.groups.map((g) => ({ direction: g.direction, patterns: g.patterns.map(nameKey) })) };
}

let cached: Compiled | null = null;

/** An indicator name as matched: folded, whitespace removed. */
export function nameKey(name: string): string {
  return foldKey(name).replace(/\s+/gu, '');
}

/** Which way the indicator should move, or null when the table does not say. */
export function directionOf(name: string): Direction | null {
  cached ??= compile();
  const key = nameKey(name);
  for (const g of cached.groups) if (g.patterns.some((p) => key.includes(p))) return g.direction;
  return null;
}
