// Page-header and notice metadata (索引号, 发文字号, 发布机构, 成文日期, 发布日期), the plan's
// period and base year. Labels and patterns are in grammars/meta.yaml and plan-titles.yaml.
import { grammars } from '../grammars/load.js';
import type { Block } from '../ingest/blocks.js';
import type { Meta } from '../model/schema.js';
import { parseDate, parseDigitsDate } from '../normalize/numbers.js';
import { foldKey, startOffset } from '../normalize/piece.js';

type Field = keyof Meta;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** a label as a pattern that tolerates stray spaces between its characters ("发布 日期") */
const spaced = (label: string) => [...label.replace(/\s+/g, '')].map(escape).join('\\s*');

function labelRes() {
  const m = grammars().meta;
  const all = [...Object.values(m.labels).flat(), ...m.otherLabels].sort((a, b) => b.length - a.length);
  const boundary = '(?:^|[\\s\\[\\]【】•·|])';
  const any = new RegExp(`${boundary}(?:${all.map(spaced).join('|')})\\s*[\\]】]?\\s*[:：]?`, 'u');
  const fields = Object.entries(m.labels).map(([field, labels]) => ({
    field: field as Field,
    re: new RegExp(`${boundary}(?:${labels.map(spaced).join('|')})\\s*[\\]】]?\\s*(?:[:：]|\\s|$)`, 'u'),
  }));
  return { any, fields };
}
let cache: ReturnType<typeof labelRes> | null = null;

const stripBullets = (s: string) => s.replace(/^[\s•·\-*|[\]【】]+|[\s|[\]【】]+$/g, '');

function valueAfter(lines: string[], i: number, from: number): string | null {
  const { any } = (cache ??= labelRes());
  let value = lines[i].slice(from);
  const next = any.exec(value);
  if (next) value = value.slice(0, next.index);
  value = stripBullets(value).replace(/^[:：]\s*/, '');
  if (value) return value;
  // the value stands on the next non-empty line, unless that line is another label
  const nextLine = lines[i + 1];
  if (nextLine === undefined) return null;
  const v = stripBullets(nextLine);
  if (!v || any.test(` ${v}`) && any.exec(` ${v}`)!.index === 0) return null;
  return v.length <= 80 ? v : null;
}

function normalizeValue(field: Field, raw: string): string | null {
  if (field === 'written' || field === 'published') {
    const k = foldKey(raw);
    return parseDate(k) ?? parseDigitsDate(squeeze(k));
  }
  const v = raw.trim();
  if (!v) return null;
  if (field === 'docNumber' || field === 'indexNo') return squeeze(v);
  return v;
}

/**
 * Metadata of the page header. Labels are read on the lines as written (with their spaces:
 * "发布机构 某区应急管理局" needs the space that tidying removes between Chinese words).
 */
export function headerMeta(blocks: Block[], original: string): Meta {
  const rawLine = (from: number) => {
    const nl = original.indexOf('\n', from);
    return original.slice(from, nl < 0 ? original.length : nl);
  };
  // a header printed as a table (索引号 | … | 主题分类 | …) reads as lines of label-value pairs;
  // the lines of plain text are read as written, from the original file
  const lines = blocks.flatMap((b) => {
    if (b.kind === 'table') return b.rows.map((row) => row.filter((c, i) => c.text && row.indexOf(c) === i).map((c) => c.text).join('  '));
    if (b.kind === 'heading') return [b.piece.text];
    return [(b.piece.text ? rawLine(startOffset(b.piece)) : b.piece.text).trim()];
  });
  const keys = lines.map(foldKey);
  const meta: Meta = { docNumber: null, issuer: null, written: null, published: null, indexNo: null };
  const { fields } = (cache ??= labelRes());
  keys.forEach((key, i) => {
    if (key.length > 200) return;
    for (const { field, re } of fields) {
      if (meta[field] !== null) continue;
      const m = re.exec(key);
      if (!m) continue;
      const raw = valueAfter(lines, i, m.index + m[0].length);
      if (raw) meta[field] = normalizeValue(field, raw);
    }
  });
  const g = grammars();
  if (!meta.docNumber) {
    for (const key of keys) {
      const m = g.metaDocNumber.exec(key);
      if (m && key.length < 80) {
        meta.docNumber = squeeze(m[0]);
        break;
      }
    }
  }
  // the signature at the end of a notice: the signing body, then the date on its own line
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = squeeze(keys[i]);
    const date = /^\d{4}年\d{1,2}月\d{1,2}日$/.test(k) ? parseDate(k) : parseDigitsDate(k);
    if (!date) continue;
    meta.written ??= date;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const s = squeeze(keys[j]);
      if (s.length <= 30 && g.metaIssuerLine.test(s) && !/[,。:]/.test(s)) {
        meta.issuer ??= lines[j].trim();
        break;
      }
    }
    break;
  }
  return meta;
}

export function fiveYearPeriod(text: string): { start: number; end: number } | null {
  for (const [name, [start, end]] of grammars().titles.fiveYearPlans) if (text.includes(name)) return { start, end };
  return null;
}

/** The plan's period: a stated 规划期, a year range in the title, a five-year plan's name, a year. */
export function planPeriod(titleText: string, kind: string, bodyKeys: string[]): { start: number; end: number } | null {
  const t = grammars().titles;
  const title = foldKey(titleText);
  for (const key of bodyKeys) {
    for (const re of t.periodSentences) {
      const m = re.exec(key);
      if (m && Number(m[1]) <= Number(m[2])) return { start: Number(m[1]), end: Number(m[2]) };
    }
  }
  const s = squeeze(title);
  const range = /(\d{4})\s*[-—–~至到]+\s*(\d{4})/.exec(s);
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

export function baseYear(bodyKeys: string[]): number | null {
  for (const key of bodyKeys) {
    for (const re of grammars().titles.baseYearSentences) {
      const m = re.exec(key);
      if (m) return Number(m[1]);
    }
  }
  return null;
}
