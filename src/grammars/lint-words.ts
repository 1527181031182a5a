// The lint rules' word lists (grammars/lint-words.yaml), validated with zod when first used
// (when the build's cache does not hold the file as it is).
import type { z } from 'zod';
import { lazySchema } from '../util/zod.js';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';

export const LintWordsSchema = lazySchema((z) => {
  const words = z.array(z.string().min(1));
  return z.strictObject({
    placeholders: z.strictObject({ tokens: words, wordTokens: words.default([]), singleXBefore: z.string() }),
    mojibake: z.strictObject({ markers: words, signatureEndings: words }),
    emptyTargets: words.default([]),
  });
});
export type LintWords = z.infer<ReturnType<typeof LintWordsSchema>>;

export class LintWordsError extends GrammarError {}

let cached: LintWords | null = null;

export function lintWords(): LintWords {
  cached ??= readValidated('lint-words.yaml', LintWordsSchema, (m) => new LintWordsError(m));
  return cached;
}
