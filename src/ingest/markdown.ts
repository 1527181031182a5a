// Markdown → blocks with remark-parse + remark-gfm: `#` headings, paragraphs, list items
// (ordered items keep their number as written, "1." or "1、"), GFM tables, and
// `<!-- plan-lint-… -->` comments as inline directives.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root, RootContent, PhrasingContent, Table, List } from 'mdast';
import { concat, foldKey, pieceOf, pinnedPiece, startOffset, tidy, type Piece } from '../normalize/piece.js';
import type { Block, ReadResult } from './blocks.js';
import type { InlineDirective } from '../model/analysis.js';
import { isChrome } from './txt.js';

const withGfm = unified().use(remarkParse).use(remarkGfm);
const plain = unified().use(remarkParse);

/** a GFM table's delimiter row: "| --- | :---: |" or "---|---" */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/m;

/**
 * GFM costs as much again as CommonMark parsing, and a plan needs it only for tables: texts
 * without a table delimiter row are parsed without it.
 */
const processorFor = (src: string) => (DELIMITER_ROW.test(src) ? withGfm : plain);

/** Text of inline content with an offset for every character. */
function inlinePiece(nodes: PhrasingContent[], src: string): Piece {
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
    } else if ('children' in node) {
      parts.push(inlinePiece(node.children as PhrasingContent[], src));
    }
  }
  return concat(parts);
}

function joinLines(p: Piece): Piece {
  // soft line breaks inside a paragraph continue the sentence: tidy() removes them between
  // Chinese characters and turns them into one space elsewhere
  return tidy(p);
}

const directiveRe = /^<!--\s*plan-lint-(disable-next-line|disable|enable)\b([^>]*?)-->$/;

export function readMarkdown(src: string): ReadResult {
  const tree = processorFor(src).parse(src) as Root;
  const blocks: Block[] = [];
  const directives: InlineDirective[] = [];

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
        const p = joinLines(inlinePiece(node.children, src));
        if (p.text) blocks.push({ kind: 'heading', piece: p, key: foldKey(p.text), depth: node.depth });
        return;
      }
      case 'paragraph': {
        const p = inlinePiece(node.children, src);
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
        const rows = t.children.map((row) => row.children.map((cell) => joinLines(inlinePiece(cell.children, src))));
        blocks.push({ kind: 'table', rows, start: t.position?.start.offset ?? 0, end: t.position?.end.offset ?? 0 });
        return;
      }
      case 'html': {
        const m = directiveRe.exec(node.value.trim());
        if (m) {
          const rules = m[2].split(/[\s,]+/).filter(Boolean);
          directives.push({ kind: m[1] as InlineDirective['kind'], rules, line: node.position?.start.line ?? 1 });
        }
        return;
      }
      default:
        return; // code, thematic breaks, definitions: not plan text
    }
  };
  for (const child of tree.children) visit(child);
  return { blocks, directives };
}
