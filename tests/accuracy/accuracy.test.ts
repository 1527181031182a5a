// The accuracy floor: extraction on every gold-annotated fixture (fixtures/gold) scored in
// process. A change that makes the tool read real documents worse fails here. Floors are what
// the tool reached when they were set; raise them when it does better, never lower them quietly.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAccuracy } from '../../src/accuracy/run.js';
import type { Figure } from '../../src/accuracy/score.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** at least these figures (spuriousDeadlines and taskMerges: at most) */
const FLOORS: Record<string, Partial<Record<Figure, number>>> = {
  seeds: { plans: 1, meta: 1, indicators: 1, indicatorFields: 1, tasks: 1, projects: 1, owners: 1, ownerPresence: 1, deadlines: 1, targets: 1 },
  corpus: { plans: 1, meta: 1, indicators: 1, tasks: 1, projects: 1, owners: 1, ownerPresence: 1, deadlines: 1, targets: 1, diagnostics: 1 },
};
const CEILINGS: Partial<Record<Figure, number>> = { spuriousDeadlines: 0, taskMerges: 0 };

describe('accuracy on the annotated fixtures', async () => {
  const run = await runAccuracy(root);

  it('extracts every annotated input without an error', () => {
    expect(run.documents.filter((d) => d.error).map((d) => `${d.gold}: ${d.error}`)).toEqual([]);
  });

  for (const [set, floors] of Object.entries(FLOORS)) {
    it(`${set}: every figure at or above its floor`, () => {
      const got = run.totals[set];
      const below = Object.entries(floors)
        .filter(([k, v]) => (got[k as Figure] ?? 0) < v - 1e-9)
        .map(([k, v]) => `${k} ${got[k as Figure]} < ${v}`);
      expect(below).toEqual([]);
    });
    it(`${set}: no spurious deadline, no merged tasks`, () => {
      const got = run.totals[set];
      for (const [k, v] of Object.entries(CEILINGS)) expect(got[k as Figure] ?? 0, k).toBeLessThanOrEqual(v);
    });
  }
});
