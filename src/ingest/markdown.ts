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
  const [{ unified }, { default: remarkParse }, { default: remarkGfm }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
  ]);
  parsers = { withGfm: unified().use(remarkParse).use(remarkGfm), plain: unified().use(remarkParse) };
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

/** Text of inline content with an offset for every character; inline comments may be directives. */
function inlinePiece(nodes: PhrasingContent[], src: string, directives: InlineDirective[], source: SourceText): Piece {
  const parts: Piece[] = [];
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
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
      parts.push(inlinePiece(node.children as PhrasingContent[], src, directives, source));
    }
  }
  return concat(parts);
}

function joinLines(p: Piece): Piece {
  // soft line breaks inside a paragraph continue the sentence: tidy() removes them between
  // Chinese characters and turns them into one space elsewhere
  return tidy(p);
}

export async function readMarkdown(source: SourceText): Promise<ReadResult> {
  const src = source.text;
  guardNesting(src);
  const { withGfm, plain } = await loadParsers();
  // GFM costs as much again as CommonMark parsing, and a plan needs it only for tables: texts
  // without a table delimiter row are parsed without it
  let tree: Root;
  try {
    tree = (DELIMITER_ROW.test(src) ? withGfm : plain).parse(src) as Root;
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError('text nested too deeply to be a plan');
    throw e;
  }
  const blocks: Block[] = [];
  const directives: InlineDirective[] = [];
  const inline = (nodes: PhrasingContent[]) => inlinePiece(nodes, src, directives, source);

  const line = (piece: Piece) => {
    const p = joinLines(piece);
    if (!p.text) return;
    const key = foldKey(p.text);
    if (isChrome(key)) return;
    blocks.push({ kind: 'line', piece: p, key });
  };

  const visit = (node: RootContent | Nodes, listCtx?: { ordered: boolean; n: number; at: number }) => {
    switch (node.type) {
      case 'heading': {
        const p = joinLines(inline(node.children));
        if (p.text) blocks.push({ kind: 'heading', piece: p, key: foldKey(p.text), depth: node.depth });
        return;
      }
      case 'paragraph': {
        const p = inline(node.children);
        if (listCtx?.ordered) {
          // the list marker is syntax, not text: put the number back so the outline sees it
          // the marker as written ("3." or "3)") stands at the list item's start
          const label = `${listCtx.n}.`;
          const written = src.slice(listCtx.at, listCtx.at + label.length);
          const marker = written.replace(')', '.') === label ? pieceOf(label, listCtx.at) : pinnedPiece(label, p.text ? startOffset(p) : listCtx.at);
          line(concat([marker, p]));
          listCtx.ordered = false; // only the item's first paragraph carries the number
        } else line(p);
        return;
      }
      case 'list': {
        const list = node as List;
        list.children.forEach((item, i) => {
          const ctx = { ordered: Boolean(list.ordered), n: (list.start ?? 1) + i, at: item.position?.start.offset ?? 0 };
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
        blocks.push({ kind: 'table', rows, start: t.position?.start.offset ?? 0, end: t.position?.end.offset ?? 0 });
        return;
      }
      case 'html':
        directives.push(...directivesIn(node.value, node.position?.start.offset ?? 0, source));
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
  return { blocks, directives };
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
