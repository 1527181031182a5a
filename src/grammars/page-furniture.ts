// The HTML reader's page furniture (grammars/page-furniture.yaml), validated with zod and
// compiled once.
import { lazySchema } from '../util/zod.js';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';
import { escapeRegExp } from '../util/text.js';

export const PageFurnitureSchema = lazySchema((z) => {
  const word = z.string().regex(/^[A-Za-z0-9-]+$/, 'a plain word: letters, digits and -');
  return z.strictObject({
    tags: z.array(word.transform((s) => s.toLowerCase())).min(1),
    roles: z.array(word),
    classWords: z.array(word).min(1),
  });
});

export interface PageFurniture {
  tags: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  /** tests an element's class and id, joined by a space */
  classWord: RegExp;
}

let cached: PageFurniture | null = null;

export function pageFurniture(): PageFurniture {
  if (cached) return cached;
  const g = readValidated('page-furniture.yaml', PageFurnitureSchema, (m) => new GrammarError(m));
  cached = {
    tags: new Set(g.tags),
    roles: new Set(g.roles),
    classWord: new RegExp(`(?:^|[-_\\s])(?:${g.classWords.map(escapeRegExp).join('|')})(?:$|[-_\\s\\d])`, 'i'),
  };
  return cached;
}
