// Plain text → blocks: one block per non-empty line, after dropping page chrome and
// re-joining sentences that the scrape broke over two lines.
import { grammars } from '../grammars/load.js';
import { matchNumbering } from '../grammars/numbering-start.js';
import { BORDER, charTable, concat, flagsOfLastFold, foldKey, foldCodes, foldKeyWithFlags, foldText, pieceOf, slice, SPACE, startOffset, tidy, type Piece } from '../normalize/piece.js';
import type { Block, LineBlock } from './blocks.js';
import { decode, NotTextError } from './decode.js';
import { defineReader, ReadError, type ReadResult } from './reader.js';
import type { SourceText } from './source-text.js';

/** Physical lines of a text as pieces, in the one line model of SourceText (\n, \r\n, \r). */
export function physicalLines(source: SourceText): Piece[] {
  const out: Piece[] = [];
  for (let l = 1; l <= source.lineCount; l++) {
    const r = source.lineRange(l);
    out.push(pieceOf(source.text.slice(r.start, r.end), r.start));
  }
  return out;
}

export function isChrome(key: string): boolean {
  const g = grammars().chrome;
  return key.length <= g.maxLength && g.re.test(key);
}

/** the last character (a code point) is a Han character or 、 (tested alone: a $-anchored pattern scans the whole line) */
const endsMidSentence = (key: string) => {
  const n = key.length;
  if (!n) return false;
  const c = key.charCodeAt(n - 1);
  const last = c >= 0xdc00 && c <= 0xdfff && n >= 2 ? key.slice(n - 2) : key.slice(n - 1);
  return /^[\p{Script=Han}、]$/u.test(last);
};
const startsMidSentence = (key: string) => /^[\p{Script=Han},，、;；]/u.test(key);

function isNumbered(key: string): boolean {
  return matchNumbering(key) !== null;
}

/**
 * A line continues the previous one when the previous is a long prose line cut in the middle
 * of a word ("…的目标任" / "务,以弘扬…") and this one is long prose too. Short lines are left
 * alone: they are table cells or headings, which other stages join on their own terms.
 */
function continues(prev: LineBlock, next: LineBlock): boolean {
  return (
    prev.key.length >= 20 &&
    next.key.length >= 15 &&
    endsMidSentence(prev.key) &&
    startsMidSentence(next.key) &&
    /[,，、。;；]/.test(prev.key) &&
    !isNumbered(prev.key) &&
    !isNumbered(next.key)
  );
}

/**
 * Cells of a line printed as a table row: separated by tabs, │/|, or gaps of 2+ spaces.
 * `flags`: the line's character flags (a line with no whitespace and no border has no cells).
 */
function cellsOf(raw: Piece, flags: number): Piece[] | undefined {
  if (!(flags & (SPACE | BORDER))) return undefined;
  const t = raw.text;
  if (t.indexOf('\t') < 0 && t.indexOf('  ') < 0 && t.indexOf('\u3000\u3000') < 0 && !/[│|┃]/.test(t)) return undefined;
  if (!/\S(?:\t|\s{2,}|\u3000{2,}|[│|┃])\s*\S/u.test(raw.text)) return undefined;
  const out: Piece[] = [];
  const re = /(?:\t|[ \u00a0]{2,}|\u3000{2,}|\s*[│|┃]\s*)+/gu;
  let from = 0;
  let m: RegExpExecArray | null;
  const push = (a: number, b: number) => {
    const cell = tidy(slice(raw, a, b));
    if (cell.text) out.push(cell);
  };
  while ((m = re.exec(raw.text))) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, raw.text.length);
  return out.length >= 2 ? out : undefined;
}

/** The space-separated words of a line, each with its offsets. */
function wordsOf(raw: Piece): Piece[] {
  const out: Piece[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw.text))) out.push(slice(raw, m.index, m.index + m[0].length));
  return out;
}

/**
 * The range [a, b) of `t` without its leading and trailing whitespace (tidy's), or null when
 * whitespace stands inside it too (then tidy rebuilds the line).
 */
function trimmedRange(t: string): [number, number] | null {
  const table = charTable();
  let a = 0;
  while (a < t.length && table[t.charCodeAt(a)] & SPACE) a++;
  let b = t.length;
  while (b > a && table[t.charCodeAt(b - 1)] & SPACE) b--;
  for (let i = a; i < b; i++) if (table[t.charCodeAt(i)] & SPACE) return null;
  return [a, b];
}

/**
 * A whole text's lines read in one pass (the text reader's): the text folded (foldKey of it,
 * unit for unit, as one flat string) and each physical line's charTable flags OR-ed together.
 */
export interface FoldedLines {
  folded: string;
  /** flags[l - 1]: line l's SPACE and BORDER flags */
  flags: Uint8Array;
}

/** UTF-16 code units in a Uint16Array read back as UTF-16LE: true on every usual CPU */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Folds a text and flags its lines in one loop over its code units (copied once into a buffer,
 * folded in place): a line's key is then a slice of the folded text, and no line is folded or
 * scanned for whitespace on its own. Line breaks neither fold nor belong to a line.
 */
