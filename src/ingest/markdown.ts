// Markdown → blocks with remark-parse + remark-gfm: `#` headings, paragraphs, list items
// (ordered items keep their number as written, "1." or "1、"), GFM tables, and
// `<!-- plan-lint-… -->` comments as inline directives. The parser loads on first use.
import type { Nodes, Root, RootContent, PhrasingContent, Table, List } from 'mdast';
import { concat, foldKey, pieceOf, pinnedPiece, startOffset, tidy, type Piece } from '../normalize/piece.js';
import type { Block } from './blocks.js';
import { directivesIn, type InlineDirective } from './directives.js';
import { defineReader, ReadError, type ReadResult } from './reader.js';
import type { SourceText } from './source-text.js';
import { decodeText, isChrome } from './txt.js';

interface Parser {
  parse(src: string): unknown;
}
let parsers: { withGfm: Parser; plain: Parser } | null = null;

async function loadParsers() {
  if (parsers) return parsers;
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }, { default: remarkCjk }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-cjk-friendly/parseOnly'),
  ]);
  // CommonMark closes no emphasis after Chinese punctuation ("**加强监管。**推进…" keeps its
  // asterisks): remark-cjk-friendly reads emphasis as Chinese Markdown writes it
  parsers = { withGfm: unified().use(remarkParse).use(remarkCjk).use(remarkGfm), plain: unified().use(remarkParse).use(remarkCjk) };
  return parsers;
}

/** a GFM table's delimiter row: "| --- | :---: |" or "---|---" */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/m;

/** Deepest nesting read: the parser recurses (and slows down) with depth. */
const MAX_INDENT = 400;
const MAX_QUOTE_DEPTH = 200;

/** Refuses structure nested beyond what any plan has: remark takes cubic time on deeply nested lists. */
function guardNesting(text: string): void {
  let indent = 0;
  let quotes = 0;
  for (const m of text.matchAll(/^([ \t>]*)/gm)) {
    const lead = m[1];
    if (!lead) continue;
    indent = Math.max(indent, lead.replace(/\t/g, '    ').length);
    quotes = Math.max(quotes, (lead.match(/>/g) ?? []).length);
  }
  if (indent > MAX_INDENT || quotes > MAX_QUOTE_DEPTH) throw new ReadError('Markdown nested too deeply to be a plan');
}

/** What a read collects; remark's positions are offsets into the text read, which starts at `base` in the source. */
interface Collect {
  src: string;
  source: SourceText;
  blocks: Block[];
  directives: InlineDirective[];
}

/** Text of inline content with an offset for every character; inline comments may be directives. */
function inlinePiece(nodes: PhrasingContent[], c: Collect, base: number): Piece {
  const { src, source, directives } = c;
  const parts: Piece[] = [];
  for (const node of nodes) {
    const start = (node.position?.start.offset ?? 0) + base;
    const end = (node.position?.end.offset ?? start - base) + base;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const raw = src.slice(start, end);
      if (raw === node.value) parts.push(pieceOf(node.value, start));
      else {
        // escapes or entities: the value differs from the source, so every character of it
        // points at the node's start
        const p = pinnedPiece(node.value, start);
        parts.push({ ...p, end });
      }
    } else if (node.type === 'break') {
      continue;
    } else if (node.type === 'html') {
      directives.push(...directivesIn(node.value, start, source));
    } else if ('children' in node) {
      parts.push(inlinePiece(node.children as PhrasingContent[], c, base));
    }
  }
  return concat(parts);
}

function joinLines(p: Piece): Piece {
  // soft line breaks inside a paragraph continue the sentence: tidy() removes them between
  // Chinese characters and turns them into one space elsewhere
  return tidy(p);
}

/** A paragraph's text as a line block, unless it is page chrome. */
function addLine(c: Collect, piece: Piece): void {
  const p = joinLines(piece);
  if (!p.text) return;
  const key = foldKey(p.text);
  if (isChrome(key)) return;
  c.blocks.push({ kind: 'line', piece: p, key });
}

function addHeading(c: Collect, piece: Piece, depth: number): void {
  const p = joinLines(piece);
  if (p.text) c.blocks.push({ kind: 'heading', piece: p, key: foldKey(p.text), depth });
}

