// A quick, exact rejection test for a grammar's regular expression: a character class holding,
// for every alternative of the pattern, the characters one of which each of its matches must
// contain. A text with none of them cannot match, and one scan for a character class decides
// that, where the pattern itself (lookbehinds, Unicode properties, optional prefixes) may try
// every position of every line. Used where a pattern runs on every line and rarely matches.
//
// The analysis reads the pattern's source: literal characters, escapes, classes, groups and
// quantifiers. Whatever it does not understand (a negated class, ".", \p{…}, a back-reference,
// the i flag) yields no prefilter at all (null), never a wrong one.

type Ranges = [number, number][];

interface Atom {
  /** the characters the atom consumes one of; null: unknown (".", \S, \p{…}, a back-reference) */
  set: Ranges | null;
  /** for a group: its alternatives */
  alts?: Atom[][];
  /** zero-width (anchors, lookarounds, \b): consumes nothing */
  zero?: boolean;
  /** the least number of times it occurs */
  min: number;
  /** it may occur more than once (*, +, {n,m} with m > 1) */
  more?: boolean;
  /** the anchor ^ */
  caret?: boolean;
  /** the anchor $ */
  dollar?: boolean;
}

class Unsupported extends Error {}

const SPACE: Ranges = [
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];

class Parser {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  private peek(): string {
    return this.src[this.i];
  }

  /** one character of the source as a code point (a pair whole in Unicode mode) */
  private char(): number {
    const c = this.unicode ? this.src.codePointAt(this.i)! : this.src.charCodeAt(this.i);
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  alternation(): Atom[][] {
    const alts: Atom[][] = [[]];
    while (this.i < this.src.length && this.peek() !== ')') {
      if (this.peek() === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const atom = this.atom();
      this.quantifier(atom);
      alts[alts.length - 1].push(atom);
    }
    return alts;
  }

  private quantifier(atom: Atom): void {
    const c = this.peek();
    if (c === '?' || c === '*') {
      atom.min = 0;
      if (c === '*') atom.more = true;
      this.i++;
    } else if (c === '+') {
      atom.more = true;
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        if (this.unicode) throw new Unsupported();
        return; // a literal "{" outside Unicode mode: read as the next atom
      }
      atom.min = Math.min(atom.min, Number(m[1]));
      if (Number(m[1]) > 1 || (m[2] !== undefined && (m[2] === '' || Number(m[2]) > 1))) atom.more = true;
      this.i += m[0].length;
    } else return;
    if (this.peek() === '?') this.i++; // lazy
  }

  private atom(): Atom {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.i++;
      return { set: null, zero: true, min: 1, caret: c === '^', dollar: c === '$' };
    }
    if (c === '.') {
      this.i++;
      return { set: null, min: 1 };
    }
    if (c === '(') return this.group();
    if (c === '[') return { set: this.charClass(), min: 1 };
    if (c === '\\') return this.escape(false);
    if (c === '*' || c === '+' || c === '?') throw new Unsupported();
    const code = this.char();
    return { set: [[code, code]], min: 1 };
  }

