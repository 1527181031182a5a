// The prefilters of the grammars' own patterns (requiredChars, firstChars and sharpTest of prefilter.ts),
// worked out at build time. Reading a pattern to find the characters it needs takes about a
// twentieth of a cold start (some patterns are thousands of characters long), and the answer
// depends only on the pattern: `npm run build` records every answer a run over the bundled
// fixtures asks for into dist/grammars.prefilters.json, keyed by the patterns themselves, and a
// run reads them from there. A pattern the file does not hold (a grammar a user extended) is
// read as before, so the file can only be stale by being incomplete, never wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prefilter from './prefilter.js';

/** a RegExp as its source and flags, or null for "no prefilter" */
type Stored = [source: string, flags: string] | null;

const memoFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'grammars.prefilters.json');
let stored: Record<string, Stored> | null = null;
/** the answers worked out in this process (written by the build) */
const computed: Record<string, Stored> = {};

function lookup(key: string, compute: () => RegExp | null): RegExp | null {
  if (stored === null) {
    try {
      stored = JSON.parse(readFileSync(memoFile, 'utf8')) as Record<string, Stored>;
    } catch {
      stored = {};
    }
  }
  const hit = Object.hasOwn(stored, key) ? stored[key] : Object.hasOwn(computed, key) ? computed[key] : undefined;
  if (hit !== undefined) return hit && new RegExp(hit[0], hit[1]);
  const re = compute();
  computed[key] = re && [re.source, re.flags];
  return re;
}

/** prefilter.requiredChars, read from the build's record where it holds the pattern */
export function requiredChars(source: string, flags = ''): RegExp | null {
  return lookup(`r/${flags}/${source}`, () => prefilter.requiredChars(source, flags));
}

/** prefilter.firstChars, read from the build's record where it holds the patterns */
export function firstChars(patterns: readonly RegExp[]): RegExp | null {
  return lookup(`f/${patterns.map((p) => `${p.flags}/${p.source}`).join('\u0000')}`, () => prefilter.firstChars(patterns));
}

/** prefilter.sharpTest, read from the build's record where it holds the patterns */
export function sharpTest(patterns: readonly RegExp[]): RegExp | null {
  return lookup(`s/${patterns.map((p) => `${p.flags}/${p.source}`).join('\u0000')}`, () => prefilter.sharpTest(patterns));
}

/**
 * The build: what the record held and everything worked out in this process, for the next runs
 * (an entry is never wrong, being keyed by its pattern: a second recording adds to the first).
 */
export function writePrefilterMemo(): number {
  const all = { ...(stored ?? {}), ...computed };
  writeFileSync(memoFile, JSON.stringify(all));
  return Object.keys(all).length;
}
