// Owner clauses (责任单位/牵头单位): finding them in a task's text and reading their units.
// The phrasings are data in grammars/owners.yaml; this file only knows brackets and order.
import { grammars } from '../grammars/load.js';
import type { Owners } from '../model/schema.js';
import { foldKey } from '../normalize/piece.js';

// brackets that can hold an owner clause: (…) and （…） (folded to the same), 【…】, [...]

export interface ClauseHit {
  /** index of the opening bracket (or of the label for an unbracketed line) */
  start: number;
  /** index just past the closing bracket (or the line end) */
  end: number;
  owners: Owners;
}

/** Splits on separators that stand outside brackets: "各县(市、区)政府" stays whole. */
function splitUnits(key: string, text: string): string[] {
  const g = grammars().owners;
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = key[i];
    if (c === '(' || c === '[' || c === '〔') depth++;
    else if ((c === ')' || c === ']' || c === '〕') && depth > 0) depth--;
    if (i === key.length || (depth === 0 && g.separators.test(c))) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return out;
}

/** Cuts a match of `re` (anchored at the end) from `s`, matching on the folded view. */
function cutEnd(s: string, re: RegExp): string {
  const m = re.exec(foldKey(s));
  return m && m.index + m[0].length === s.length ? s.slice(0, m.index) : s;
}

const PUNCT_EDGES = /^[,，、;；:：.。]+|[,，、;；:：.。]+$/g;

function cleanUnit(u: string): string | null {
  const g = grammars().owners;
  let s = u.replace(/[\s\u3000]+/g, '').replace(PUNCT_EDGES, '');
  s = cutEnd(s, g.dutyEnding);
  if (!g.collective.some((re) => re.test(foldKey(s)))) s = cutEnd(s, g.trailingCollective) || s;
  if (/^(?:由|请)/.test(s)) s = s.slice(1);
  s = s.replace(PUNCT_EDGES, '');
  if (!s || s.length > 40) return null;
  return s;
}

function unitsOf(text: string): string[] {
  const g = grammars().owners;
  const trimmed = cutEnd(text.trim().replace(PUNCT_EDGES, ''), g.dutyEnding);
  return splitUnits(foldKey(trimmed), trimmed)
    .map(cleanUnit)
    .filter((u): u is string => u !== null && !g.people.some((p) => foldKey(u).startsWith(p)));
}

/**
 * Reads the content of an owner clause ("责任单位:A、B", "A牵头,B、C等有关部门按照职责分工负责",
 * "牵头单位:A;配合单位:B") into lead and support units, or null when it is not one.
 */
export function readClause(content: string): Owners | null {
  const g = grammars().owners;
  const key = foldKey(content).trim();
  if (!key || key.length > g.maxLength || key.includes('。')) return null;
  // most brackets hold no clause ("(2021—2025年)", "(一)"): a clause has a label, 牵头, or a duty ending
  if (!key.includes(':') && !key.includes(g.leadMarker) && !g.dutyEnding.test(key)) return null;

  // labelled sections: 牵头单位:A;配合单位:B;责任领导:张三
  const { labelRe, roleOf } = clauseRes();
  labelRe.lastIndex = 0;
  const marks: { at: number; after: number; label: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = labelRe.exec(key))) marks.push({ at: m.index, after: m.index + m[0].length, label: m[1] });
  if (marks.length && key.slice(0, marks[0].at).replace(/[\s,;，；]/g, '') === '') {
    const lead: string[] = [];
    const support: string[] = [];
    const isField = (label: string) => g.people.includes(label) || g.otherFields.includes(label);
    const hasLead = marks.some((mk) => !isField(mk.label) && roleOf(mk.label) === 'lead');
    marks.forEach((mk, i) => {
      if (isField(mk.label)) return;
      const role = roleOf(mk.label);
      const seg = content.slice(mk.after, i + 1 < marks.length ? marks[i + 1].at : content.length);
      (role === 'lead' || (role === 'responsible' && !hasLead) ? lead : support).push(...unitsOf(seg));
    });
    if (!lead.length && !support.length) return null;
    return { lead: dedupe(lead), support: dedupe(support.filter((u) => !lead.includes(u))), text: content.trim() };
  }

  // "A、B牵头,C、D按照职责分工负责"
  const at = key.indexOf(g.leadMarker);
  if (at > 0) {
    const leadPart = content.slice(0, at);
    const rest = content.slice(at + g.leadMarker.length);
    const lead = unitsOf(leadPart);
    const support = unitsOf(rest);
    if (!lead.length || lead.some((u) => u.length > 30)) return null;
    return { lead: dedupe(lead), support: dedupe(support.filter((u) => !lead.includes(u))), text: content.trim() };
  }

  // "A,B、C按照职责分工负责": no 牵头 part, every unit leads
  if (g.dutyEnding.test(key.trim())) {
    const lead = unitsOf(content);
    if (!lead.length || lead.some((u) => u.length > 30)) return null;
    return { lead: dedupe(lead), support: [], text: content.trim() };
  }
  return null;
}

