// Where a match of one of several patterns can begin, told by two characters instead of one:
// for each pattern, the characters its matches can begin with and the characters that can stand
// second in them, read from the pattern's source. A start table of first characters alone marks
// characters as frequent as 在, 一, 力 and “ (力争, “十四五”); their second character rules out
// nearly all of them ("力度", "在推进"), without running the pattern there.
//
// The reading is deliberately loose where it has to be: lookarounds and anchors count as matching
// nothing, a negated class or "." as any character; it can only mark more, never less, than the
// pattern allows. A source it does not understand (a back-reference, the i flag) gives no table.

type Ranges = [number, number][];
/** a set of characters (code points), or every character */
type CharSet = Ranges | 'any';

/** What the reader works out of a piece of a pattern. */
interface Info {
  /** the characters a match can begin with */
  first: CharSet;
  /** the characters that can stand second in a match at least two characters long */
  second: CharSet;
  /** it can match the empty string */
  empty: boolean;
  /** it can match exactly one character */
  one: boolean;
}

class Unsupported extends Error {}

const EMPTY: Info = { first: [], second: [], empty: true, one: false };
const SPACE: Ranges = [[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [[48, 57], [65, 90], [95, 95], [97, 122]];

function union(a: CharSet, b: CharSet): CharSet {
  if (a === 'any' || b === 'any') return 'any';
  return a.length ? (b.length ? [...a, ...b] : a) : b;
}

const charInfo = (set: CharSet): Info => ({ first: set, second: [], empty: false, one: true });

/** a then b */
function sequence(a: Info, b: Info): Info {
  return {
    first: a.empty ? union(a.first, b.first) : a.first,
    second: union(union(a.second, a.one ? b.first : []), a.empty ? b.second : []),
    empty: a.empty && b.empty,
    one: (a.one && b.empty) || (a.empty && b.one),
  };
}

function either(a: Info, b: Info): Info {
  return { first: union(a.first, b.first), second: union(a.second, b.second), empty: a.empty || b.empty, one: a.one || b.one };
}

/** x repeated min to max times */
function repeat(x: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  // one character: a single repetition of one, the others empty (none can be where each takes one at least and two are needed)
  return { first: x.first, second: max >= 2 ? union(x.second, x.first) : x.second, empty: x.empty || min === 0, one: x.one && (min <= 1 || x.empty) };
}

class Reader {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  private char(): number {
    const c = this.unicode ? this.src.codePointAt(this.i)! : this.src.charCodeAt(this.i);
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  alternation(): Info {
    let out = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      out = either(out, this.sequence());
    }
    return out;
  }

  private sequence(): Info {
    let out = EMPTY;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') out = sequence(out, this.quantified(this.atom()));
    return out;
  }

  private quantified(x: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        if (this.unicode) throw new Unsupported();
        return x;
      }
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return x;
    if (this.src[this.i] === '?') this.i++;
    return repeat(x, min, max);
  }

  private atom(): Info {
    const c = this.src[this.i];
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.src[this.i] === '?') {
        const rest = this.src.slice(this.i);
        if (rest.startsWith('?:')) this.i += 2;
        else if (/^\?<?[=!]/.test(rest)) {
          look = true;
          this.i += rest[1] === '<' ? 3 : 2;
        } else if (/^\?<[A-Za-z_$][\w$]*>/.test(rest)) this.i += rest.indexOf('>') + 1;
        else throw new Unsupported();
      }
      const inner = this.alternation();
      if (this.src[this.i] !== ')') throw new Unsupported();
      this.i++;
      // a lookaround consumes nothing: read as matching nothing (looser than the pattern)
      return look ? EMPTY : inner;
    }
    if (c === '[') return charInfo(this.charClass());
    if (c === '.') {
      this.i++;
      return charInfo('any');
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '\\') {
      const e = this.escape(false);
      return e === null ? EMPTY : charInfo(e);
    }
    if (c === ')' || c === '|') throw new Unsupported();
    const code = this.char();
    return charInfo([[code, code]]);
  }

  /** an escape at `\`: its characters, or null for an assertion (\b, \B) */
  private escape(inClass: boolean): CharSet | null {
    this.i++;
    const c = this.src[this.i++];
    switch (c) {
      case 'd':
        return DIGIT;
      case 's':
        return SPACE;
      case 'w':
        return WORD;
      case 'D':
      case 'S':
      case 'W':
        return 'any';
      case 'b':
        if (inClass) return [[8, 8]];
        return null;
      case 'B':
        return null;
      case 'p':
      case 'P': {
        const end = this.src.indexOf('}', this.i);
        if (!this.unicode || this.src[this.i] !== '{' || end < 0) throw new Unsupported();
        this.i = end + 1;
        return 'any';
      }
      case 'n':
        return [[10, 10]];
      case 'r':
        return [[13, 13]];
      case 't':
        return [[9, 9]];
      case 'f':
        return [[12, 12]];
      case 'v':
        return [[11, 11]];
      case 'u': {
        const m = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        if (!m || (m[1] !== undefined && !this.unicode)) throw new Unsupported();
        this.i += m[0].length;
        const code = parseInt(m[1] ?? m[2], 16);
        return [[code, code]];
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!m) throw new Unsupported();
        this.i += 2;
        const code = parseInt(m[0], 16);
        return [[code, code]];
      }
      case '0':
        if (/\d/.test(this.src[this.i] ?? '')) throw new Unsupported();
        return [[0, 0]];
      default:
        // back-references, named ones, control escapes: not read
        if (c === undefined || /[1-9kc]/.test(c)) throw new Unsupported();
        this.i--;
        {
          const code = this.char();
          return [[code, code]];
        }
    }
  }

  private charClass(): CharSet {
    this.i++;
    let negated = false;
    if (this.src[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const out: Ranges = [];
    let any = false;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const a = this.classAtom();
      if (a === 'any') {
        any = true;
        continue;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && a.length === 1 && a[0][0] === a[0][1]) {
        this.i++;
        const b = this.classAtom();
        if (b === 'any' || b.length !== 1 || b[0][0] !== b[0][1]) throw new Unsupported();
        out.push([a[0][0], b[0][0]]);
      } else out.push(...a);
    }
    if (this.src[this.i] !== ']') throw new Unsupported();
    this.i++;
    // a negated class: any character (looser than the pattern)
    return negated || any ? 'any' : out;
  }

  private classAtom(): CharSet {
    if (this.src[this.i] === '\\') return this.escape(true) ?? 'any';
    const code = this.char();
    return [[code, code]];
  }
}

