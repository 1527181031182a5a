// HTML → blocks with rehype-parse: block elements become lines, h1–h6 headings, <table>s real
// tables (rowspan/colspan resolved, so a 类别 cell spanning four rows belongs to all four).
// Page furniture — navigation, breadcrumbs, footers, share widgets, scripts and styles — is
// dropped (the tags, roles and class words are data: grammars/page-furniture.yaml). Offsets
// point into the decoded HTML source, so line/column of a diagnostic are those of the page.
// The parser (rehype-parse) loads on first use.
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { pageFurniture } from '../grammars/page-furniture.js';
import { concat, foldKey, pieceOf, PieceBuilder, pinnedPiece, tidy, type Piece } from '../normalize/piece.js';
import type { Block } from './blocks.js';
import { decode, decodeAs, NotTextError } from './decode.js';
import { directiveOf, type InlineDirective } from './directives.js';
import { defineReader, ReadError, type Decoded, type ReadResult } from './reader.js';
import type { SourceText } from './source-text.js';
import { isChrome } from './txt.js';

let processor: { parse(src: string): unknown } | null = null;

/** rehype-parse, loaded on first use (the .docx reader reads mammoth's HTML with it too). */
export async function htmlParser(): Promise<{ parse(src: string): unknown }> {
  if (processor) return processor;
  const [{ unified }, { default: rehypeParse }] = await Promise.all([import('unified'), import('rehype-parse')]);
  processor = unified().use(rehypeParse, { fragment: false });
  return processor;
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center',
  'address', 'figure', 'figcaption', 'caption', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'hr', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'table',
]);

function classOf(el: Element): string {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(' ') : String(p.className ?? '');
  return `${cls} ${String(p.id ?? '')}`.trim();
}

function isFurniture(el: Element): boolean {
  const f = pageFurniture();
  if (f.tags.has(el.tagName)) return true;
  // a page header that holds the navigation
  if (el.tagName === 'header' && el.children.some((c) => c.type === 'element' && (c.tagName === 'nav' || c.tagName === 'ul'))) return true;
  if (f.roles.has(String(el.properties?.role ?? ''))) return true;
  const cls = classOf(el);
  return cls !== '' && f.classWord.test(cls);
}

/** Text of a text node with an offset for every character, entities mapped to their '&'. */
function textPiece(node: Text, src: string): Piece {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = node.value;
  if (start === undefined || end === undefined) return pinnedPiece(value, 0);
  const raw = src.slice(start, end);
  if (raw === value) return pieceOf(value, start);
  // walk the source and the decoded value together: an entity (&nbsp; &#12288; &lt;) stands for
  // one character of the value
  const b = new PieceBuilder();
  let s = 0;
  for (let v = 0; v < value.length; v++) {
    if (raw[s] === '&') {
      const semi = raw.indexOf(';', s);
      b.push(value[v], start + s);
      s = semi > s && semi - s <= 12 ? semi + 1 : s + 1;
    } else if (raw[s] === '\r' && value[v] === '\n') {
      b.push(value[v], start + s);
      s += raw[s + 1] === '\n' ? 2 : 1;
    } else {
      b.push(value[v], start + Math.min(s, raw.length - 1));
      s++;
    }
  }
  return b.build(end);
}

interface Grid {
  rows: Piece[][];
  start: number;
  end: number;
}

/** A data table's rows with rowspan/colspan resolved: a spanning cell fills every slot it covers. */
function tableGrid(table: Element, src: string): Grid {
  const trs: Element[] = [];
  const collectRows = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') trs.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collectRows(c);
    }
  };
  collectRows(table);
  const grid: Piece[][] = [];
  trs.forEach((tr, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[r][col]) col++;
      const piece = tidy(inlineText(cell, src, '\n'));
      const rowSpan = Math.max(1, Math.min(100, Number(cell.properties?.rowSpan ?? 1) || 1));
      const colSpan = Math.max(1, Math.min(50, Number(cell.properties?.colSpan ?? 1) || 1));
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr][col + dc] = piece;
      }
      col += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const empty = (at: number): Piece => pieceOf('', at);
  const start = table.position?.start.offset ?? 0;
  const rows = grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? empty(start)));
  return { rows, start, end: table.position?.end.offset ?? start };
}

/** All text under an element as one run; nested blocks and <br> separated by `sep`. */
function inlineText(el: Element | Root, src: string, sep: string): Piece {
  const parts: Piece[] = [];
  const walk = (node: ElementContent | RootContent) => {
    if (node.type === 'text') parts.push(textPiece(node, src));
    else if (node.type === 'element') {
      if (isFurniture(node)) return;
      if (node.tagName === 'br' || BLOCK.has(node.tagName)) parts.push(pinnedPiece(sep, node.position?.start.offset ?? 0));
      for (const c of node.children) walk(c);
    }
  };
  for (const c of el.children) walk(c as ElementContent);
  return concat(parts);
}

