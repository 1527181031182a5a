// Page-header and notice metadata (索引号, 发文字号, 发布机构, 成文日期, 发布日期), the plan's
// period and base year. Labels and patterns are in grammars/meta.yaml and plan-titles.yaml.
import { squeezeSpace as squeeze } from '../normalize/squeeze.js';
import { grammars } from '../grammars/load.js';
import type { Block } from '../ingest/blocks.js';
import type { Meta } from '../model/schema.js';
import { parseDate, parseDigitsDate, parseNumeral } from '../normalize/numbers.js';
import { foldKey, type Piece } from '../normalize/piece.js';
import { NOT_SPACE, perCodeUnit } from '../util/text.js';
import { sharedCharsTest } from '../grammars/prefilter.js';
import { chineseDate, isIssuerLine, signatureDate } from '../outline/signature.js';

type Field = keyof Meta;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a label as a pattern that tolerates stray spaces between its characters ("发布 日期") */
const spaced = (label: string) => [...label.replace(/\s+/g, '')].map(escape).join('\\s*');

/** what may stand just before a label, besides the start of the line */
const BOUNDARY_CLASS = '[\\s\\[\\]【】•·|*>]';

function labelRes() {
  const m = grammars().meta;
  const all = [...Object.values(m.labels).flat(), ...m.otherLabels].sort((a, b) => b.length - a.length);
  const boundary = `(?:^|${BOUNDARY_CLASS})`;
  const labelled = `(?:${all.map(spaced).join('|')})\\s*[\\]】*]*\\s*[:：]?`;
  const any = new RegExp(`${boundary}${labelled}`, 'u');
  // `any` without its boundary, tried (sticky) only where a label may begin: see labelStands
  const at = new RegExp(labelled, 'uy');
  // each field's labels in the order of the grammar: an earlier label wins ("发布机构" over "来源")
  const fields = Object.entries(m.labels).map(([field, labels]) => ({
    field: field as Field,
    res: labels.map((l) => new RegExp(`${boundary}${spaced(l)}\\s*[\\]】*]*\\s*(?:[:：]|\\s|$)`, 'u')),
  }));
  return { any, at, fields, empty: new RegExp(`^(?:${m.emptyValues.map(escape).join('|')})$`, 'u') };
}
let cache: ReturnType<typeof labelRes> | null = null;

const stripBullets = (s: string) => s.replace(/^[\s•·\-*|[\]【】>]+|[\s|[\]【】*]+$/g, '');
/** an unknown label further on the line ends a value too: "嘉府办发〔2024〕23号 公开类型: 主动公开" */
const LATER_LABEL = /\s+[\p{Script=Han}]{2,8}\s*[:：]/u;

function valueAfter(lines: string[], i: number, from: number): string | null {
  const { any } = (cache ??= labelRes());
  let value = lines[i].slice(from);
  const next = any.exec(value);
  if (next) value = value.slice(0, next.index);
  const later = LATER_LABEL.exec(value);
  if (later) value = value.slice(0, later.index);
  value = stripBullets(value).replace(/^[:：]\s*/, '');
  if (value) return value;
  // another label follows on the same line ("发布机构: 分类: 来源: …"): this field is empty
  if (next || later) return null;
  // the value stands on the next non-empty line, unless that line is another label
  const nextLine = lines[i + 1];
  if (nextLine === undefined) return null;
  const v = stripBullets(nextLine);
  if (!v || any.exec(` ${v}`)?.index === 0 || /^[\p{Script=Han}]{2,8}\s*[:：]/u.test(v)) return null;
  return v.length <= 80 ? v : null;
}

/** (a module constant: the build writes this literal as `new RegExp(…)`, which ran on every call) */
const HAS_HAN = /\p{Script=Han}/u;

