// The lint rules' word lists (grammars/lint-words.yaml), validated with zod when first used.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

const words = z.array(z.string().min(1));

export const LintWordsSchema = z.strictObject({
  collectiveOwners: z.strictObject({ exact: words, prefixes: words }),
  placeholders: z.strictObject({ tokens: words, singleXBefore: z.string() }),
  mojibake: z.strictObject({ markers: words, signatureEndings: words }),
});
export type LintWords = z.infer<typeof LintWordsSchema>;

export const lintWordsFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'grammars',
  'lint-words.yaml',
);

export class LintWordsError extends Error {}

/** Parse and validate a lint-words document; `name` is used in the error message. */
export function parseLintWords(text: string, name: string): LintWords {
  let data: unknown;
  try {
    data = YAML.parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new LintWordsError(`${name}: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = LintWordsSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new LintWordsError(`${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

let cached: LintWords | null = null;

export function lintWords(): LintWords {
  cached ??= parseLintWords(readFileSync(lintWordsFile, 'utf8'), 'grammars/lint-words.yaml');
  return cached;
}

/** True when `unit` is a collective phrase rather than a named unit. */
export function isCollective(unit: string, w: LintWords): boolean {
  const u = unit.replace(/\s+/g, '');
  return w.collectiveOwners.exact.includes(u) || w.collectiveOwners.prefixes.some((p) => u.startsWith(p));
}
