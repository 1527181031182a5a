// A Piece is a run of text taken from the original file with, for every character, the
// offset it came from. Normalization (dropping spaces, joining lines) builds new Pieces, so
// whatever it does, a match in a Piece maps back to the original file.
//
// The offsets are kept as runs: most of a piece is a stretch copied from the original, so
// `runs` holds only where a stretch begins ([index in text, original offset] pairs); the
// offset of character i is that of its run's start plus the distance from it.
import { grammars } from '../grammars/load.js';

export interface Piece {
  text: string;
  /** flat [textIndex, originalOffset] pairs, text indexes ascending, the first at 0 */
  runs: number[];
  /** original offset just past the last character */
  end: number;
}

export function pieceOf(text: string, start: number): Piece {
  return { text, runs: text.length ? [0, start] : [], end: start + text.length };
}

/** A piece whose every character stands for one place (a list number put back, an entity). */
export function pinnedPiece(text: string, at: number): Piece {
  const runs: number[] = [];
  for (let i = 0; i < text.length; i++) runs.push(i, at);
  return { text, runs, end: at };
}

/** Original offset of text[i]. */
export function offsetAt(p: Piece, i: number): number {
  const r = p.runs;
  if (!r.length) return p.end;
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (r[mid * 2] <= i) lo = mid;
    else hi = mid - 1;
  }
  return r[lo * 2 + 1] + (i - r[lo * 2]);
}

/** Every character's original offset, materialized (for the lint rules' text blocks). */
export function offsetsOf(p: Piece): number[] {
  const out = new Array<number>(p.text.length);
  const r = p.runs;
  for (let k = 0; k < r.length; k += 2) {
    const from = r[k];
    const to = k + 2 < r.length ? r[k + 2] : p.text.length;
    for (let i = from; i < to; i++) out[i] = r[k + 1] + (i - from);
  }
  return out;
}

/** Builds a piece character by character, opening a new run only where offsets jump. */
export class PieceBuilder {
  private text = '';
  private runs: number[] = [];
  private next = -1;
  private last = -1;

  push(chars: string, offset: number): void {
    for (let i = 0; i < chars.length; i++) {
      const o = offset + i;
      if (o !== this.next) this.runs.push(this.text.length + i, o);
      this.next = o + 1;
      this.last = o;
    }
    this.text += chars;
  }

  /** appends a whole piece */
  append(p: Piece): void {
    const base = this.text.length;
    const r = p.runs;
    for (let k = 0; k < r.length; k += 2) {
      if (!(k === 0 && r[1] === this.next)) this.runs.push(base + r[k], r[k + 1]);
    }
    this.text += p.text;
    if (p.text.length) {
      this.last = offsetAt(p, p.text.length - 1);
      this.next = this.last + 1;
    }
  }

  build(end?: number): Piece {
    return { text: this.text, runs: this.runs, end: end ?? (this.last >= 0 ? this.last + 1 : 0) };
  }
}

export function slice(p: Piece, from: number, to = p.text.length): Piece {
  const text = p.text.slice(from, to);
  if (!text.length) return { text, runs: [], end: from < p.text.length ? offsetAt(p, from) : p.end };
  const runs: number[] = [0, offsetAt(p, from)];
  const r = p.runs;
  for (let k = 0; k < r.length; k += 2) if (r[k] > from && r[k] < to) runs.push(r[k] - from, r[k + 1]);
  const lastOffset = offsetAt(p, to - 1);
  const end = to < p.text.length ? Math.max(offsetAt(p, to), lastOffset + 1) : Math.max(p.end, lastOffset + 1);
  return { text, runs, end };
}

/** The parts one after the other, `sep` between two that do not stand side by side in the file. */
export function concat(parts: Piece[], sep = ''): Piece {
  if (parts.length === 1 && !sep) return parts[0];
  const b = new PieceBuilder();
  parts.forEach((p, i) => {
    // parts that stand side by side in the file (a clause, then the 。 after it) join as they stand
    if (i > 0 && sep && !(p.text.length && parts[i - 1].text.length && startOffset(p) === parts[i - 1].end)) {
      const at = startOffset(p);
      for (let k = 0; k < sep.length; k++) b.push(sep[k], at);
    }
    b.append(p);
  });
  return b.build(parts.length ? parts[parts.length - 1].end : 0);
}

export function startOffset(p: Piece): number {
  return p.runs.length ? p.runs[1] : p.end;
}

/** Han characters, CJK and full-width punctuation, Chinese quotes and dashes */
export function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x00b7 ||
    (c >= 0xd840 && c <= 0xd87f) // high surrogates of the CJK extension planes
  );
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x85;
}

/** What a line reader asks of a character, one table lookup instead of a chain of comparisons. */
export const SPACE = 1;
export const CJK = 2;
/** │ | ┃: a cell border of a table printed as text */
export const BORDER = 4;

let charFlags: Uint8Array | null = null;

/**
 * code unit → SPACE | CJK | BORDER bits: the ranges of isCjkCode and the characters of
 * isSpaceCode filled in (a loop over every code unit cost a cold start 15 ms; tests compare)
 */