export function foldLines(source: SourceText): FoldedLines {
  const text = source.text;
  const n = source.lineCount;
  const flags = new Uint8Array(n);
  const ct = charTable();
  if (!LITTLE_ENDIAN) {
    for (let l = 1; l <= n; l++) {
      const r = source.lineRange(l);
      let f = 0;
      for (let i = r.start; i < r.end; i++) f |= ct[text.charCodeAt(i)];
      flags[l - 1] = f & (SPACE | BORDER);
    }
    return { folded: foldText(text), flags };
  }
  const ft = foldCodes();
  const folds = foldBits();
  const buf = scratchOf(text.length * 2);
  buf.write(text, 0, 'utf16le');
  const units = new Uint16Array(buf.buffer, buf.byteOffset, text.length);
  let changed = false;
  for (let l = 1; l <= n; l++) {
    const r = source.lineRange(l);
    let f = 0;
    for (let i = r.start; i < r.end; i++) {
      const c = units[i];
      // whitespace and borders all lie at or below U+3000 but for U+FEFF; a Chinese character
      // costs one look into an 8 KB bit set instead of two tables of 64 K entries
      if (c <= 0x3000 || c === 0xfeff) f |= ct[c];
      if (folds[c >>> 3] & (1 << (c & 7))) {
        units[i] = ft[c];
        changed = true;
      }
    }
    flags[l - 1] = f & (SPACE | BORDER);
  }
  return { folded: changed ? buf.toString('utf16le', 0, text.length * 2) : text, flags };
}

let foldBitsMemo: { of: Uint16Array; bits: Uint8Array } | null = null;
/** the code units that fold (foldCodes non-zero) as a bit set */
function foldBits(): Uint8Array {
  const ft = foldCodes();
  if (foldBitsMemo?.of !== ft) {
    const bits = new Uint8Array(8192);
    for (let c = 0; c < 65536; c++) if (ft[c] !== 0) bits[c >>> 3] |= 1 << (c & 7);
    foldBitsMemo = { of: ft, bits };
  }
  return foldBitsMemo.bits;
}

/** the buffer foldLines folds in, kept from file to file (up to 32 MB) rather than one per file */
let scratch: Buffer | null = null;
function scratchOf(bytes: number): Buffer {
  if (bytes > 32 * 1024 * 1024) return Buffer.allocUnsafeSlow(bytes);
  if (!scratch || scratch.length < bytes) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * (scratch?.length ?? 0), 1 << 20));
  return scratch;
}

/**
 * A line tidied, with its key and flags. `lines`: the whole file's text folded and its lines
 * flagged (foldLines), when the raw lines are the file's physical lines in order: a key is then a
 * slice of the folded text.
 */
function tidyLine(raw: Piece, lines: FoldedLines | undefined, index: number): { piece: Piece; key: string; flags: number } {
  const t = raw.text;
  if (lines === undefined) {
    const key = foldKeyWithFlags(t);
    const flags = flagsOfLastFold() & (SPACE | BORDER);
    const piece = flags & SPACE ? tidy(raw) : raw;
    return { piece, key: piece === raw ? key : foldKey(piece.text), flags };
  }
  const { folded } = lines;
  const flags = lines.flags[index];
  const start = startOffset(raw);
  if (!(flags & SPACE)) return { piece: raw, key: folded.slice(start, start + t.length), flags };
  const range = trimmedRange(t);
  if (range === null) {
    const piece = tidy(raw);
    return { piece, key: foldKey(piece.text), flags };
  }
  const [a, b] = range;
  if (a === b) return { piece: { text: '', runs: [], end: raw.end }, key: '', flags };
  // what tidy makes of a line with whitespace only around it: the stretch, ending where the line ended
  const piece = a === 0 && b === t.length ? raw : { text: t.slice(a, b), runs: [0, start + a], end: raw.end };
  return { piece, key: folded.slice(start + a, start + b), flags };
}

/**
 * Blocks of raw lines (each with its offsets): tidied, page chrome dropped, table rows cut into
 * cells, and lines that the scrape broke mid-sentence joined. Readers of laid-out originals
 * (PDF) give their lines to it, so they read lines exactly as the text reader does.
 * `lines`: when the raws are a text's physical lines, that text folded and its lines flagged.
 */
export function readLines(raws: Iterable<Piece>, lines?: FoldedLines): Block[] {
  const blocks: Block[] = [];
  let last: LineBlock | null = null;
  let index = -1;
  for (const raw of raws) {
    index++;
    // what the steps below need to look at, told while the line is tidied (most lines hold no
    // whitespace and no border: nothing to tidy, no cells, no words)
    const t = raw.text;
    const { piece, key, flags } = tidyLine(raw, lines, index);
    if (!piece.text) continue;
    if (isChrome(key)) continue;
    const block: LineBlock = { kind: 'line', piece, key };
    const cells = cellsOf(raw, flags);
    if (cells) block.cells = cells;
    else if (flags & SPACE && key.length <= 120 && / \S/.test(t.trim())) block.words = wordsOf(raw);
    if (last && !cells && !last.cells && continues(last, block)) {
      last.piece = concat([last.piece, piece]);
      last.key = last.key + key;
      continue;
    }
    blocks.push(block);
    last = block;
  }
  return blocks;
}

export function readTxt(source: SourceText): ReadResult {
  return { blocks: readLines(physicalLines(source), foldLines(source)), directives: [] };
}

/** Bytes → text for the text formats: detected encoding; binary data and blank files refused. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string; note?: string | null } {
  try {
    return decode(bytes);
  } catch (e) {
    throw e instanceof NotTextError ? new ReadError(e.message) : e;
  }
}

export const txtReader = defineReader({
  format: 'txt',
  extensions: ['.txt', '.text'],
  decode: decodeText,
  read: readTxt,
});