  private group(): Atom {
    this.i++; // (
    if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i) || this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      // a lookaround consumes nothing: what it holds does not matter, only where it ends
      this.skipGroup();
      return { set: null, zero: true, min: 1 };
    }
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported();
      this.i = end + 1;
    } else if (this.peek() === '?') throw new Unsupported(); // modifiers and the like
    const alts = this.alternation();
    if (this.peek() !== ')') throw new Unsupported();
    this.i++;
    return { set: null, alts, min: 1 };
  }

  /** past the ")" that closes the group whose "(" was just read */
  private skipGroup(): void {
    let depth = 1;
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === '\\') this.i++;
      else if (c === '[') {
        while (this.i < this.src.length && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
        this.i++;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return;
    }
    throw new Unsupported();
  }

  /** an escape outside a class; `inClass`: inside one (\b is a backspace there) */
  private escape(inClass: boolean): Atom {
    this.i++; // backslash
    const e = this.src[this.i];
    if (e === undefined) throw new Unsupported();
    this.i++;
    switch (e) {
      case 'd':
        return { set: DIGIT, min: 1 };
      case 's':
        return { set: SPACE, min: 1 };
      case 'w':
        return { set: WORD, min: 1 };
      case 'D':
      case 'S':
      case 'W':
        return { set: null, min: 1 };
      case 'p':
      case 'P': {
        // \p{…}: some character of a Unicode property (not described here)
        const m = /^\{[^}]*\}/.exec(this.src.slice(this.i));
        if (!m || !this.unicode) throw new Unsupported();
        this.i += m[0].length;
        return { set: null, min: 1 };
      }
      case 'k': {
        const m = /^<[^>]*>/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += m[0].length;
        return { set: null, min: 1 }; // what a named group captured: unknown here
      }
      case 'b':
        return inClass ? { set: [[8, 8]], min: 1 } : { set: null, zero: true, min: 1 };
      case 'B':
        if (inClass) throw new Unsupported();
        return { set: null, zero: true, min: 1 };
      case 'n':
        return { set: [[10, 10]], min: 1 };
      case 't':
        return { set: [[9, 9]], min: 1 };
      case 'r':
        return { set: [[13, 13]], min: 1 };
      case 'f':
        return { set: [[12, 12]], min: 1 };
      case 'v':
        return { set: [[11, 11]], min: 1 };
      case '0':
        if (/[0-9]/.test(this.peek() ?? '')) throw new Unsupported();
        return { set: [[0, 0]], min: 1 };
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += 2;
        const c = parseInt(m[0], 16);
        return { set: [[c, c]], min: 1 };
      }
      case 'u': {
        const m = /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += m[0].length;
        const c = parseInt(m[0].replace(/[{}]/g, ''), 16);
        if (m[0].startsWith('{') && !this.unicode) throw new Unsupported();
        return { set: [[c, c]], min: 1 };
      }
      case 'c':
        throw new Unsupported();
      default:
        if (/[1-9]/.test(e)) {
          // a back-reference: the text a group captured, unknown here
          while (/[0-9]/.test(this.peek() ?? '')) this.i++;
          return { set: null, min: 1 };
        }
        // anything else alphanumeric we do not know: no prefilter
        if (/[0-9A-Za-z]/.test(e)) throw new Unsupported();
        return { set: [[e.charCodeAt(0), e.charCodeAt(0)]], min: 1 };
    }
  }

  private charClass(): Ranges | null {
    this.i++; // [
    if (this.peek() === '^') throw new Unsupported();
    const out: Ranges = [];
    let known = true;
    const one = (): Ranges => {
      if (this.peek() === '\\') {
        const a = this.escape(true);
        if (!a.set) known = false; // [\S…], [\p{…}]: a class we cannot list
        return a.set ?? [];
      }
      const c = this.char();
      return [[c, c]];
    };
    while (this.i < this.src.length && this.peek() !== ']') {
      const a = one();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const b = one();
        if (a.length !== 1 || b.length !== 1 || a[0][0] !== a[0][1] || b[0][0] !== b[0][1]) throw new Unsupported();
        out.push([a[0][0], b[0][0]]);
      } else out.push(...a);
    }
    if (this.peek() !== ']') throw new Unsupported();
    this.i++;
    return known ? out : null;
  }
}

const size = (r: Ranges) => r.reduce((n, [a, b]) => n + b - a + 1, 0);

/** A set of characters one of which every match of the sequence contains, or null. */
function required(seq: Atom[]): Ranges | null {
  let best: Ranges | null = null;
  for (const atom of seq) {
    if (atom.zero || atom.min === 0) continue;
    const set = atom.alts ? requiredOfAlts(atom.alts) : atom.set;
    // the smallest set wins; among equals the later one (a pattern's later words tend to be rarer)
    if (set && (!best || size(set) <= size(best))) best = set;
  }
  return best;
}

function requiredOfAlts(alts: Atom[][]): Ranges | null {
  const out: Ranges = [];
  for (const alt of alts) {
    const r = required(alt);
    if (!r) return null;
    out.push(...r);
  }
  return out;
}

/**
 * The characters a match of the sequence from `from` on can begin with (with `fromEnd`: the
 * characters a match of the whole sequence can end with); `nullable`: it can match without
 * consuming anything. null where that cannot be said (".", \S, \p{…}, a back-reference).
 */
