// Damaged and unfinished text, found once for all the text blocks of an analysis: template
// placeholders (placeholder-text), encoding damage and digits-only dates (garbled-text). The
// rules read these facts instead of each scanning every block with its own patterns.
//
// One pass over each block's characters, through a table built from the word lists, tells
// which finders can find anything in it; most blocks hold none of the characters any of them
// needs (an X, a token's first character, U+FFFD, a Latin-1 letter, a tone mark, "?", a
// character outside GB2312), and the finders' patterns run only on the others.
import type { LintWords } from '../grammars/lint-words.js';
import { findCodePageRuns, findInjectedPinyin, findLostCharacters, markCodePageSuspects } from './garbled-scan.js';
import { findGarbled, findPlaceholders, lostDateReadings, type Found } from './text-scan.js';
import { escapeRegExp } from '../util/text.js';

export type DamageKind = 'mojibake' | 'codePage' | 'pinyin' | 'lostChars';

/** A finding in `blocks[block].text` at [index, index + length). */
export interface BlockFinding extends Found {
  block: number;
}

export interface DamageFinding extends BlockFinding {
  kind: DamageKind;
}

export interface LostDateFinding extends BlockFinding {
  /** the date the digits read as, YYYY-MM-DD */
  date: string;
  /** how many dates the digits can be read as ("2022111": 1月11日 or 11月1日) */
  readings: number;
}

export interface TextFacts {
  /** in block order, then in text order */
  placeholders: BlockFinding[];
  damage: DamageFinding[];
  lostDates: LostDateFinding[];
}

// what a character may start or belong to (bits of the scan table)
const PLACEHOLDER = 1;
const DAMAGE = 2;

interface Scan {
  table: Uint8Array;
  /** a signature line followed by a date whose 年月日 were lost */
  signed: RegExp;
}

const scans = new WeakMap<LintWords, Scan>();

function scanOf(words: LintWords): Scan {
  let s = scans.get(words);
  if (s) return s;
  const table = new Uint8Array(65536);
  const mark = (chars: string, bit: number) => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] |= bit;
  };
  // placeholders: X runs and single X need an X; each token its first character
  mark('XxＸｘ', PLACEHOLDER);
  for (const t of [...words.placeholders.tokens, ...words.placeholders.wordTokens]) if (t) table[t.charCodeAt(0)] |= PLACEHOLDER;
  // damage: U+FFFD, the first letters of Latin-1 mojibake (Â Ã â…ï), the markers' first
  // characters, tone marks (injected pinyin), "?" (lost characters); and every character
  // outside GB2312 that a wrong code page's run can hold (findCodePageRuns: Han, alien, stray)
  mark('\uFFFD\u00C2\u00C3', DAMAGE);
  for (let c = 0xe2; c <= 0xef; c++) table[c] |= DAMAGE;
  for (const m of words.mojibake.markers) if (m) table[m.charCodeAt(0)] |= DAMAGE;
  mark('āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ', DAMAGE);
  mark('?？', DAMAGE);
  markCodePageSuspects(table, DAMAGE);
  const endings = words.mojibake.signatureEndings.map(escapeRegExp).join('|');
  s = { table, signed: new RegExp(`^(?:.*(?:${endings})[\\s　]*)?((?:19|20)\\d{5,6})[\\s　]*$`, 'u') };
  scans.set(words, s);
  return s;
}

/** Every kind of damage in a text, in order, overlapping finds kept once (the first kind wins). */
function damage(text: string, words: LintWords): { f: Found; kind: DamageKind }[] {
  const all: { f: Found; kind: DamageKind }[] = [
    ...findGarbled(text, words).map((f) => ({ f, kind: 'mojibake' as const })),
    ...findInjectedPinyin(text).map((f) => ({ f, kind: 'pinyin' as const })),
    ...findLostCharacters(text).map((f) => ({ f, kind: 'lostChars' as const })),
    ...findCodePageRuns(text).map((f) => ({ f, kind: 'codePage' as const })),
  ];
  const out: typeof all = [];
  for (const d of all) {
    if (out.some((o) => d.f.index < o.f.index + o.f.length && o.f.index < d.f.index + d.f.length)) continue;
    out.push(d);
  }
  return out.sort((a, b) => a.f.index - b.f.index);
}

/** JavaScript's \s, by code (trim() and the regex class agree on it). */
function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A line that ends in a digit after its trailing whitespace: the only kind that can end in a lost date. */
function endsWithDigit(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isJsSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * The bits of `table` the characters of `text` hold, stopping once all of `all` are found. A
 * function of its own with the table as an argument: the same loop inside a forEach callback
 * over the table took about twice as long (the facts of the 10 MB corpus: ~80 → ~45 ms).
 */
function scanBits(text: string, table: Uint8Array, all: number): number {
  let bits = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    bits |= table[text.charCodeAt(i)];
    if (bits === all) break;
  }
  return bits;
}

/**
 * Whether `text` holds a character a placeholder can begin with (an X, a token's first
 * character): false means findPlaceholders finds nothing in it, so its patterns need not run.
 */
export function mayHoldPlaceholder(text: string, words: LintWords): boolean {
  return (scanBits(text, scanOf(words).table, PLACEHOLDER) & PLACEHOLDER) !== 0;
}

const computed = new WeakMap<readonly { text: string }[], Map<LintWords, TextFacts>>();

/** The text facts of an analysis' blocks, found on first use and kept. */
export function textFacts(blocks: readonly { text: string }[], words: LintWords): TextFacts {
  let byWords = computed.get(blocks);
  if (!byWords) computed.set(blocks, (byWords = new Map()));
  let facts = byWords.get(words);
  if (!facts) byWords.set(words, (facts = findTextFacts(blocks, words)));
  return facts;
}

function findTextFacts(blocks: readonly { text: string }[], words: LintWords): TextFacts {
  const { table, signed } = scanOf(words);
  const out: TextFacts = { placeholders: [], damage: [], lostDates: [] };
  for (let block = 0; block < blocks.length; block++) {
    const text = blocks[block].text;
    const bits = scanBits(text, table, PLACEHOLDER | DAMAGE);
    if (bits & PLACEHOLDER) for (const f of findPlaceholders(text, words)) out.placeholders.push({ ...f, block });
    if (bits & DAMAGE) for (const { f, kind } of damage(text, words)) out.damage.push({ ...f, block, kind });
    // only lines ending in 7–8 digits can hold a lost date: test the costly pattern on those alone
    if (!endsWithDigit(text) || !/\d{7}[\s　]*$/.test(text)) continue;
    const m = signed.exec(text.trimStart());
    const readings = m ? lostDateReadings(m[1]) : [];
    if (!m || !readings.length) continue;
    const index = text.lastIndexOf(m[1]);
    out.lostDates.push({ block, index, length: m[1].length, text: m[1], date: readings[0], readings: readings.length });
  }
  return out;
}