/** Reads src[from, to) with remark (GFM where the whole text has a table), as a document of its own. */
async function readWithRemark(c: Collect, from: number, to: number, gfm: boolean): Promise<void> {
  const { src } = c;
  const { withGfm, plain } = await loadParsers();
  let tree: Root;
  try {
    tree = (gfm ? withGfm : plain).parse(from === 0 && to === src.length ? src : src.slice(from, to)) as Root;
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError('text nested too deeply to be a plan');
    throw e;
  }
  const base = from;
  const inline = (nodes: PhrasingContent[]) => inlinePiece(nodes, c, base);
  const at = (offset: number | undefined) => (offset ?? 0) + base;

  const visit = (node: RootContent | Nodes, listCtx?: { ordered: boolean; n: number; at: number }) => {
    switch (node.type) {
      case 'heading':
        addHeading(c, inline(node.children), node.depth);
        return;
      case 'paragraph': {
        const p = inline(node.children);
        if (listCtx?.ordered) {
          // the list marker is syntax, not text: put the number back so the outline sees it
          // the marker as written ("3." or "3)") stands at the list item's start
          const label = `${listCtx.n}.`;
          const written = src.slice(listCtx.at, listCtx.at + label.length);
          const marker = written.replace(')', '.') === label ? pieceOf(label, listCtx.at) : pinnedPiece(label, p.text ? startOffset(p) : listCtx.at);
          addLine(c, concat([marker, p]));
          listCtx.ordered = false; // only the item's first paragraph carries the number
        } else addLine(c, p);
        return;
      }
      case 'list': {
        const list = node as List;
        list.children.forEach((item, i) => {
          const ctx = { ordered: Boolean(list.ordered), n: (list.start ?? 1) + i, at: at(item.position?.start.offset) };
          for (const child of item.children) visit(child, ctx);
        });
        return;
      }
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      case 'table': {
        const t = node as Table;
        const rows = t.children.map((row) => row.children.map((cell) => joinLines(inline(cell.children))));
        c.blocks.push({ kind: 'table', rows, start: at(t.position?.start.offset), end: at(t.position?.end.offset) });
        return;
      }
      case 'html':
        c.directives.push(...directivesIn(node.value, at(node.position?.start.offset), c.source));
        return;
      default:
        return; // code, thematic breaks, definitions: not plan text
    }
  };
  try {
    for (const child of tree.children) visit(child);
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError('text nested too deeply to be a plan');
    throw e;
  }
}

// ---------- the common case without remark: headings and paragraphs of plain text ----------
//
// Most of a plan in Markdown is "# 标题" lines and paragraphs of plain text; remark is needed
// only where Markdown syntax stands (tables, lists, quotes, emphasis, links, comments …). The
// text is read as runs of lines between blank lines: a run made only of plain lines is read
// here, exactly as remark would read it; every other run, with the runs right after it that
// are no plain runs either, is handed to remark as a document of its own.

/** Constructs whose reading reaches across blank lines or the whole text: remark reads all of it. */
const WHOLE_TEXT = /^ {0,3}(?:`{3,}|~{3,}|\[[^\]\n]*\]:|<(?:script|pre|style|textarea|\?|!\[CDATA\[|![A-Za-z]))/im;

/** A comment that spans lines: it may hold a blank line, across which runs cannot be cut. */
const MULTILINE_COMMENT = /<!--(?:(?!-->)[^\n])*\n/;

/** What remark reads as syntax somewhere in a line (and autolink literals and hard breaks). */
const SYNTAX_CHAR = /[\\`*_[\]!<>&~|@]|:\/\/|www\./i;

/** Plain text as remark keeps it: nothing around it to strip, no syntax inside. */
const isPlainText = (s: string) => s.length > 0 && !/^\s|\s$/.test(s) && !SYNTAX_CHAR.test(s);

