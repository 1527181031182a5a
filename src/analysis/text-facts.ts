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
import { findGarbled, findPlaceholders, lostDateReadings, TOKEN_PLACEHOLDERS, WORD_PLACEHOLDERS, X_PLACEHOLDERS, type Found } from './text-scan.js';
import { escapeRegExp, isSpaceCode } from '../util/text.js';
import { LITTLE_ENDIAN } from '../normalize/piece.js';

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

// what a character may start or belong to (bits of the scan table): an X (X runs, a single
// X), a placeholder token's first character, a word token's first character, damage
const X_CHAR = 1;
const DAMAGE = 2;
const TOKEN_START = 4;
const WORD_START = 8;
const PLACEHOLDER = X_CHAR | TOKEN_START | WORD_START;
/** not a table bit: scanBlocks sets it for a text whose last character before trailing whitespace is a digit */
const ENDS_IN_DIGIT = 16;

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
  mark('XxＸｘ', X_CHAR);
  for (const t of words.placeholders.tokens) if (t) table[t.charCodeAt(0)] |= TOKEN_START;
  for (const t of words.placeholders.wordTokens) if (t) table[t.charCodeAt(0)] |= WORD_START;
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

/** The scan table of the word lists: a code unit's bits, 0 for a character no finder needs (a reader may flag the lines holding one). */
export function textFactsTable(words: LintWords): Uint8Array {
  return scanOf(words).table;
}

/**
 * Blocks known to hold no character of the scan table (clean[b] = 1), told by whoever read them
 * (the pipeline, from the text reader's MARKED lines) for the blocks it hands the lint next.
 */
let told: { blocks: readonly unknown[]; words: LintWords; clean: Uint8Array } | null = null;
export function tellCleanBlocks(blocks: readonly unknown[], words: LintWords, clean: Uint8Array): void {
  told = { blocks, words, clean };
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

/** A line that ends in a digit after its trailing whitespace: the only kind that can end in a lost date. */
function endsWithDigit(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * The bits of `table` the characters of `text` hold, stopping at the first that holds a bit of
 * `stop` (0: reads the whole text). A function of its own with the table as an argument: the
 * same loop inside a forEach callback over the table took about twice as long.
 */
function scanBits(text: string, table: Uint8Array, stop: number): number {
  let bits = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    bits |= table[text.charCodeAt(i)];
    if (bits & stop) break;
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

/**
 * The blocks and words asked about last and their facts: the rules that read them (placeholder-
 * text, garbled-text) ask one after the other about one file's blocks. (A WeakMap of every
 * file's blocks cost an entry, a Map and their collection per file.)
 */
let last: { blocks: readonly { text: string }[]; words: LintWords; facts: TextFacts } | null = null;

/** The text facts of an analysis' blocks, found on first use and kept until other blocks are asked about. */
export function textFacts(blocks: readonly { text: string }[], words: LintWords): TextFacts {
  if (last === null || last.blocks !== blocks || last.words !== words) last = { blocks, words, facts: findTextFacts(blocks, words) };
  return last.facts;
}

/** A buffer of code units scanBlocks copies the texts into, kept from file to file (up to 32 MB). */
let scratch: Buffer | null = null;

function scratchOf(bytes: number): Buffer {
  if (bytes > 32 * 1024 * 1024) return Buffer.allocUnsafeSlow(bytes);
  if (!scratch || scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * (scratch?.length ?? 0), 1 << 20));
  return scratch;
}

/**
 * For each text, the bits of `table` its characters hold, and ENDS_IN_DIGIT. The texts are
 * joined and copied into a buffer of code units that a loop reads four at a time, finding the
 * text a hit lies in only at a hit: reading the texts themselves (mostly slices of the file's
 * text) unit by unit, and each text's end again for the digit, took twice as long (the 10 MB
 * corpus: ~32 → ~13 ms).
 */
export function scanBlocks(texts: readonly string[], table: Uint8Array): Uint8Array {
  const out = new Uint8Array(texts.length);
  if (!LITTLE_ENDIAN) {
    for (let b = 0; b < texts.length; b++) out[b] = scanBits(texts[b], table, 0) | (endsWithDigit(texts[b]) ? ENDS_IN_DIGIT : 0);
    return out;
  }
  const joined = texts.join('');
  const n = joined.length;
  const buf = scratchOf(n * 2);
  buf.write(joined, 0, 'utf16le');
  const units = new Uint16Array(buf.buffer, buf.byteOffset, n);
  // the text that holds unit i: the first whose end lies past it (empty texts are passed over)
  let block = 0;
  let end = texts.length ? texts[0].length : 0;
  const hit = (i: number, bits: number) => {
    while (i >= end) end += texts[++block].length;
    out[block] |= bits;
  };
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    if ((table[units[i]] | table[units[i + 1]] | table[units[i + 2]] | table[units[i + 3]]) === 0) continue;
    for (let j = i; j < i + 4; j++) if (table[units[j]] !== 0) hit(j, table[units[j]]);
  }
  for (; i < n; i++) if (table[units[i]] !== 0) hit(i, table[units[i]]);
  // each text's last unit before its trailing whitespace
  let from = 0;
  for (let b = 0; b < texts.length; b++) {
    const to = from + texts[b].length;
    let k = to - 1;
    while (k >= from && isSpaceCode(units[k])) k--;
    if (k >= from && units[k] >= 48 && units[k] <= 57) out[b] |= ENDS_IN_DIGIT;
    from = to;
  }
  return out;
}

function findTextFacts(blocks: readonly { text: string }[], words: LintWords): TextFacts {
  const { table, signed } = scanOf(words);
  const out: TextFacts = { placeholders: [], damage: [], lostDates: [] };
  const clean = told !== null && told.blocks === blocks && told.words === words ? told.clean : null;
  // the texts to scan: all, or those not known clean (a clean one can only end in a digit)
  const texts: string[] = [];
  for (let block = 0; block < blocks.length; block++) if (clean === null || clean[block] === 0) texts.push(blocks[block].text);
  const found = scanBlocks(texts, table);
  for (let block = 0, k = 0; block < blocks.length; block++) {
    const text = blocks[block].text;
    const bits = clean === null || clean[block] === 0 ? found[k++] : endsWithDigit(text) ? ENDS_IN_DIGIT : 0;
    if (bits === 0) continue;
    if (bits & PLACEHOLDER) {
      // only the patterns that can begin at a character the text holds
      const kinds = (bits & X_CHAR ? X_PLACEHOLDERS : 0) | (bits & TOKEN_START ? TOKEN_PLACEHOLDERS : 0) | (bits & WORD_START ? WORD_PLACEHOLDERS : 0);
      // (the finding's fields named, not spread: a spread and a field after it make a V8 map per object)
      for (const f of findPlaceholders(text, words, kinds)) out.placeholders.push({ index: f.index, length: f.length, text: f.text, block });
    }
    if (bits & DAMAGE) for (const { f, kind } of damage(text, words)) out.damage.push({ index: f.index, length: f.length, text: f.text, block, kind });
    // only lines ending in 7–8 digits can hold a lost date: test the costly pattern on those alone
    if (!(bits & ENDS_IN_DIGIT) || !/\d{7}[\s　]*$/.test(text)) continue;
    const m = signed.exec(text.trimStart());
    const readings = m ? lostDateReadings(m[1]) : [];
    if (!m || !readings.length) continue;
    const index = text.lastIndexOf(m[1]);
    out.lostDates.push({ block, index, length: m[1].length, text: m[1], date: readings[0], readings: readings.length });
  }
  return out;
}
