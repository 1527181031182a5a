// Plain text → blocks: one block per non-empty line, after dropping page chrome and
// re-joining sentences that the scrape broke over two lines.
import { grammars } from '../grammars/load.js';
import { mayOpenNumbered } from '../grammars/numbering-start.js';
import { BORDER, concat, flagsOfLastFold, foldKey, foldKeyWithFlags, pieceOf, slice, SPACE, tidy, type Piece } from '../normalize/piece.js';
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
  return mayOpenNumbered(key) && grammars().headings.some((s) => s.re.test(key));
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
 * Blocks of raw lines (each with its offsets): tidied, page chrome dropped, table rows cut into
 * cells, and lines that the scrape broke mid-sentence joined. Readers of laid-out originals
 * (PDF) give their lines to it, so they read lines exactly as the text reader does.
 */
export function readLines(raws: Iterable<Piece>): Block[] {
  const blocks: Block[] = [];
  let last: LineBlock | null = null;
  for (const raw of raws) {
    // what the steps below need to look at, told while the line is folded (most lines hold no
    // whitespace and no border: nothing to tidy, no cells, no words, and the fold is the key)
    const t = raw.text;
    const rawKey = foldKeyWithFlags(t);
    const flags = flagsOfLastFold() & (SPACE | BORDER);
    const piece = flags & SPACE ? tidy(raw) : raw;
    if (!piece.text) continue;
    const key = piece === raw ? rawKey : foldKey(piece.text);
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
  return { blocks: readLines(physicalLines(source)), directives: [] };
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