/** A value as its field holds it, or null when it cannot be one (empty, "无", a next label). */
function normalizeValue(field: Field, raw: string): string | null {
  const { empty } = (cache ??= labelRes());
  const v = raw.trim();
  const k = foldKey(v);
  if (!v || empty.test(squeeze(k))) return null;
  if (field === 'written' || field === 'published') {
    return parseDate(k) ?? parseDigitsDate(squeeze(k)) ?? chineseDate(squeeze(k));
  }
  if (field === 'docNumber') return /\d/.test(v) && /号|[〔[［(（]\s*\d{4}/.test(k) ? squeeze(v) : null;
  if (field === 'indexNo') return /\d/.test(v) ? squeeze(v) : null;
  // an issuer is a name, not a link or a number
  if (/https?:|www\.|^\d/.test(v) || !HAS_HAN.test(v)) return null;
  return v;
}

/**
 * A block's text as the reader produced it, with a space where the reader left something out
 * (markup, Markdown syntax, a line break, spaces between Chinese words): labels and values stay
 * apart ("发布机构 某区应急管理局") while no markup of the original reaches a value. `of`: a text
 * unit for unit as long as the piece's (its key), cut the same way.
 */
export function spacedText(p: Piece, of: string = p.text): string {
  const r = p.runs;
  // one stretch of the original (most lines): nothing left out
  if (r.length <= 2) return of;
  const parts: string[] = [];
  for (let k = 0; k < r.length; k += 2) {
    const from = r[k];
    const to = k + 2 < r.length ? r[k + 2] : of.length;
    // a run starting further on than the previous one ended: the reader left something out
    if (k > 0 && r[k + 1] > r[k - 1] + (from - r[k - 2])) parts.push(' ');
    parts.push(of.slice(from, to));
  }
  return parts.join('');
}

/** longest block read for header fields (a header line is short; a 100 MB line is not one) */
const MAX_HEADER_LINE = 2000;

/**
 * The blocks' lines (spacedText) and their keys. A block's key is foldKey of its text, unit for
 * unit: a line's key is cut from it as the line is cut from the text (spacedText, then the
 * trimmed range), and no line is folded again.
 */
function blockLines(blocks: Block[]): { lines: string[]; keys: string[] } {
  const lines: string[] = [];
  const keys: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      // a header printed as a table (索引号 | … | 主题分类 | …) reads as lines of label-value pairs
      for (const row of b.rows) {
        const line = row.filter((c, i) => c.text && row.indexOf(c) === i).map((c) => c.text).join('  ');
        lines.push(line);
        keys.push(foldKey(line));
      }
      continue;
    }
    if (b.piece.text.length > MAX_HEADER_LINE) {
      lines.push('');
      keys.push('');
      continue;
    }
    const spaced = spacedText(b.piece);
    const line = spaced.trim();
    lines.push(line);
    if (line === b.piece.text) keys.push(b.key);
    else {
      const from = line.length === spaced.length ? 0 : spaced.search(NOT_SPACE);
      keys.push(spacedText(b.piece, b.key).slice(from, from + line.length));
    }
  }
  return { lines, keys };
}

/** the boundary class's answer per code unit (all its characters are of the BMP) */
const isBoundary = perCodeUnit((ch) => new RegExp(BOUNDARY_CLASS, 'u').test(ch));

/**
 * `any.test(key)` (a label stands in the line) tried only where `any` can match: at the start of
 * the line and just after a boundary character. The boundary opens `any`, so a match begins at
 * 0 (^) or at such a character; the joined labels are then tried there alone (sticky), instead
 * of the whole alternation at every position of the line.
 */
export function labelStands(key: string): boolean {
  const { at } = (cache ??= labelRes());
  at.lastIndex = 0;
  if (at.test(key)) return true;
  for (let i = 0; i < key.length; i++) {
    if (!isBoundary(key.charCodeAt(i))) continue;
    at.lastIndex = i + 1;
    if (at.test(key)) return true;
  }
  return false;
}

/** The joined label pattern labelStands stands for (for the tests). */
export const anyLabel = (): RegExp => (cache ??= labelRes()).any;

/** A signature: a signing body's line, then the date on its own line (the close of a notice). */
function signature(lines: string[], keys: string[], meta: Meta, fromEnd: number): void {
  const stop = Math.max(0, keys.length - fromEnd);
  for (let i = keys.length - 1; i >= stop; i--) {
    const date = signatureDate(keys[i]);
    if (!date) continue;
    meta.written ??= date;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (isIssuerLine(keys[j])) {
        meta.issuer ??= squeeze(lines[j]);
        break;
      }
    }
    return;
  }
}

/**
 * Metadata of the page header, the notice and its signature. `tail` holds the last blocks of
 * the text, where a notice printed as one document ends with its signing body and date.
 */
