// The built-in list of official short forms of unit names (grammars/unit-aliases.yaml),
// validated with zod: a form stands once, and is never another entry's full name, so every
// name has one reading. src/analysis/unit-names.ts compiles and applies it.
import type { z } from 'zod';
import { lazySchema } from '../util/zod.js';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';

// built only when the file is validated (the build, or the file changed since): zod stays unloaded otherwise
export const UnitAliasesSchema = lazySchema((z) => {
  const name = z.string().regex(/^\S+$/u, 'a name without spaces');
  return z
    .strictObject({
      /** what may stand before a name: a prefix ending in one of these ("区", "度假区", "国家") */
      levels: z.array(name).min(1),
      /** full (canonical) name → its short forms */
      names: z.record(name, z.array(name).min(1)),
    })
    .superRefine((data, ctx) => {
      const seen = new Map<string, string>();
      for (const [full, forms] of Object.entries(data.names))
        for (const form of forms) {
          if (form === full || Object.hasOwn(data.names, form))
            ctx.addIssue({ code: 'custom', path: ['names', full], message: `"${form}" is a full name of its own` });
          else if (seen.has(form))
            ctx.addIssue({ code: 'custom', path: ['names', full], message: `"${form}" is also a short form of ${seen.get(form)}` });
          seen.set(form, full);
        }
    });
});

export type UnitAliases = z.infer<ReturnType<typeof UnitAliasesSchema>>;

let cached: UnitAliases | null = null;

export function unitAliasesGrammar(): UnitAliases {
  cached ??= readValidated('unit-aliases.yaml', UnitAliasesSchema, (m) => new GrammarError(m));
  return cached;
}
