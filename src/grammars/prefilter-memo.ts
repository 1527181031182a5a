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

/**
 * The patterns (their indexes, in order) that may match a text by its first character: those
 * whose firstChars (from the build's record: no pattern is read at a cold start) take it, and
 * those with none. Kept per first code unit of the BMP, worked out the first time a text opens
 * with it (the test reads the first code point only); null for an empty text or one opening
 * with a surrogate, where every pattern is to be tried.
 */
export function startCandidates(patterns: readonly RegExp[]): (text: string) => readonly number[] | null {
  const tests = patterns.map((re) => firstChars([re]));
  const byUnit: (number[] | undefined)[] = new Array(65536);
  return (text: string) => {
    const c = text.charCodeAt(0);
    if (!text.length || (c >= 0xd800 && c <= 0xdfff)) return null;
    let candidates = byUnit[c];
    if (candidates === undefined) {
      candidates = [];
      for (let k = 0; k < patterns.length; k++) if (tests[k] === null || tests[k]!.test(text)) candidates.push(k);
      byUnit[c] = candidates;
    }
    return candidates;
  };
}

/**
 * The index of the first of `patterns` (in order) that matches a text, -1 where none does: only
 * the patterns its first character allows are tried (startCandidates).
 */
export function firstMatching(patterns: readonly RegExp[]): (text: string) => number {
  const candidates = startCandidates(patterns);
  return (text: string) => {
    const ks = candidates(text);
    if (ks === null) return patterns.findIndex((re) => re.test(text));
    for (let i = 0; i < ks.length; i++) if (patterns[ks[i]].test(text)) return ks[i];
    return -1;
  };
}