function edgeOf(seq: Atom[], from = 0, fromEnd = false): { set: Ranges; nullable: boolean } | null {
  const out: Ranges = [];
  for (let k = fromEnd ? seq.length - 1 : from; fromEnd ? k >= 0 : k < seq.length; fromEnd ? k-- : k++) {
    const atom = seq[k];
    // a lookaround or an anchor consumes nothing: the edge character stands beyond it
    if (atom.zero) continue;
    let set: Ranges;
    let nullable = atom.min === 0;
    if (atom.alts) {
      set = [];
      for (const alt of atom.alts) {
        const f = edgeOf(alt, 0, fromEnd);
        if (!f) return null;
        set.push(...f.set);
        if (f.nullable) nullable = true;
      }
    } else if (atom.set) set = atom.set;
    else return null;
    out.push(...set);
    if (!nullable) return { set: out, nullable: false };
  }
  return { set: out, nullable: true };
}

const firstOf = (seq: Atom[], from = 0) => edgeOf(seq, from);
/** edgeOf read from the end: the characters a match of `seq` can end with. */
const lastOf = (seq: Atom[]) => edgeOf(seq, 0, true);

/** a character of a class: a code point in Unicode mode, a code unit (a surrogate half alone) else */
const esc = (c: number, unicode: boolean) => (unicode ? `\\u{${c.toString(16)}}` : `\\u${c.toString(16).padStart(4, '0')}`);

/**
 * A character class any text that `source` (with `flags`) matches must hold one character of,
 * or null where that cannot be said for sure.
 */