export function headerMeta(blocks: Block[], tail: Block[] = []): Meta {
  const { lines, keys } = blockLines(blocks);
  const meta: Meta = { docNumber: null, issuer: null, written: null, published: null, indexNo: null };
  const { fields } = (cache ??= labelRes());
  // a line where no label of any field stands is skipped by every field's patterns: one test of
  // the joined labels (which matches wherever one of them does) instead of one per label
  // (no required-characters test first: its class lets two thirds of header lines through, and
  // labelStands alone was faster, 1.5 against 2.4 ms per 10 MB)
  const labelled = keys.map((k) => k.length <= 400 && labelStands(k));
  for (const { field, res } of fields) {
    for (const re of res) {
      for (let i = 0; i < keys.length && meta[field] === null; i++) {
        if (!labelled[i]) continue;
        const m = re.exec(keys[i]);
        if (!m) continue;
        const raw = valueAfter(lines, i, m.index + m[0].length);
        meta[field] = raw ? normalizeValue(field, raw) : null;
      }
      if (meta[field] !== null) break;
    }
  }
  const g = grammars();
  if (!meta.docNumber) {
    for (let i = 0; i < keys.length; i++) {
      // (the length first: the pattern scans a whole long line to find nothing)
      if (keys[i].length >= 80) continue;
      const m = g.metaDocNumber.exec(keys[i]);
      if (m) {
        // the characters as written: a traditional 發/號 stays
        meta.docNumber = squeeze(lines[i].slice(m.index, m.index + m[0].length));
        break;
      }
    }
  }
  signature(lines, keys, meta, keys.length);
  if (tail.length && (meta.issuer === null || meta.written === null)) {
    const tl = blockLines(tail);
    signature(tl.lines, tl.keys, meta, 3);
  }
  return meta;
}

export function fiveYearPeriod(text: string): { start: number; end: number } | null {
  for (const [name, [start, end]] of grammars().titles.fiveYearPlans) if (text.includes(name)) return { start, end };
  const t = grammars().titles;
  const m = t.fiveYearOrdinal.exec(text);
  if (m) {
    const n = parseNumeral(m[1]) ?? 0;
    const known = t.fiveYearStarts;
    const start = n <= known.length ? known[n - 1] : known[known.length - 1] + 5 * (n - known.length);
    if (n > 0) return { start, end: start + 4 };
  }
  return null;
}

/**
 * The plan's period: a stated 规划期/实施期限, a year range in the title, a five-year plan's name,
 * a year. Names the title cites ("关于贯彻落实《“十四五”…规划》的实施意见") are left out.
 */
export function planPeriod(titleText: string, kind: string, bodyKeys: string[]): { start: number; end: number } | null {
  const t = grammars().titles;
  const title = foldKey(titleText);
  const any = anyOfThem(t.periodSentences);
  for (const key of bodyKeys) {
    if (any && !any(key)) continue;
    for (const re of t.periodSentences) {
      const m = re.exec(key);
      if (m && Number(m[1]) <= Number(m[2])) return { start: Number(m[1]), end: Number(m[2]) };
    }
  }
  t.cited.lastIndex = 0;
  const s = squeeze(title).replace(t.cited, '');
  const range = /(\d{4})\s*年?\s*[-—–~至到]+\s*(\d{4})/.exec(s);
  if (range && Number(range[1]) <= Number(range[2])) return { start: Number(range[1]), end: Number(range[2]) };
  const fyp = fiveYearPeriod(s);
  if (fyp) return fyp;
  const year = /(\d{4})年/.exec(s);
  if (year) return { start: Number(year[1]), end: Number(year[1]) };
  if (kind === 'plan') {
    for (const key of bodyKeys.slice(0, 40)) {
      const f = fiveYearPeriod(key);
      if (f) return f;
    }
  }
  return null;
}

/** One regex of all of `res`, or null where they cannot be joined (a back-reference would change meaning). */
function joinedOf(res: readonly RegExp[]): RegExp | null {
  const ok = res.length > 1 && res.every((re) => re.flags === res[0].flags && !/[gy]/.test(re.flags) && !/\\[1-9]|\\k</.test(re.source));
  try {
    return ok ? new RegExp(res.map((re) => `(?:${re.source})`).join('|'), res[0].flags) : null;
  } catch {
    return null; // (a group name used twice)
  }
}

/**
 * A test that matches where any of `res` does (for a test before trying them in order): the
 * characters all of them hold first (sharedCharsTest: an indexOf of each, far faster than the
 * joined pattern's scan; the base-year sentences all hold 基), then the joined pattern; null
 * where they cannot be joined.
 */
const joinedTests = new WeakMap<readonly RegExp[], ((key: string) => boolean) | null>();
function anyOfThem(res: readonly RegExp[]): ((key: string) => boolean) | null {
  let test = joinedTests.get(res);
  if (test === undefined) {
    const joined = joinedOf(res);
    const quick = joined && sharedCharsTest(joined.source, joined.flags);
    test = joined === null ? null : quick === null ? (key) => joined.test(key) : (key) => quick(key) && joined.test(key);
    joinedTests.set(res, test);
  }
  return test;
}

export function baseYear(bodyKeys: string[]): number | null {
  const sentences = grammars().titles.baseYearSentences;
  const any = anyOfThem(sentences);
  for (const key of bodyKeys) {
    // one test tells a line that states no base year (nearly all), instead of one per pattern
    if (any && !any(key)) continue;
    for (const re of sentences) {
      const m = re.exec(key);
      if (m) return Number(m[1]);
    }
  }
  return null;
}
