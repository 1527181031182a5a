// The lint rules' word lists (grammars/lint-words.yaml), validated with zod when first used.
import { z } from 'zod';
import { GrammarError } from './load.js';
import { readValidated } from './validated.js';

const words = z.array(z.string().min(1));

export const LintWordsSchema = z.strictObject({
  placeholders: z.strictObject({ tokens: words, wordTokens: words.default([]), singleXBefore: z.string() }),
  mojibake: z.strictObject({ markers: words, signatureEndings: words }),
  emptyTargets: words.default([]),
});
export type LintWords = z.infer<typeof LintWordsSchema>;

export class LintWordsError extends GrammarError {}

let cached: LintWords | null = null;

export function lintWords(): LintWords {
  cached ??= readValidated('lint-words.yaml', LintWordsSchema, (m) => new LintWordsError(m));
  return cached;
}
