// Unit names inside an owner clause: split a list ("A、B、各县（市、区）政府") and clean each
// name the way a reader does (spaces, edge punctuation, "由"/"等有关部门" cut).
import { grammars } from '../grammars/load.js';
import { foldKey } from '../normalize/piece.js';

// ( [ 〔 【 「 《 “  and their closers
const OPENERS = [0x28, 0x5b, 0x3014, 0x3010, 0x300c, 0x300a, 0x201c];
const CLOSERS = [0x29, 0x5d, 0x3015, 0x3011, 0x300d, 0x300b, 0x201d];
/** what a code unit is to the splitter (bits) */
const OPENS = 1;
const CLOSES = 2;
const SEPARATES = 4;

/**
 * For a one-character pattern ("[、,;，；]"): code unit → OPENS | CLOSES | SEPARATES, one table
 * lookup per character instead of three Set lookups. The pattern is tested once per character
 * of the ranges where separators stand (not on Han characters, which the splitter skips).
 */
const tables = new WeakMap<RegExp, Uint8Array>();
function tableOf(sep: RegExp): Uint8Array {
  let t = tables.get(sep);
  if (!t) {
    t = new Uint8Array(0x10000);
    const ranges = [
      [0x20, 0x7f],
      [0x2000, 0x206f],
      [0x3000, 0x303f],
      [0xfe10, 0xfe6f],
      [0xff00, 0xff65],
    ];
    for (const [a, b] of ranges) for (let c = a; c <= b; c++) if (sep.test(String.fromCharCode(c))) t[c] = SEPARATES;
    // an opening bracket opens, whatever the pattern says; a closing one closes where a bracket
    // is open, and elsewhere separates if the pattern says so (as the splitter always read them)
    for (const c of OPENERS) t[c] = OPENS;
    for (const c of CLOSERS) t[c] |= CLOSES;
    tables.set(sep, t);
  }
  return t;
}

/**
 * Splits `text` at the characters of `sep` (a one-character pattern) that stand outside
 * brackets; `key` is the folded text (same length). Returns [start, end) index pairs.
 */
export function splitOutside(key: string, sep: RegExp): [number, number][] {
  const out: [number, number][] = [];
  forEachOutside(key, sep, (a, b) => out.push([a, b]));
  return out;
}

/** splitOutside, each [start, end) handed to `fn` in order instead of collected into pairs. */
export function forEachOutside(key: string, sep: RegExp, fn: (a: number, b: number) => void): void {
  const t = tableOf(sep);
  let depth = 0;
  let from = 0;
  for (let i = 0; i < key.length; i++) {
    const f = t[key.charCodeAt(i)];
    if (f === 0) continue;
    if (f === OPENS) depth++;
    else if (depth > 0 && f & CLOSES) depth--;
    else if (depth === 0 && f & SEPARATES) {
      fn(from, i);
      from = i + 1;
    }
  }
  fn(from, key.length);
}

/** what a unit sheds at its ends (trimPunct cuts it by hand) */
export const PUNCT_EDGES = /^[,，、;；:：.。!！?？\s]+|[,，、;；:：.。!！?？\s]+$/gu;

/** Is this unit a collective phrase, naming no one in particular ("各有关部门", "各镇街")? */
export function isCollective(unit: string): boolean {
  return isCollectiveKey(foldKey(unit).replace(/\s+/g, ''));
}

/** isCollective of a unit already folded, whitespace removed */
function isCollectiveKey(k: string): boolean {
  const { exact, prefixes } = grammars().owners.collectives;
  return exact.has(k) || prefixes.some((p) => k.startsWith(p));
}

/** Does the text read as the name of a unit (ends like 局, 委, 政府, 中心 …, or is a collective)? */
export function looksLikeUnit(unit: string): boolean {
  const f = foldKey(unit);
  const k0 = hasSpace(f) ? f.replace(/\s+/g, '') : f;
  // (a bracket at the end needs its ) last: the pattern is not tried at every position of the rest)
  const k = k0.charCodeAt(k0.length - 1) === 0x29 ? k0.replace(/[(][^()]*[)]$/, '') : k0;
  if (k.length < 2 || k.length > 30) return false;
  if (/[\d%。]/.test(k)) return false;
  const g = grammars().owners;
  return g.collectives.exact.has(k) || (g.unitEnding.test(k) && !g.notUnitEnding.test(k));
}

