// Build step (`npm run build`, `prepare`): validate every grammar with zod once and cache the
// result, so plan-lint starts without parsing YAML; see validated.ts.
import { grammars } from './load.js';
import { lintWords } from '../lint/words.js';
import { bypassCache, writeCache } from './validated.js';
import { directionOf } from '../diff/directions.js';
import { furnitureGrammar } from '../ingest/pdf-furniture.js';

bypassCache();
grammars();
lintWords();
directionOf('');
furnitureGrammar();
const n = writeCache();
process.stdout.write(`grammars: ${n} files validated and cached\n`);