export function charTable(): Uint8Array {
  if (charFlags) return charFlags;
  const t = new Uint8Array(65536);
  const cjk: [number, number][] = [
    [0x4e00, 0x9fff],
    [0x3400, 0x4dbf],
    [0x3000, 0x303f],
    [0xff00, 0xffef],
    [0xf900, 0xfaff],
    [0x2018, 0x201d],
    [0x2014, 0x2014],
    [0x2026, 0x2026],
    [0x00b7, 0x00b7],
    [0xd840, 0xd87f],
  ];
  for (const [a, b] of cjk) t.fill(CJK, a, b + 1);
  for (const c of [32, 9, 10, 13, 11, 12, 0xa0, 0x3000, 0xfeff, 0x2028, 0x2029, 0x1680, 0x202f, 0x205f, 0x85]) t[c] |= SPACE;
  for (let c = 0x2000; c <= 0x200b; c++) t[c] |= SPACE;
  for (const c of '│|┃') t[c.charCodeAt(0)] |= BORDER;
  charFlags = t;
  return t;
}

/** A character tidy() takes for whitespace: JavaScript's \s, the zero-width space and NEL (SPACE of charTable, as one scan). */
export const HAS_SPACE = /[\s\u200b\u0085]/;

/**
 * Trims a line and removes whitespace that scraping put inside Chinese text
 * ("市公安局开发 区分局" → "市公安局开发区分局"); other runs of whitespace become one space.
 */
export function tidy(p: Piece): Piece {
  const t = p.text;
  const table = charTable();
  // the common cases first: no whitespace at all, or whitespace only around the text
  let a = 0;
  while (a < t.length && table[t.charCodeAt(a)] & SPACE) a++;
  let b = t.length;
  while (b > a && table[t.charCodeAt(b - 1)] & SPACE) b--;
  let inner = false;
  for (let i = a; i < b; i++)
    if (table[t.charCodeAt(i)] & SPACE) {
      inner = true;
      break;
    }
  if (!inner) {
    if (a === 0 && b === t.length) return p;
    if (a === b) return { text: '', runs: [], end: p.end };
    // what the builder below makes of it: the stretch, ending where the line ended
    const s = slice(p, a, b);
    return { text: s.text, runs: s.runs, end: p.end };
  }
  const b2 = new PieceBuilder();
  let prev = -1; // code of the last kept character
  let i = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (table[c] & SPACE) {
      let j = i;
      while (j < t.length && table[t.charCodeAt(j)] & SPACE) j++;
      if (prev >= 0 && j < t.length && !(table[prev] & CJK) && !(table[t.charCodeAt(j)] & CJK)) b2.push(' ', offsetAt(p, i));
      i = j;
      continue;
    }
    // copy the stretch up to the next space in one go
    let j = i + 1;
    while (j < t.length && !(table[t.charCodeAt(j)] & SPACE)) j++;
    b2.append(slice(p, i, j));
    prev = t.charCodeAt(j - 1);
    i = j;
  }
  return b2.build(p.end);
}

let foldTable: Uint16Array | null = null;

/**
 * code → folded code for the UTF-16 units that fold, 0 for the rest (a zero-filled array costs
 * nothing to create, which matters at start-up), built once from the grammars
 */
function table(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(65536);
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20;
  for (const [from, to] of grammars().variants) t[from.charCodeAt(0)] = to.charCodeAt(0);
  foldTable = t;
  return t;
}

/** code unit → its folded code unit, 0 where it does not fold (foldKey's table, for loops of their own) */
export const foldCodes = (): Uint16Array => table();

/**
 * The matching view of a text: full-width ASCII folded to half-width, ideographic space to
 * space, traditional characters to simplified (grammars/variants.yaml). One UTF-16 unit for
 * one, so an index into the key is an index into the text.
 */
export function foldKey(text: string): string {
  const t = table();
  // copy the stretches that do not fold as slices: real plans fold a character every few
  // (，：（）), so building the string from slices beats a per-character array
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const f = t[text.charCodeAt(i)];
    if (f !== 0) {
      out += text.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

let foldedFlags = 0;

/**
 * foldKey, and in the same pass the charTable flags of the text's characters OR-ed together
 * (read them with flagsOfLastFold): the line reader's fold and its whitespace and border scans
 * in one loop.
 */
export function foldKeyWithFlags(text: string): string {
  const t = table();
  const ct = charTable();
  let out = '';
  let last = 0;
  let flags = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    flags |= ct[c];
    const f = t[c];
    if (f !== 0) {
      out += text.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  foldedFlags = flags;
  return last === 0 ? text : out + text.slice(last);
}

/** The flags of the text foldKeyWithFlags folded last. */
export const flagsOfLastFold = () => foldedFlags;

/** UTF-16 code units written into a Uint16Array read back as UTF-16LE: true on every usual CPU */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * foldKey of a whole text at once, as one flat string (what foldKey(text) returns, unit for
 * unit). A reader folds its file once and takes each line's key as a slice of it: a slice costs
 * no copy, where folding line by line built a string of a few pieces per folded character
 * (full-width text folds one every few) that every pattern later had to flatten.
 */
export function foldText(text: string): string {
  const t = table();
  const n = text.length;
  let i = 0;
  while (i < n && t[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  if (!LITTLE_ENDIAN) return foldKey(text);
  // the text's code units copied as they are, then the ones that fold replaced in place
  const buf = Buffer.allocUnsafeSlow(n * 2);
  buf.write(text, 0, 'utf16le');
  const units = new Uint16Array(buf.buffer, buf.byteOffset, n);
  for (; i < n; i++) {
    const f = t[units[i]];
    if (f !== 0) units[i] = f;
  }
  return buf.toString('utf16le');
}