export function requiredChars(source: string, flags = ''): RegExp | null {
  if (flags.includes('i') || flags.includes('v')) return null;
  const unicode = flags.includes('u');
  try {
    const p = new Parser(source, unicode);
    const alts = p.alternation();
    if (p.i !== source.length) return null;
    const ranges = requiredOfAlts(alts);
    if (!ranges?.length) return null;
    const cls = classOf(ranges, unicode);
    return new RegExp(`[${cls}]`, unicode ? 'u' : '');
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * A test that a text holds every character each alternative of `source` needs as a character of
 * its own (a given character of the BMP that every match of each alternative holds: "基准…年",
 * "以…年为基…", "基期…年" all hold 基 and 年), each searched for with indexOf, which scans far
 * faster than the pattern does. false only where the pattern cannot match; null where the
 * alternatives share no such character or the pattern is not understood.
 */
export function sharedCharsTest(source: string, flags = ''): ((text: string) => boolean) | null {
  if (/[imvy]/.test(flags)) return null;
  let shared: number[] | null = null;
  try {
    const p = new Parser(source, flags.includes('u'));
    const alts = p.alternation();
    if (p.i !== source.length) return null;
    for (const alt of leafAlternatives(alts)) {
      const own = new Set(alt.map((a) => (!a.zero && a.min >= 1 ? loneChar(a) : -1)));
      shared = (shared ?? [...own]).filter((c) => c >= 0 && own.has(c));
    }
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  if (!shared?.length) return null;
  const chars = shared.map((c) => String.fromCharCode(c));
  return (text: string) => {
    for (const c of chars) if (text.indexOf(c) < 0) return false;
    return true;
  };
}

/**
 * For patterns anchored at the start of the text ("^第…章", "^（一）"), a test of the text's
 * first character that every match needs: /^[…]/ holding the characters any of the patterns can
 * begin with. null where one of them is not anchored, can match empty, or is not understood.
 */
export function firstChars(patterns: readonly RegExp[]): RegExp | null {
  const edge = anchoredEdge(patterns, false);
  if (!edge) return null;
  const { ranges, unicode } = edge;
  const cls = classOf(ranges, unicode);
  return new RegExp(`^[${cls}]`, unicode ? 'u' : '');
}

/**
 * The characters every alternative of every pattern opens with after ^ (`atEnd`: closes with
 * before $), and whether they are code points (all patterns /u); null where one alternative is
 * not anchored there, can match empty, is not understood, or the flags differ.
 */
function anchoredEdge(patterns: readonly RegExp[], atEnd: boolean): { ranges: Ranges; unicode: boolean } | null {
  if (!patterns.length) return null;
  const unicode = patterns.every((re) => re.flags.includes('u'));
  const ranges: Ranges = [];
  for (const re of patterns) {
    // m: ^ and $ would match at every line break; i, v, y: not read here; mixed modes: no one class
    if (/[imvy]/.test(re.flags) || re.flags.includes('u') !== unicode) return null;
    try {
      const p = new Parser(re.source, unicode);
      const alts = p.alternation();
      if (p.i !== re.source.length) return null;
      for (const alt of alts) {
        // the anchor must stand first (last), once, with nothing before (after) it
        const anchor = atEnd ? alt[alt.length - 1] : alt[0];
        if (!anchor || !(atEnd ? anchor.dollar : anchor.caret) || anchor.min !== 1) return null;
        const f = atEnd ? lastOf(alt.slice(0, -1)) : firstOf(alt, 1);
        if (!f || f.nullable || !f.set.length) return null;
        ranges.push(...f.set);
      }
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
  }
  return { ranges, unicode };
}

/**
 * For patterns anchored at the end of the text ("…规划$", "…(2021—2025年)$"), a test of the
 * text's last character (a code point in Unicode mode) that every match needs: false only where
 * none of the patterns can end with it. null where one of them is not anchored at its end, can
 * match empty, or is not understood. The mirror of firstChars, without a regex: /[…]$/ would be
 * tried at every position. `text`: the text's last character is its code unit `end - 1` (its
 * whole length by default).
 */
export function lastChars(patterns: readonly RegExp[]): ((text: string, end?: number) => boolean) | null {
  const edge = anchoredEdge(patterns, true);
  if (!edge) return null;
  const { ranges, unicode } = edge;
  const isLast = memberTest(ranges);
  return (text: string, n = text.length) => n > 0 && isLast(pointEndingAt(text, n - 1, unicode));
}

/** the leaf alternatives of a sequence: a lone unquantified group stands for its own alternatives */
function leafAlternatives(alts: Atom[][], out: Atom[][] = []): Atom[][] {
  for (const alt of alts) {
    const only = alt.length === 1 ? alt[0] : null;
    if (only?.alts && only.min === 1) leafAlternatives(only.alts, out);
    else out.push(alt);
  }
  return out;
}

const inRanges = (r: Ranges, c: number) => {
  for (let k = 0; k < r.length; k++) if (c >= r[k][0] && c <= r[k][1]) return true;
  return false;
};

/** the code point (Unicode mode) or code unit whose last code unit is text[i] (i ≥ 0) */
function pointEndingAt(text: string, i: number, unicode: boolean): number {
  const c = text.charCodeAt(i);
  if (unicode && c >= 0xdc00 && c <= 0xdfff && i >= 1) {
    const h = text.charCodeAt(i - 1);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/** the one character an atom consumes, when it is one of the BMP outside the surrogates, else -1 */
function loneChar(atom: Atom): number {
  const r = atom.set;
  if (atom.alts || !r || r.length !== 1 || r[0][0] !== r[0][1]) return -1;
  const c = r[0][0];
  return c > 0xffff || (c >= 0xd800 && c <= 0xdfff) ? -1 : c;
}

/**
 * Pairs of characters one of which every match of the sequence holds side by side ("版权所有"
 * holds 版权; "(?:印发|转发)…" holds 印发 or 转发), as first * 65536 + second, or null: the first
 * two atoms in a row that each occur at least once and consume one given character (the last
 * occurrence of the first stands right before the first of the second; a lookaround or an
 * anchor between them consumes nothing), or the first group every alternative of which holds
 * such pairs.
 */
function requiredPairs(seq: Atom[]): number[] | null {
  let prev = -1;
  for (const atom of seq) {
    if (atom.zero) continue;
    const c = atom.min >= 1 ? loneChar(atom) : -1;
    if (prev >= 0 && c >= 0) return [prev * 65536 + c];
    prev = c;
    if (atom.alts && atom.min >= 1) {
      const out: number[] = [];
      for (const alt of atom.alts) {
        const p = requiredPairs(alt);
        if (p === null) {
          out.length = 0;
          break;
        }
        out.push(...p);
      }
      if (out.length) return out;
    }
  }
  return null;
}

/**
 * The two characters every match of an alternative anchored at the start (^…) opens with, as
 * first * 65536 + second, or -1: its first two atoms after ^ each consume one given character,
 * the first exactly once.
 */
function startPair(alt: Atom[]): number {
  const atoms = alt.slice(1).filter((a) => !a.zero);
  if (atoms.length < 2) return -1;
  const [a, b] = atoms;
  const first = a.min === 1 && !a.more ? loneChar(a) : -1;
  const second = b.min >= 1 ? loneChar(b) : -1;
  return first >= 0 && second >= 0 ? first * 65536 + second : -1;
}

/**
 * Whether a text holds one of `pairs` (requiredPairs codes) side by side, as one pattern of the
 * pairs (a scan of the regex engine's, faster than a loop of ours). `spaced`: whitespace (\s) may
 * stand between the two (the pattern is tried on the text without its whitespace).
 */
function pairTest(pairs: number[], spaced = false): (text: string) => boolean {
  const ch = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  const sources = [...new Set(pairs)].map((p) => ch(Math.floor(p / 65536)) + (spaced ? '\\s*' : '') + ch(p % 65536));
  const re = new RegExp(sources.join('|'));
  return (text: string) => re.test(text);
}

/**
 * A quick rejection test of a pattern for texts it is tried on without their whitespace
 * (squeezeSpace): for each alternative, pairs of characters it holds side by side (requiredPairs),
 * found with whitespace allowed between the two, else one character it needs; anchors are not
 * read (what an alternative needs it needs wherever it stands). false only where the pattern
 * cannot match the text squeezed; null where some alternative allows neither test.
 */
export function squeezedTest(source: string, flags = ''): ((text: string) => boolean) | null {
  if (/[imvy]/.test(flags)) return null;
  const unicode = flags.includes('u');
  const anywhere: Ranges = [];
  const pairs: number[] = [];
  try {
    const p = new Parser(source, unicode);
    const alts = p.alternation();
    if (p.i !== source.length) return null;
    for (const alt of leafAlternatives(alts)) if (!addInnerTest(alt, pairs, anywhere)) return null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const holds = anywhere.length ? holdsTest(anywhere, classOf(anywhere, unicode), unicode) : null;
  const holdsPair = pairs.length ? pairTest(pairs, true) : null;
  return (text: string) => (holdsPair !== null && holdsPair(text)) || (holds !== null && holds(text));
}

/** The ranges as the inside of a character class. */
function classOf(ranges: Ranges, unicode: boolean): string {
  return ranges.map(([a, b]) => (a === b ? esc(a, unicode) : `${esc(a, unicode)}-${esc(b, unicode)}`)).join('');
}

/**
 * The test of an alternative wherever it stands: the pairs of characters it holds side by side
 * (added to `pairs`), else the characters one of which it needs (added to `anywhere`); false
 * where it allows neither.
 */
function addInnerTest(alt: Atom[], pairs: number[], anywhere: Ranges): boolean {
  const two = requiredPairs(alt);
  if (two !== null) {
    pairs.push(...two);
    return true;
  }
  const r = required(alt);
  if (!r?.length) return false;
  anywhere.push(...r);
  return true;
}

/**
 * A quick rejection test for a pattern of several alternatives that each stand at the start
 * (^…), at the end (…$) or anywhere of the text: for each alternative the cheapest test it
 * allows — the text's first character, its last, two characters it must hold side by side, or
 * one character it must hold (a pair is told far more often than a character of it: "版权所有"
 * needs 版权 where 有 stands in most lines). false only where no alternative can match; null
 * where some alternative allows none of these. `inner` false: the text is known to hold none
 * of alternativesInnerChars, so the tests inside it (pairs, characters) are not run.
 */
export function alternativesTest(source: string, flags = ''): ((text: string, inner?: boolean) => boolean) | null {
  const parts = alternativesParts(source, flags);
  if (parts === null) return null;
  const { unicode, first, last, startPairs, pairs, anywhere } = parts;
  const holds = anywhere.length ? holdsTest(anywhere, classOf(anywhere, unicode), unicode) : null;
  const isFirst = memberTest(first);
  const isLast = memberTest(last);
  const holdsPair = pairs.length ? pairTest(pairs) : null;
  return (text: string, inner?: boolean) => {
    const n = text.length;
    if (n === 0) return false;
    if (first.length && isFirst(unicode ? text.codePointAt(0)! : text.charCodeAt(0))) return true;
    if (startPairs.size && n >= 2 && startPairs.has(text.charCodeAt(0) * 65536 + text.charCodeAt(1))) return true;
    if (last.length && isLast(pointEndingAt(text, n - 1, unicode))) return true;
    // (false alone: an index, as `map` passes, is no answer)
    if (inner === false) return false;
    if (holdsPair !== null && holdsPair(text)) return true;
    return holds !== null && holds(text);
  };
}

/**
 * The code units one of which a text passing alternativesTest's tests inside it must hold (each
 * pair's first character, the characters one of which an alternative needs); null where there is
 * no such test, or one of them allows a character outside the BMP or a surrogate. `whole`: every
 * match of the pattern must hold one (null where an alternative is told by its first or last
 * characters instead).
 */
export function alternativesInnerChars(source: string, flags = '', whole = false): number[] | null {
  const parts = alternativesParts(source, flags);
  if (parts === null) return null;
  if (whole && (parts.first.length || parts.last.length || parts.startPairs.size)) return null;
  const out = parts.pairs.map((p) => Math.floor(p / 65536));
  for (const [a, b] of parts.anywhere) {
    if (b >= 0xd800) return null;
    for (let c = a; c <= b; c++) out.push(c);
  }
  return [...new Set(out)];
}

/**
 * What alternativesTest tests, each alternative's test sorted into its kind; null as there. Kept
 * per pattern: the text reader (alternativesInnerChars) and the junk filter (alternativesTest)
 * ask about the same inline-junk pattern at a cold start, which read it twice.
 */
const partsMemo = new Map<string, ReturnType<typeof readAlternativesParts>>();
function alternativesParts(source: string, flags: string) {
  const key = `${flags}/${source}`;
  let parts = partsMemo.get(key);
  if (parts === undefined) partsMemo.set(key, (parts = readAlternativesParts(source, flags)));
  return parts;
}

function readAlternativesParts(source: string, flags: string) {
  if (/[imvy]/.test(flags)) return null;
  const unicode = flags.includes('u');
  const first: Ranges = [];
  const last: Ranges = [];
  const anywhere: Ranges = [];
  const pairs: number[] = [];
  const startPairs = new Set<number>();
  try {
    const p = new Parser(source, unicode);
    const alts = p.alternation();
    if (p.i !== source.length) return null;
    for (const alt of leafAlternatives(alts)) {
      const head = alt[0];
      const tail = alt[alt.length - 1];
      const f = head?.caret && head.min === 1 ? firstOf(alt, 1) : null;
      const l = tail?.dollar && tail.min === 1 ? lastOf(alt.slice(0, -1)) : null;
      if (f && !f.nullable && f.set.length) {
        // "(此件…)": the first two characters where they are given, not the first alone
        const sp = startPair(alt);
        if (sp >= 0) startPairs.add(sp);
        else first.push(...f.set);
      }
      else if (l && !l.nullable && l.set.length) last.push(...l.set);
      else if (!addInnerTest(alt, pairs, anywhere)) return null;
    }
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return { unicode, first, last, startPairs, pairs, anywhere };
}

/**
 * Whether a text holds one of the characters of `r` (`cls`: them as a class). A few characters
 * of the BMP are searched for with indexOf, which scans far faster than a class pattern does.
 */
function holdsTest(r: Ranges, cls: string, unicode: boolean): (text: string) => boolean {
  const chars = [...new Set(r.flatMap(([a, b]) => (b - a < 4 ? Array.from({ length: b - a + 1 }, (_, k) => a + k) : [-1])))];
  // a character of a surrogate pair's half is not searched for alone outside Unicode mode either
  if (chars.length <= 3 && chars.every((c) => c >= 0 && c < 0xd800)) {
    const s = chars.map((c) => String.fromCharCode(c));
    return (text: string) => {
      for (const c of s) if (text.indexOf(c) >= 0) return true;
      return false;
    };
  }
  const re = new RegExp(`[${cls}]`, unicode ? 'u' : '');
  return (text: string) => re.test(text);
}

/** membership in `r` as a bit lookup for the BMP (a scan of the ranges per test cost more than the pattern saved) */
function memberTest(r: Ranges): (c: number) => boolean {
  const bits = new Uint8Array(8192);
  for (const [a, b] of r) for (let c = a; c <= Math.min(b, 0xffff); c++) bits[c >>> 3] |= 1 << (c & 7);
  return (c: number) => (c <= 0xffff ? (bits[c >>> 3] & (1 << (c & 7))) !== 0 : inRanges(r, c));
}

/** The characters of a set of literal characters given one by one (at most 16, none astral or a surrogate half), else null. */
function literalChars(r: Ranges | null): string[] | null {
  if (!r) return null;
  const out: string[] = [];
  for (const [a, b] of r)
    for (let c = a; c <= b; c++) {
      if (out.length === 16 || c > 0xffff || (c >= 0xd800 && c <= 0xdfff)) return null;
      out.push(String.fromCharCode(c));
    }
  return out.length ? out : null;
}

/** A mandatory \d, alone or as the only content of a group ("(\d{4})"). */
const isDigitAtom = (a: Atom): boolean => a.min >= 1 && (a.set === DIGIT || (a.alts?.length === 1 && a.alts[0].length === 1 && isDigitAtom(a.alts[0][0])));

/**
 * A character right after a digit (whitespace allowed between) that every match of a pattern
 * holds: "(\d{4})\s*年\s*(\d{1,2})\s*月" needs a digit, then 年, with only whitespace between
 * (`spaced`). Read from the pattern's top-level sequence: the first mandatory \d followed, past
 * nothing but \s and zero-width assertions, by a mandatory character or class of literal
 * characters. null where no such pair is read (a top-level |, an `i` flag, a pattern the parser
 * does not understand).
 */
export function digitPair(source: string, flags = ''): { chars: string[]; spaced: boolean } | null {
  if (flags.includes('i') || flags.includes('v')) return null;
  try {
    const p = new Parser(source, flags.includes('u'));
    const alts = p.alternation();
    if (p.i !== source.length || alts.length !== 1) return null;
    // a mandatory digit was the last atom read (past only whitespace since: `spaced`)
    let afterDigit = false;
    let spaced = false;
    for (const atom of alts[0]) {
      if (atom.zero) continue;
      if (afterDigit && atom.set === SPACE) {
        spaced = true;
        continue;
      }
      const chars = afterDigit && atom.min >= 1 && !atom.alts ? literalChars(atom.set) : null;
      if (chars) return { chars, spaced };
      afterDigit = isDigitAtom(atom);
      spaced = false;
    }
    return null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/**
 * A rejection test for a set of patterns sharper than the characters they need: for each
 * pattern its digit pair (digitPair: "\d\s*[年]"), else one of the characters it needs
 * (requiredChars), joined into one pattern (a scan of the regex engine's). Most task texts hold
 * 年 or 月 somewhere; few hold a digit right before them. false only where none of the
 * patterns can match; null where a pattern allows neither test.
 */
export function sharpTest(patterns: readonly RegExp[]): RegExp | null {
  const spaced = new Set<string>();
  const tight = new Set<string>();
  const singles: string[] = [];
  let unicode: boolean | null = null;
  for (const re of patterns) {
    const pair = digitPair(re.source, re.flags);
    if (pair) {
      for (const c of pair.chars) (pair.spaced ? spaced : tight).add(c);
      continue;
    }
    const needs = requiredChars(re.source, re.flags);
    if (!needs) return null;
    // (their sources are joined: all in Unicode mode or none)
    const u = needs.flags.includes('u');
    if (unicode !== null && unicode !== u) return null;
    unicode = u;
    singles.push(needs.source);
  }
  const cls = (cs: Set<string>) => `[${[...cs].map((c) => (/[\\\]\[^-]/.test(c) ? `\\${c}` : c)).join('')}]`;
  // (classes, as requiredChars writes them, merged into one)
  const classes = singles.length > 1 && singles.every((x) => /^\[(?!\^)(?:[^\]\\]|\\.)*\]$/.test(x));
  const alts = classes ? [`[${singles.map((x) => x.slice(1, -1)).join('')}]`] : singles;
  if (spaced.size) alts.push(`\\d\\s*${cls(spaced)}`);
  if (tight.size) alts.push(`\\d${cls(tight)}`);
  return alts.length ? new RegExp(alts.join('|'), unicode === false ? '' : 'u') : null;
}
