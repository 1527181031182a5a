// A Piece is a run of text taken from the original file with, for every character, the
// offset it came from. Normalization (dropping spaces, joining lines) builds new Pieces, so
// whatever it does, a match in a Piece maps back to the original file.
import { grammars } from '../grammars/load.js';

export interface Piece {
  text: string;
  /** offsets[i] = original offset of text[i] */
  offsets: number[];
  /** original offset just past the last character */
  end: number;
}

export function pieceOf(text: string, start: number): Piece {
  const offsets = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) offsets[i] = start + i;
  return { text, offsets, end: start + text.length };
}

export function slice(p: Piece, from: number, to = p.text.length): Piece {
  const text = p.text.slice(from, to);
  const offsets = p.offsets.slice(from, to);
  const end = to < p.text.length ? p.offsets[to] : p.end;
  return { text, offsets, end: offsets.length ? Math.max(end, offsets[offsets.length - 1] + 1) : end };
}

export function concat(parts: Piece[], sep = ''): Piece {
  let text = '';
  const offsets: number[] = [];
  parts.forEach((p, i) => {
    if (i > 0 && sep) {
      text += sep;
      for (let k = 0; k < sep.length; k++) offsets.push(p.offsets[0] ?? p.end);
    }
    text += p.text;
    for (const o of p.offsets) offsets.push(o);
  });
  return { text, offsets, end: parts.length ? parts[parts.length - 1].end : 0 };
}

export function startOffset(p: Piece): number {
  return p.offsets.length ? p.offsets[0] : p.end;
}

const isCjk = (c: string | undefined) =>
  c !== undefined && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·《》〔〕【】]/u.test(c);

/**
 * Trims a line and removes whitespace that scraping put inside Chinese text
 * ("市公安局开发 区分局" → "市公安局开发区分局"); other runs of whitespace become one space.
 */
export function tidy(p: Piece): Piece {
  const text: string[] = [];
  const offsets: number[] = [];
  const chars = p.text;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (/[\s\u00a0\u2000-\u200b\u3000\ufeff]/u.test(c)) {
      let j = i;
      while (j < chars.length && /[\s\u00a0\u2000-\u200b\u3000\ufeff]/u.test(chars[j])) j++;
      const before = text.length ? text[text.length - 1] : undefined;
      const after = chars[j];
      if (before !== undefined && after !== undefined && !isCjk(before) && !isCjk(after)) {
        text.push(' ');
        offsets.push(p.offsets[i]);
      }
      i = j;
      continue;
    }
    text.push(c);
    offsets.push(p.offsets[i]);
    i++;
  }
  return { text: text.join(''), offsets, end: p.end };
}

/**
 * The matching view of a text: full-width ASCII folded to half-width, ideographic space to
 * space, traditional characters to simplified (grammars/variants.yaml). One UTF-16 unit for
 * one, so an index into the key is an index into the text.
 */
export function foldKey(text: string): string {
  const variants = grammars().variants;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += variants.get(c) ?? c;
  }
  return out;
}
