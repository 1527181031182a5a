// Plain text → blocks: one block per non-empty line, after dropping page chrome and
// re-joining sentences that the scrape broke over two lines.
import { grammars } from '../grammars/load.js';
import { perCodeUnit } from '../util/text.js';
import { matchNumbering } from '../grammars/numbering-start.js';
import { alternativesTest } from '../grammars/prefilter.js';
import { BORDER, charTable, CJK, concat, flagsOfLastFold, foldKey, foldCodes, foldKeyWithFlags, foldText, LITTLE_ENDIAN, pieceOf, slice, SPACE, startOffset, tidy, type Piece } from '../normalize/piece.js';
import type { Block, LineBlock } from './blocks.js';
import { decode, NotTextError } from './decode.js';
import { junkChars } from './junk.js';
import { defineReader, ReadError, type Decoded, type ReadResult } from './reader.js';
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

let chromeQuick: { of: RegExp; test: ((key: string) => boolean) | null } | null = null;

/**
 * A line of page chrome. The pattern's quick test (alternativesTest: the first character, the
 * last, or a character each alternative needs) first: most lines can match no alternative.
 */
export function isChrome(key: string): boolean {
  const g = grammars().chrome;
  if (key.length > g.maxLength) return false;
  if (chromeQuick?.of !== g.re) chromeQuick = { of: g.re, test: alternativesTest(g.re.source, g.re.flags) };
  return (chromeQuick.test === null || chromeQuick.test(key)) && g.re.test(key);
}

/**
 * A test of one character (a code point) by a class pattern, its answer for each code unit of
 * the BMP outside the surrogates kept once asked (0: not yet, 1: yes, 2: no): a line's first or
 * last character is told by a lookup instead of a string cut and a regex per line. `c`: the
 * character's code unit in `s`; [from, to): the character in `s`, cut only for a surrogate.
 */
function charClassTest(re: RegExp): (c: number, s: string, from: number, to: number) => boolean {
  const byUnit = perCodeUnit((ch) => re.test(ch));
  return (c, s, from, to) => (c >= 0xd800 && c <= 0xdfff ? re.test(s.slice(from, to)) : byUnit(c));
}
const midSentenceEnd = charClassTest(/^[\p{Script=Han}、]$/u);
const midSentenceStart = charClassTest(/^[\p{Script=Han},，、;；]$/u);

/** the last character (a code point) is a Han character or 、 (tested alone: a $-anchored pattern scans the whole line) */
const endsMidSentence = (key: string) => {
  const n = key.length;
  if (!n) return false;
  const c = key.charCodeAt(n - 1);
  return midSentenceEnd(c, key, c >= 0xdc00 && c <= 0xdfff && n >= 2 ? n - 2 : n - 1, n);
};
/** the first character (a code point) is a Han character or one of ,，、;； */
const startsMidSentence = (key: string) => {
  if (!key.length) return false;
  return midSentenceStart(key.charCodeAt(0), key, 0, key.codePointAt(0)! > 0xffff ? 2 : 1);
};

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
  // (BORDER: the line holds one of │|┃)
  if (!(flags & BORDER) && t.indexOf('\t') < 0 && t.indexOf('  ') < 0 && t.indexOf('\u3000\u3000') < 0) return undefined;
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
 * unit for unit, as one flat string) and each physical line's charTable flags OR-ed together,
 * with INNER and ODD told in the same pass.
 */
export interface FoldedLines {
  folded: string;
  /** flags[l - 1]: line l's SPACE and BORDER flags, and its INNER, ODD, JUNK and MARKED bits */
  flags: Uint8Array;
  /** whether the text holds a surrogate (half of a pair, or a lone one) */
  surrogates: boolean;
}

/** a line's bit: whitespace (SPACE of charTable) stands between two other characters of it */
export const INNER = 8;
/** a line's bit: it holds U+200B or U+0085, whitespace to tidy() but not to a regex's \s */
export const ODD = 16;
/** a line's bit (and a code unit's in lineKinds): it holds a code unit that folds to one of junkChars */
export const JUNK = 128;
/** a line's bit (and a code unit's in lineKinds): it holds a code unit (as written) that markLinesHolding's table marks */
export const MARKED = 2;

