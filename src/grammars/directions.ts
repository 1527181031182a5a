// The direction table (grammars/directions.yaml), validated with zod: whether less or more of an
// indicator is better. `plan-lint diff` compiles and uses it (src/diff/directions.ts).
import type { z } from 'zod';
import { lazySchema } from '../util/zod.js';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';

export const DirectionsSchema = lazySchema((z) =>
  z.strictObject({
    groups: z
      .array(
        z.strictObject({
          direction: z.enum(['lower', 'higher']),
          why: z.string().optional(),
          patterns: z.array(z.string().min(1)).min(1),
        }),
      )
      .min(1),
  }),
);

export type Directions = z.infer<ReturnType<typeof DirectionsSchema>>;

export function directionsGrammar(): Directions {
  return readValidated('directions.yaml', DirectionsSchema, (m) => new GrammarError(m));
}
