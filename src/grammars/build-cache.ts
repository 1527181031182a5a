// Build step (`npm run build`, `prepare`): validate every grammar with zod once and cache the
// result, so plan-lint starts without parsing YAML; see validated.ts. A grammar file that no
// loader reads is an error: every file of grammars/ is read by plan-lint.
import { readdirSync } from 'node:fs';
import { grammars } from './load.js';
import { lintWords } from './lint-words.js';
import { pageFurniture } from './page-furniture.js';
import { directionsGrammar } from './directions.js';
import { bypassCache, grammarDir, writeCache } from './validated.js';
import { furnitureGrammar } from './pdf-furniture.js';
import { unitAliasesGrammar } from './unit-aliases.js';

bypassCache();
grammars();
lintWords();
pageFurniture();
directionsGrammar();
furnitureGrammar();
unitAliasesGrammar();
const n = writeCache();
const files = readdirSync(grammarDir).filter((f) => f.endsWith('.yaml'));
if (n !== files.length) {
  process.stderr.write(`grammars: ${files.length} files in grammars/, ${n} read by plan-lint\n`);
  process.exit(1);
}
process.stdout.write(`grammars: ${n} files validated and cached\n`);