/** A line that can only be paragraph text: plain, and opening no block (heading, list, quote, rule, setext line). */
const isPlainParagraphLine = (s: string) => isPlainText(s) && !/^(?:[#>=+\-*]|\d{1,9}[.)](?:\s|$))/.test(s);

/** "# 标题": depth and where the plain heading text starts, or null. */
function plainHeading(line: string): { depth: number; at: number } | null {
  const m = /^(#{1,6})[ \t]+/.exec(line);
  if (!m) return null;
  const text = line.slice(m[0].length);
  return isPlainText(text) && !text.includes('#') ? { depth: m[1].length, at: m[0].length } : null;
}

const isBlank = (s: string) => /^[ \t]*$/.test(s);

export async function readMarkdown(source: SourceText): Promise<ReadResult> {
  const src = source.text;
  guardNesting(src);
  // GFM costs as much again as CommonMark parsing, and a plan needs it only for tables: texts
  // without a table delimiter row are parsed without it
  const gfm = DELIMITER_ROW.test(src);
  const c: Collect = { src, source, blocks: [], directives: [] };
  if (WHOLE_TEXT.test(src) || (src.includes('<!--') && MULTILINE_COMMENT.test(src))) {
    await readWithRemark(c, 0, src.length, gfm);
    return { blocks: c.blocks, directives: c.directives };
  }
  const n = source.lineCount;
  const lines: { start: number; end: number; text: string }[] = [];
  for (let l = 1; l <= n; l++) {
    const r = source.lineRange(l);
    lines.push({ start: r.start, end: r.end, text: src.slice(r.start, r.end) });
  }
  const plainRun = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!isPlainParagraphLine(lines[i].text) && !plainHeading(lines[i].text)) return false;
    return true;
  };
  /** the end (exclusive) of the run of non-blank lines from `i` */
  const runEnd = (i: number) => {
    let j = i;
    while (j < n && !isBlank(lines[j].text)) j++;
    return j;
  };
  let i = 0;
  while (i < n) {
    if (isBlank(lines[i].text)) {
      i++;
      continue;
    }
    let j = runEnd(i);
    if (plainRun(i, j)) {
      readPlainRun(c, lines.slice(i, j));
      i = j;
      continue;
    }
    // remark reads this run and the runs after it up to the next plain one
    let last = j;
    for (;;) {
      let k = last;
      while (k < n && isBlank(lines[k].text)) k++;
      if (k >= n) break;
      const e = runEnd(k);
      if (plainRun(k, e)) break;
      last = e;
    }
    await readWithRemark(c, lines[i].start, lines[last - 1].end, gfm);
    i = last;
  }
  return { blocks: c.blocks, directives: c.directives };
}

/** The whole text read by remark, as every text was before the plain runs were read by hand (tests compare the two). */
export async function readMarkdownWithRemark(source: SourceText): Promise<ReadResult> {
  guardNesting(source.text);
  const c: Collect = { src: source.text, source, blocks: [], directives: [] };
  await readWithRemark(c, 0, source.text.length, DELIMITER_ROW.test(source.text));
  return { blocks: c.blocks, directives: c.directives };
}

/** Headings and paragraphs of plain lines, as remark reads them. */
function readPlainRun(c: Collect, run: { start: number; end: number; text: string }[]): void {
  let k = 0;
  while (k < run.length) {
    const h = plainHeading(run[k].text);
    if (h) {
      // the heading's text: after the #s and the space, to the end of the line
      addHeading(c, pieceOf(run[k].text.slice(h.at), run[k].start + h.at), h.depth);
      k++;
      continue;
    }
    // a paragraph: its lines up to the next heading, line breaks as written
    let e = k;
    while (e + 1 < run.length && !plainHeading(run[e + 1].text)) e++;
    addLine(c, pieceOf(c.src.slice(run[k].start, run[e].end), run[k].start));
    k = e + 1;
  }
}

/** "# 标题" or a "| … |" row near the start: Markdown whatever the file is called. */
function looksLikeMarkdown(head: Uint8Array): boolean {
  const text = Buffer.from(head.subarray(0, 2048)).toString('utf8').trimStart().toLowerCase();
  return /^#{1,6}\s/m.test(text) || /^\|.*\|\s*$/m.test(text);
}

export const markdownReader = defineReader({
  format: 'md',
  extensions: ['.md', '.markdown'],
  sniff: looksLikeMarkdown,
  decode: decodeText,
  read: readMarkdown,
});