const dedupe = (xs: string[]) => [...new Set(xs)];

let clauseCache: { labelRe: RegExp; roleOf: (label: string) => 'lead' | 'responsible' | 'support' } | null = null;

/** The label patterns of grammars/owners.yaml compiled once. */
function clauseRes() {
  if (clauseCache) return clauseCache;
  const g = grammars().owners;
  const labelRe = new RegExp(`(${[...g.labels.map((l) => l.re.source), ...g.people, ...g.otherFields].join('|')})\\s*[:：]`, 'gu');
  const exact = g.labels.map((l) => ({ re: new RegExp(`^(?:${l.re.source})$`, 'u'), role: l.role }));
  const roleOf = (label: string) => exact.find((l) => l.re.test(label))?.role ?? 'lead';
  clauseCache = { labelRe, roleOf };
  return clauseCache;
}

/** Owner clauses in brackets inside a text, in order. `key` is the folded text. */
export function findClauses(text: string, key: string): ClauseHit[] {
  const hits: ClauseHit[] = [];
  const bracketed = key.indexOf('(') >= 0 || key.indexOf('【') >= 0 || key.indexOf('[') >= 0;
  const stack: number[] = [];
  for (let i = 0; bracketed && i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 40 || c === 0x3010 || c === 91) stack.push(i);
    else if ((c === 41 || c === 0x3011 || c === 93) && stack.length) {
      const open = stack.pop()!;
      if (stack.length) continue; // only outermost brackets hold clauses
      const owners = readClause(text.slice(open + 1, i));
      if (owners) hits.push({ start: open, end: i + 1, owners });
    }
  }
  const tail = key.includes(':') ? findTrailingClause(text, key) : null;
  if (tail && !hits.some((h) => h.end > tail.start)) hits.push(tail);
  return hits;
}

/**
 * An owner clause closing a paragraph without brackets: "…健全制度。牵头单位:A;配合单位:B。"
 * Returns the hit when the text after the last sentence break starts with an owner label.
 */
export function findTrailingClause(text: string, key: string): ClauseHit | null {
  const g = grammars().owners;
  const labelled = new RegExp(`(?:^|[。;])\\s*((?:${g.labels.map((l) => l.re.source).join('|')})\\s*[:：][^。]*。?)\\s*$`, 'u');
  const m = labelled.exec(key);
  if (!m || m.index === 0) return null;
  const start = key.length - m[1].length - (key.length - m.index - m[0].length);
  const owners = readClause(text.slice(start).trim().replace(/[。.]$/, ''));
  return owners ? { start, end: key.length, owners } : null;
}

/** A line that is an owner clause on its own: "牵头单位:A" / "责任单位:B、C" (no brackets). */
export function readClauseLine(text: string): Owners | null {
  const g = grammars().owners;
  const key = foldKey(text).trim();
  const labelled = new RegExp(`^(?:${g.labels.map((l) => l.re.source).join('|')})\\s*[:：]`, 'u');
  if (!labelled.test(key)) return null;
  return readClause(text.trim().replace(/[。.]$/, ''));
}

/** Merges the clauses that one task carries (several label lines after an item). */
export function mergeOwners(list: Owners[]): Owners | null {
  if (!list.length) return null;
  if (list.length === 1) return list[0];
  const lead = dedupe(list.flatMap((o) => o.lead));
  const support = dedupe(list.flatMap((o) => o.support)).filter((u) => !lead.includes(u));
  return { lead, support, text: list.map((o) => o.text).join(';') };
}

/** Owners of a task-table row: the 牵头 column leads, the 配合 column supports. */
export function ownersFromCells(lead: string | null, support: string | null): Owners | null {
  const leadUnits = lead ? unitsOf(lead) : [];
  const supportUnits = support ? unitsOf(support) : [];
  if (!leadUnits.length && !supportUnits.length) return null;
  const text = [lead && `牵头:${lead.trim()}`, support && `配合:${support.trim()}`].filter(Boolean).join(';');
  if (!leadUnits.length) return { lead: dedupe(supportUnits), support: [], text };
  return { lead: dedupe(leadUnits), support: dedupe(supportUnits.filter((u) => !leadUnits.includes(u))), text };
}
