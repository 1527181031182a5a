// Unit names inside an owner clause: split a list ("A、B、各县（市、区）政府") and clean each
// name the way a reader does (spaces, edge punctuation, "由"/"等有关部门" cut).
import { grammars } from '../grammars/load.js';
import { foldKey } from '../normalize/piece.js';

const OPEN = new Set(['(', '[', '〔', '【', '「', '《', '“']);
const CLOSE = new Set([')', ']', '〕', '】', '」', '》', '”']);

/**
 * Splits `text` at the characters of `sep` that stand outside brackets; `key` is the folded text
 * (same length). Returns [start, end) index pairs.
 */
export function splitOutside(key: string, sep: RegExp): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = key[i];
    if (c !== undefined && OPEN.has(c)) depth++;
    else if (c !== undefined && CLOSE.has(c) && depth > 0) depth--;
    if (i === key.length || (depth === 0 && sep.test(c))) {
      out.push([from, i]);
      from = i + 1;
    }
  }
  return out;
}

const PUNCT_EDGES = /^[,，、;；:：.。!！?？\s]+|[,，、;；:：.。!！?？\s]+$/gu;

/** Is this unit a collective phrase that stands for a unit of its own ("各有关部门")? */
export function isCollective(unit: string): boolean {
  const k = foldKey(unit);
  return grammars().owners.collective.some((re) => re.test(k));
}

/** Does the text read as the name of a unit (ends like 局, 委, 政府, 中心 …)? */
export function looksLikeUnit(unit: string): boolean {
  const k = foldKey(unit).replace(/[(][^()]*[)]$/, '');
  if (k.length < 2 || k.length > 30) return false;
  if (/[\d%。]/.test(k)) return false;
  const g = grammars().owners;
  return isCollective(unit) || (g.unitEnding.test(k) && !g.notUnitEnding.test(k));
}

/** One unit as written, cleaned; null when nothing of a unit is left. */
export function cleanUnit(raw: string): string | null {
  const g = grammars().owners;
  let s = raw.replace(/[\s\u3000]+/g, '').replace(PUNCT_EDGES, '');
  if (/^(?:由|请|要求|并由)/.test(s)) s = s.replace(/^(?:由|请|要求|并由)/, '');
  if (!isCollective(s)) {
    const m = g.trailingCollective.exec(foldKey(s));
    if (m && m.index > 0) s = s.slice(0, m.index);
  }
  s = s.replace(PUNCT_EDGES, '');
  if (!s || s.length > 40) return null;
  return s;
}

/** The units listed in a part of a clause ("A、B、C"), cleaned, people and empty ones left out. */
export function unitsOf(text: string): string[] {
  const key = foldKey(text);
  const out: string[] = [];
  for (const [a, b] of splitOutside(key, grammars().owners.separators)) {
    const u = cleanUnit(text.slice(a, b));
    if (u) out.push(u);
  }
  return out;
}

export const dedupe = (xs: string[]) => [...new Set(xs)];
