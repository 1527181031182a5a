// The source text with every extracted span highlighted. Records (indicators, tasks, projects,
// prose targets) become links to their rows; the spans inside them (quantities, owner clauses,
// diagnostics) become <mark>s. Overlapping spans are split so the HTML always nests, and links
// never nest inside links.
import { esc } from './escape.js';

export interface Highlight {
  /** [start, end) offsets into the source text */
  start: number;
  end: number;
  /** 0: a record (rendered as a link, never overlapping another record); 1: a span inside one */
  level: 0 | 1;
  cls: string;
  /** html id of the record the span leads to */
  ref: string;
  /** html id of the span's first segment; every segment carries it as data-src */
  id: string;
  /** accessible name / tooltip */
  label: string;
}

export interface RenderedSource {
  html: string;
  /** ids of the highlights that were rendered (a record outside the shown range has none) */
  emitted: Set<string>;
}

/** Clips to [from, to), widens empty spans to one character and makes records disjoint. */
function normalize(highlights: Highlight[], text: string, from: number, to: number): Highlight[] {
  const clipped: Highlight[] = [];
  for (const h of highlights) {
    let start = Math.max(from, h.start);
    let end = Math.min(to, h.end);
    if (end <= start && h.start >= from && h.start < to) end = Math.min(to, start + 1);
    // do not start or end a highlight on a line break: it would draw an empty box
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) clipped.push({ ...h, start, end });
  }
  const records = clipped.filter((h) => h.level === 0).sort((a, b) => a.start - b.start || b.end - a.end);
  const disjoint: Highlight[] = [];
  let lastEnd = from;
  for (const r of records) {
    const start = Math.max(r.start, lastEnd);
    if (start >= r.end) continue;
    disjoint.push({ ...r, start });
    lastEnd = r.end;
  }
  return [...disjoint, ...clipped.filter((h) => h.level === 1)];
}

function openTag(h: Highlight, first: boolean): string {
  const id = first ? ` id="${esc(h.id)}"` : '';
  const common = `class="hl ${esc(h.cls)}" data-ref="${esc(h.ref)}" data-src="${esc(h.id)}" title="${esc(h.label)}"`;
  return h.level === 0 ? `<a${id} ${common} href="#${esc(h.ref)}">` : `<mark${id} ${common}>`;
}

const closeTag = (h: Highlight) => (h.level === 0 ? '</a>' : '</mark>');

/** A page mark "第3页" where a page of a PDF starts, in the text its reader laid out. */
const pageMark = (n: number) => `<span class="pg" data-page="${n}">第${n}页</span>`;

/**
 * Renders text[from, to) with the highlights as nested elements. `pages` (PDF input): offsets
 * where each page starts; the text then carries a mark at each page start and at `from`.
 */
export function renderSource(text: string, from: number, to: number, highlights: Highlight[], pages?: readonly number[]): RenderedSource {
  const hs = normalize(highlights, text, from, to).sort(
    (a, b) => a.start - b.start || a.level - b.level || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  // page n (1-based) is marked where it starts; the page holding `from` is marked at `from`
  const marks = new Map<number, number>();
  pages?.forEach((at, i) => {
    if (at <= from) marks.set(from, i + 1);
    else if (at < to) marks.set(at, i + 1);
  });
  const points = [...new Set([from, to, ...hs.flatMap((h) => [h.start, h.end]), ...marks.keys()])].sort((a, b) => a - b);
  const emitted = new Set<string>();
  const stack: Highlight[] = [];
  let out = '';
  let next = 0;
  let cursor = from;
  for (const p of points) {
    if (p > cursor) out += esc(text.slice(cursor, p));
    cursor = p;
    // close what ends here; spans above it on the stack are closed and reopened
    for (;;) {
      const i = stack.findIndex((h) => h.end <= p);
      if (i < 0) break;
      const reopen: Highlight[] = [];
      while (stack.length > i) {
        const h = stack.pop()!;
        out += closeTag(h);
        if (h.end > p) reopen.unshift(h);
      }
      for (const h of reopen) {
        out += openTag(h, false);
        stack.push(h);
      }
    }
    const mark = marks.get(p);
    if (mark !== undefined && p < to) out += pageMark(mark);
    while (next < hs.length && hs[next].start === p) {
      const h = hs[next++];
      out += openTag(h, !emitted.has(h.id));
      emitted.add(h.id);
      stack.push(h);
    }
  }
  while (stack.length) out += closeTag(stack.pop()!);
  return { html: out, emitted };
}
