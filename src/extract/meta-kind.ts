// The kind of a plan (SPEC "kind"): from its title's document word (grammars/plan-titles.yaml
// kinds); a text with no title at all is judged by what it says.
import { grammars } from '../grammars/load.js';
import type { PlanKind } from '../model/schema.js';
import { planKind } from '../outline/plans.js';

/**
 * Kind of a plan with this title; for an untitled text, work points when the years it names
 * are mostly one year and it speaks of that year's work ("全年", "到2017年底"), else other.
 */
export function kindOf(title: string, bodyKeys: string[]): PlanKind {
  if (title.trim()) return planKind(title);
  const t = grammars().titles;
  const years = new Map<string, number>();
  let total = 0;
  let oneYearWords = 0;
  for (const key of bodyKeys) {
    for (const m of key.matchAll(/((?:19|20)\d{2})\s*年/g)) {
      years.set(m[1], (years.get(m[1]) ?? 0) + 1);
      total++;
    }
    if (t.oneYearWords.test(key)) oneYearWords++;
  }
  const top = Math.max(0, ...years.values());
  return oneYearWords > 0 && top >= 2 && top / total >= 0.6 ? 'workPoints' : 'other';
}