/** the code units whose lines foldLines flags MARKED (set by whoever builds the table); null: every line */
let marking: Uint8Array | null = null;
/** Which code units (as written, not folded) flag a line MARKED: those `table` gives a bit; null: every line. */
export function markLinesHolding(table: Uint8Array | null): void {
  marking = table;
}

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
  const ft = foldCodes();
  const kinds = lineKinds();
  // every line may hold junk when the grammar gives no characters for it (and is marked when no table is given)
  const always = (junkChars() === null ? JUNK : 0) | (marking === null ? MARKED : 0);
  let units: Uint16Array;
  let buf: Buffer | null = null;
  if (LITTLE_ENDIAN) {
    buf = scratchOf(text.length * 2);
    buf.write(text, 0, 'utf16le');
    units = new Uint16Array(buf.buffer, buf.byteOffset, text.length);
  } else {
    units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  }
  let changed = false;
  let surrogates = false;
  for (let l = 1; l <= n; l++) {
    const start = source.lineStart(l);
    const end = source.lineContentEnd(l);
    let f = 0;
    // `lead`: where the line's leading whitespace ends (so far); `mid`: its first whitespace after that
    let lead = start;
    let mid = -1;
    for (let i = start; i < end; i++) {
      const c = units[i];
      // most characters (Chinese ones) neither fold nor are whitespace or a border: one lookup
      const k = kinds[c];
      if (k === 0) continue;
      f |= k;
      // (a character that only marks the line: ] of a citation mark, h of a URL …)
      if ((k & (SPACE | FOLDS | SURROGATE)) === 0) continue;
      if (k & SPACE) {
        if (i === lead) lead++;
        else if (mid < 0) mid = i;
        if (c === 0x200b || c === 0x85) f |= ODD;
      }
      if (k & FOLDS) {
        units[i] = ft[c];
        changed = true;
      }
      if (k & SURROGATE) surrogates = true;
    }
    if (mid >= 0) {
      // whitespace after the first other character: inner unless only whitespace follows it
      let b = end;
      while (b > lead && ct[text.charCodeAt(b - 1)] & SPACE) b--;
      if (mid < b) f |= INNER;
    }
    flags[l - 1] = (f & (SPACE | BORDER | INNER | ODD | JUNK | MARKED)) | always;
  }
  if (buf === null) return { folded: foldText(text), flags, surrogates };
  return { folded: changed ? buf.toString('utf16le', 0, text.length * 2) : text, flags, surrogates };
}

/** a code unit's bits in lineKinds: it folds (foldCodes non-zero); it is a surrogate */
const FOLDS = 32;
const SURROGATE = 64;

let lineKindsMemo: { of: Uint16Array; junk: number[] | null; marking: Uint8Array | null; kinds: Uint8Array } | null = null;
/**
 * code unit → its SPACE and BORDER bits of charTable, FOLDS, and JUNK where it folds to one of
 * junkChars (every whitespace too when one of them is whitespace: tidy puts spaces in a key),
 * MARKED where `marking` gives it a bit; 0 for most (what foldLines asks of each)
 */