/** Layout tables (whole pages laid out in a <table>) hold blocks, not data. */
function isLayoutTable(table: Element): boolean {
  let nested = false;
  let longCell = false;
  const walk = (el: Element, depth: number) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'table' && depth > 0) nested = true;
      if ((c.tagName === 'td' || c.tagName === 'th') && textLength(c) > 400) longCell = true;
      walk(c, depth + (c.tagName === 'table' ? 1 : 0));
    }
  };
  walk(table, 0);
  return nested || longCell || oneColumn(table);
}

/** Every row holds one cell at most: a box drawn as a table (专栏 with its entries), read as paragraphs. */
function oneColumn(table: Element): boolean {
  let rows = 0;
  const walk = (el: Element): boolean => {
    for (const c of el.children) {
      if (c.type !== 'element' || c.tagName === 'table') continue;
      if (c.tagName === 'tr') {
        rows++;
        if (c.children.filter((x) => x.type === 'element' && (x.tagName === 'td' || x.tagName === 'th')).length > 1) return false;
      } else if (!walk(c)) return false;
    }
    return true;
  };
  return walk(table) && rows > 1;
}

function textLength(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type === 'text') n += c.value.trim().length;
    else if (c.type === 'element') n += textLength(c);
  }
  return n;
}

/** Text → blocks, once the parser is loaded (the .docx reader calls this on mammoth's HTML). */
export function readHtmlWith(parser: { parse(src: string): unknown }, source: SourceText): ReadResult {
  const src = source.text;
  const tree = parser.parse(src) as Root;
  const blocks: Block[] = [];
  const directives: InlineDirective[] = [];
  let run: Piece[] = [];
  let olDepth = 0;

  const flush = () => {
    if (!run.length) return;
    const p = tidy(concat(run));
    run = [];
    if (!p.text) return;
    const key = foldKey(p.text);
    if (!isChrome(key)) blocks.push({ kind: 'line', piece: p, key });
  };

  const visit = (node: RootContent | ElementContent) => {
    if (node.type === 'text') {
      run.push(textPiece(node, src));
      return;
    }
    if (node.type === 'comment') {
      const d = directiveOf(node.value, node.position?.start.offset ?? 0, node.position?.end.offset ?? 0, source);
      if (d) directives.push(d);
      return;
    }
    if (node.type !== 'element') return;
    if (isFurniture(node)) return;
    const tag = node.tagName;
    if (tag === 'br') {
      flush();
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      flush();
      const p = tidy(inlineText(node, src, ''));
      if (p.text) blocks.push({ kind: 'heading', piece: p, key: foldKey(p.text), depth: Number(tag[1]) });
      return;
    }
    if (tag === 'table' && !isLayoutTable(node)) {
      flush();
      const grid = tableGrid(node, src);
      if (grid.rows.length) blocks.push({ kind: 'table', rows: grid.rows, start: grid.start, end: grid.end });
      return;
    }
    if (tag === 'ol') {
      flush();
      olDepth++;
      let n = Number(node.properties?.start ?? 1) || 1;
      for (const li of node.children) {
        if (li.type !== 'element' || li.tagName !== 'li') {
          visit(li);
          continue;
        }
        // the list number is rendering, not text: put it back so the outline sees it, in a
        // different style per nesting level ("1." / "(1)" / "①") so levels stay apart
        const at = li.position?.start.offset ?? node.position?.start.offset ?? 0;
        const label = olDepth === 1 ? `${n}.` : olDepth === 2 ? `(${n})` : String.fromCharCode(0x2460 + Math.min(n, 20) - 1);
        flush();
        run.push(pinnedPiece(label, at));
        for (const c of li.children) visit(c);
        flush();
        n++;
      }
      olDepth--;
      return;
    }
    const isBlock = BLOCK.has(tag);
    if (isBlock) flush();
    for (const c of node.children) visit(c);
    if (isBlock) flush();
  };
  for (const c of tree.children) visit(c);
  flush();
  return { blocks, directives };
}

export async function readHtml(source: SourceText): Promise<ReadResult> {
  const parser = await htmlParser();
  let read: ReadResult;
  try {
    read = readHtmlWith(parser, source);
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError('HTML nested too deeply to be a plan');
    throw e;
  }
  return read;
}

/** HTML: a byte order mark, else the charset the page declares, else detection as for text. */
function decodeHtml(bytes: Uint8Array): Decoded {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? null : declaredCharset(bytes);
  try {
    if (charset && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset)) return decodeAs(bytes, 'gb18030');
    if (charset && /^(?:big5|big5-hkscs)$/.test(charset)) return decodeAs(bytes, 'big5');
    return decode(bytes);
  } catch (e) {
    throw e instanceof NotTextError ? new ReadError(e.message) : e;
  }
}

/** `<!doctype html` or `<html` at the start: a web page whatever the file is called. */
function looksLikeHtml(head: Uint8Array): boolean {
  const text = Buffer.from(head.subarray(0, 2048)).toString('utf8').trimStart().toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html');
}

export const htmlReader = defineReader({
  format: 'html',
  extensions: ['.html', '.htm'],
  sniff: looksLikeHtml,
  decode: decodeHtml,
  read: readHtml,
  noBlocks: 'no text in the page body, not a plan text',
});

/** The charset a page declares in its first bytes: <meta charset> or http-equiv Content-Type. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}