/**
 * For each UTF-16 code unit, the patterns (bit k % 32 for pattern k) a match can begin with it
 * (`first`), and the patterns in which it can stand second (`second`). A match of pattern k
 * can begin at `i` of a text only if bit k is set in first[text[i]] and, unless `i` is the last
 * index, in second[text[i + 1]]. Null where a pattern is not understood, can match the empty
 * string, or can begin with any character.
 */
export interface PairTable {
  first: Uint32Array;
  second: Uint32Array;
  /** the patterns in which any character can stand second (one-character matches): OR-ed into every entry of `second` */
  anySecond: number;
}

export function pairTable(patterns: readonly RegExp[]): PairTable | null {
  const first = new Uint32Array(0x10000);
  const second = new Uint32Array(0x10000);
  let anySecond = 0;
  for (let k = 0; k < patterns.length; k++) {
    const re = patterns[k];
    if (/[iv]/.test(re.flags)) return null;
    let info: Info;
    try {
      const r = new Reader(re.source, re.flags.includes('u'));
      info = r.alternation();
      if (r.i !== re.source.length) return null;
    } catch (e) {
      if (e instanceof Unsupported) return null;
      throw e;
    }
    if (info.empty || info.first === 'any') return null;
    const bit = 1 << k % 32;
    mark(first, info.first, bit);
    // a match one character long: any character may follow it
    if (info.one || info.second === 'any') anySecond |= bit;
    else mark(second, info.second, bit);
    // a pattern that can begin with a character beyond the BMP: its second code unit is a low surrogate
    if (info.first.some(([, b]) => b > 0xffff)) mark(second, [[0xdc00, 0xdfff]], bit);
  }
  return { first, second, anySecond };
}

/** Sets `bit` at every code unit of `set` (for a character beyond the BMP, at every surrogate). */
function mark(table: Uint32Array, set: Ranges, bit: number): void {
  for (const [a, b] of set) {
    for (let c = a; c <= Math.min(b, 0xffff); c++) table[c] |= bit;
    if (b > 0xffff) for (let c = 0xd800; c <= 0xdfff; c++) table[c] |= bit;
  }
}

/**
 * The patterns (as bits of PairTable) that can match at `from` or after in `key`, by the two
 * characters each position begins with: 0 where none can.
 */
export function pairMask(t: PairTable, key: string, from: number): number {
  const { first, second, anySecond } = t;
  const last = key.length - 1;
  let mask = 0;
  for (let i = from; i <= last; i++) {
    const m = first[key.charCodeAt(i)];
    if (m === 0) continue;
    mask |= i < last ? m & (second[key.charCodeAt(i + 1)] | anySecond) : m;
  }
  return mask;
}