function lineKinds(): Uint8Array {
  const ft = foldCodes();
  const junk = junkChars();
  if (lineKindsMemo?.of !== ft || lineKindsMemo.junk !== junk || lineKindsMemo.marking !== marking) {
    const ct = charTable();
    const kinds = new Uint8Array(65536);
    // (a junk character a folded code unit is: the fold of it, or it where it does not fold)
    const marks = new Uint8Array(65536);
    for (const c of junk ?? []) marks[c] = JUNK;
    if (junk?.some((c) => ct[c] & SPACE)) for (let c = 0; c < 65536; c++) if (ct[c] & SPACE) marks[c] = JUNK;
    for (let c = 0; c < 65536; c++) {
      kinds[c] = (ct[c] & (SPACE | BORDER)) | (ft[c] !== 0 ? FOLDS : 0) | (c >= 0xd800 && c <= 0xdfff ? SURROGATE : 0) | marks[ft[c] !== 0 ? ft[c] : c] | (marking !== null && marking[c] !== 0 ? MARKED : 0);
    }
    lineKindsMemo = { of: ft, junk, marking, kinds };
  }
  return lineKindsMemo.kinds;
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
function tidyLine(raw: Piece, lines?: FoldedLines, index = 0): { piece: Piece; key: string; flags: number } {
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
 * The blocks read so far and the last line block (the one a broken sentence continues); `junk`:
 * each block's JUNK bits (its lines' OR-ed), where the lines come with them.
 */
interface LineSink {
  blocks: Block[];
  last: LineBlock | null;
  junk: Uint8Array | null;
}

/**
 * Takes one tidied line: page chrome dropped, a table row cut into cells, a line that continues
 * the last one joined to it. `raw`: the line as it stood, null when its flags tell it has no
 * cells and no words (no border, no whitespace between two characters, no U+200B or U+0085).
 */
function take(sink: LineSink, piece: Piece, key: string, raw: Piece | null, flags: number): void {
  if (!piece.text) return;
  if (isChrome(key)) return;
  const block: LineBlock = { kind: 'line', piece, key };
  const cells = raw === null ? undefined : cellsOf(raw, flags);
  if (cells) block.cells = cells;
  else if (raw !== null && flags & SPACE && key.length <= 120 && / \S/.test(raw.text.trim())) block.words = wordsOf(raw);
  const last = sink.last;
  if (last && !cells && !last.cells && continues(last, block)) {
    last.piece = concat([last.piece, piece]);
    last.key = last.key + key;
    if (sink.junk !== null) sink.junk[sink.blocks.length - 1] |= flags & JUNK;
    return;
  }
  sink.blocks.push(block);
  sink.last = block;
  if (sink.junk !== null) sink.junk[sink.blocks.length - 1] = flags & JUNK;
}

/**
 * Blocks of raw lines (each with its offsets): tidied, page chrome dropped, table rows cut into
 * cells, and lines that the scrape broke mid-sentence joined. Readers of laid-out originals
 * (PDF) give their lines to it, so they read lines exactly as the text reader does.
 */
export function readLines(raws: Iterable<Piece>): Block[] {
  const sink: LineSink = { blocks: [], last: null, junk: null };
  for (const raw of raws) {
    // what the steps below need to look at, told while the line is tidied (most lines hold no
    // whitespace and no border: nothing to tidy, no cells, no words)
    const { piece, key, flags } = tidyLine(raw);
    take(sink, piece, key, raw, flags);
  }
  return sink.blocks;
}

/**
 * tidy() of the line [start, end) of `text` (as a piece of its own) for a line with whitespace
 * between two other characters (INNER) and no U+200B or U+0085, and in the same pass its key
 * (returned beside it): the folded text's stretches for the stretches kept, a space for a space
 * put in (foldKey of the tidied text, unit for unit, without folding it again). The runs are
 * those PieceBuilder opens: a new one only where the offsets jump.
 */
function tidyInner(text: string, start: number, end: number, folded: string): { piece: Piece; key: string } {
  const ct = charTable();
  let out = '';
  let key = '';
  const runs: number[] = [];
  let next = -1;
  let prev = -1; // code of the last kept character
  let i = start;
  while (i < end) {
    if (ct[text.charCodeAt(i)] & SPACE) {
      let j = i + 1;
      while (j < end && ct[text.charCodeAt(j)] & SPACE) j++;
      // whitespace inside Chinese text goes; between two other characters it becomes one space
      if (prev >= 0 && j < end && !(ct[prev] & CJK) && !(ct[text.charCodeAt(j)] & CJK)) {
        if (i !== next) runs.push(out.length, i);
        next = i + 1;
        out += ' ';
        key += ' ';
      }
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < end && !(ct[text.charCodeAt(j)] & SPACE)) j++;
    if (i !== next) runs.push(out.length, i);
    out += text.slice(i, j);
    key += folded.slice(i, j);
    next = j;
    prev = text.charCodeAt(j - 1);
    i = j;
  }
  return { piece: { text: out, runs, end }, key };
}

/**
 * readLines of a text's physical lines, folded and flagged by foldLines, without a piece per
 * raw line: a line whose flags say it has no cells, no words and no whitespace inside is taken
 * as its stretch between leading and trailing whitespace (what tidy makes of it), its key a
 * slice of the folded text; the other lines go the way of readLines. `junk`: filled with each
 * block's JUNK bit (0 where its key holds none of junkChars), when given (one entry a line);
 * `clean`: given the pieces (in text order) of the lines taken as they stand that hold no code
 * unit markLinesHolding's table marks (MARKED).
 */
export function readTxtLines(source: SourceText, lines: FoldedLines, junk: Uint8Array | null = null, clean: Piece[] | null = null): Block[] {
  const sink: LineSink = { blocks: [], last: null, junk };
  const { text } = source;
  const { folded, flags } = lines;
  const ct = charTable();
  for (let l = 1; l <= flags.length; l++) {
    const f = flags[l - 1];
    const start = source.lineStart(l);
    const end = source.lineContentEnd(l);
    if (f & (INNER | ODD | BORDER)) {
      const raw = pieceOf(text.slice(start, end), start);
      if (f & (ODD | BORDER)) {
        const { piece, key } = tidyLine(raw, lines, l - 1);
        take(sink, piece, key, raw, f);
      } else {
        const { piece, key } = tidyInner(text, start, end, folded);
        take(sink, piece, key, raw, f);
      }
      continue;
    }
    let a = start;
    let b = end;
    if (f & SPACE) {
      while (a < b && ct[text.charCodeAt(a)] & SPACE) a++;
      while (b > a && ct[text.charCodeAt(b - 1)] & SPACE) b--;
    }
    if (a === b) continue;
    const piece = { text: text.slice(a, b), runs: [0, a], end };
    // (the line as written: a block with this very piece holds no character of the table)
    if (clean !== null && !(f & MARKED)) clean.push(piece);
    take(sink, piece, folded.slice(a, b), null, f);
  }
  return sink.blocks;
}

export function readTxt(source: SourceText): ReadResult {
  const lines = foldLines(source);
  // every code unit was looked at: the columns of spans need no search for surrogate pairs
  if (!lines.surrogates) source.noSurrogates();
  // which blocks may hold site junk inside them, as the fold pass told it of each line
  const junk = new Uint8Array(lines.flags.length);
  const clean: Piece[] | null = marking === null ? null : [];
  return { blocks: readTxtLines(source, lines, junk, clean), directives: [], mayHoldJunk: junk, cleanPieces: clean ?? undefined };
}

/** Bytes → text for the text formats: detected encoding; binary data and blank files refused. */
export function decodeText(bytes: Uint8Array): Decoded {
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