/**
 * One unit as written, cleaned; null when nothing of a unit is left. `rawKey`: foldKey(raw), when
 * the caller has it (a key folds its text code unit for code unit, so the cleaned name's folded
 * text is cut from it instead of folding the name again).
 */
export function cleanUnit(raw: string, rawKey?: string): string | null {
  const g = grammars().owners;
  // (hand-written scans for what the patterns did on every unit: most units hold no space and
  // no edge punctuation, and the replaces then copied nothing)
  const spaced = hasSpace(raw);
  const r = spaced ? raw.replace(/[\s\u3000]+/g, '') : raw;
  let a = edgeStart(r);
  const b = edgeEnd(r, a);
  let s = cut(r, a, b);
  const lead = LEAD_WORD.exec(s);
  if (lead) {
    s = s.slice(lead[0].length);
    a += lead[0].length;
  }
  // folded once for both tests (s holds no whitespace now)
  const k = rawKey !== undefined && !spaced ? rawKey.slice(a, b) : foldKey(s);
  if (!isCollectiveKey(hasSpace(k) ? k.replace(/\s+/g, '') : k)) {
    const m = g.trailingCollective.exec(k);
    if (m && m.index > 0) s = s.slice(0, m.index);
  }
  s = trimPunct(s);
  if (!s || s.length > 40) return null;
  // a date or a figure is no unit ("2023-2025年", "0.5分"); a number in a name is ("市12345热线中心")
  // (both need a digit, or a figure's . or % first)
  if (mayBeFigure(s) && /(?:^|\D)(?:19|20)\d{2}(?!\d)|^[\d.%]+\S{0,2}$/.test(s)) return null;
  return s;
}

/** Does the text hold a character of [\s\u3000] (JavaScript's \s, as the regex reads a code unit)? */
function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** JavaScript's \s (WhiteSpace and LineTerminator), as /\s/ tests a code unit. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** A character PUNCT_EDGES cuts from the ends: ,，、;；:：.。!！?？ and whitespace. */
function isEdgePunct(c: number): boolean {
  switch (c) {
    case 0x2c: case 0xff0c: case 0x3001: case 0x3b: case 0xff1b: case 0x3a: case 0xff1a:
    case 0x2e: case 0x3002: case 0x21: case 0xff01: case 0x3f: case 0xff1f:
      return true;
    default:
      return isSpace(c);
  }
}

/** s.replace(PUNCT_EDGES, ''), by hand. */
export function trimPunct(s: string): string {
  const a = edgeStart(s);
  return cut(s, a, edgeEnd(s, a));
}

/** s.slice(a, b), or s itself where that is all of it (no copy) */
const cut = (s: string, a: number, b: number): string => (a === 0 && b === s.length ? s : s.slice(a, b));

/** Where trimPunct's cut of `s` starts. */
function edgeStart(s: string): number {
  let a = 0;
  while (a < s.length && isEdgePunct(s.charCodeAt(a))) a++;
  return a;
}

/** Where trimPunct's cut of `s` ends (`a`: its start). */
function edgeEnd(s: string, a: number): number {
  let b = s.length;
  while (b > a && isEdgePunct(s.charCodeAt(b - 1))) b--;
  return b;
}

/** a word asking a unit to act, cut from the start of its name ("由市发展改革委") */
const LEAD_WORD = /^(?:由|请|要求|并由)/;

/** Can the figure-or-date test match at all: a digit somewhere, or . or % first? */
function mayBeFigure(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2e || c0 === 0x25) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * The units listed in a part of a clause ("A、B、C"), cleaned, people and empty ones left out.
 * `key` is the folded text, when the caller has it.
 */
export function unitsOf(text: string, key = foldKey(text)): string[] {
  const out: string[] = [];
  forEachOutside(key, grammars().owners.separators, (a, b) => {
    const u = cleanUnit(text.slice(a, b), key.slice(a, b));
    if (u) out.push(u);
  });
  return out;
}

/**
 * unitsOf, stopping at the first unit `ok` rejects: null then. (A sentence read as a clause is
 * prose at its first part that is not all unit names; most sentences are told at their first unit.)
 */
export function unitsIf(text: string, key: string, ok: (unit: string) => boolean): string[] | null {
  const out: string[] = [];
  for (const [a, b] of splitOutside(key, grammars().owners.separators)) {
    const u = cleanUnit(text.slice(a, b), key.slice(a, b));
    if (!u) continue;
    if (!ok(u)) return null;
    out.push(u);
  }
  return out;
}

export const dedupe = (xs: string[]) => [...new Set(xs)];
