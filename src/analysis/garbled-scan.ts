// Encoding damage the marker lists of garbled-text cannot name one by one (used by that rule):
// - text read with the wrong Chinese code page (Big5 read as GBK, or bytes out of step): runs
//   dense in characters a plan never uses (outside GB2312 even after traditional → simplified
//   folding) or in symbols that have no place inside Chinese words (注音 ㄒ, kana, box pieces);
// - pinyin with tone marks injected after characters by a web page: "发(fā)展";
// - runs of "?" that stand for characters lost by a converter: "关于????的通知".
import type { Found } from './text-scan.js';
import { foldKey } from '../normalize/piece.js';
import { GB2312_BITMAP_BASE64 } from './gb2312-table.js';

let gb2312: Uint8Array | null = null;

/**
 * Bit c set for every character of GB2312 (the 6 763 characters and symbols of ordinary text):
 * precomputed (scripts/gen-gb2312.mjs); decoding all of GB2312 with iconv-lite at run time took
 * over 100 ms of every cold start.
 */
function gbBits(): Uint8Array {
  return (gb2312 ??= Buffer.from(GB2312_BITMAP_BASE64, 'base64'));
}

/** Whether code unit c is a character of GB2312. */
export function inGb2312(c: number): boolean {
  return ((gbBits()[c >> 3] >> (c & 7)) & 1) === 1;
}

/**
 * Sets `bit` in `table` (indexed by code unit) for every code unit findCodePageRuns can mark: from
 * U+0080 on, no character of GB2312, and Han, alien or stray. Other characters outside GB2312
 * (• 〇 ㎡, common in plans) can never start a run, so a text holding only those need not be
 * searched (tests/lint/text-scan.test.ts checks the table against the finder).
 */
export function markCodePageSuspects(table: Uint8Array, bit: number): void {
  const bits = gbBits();
  // only the ranges isHan, isAlien and isStray accept are visited (a loop over every code unit
  // calling them cost a cold start ~10 ms)
  for (const [from, to] of SUSPECT_RANGES)
    for (let c = Math.max(from, 0x80); c <= to; c++) if (!((bits[c >> 3] >> (c & 7)) & 1)) table[c] |= bit;
}

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** Symbols with no place inside Chinese words: 注音, kana, vertical forms, private use, compatibility ideographs. */
const isAlien = (c: number) =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3100 && c <= 0x312f) || (c >= 0x31a0 && c <= 0x31bf) || (c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf900 && c <= 0xfaff);

/** Characters that may come out of a wrong code page: box pieces, Cyrillic, Greek, accented Latin. */
const isStray = (c: number) => (c >= 0x2500 && c <= 0x257f) || (c >= 0x0400 && c <= 0x04ff) || (c >= 0x0370 && c <= 0x03ff) || (c >= 0x00c0 && c <= 0x024f);

/** The code units isHan, isAlien and isStray accept, as ranges (tests compare them with the predicates). */
export const SUSPECT_RANGES: readonly (readonly [number, number])[] = [
  [0x4e00, 0x9fff], [0x3400, 0x4dbf],
  [0x3040, 0x30ff], [0x3100, 0x312f], [0x31a0, 0x31bf], [0xfe10, 0xfe1f], [0xfe30, 0xfe4f], [0xe000, 0xf8ff], [0xf900, 0xfaff],
  [0x2500, 0x257f], [0x0400, 0x04ff], [0x0370, 0x03ff], [0x00c0, 0x024f],
];

/** Whether findCodePageRuns can mark code unit c at all (Han, alien or stray). */
export const isSuspectKind = (c: number): boolean => isHan(c) || isAlien(c) || isStray(c);

/** Runs of characters read with the wrong Chinese code page. */
export function findCodePageRuns(text: string): Found[] {
  // suspicion of each position: 2 = alien next to Han, 1 = rare Han or stray symbol
  const marks: number[] = [];
  const nearHan = (i: number) => isHan(text.charCodeAt(i - 1)) || isHan(text.charCodeAt(i + 1));
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // the common case first: ASCII, or a character of ordinary text
    if (c < 0x80 || inGb2312(c)) continue;
    if (isHan(c)) {
      if (!inGb2312(foldKey(text[i]).charCodeAt(0))) marks.push(i, 1);
    } else if (isAlien(c)) {
      if (nearHan(i)) marks.push(i, 2);
    } else if (isStray(c) && nearHan(i)) marks.push(i, 1);
  }
  const out: Found[] = [];
  // group marks no more than 3 apart; a group counts when it holds an alien or two marks
  for (let k = 0; k < marks.length; ) {
    let end = k;
    let weight = marks[k + 1];
    while (end + 2 < marks.length && marks[end + 2] - marks[end] <= 3) {
      end += 2;
      weight += marks[end + 1];
    }
    if (weight >= 2) {
      let from = marks[k];
      let to = marks[end] + 1;
      // an alien alone shows with its neighbour, as mis-decoded pairs come: "ㄒ唬"
      if (to - from === 1) {
        if (isHan(text.charCodeAt(to))) to++;
        else if (isHan(text.charCodeAt(from - 1))) from--;
      }
      out.push({ index: from, length: to - from, text: text.slice(from, to) });
    }
    k = end + 2;
  }
  return out;
}

// pinyin after a character: a Latin syllable with a tone mark in brackets
const pinyin = /(?<=[\p{Script=Han}])[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\s*[)）]/gu;

/** Pinyin with tone marks injected after characters: "发(fā)展". */
const toneMark = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u;

export function findInjectedPinyin(text: string): Found[] {
  if (!toneMark.test(text)) return [];
  return [...text.matchAll(pinyin)].map((m) => ({ index: m.index, length: m[0].length, text: m[0] }));
}

// three or more question marks, or two touching a Chinese character: characters lost in conversion
const lost = /\?{3,}|？{3,}|(?<=[\p{Script=Han}])\?{2,}|\?{2,}(?=[\p{Script=Han}])/gu;

/** Runs of "?" standing for characters a converter could not map. */
export function findLostCharacters(text: string): Found[] {
  if (!text.includes('??') && !text.includes('？？？')) return [];
  return [...text.matchAll(lost)].map((m) => ({ index: m.index, length: m[0].length, text: m[0] }));
}
