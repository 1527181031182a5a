// Builds a plan's outline from its blocks. Markdown/HTML headings nest by depth; numbered
// lines (第三章, 一、, (一), 1., (1), ①, 专栏1) nest in the order the document first uses each
// scheme, which is how a reader follows an unfamiliar numbering.
import { matchNumbering } from '../grammars/numbering-start.js';
import type { HeadingBlock, LineBlock } from '../ingest/blocks.js';
import { slice, type Piece } from '../normalize/piece.js';
import { isSpaceCode } from '../util/text.js';
import { parseNumeral } from '../normalize/numbers.js';

export interface OutlineNode {
  scheme: string;
  /** Markdown/HTML heading depth, null for a numbered line */
  depth: number | null;
  value: number | null;
  label: string;
  /** the line after its numbering */
  rest: Piece;
  restKey: string;
  /** the whole heading line */
  line: Piece;
  /** its folded key */
  lineKey: string;
  body: LineBlock[];
  /** tables (indicator or task) that stand directly under this node */
  tables: number;
  children: OutlineNode[];
  parent: OutlineNode | null;
  /** nodeTitle of the node, once asked for (the task extractor asks for it per task under it) */
  titleMemo?: string | null;
}

export interface Numbering {
  scheme: string;
  kind: 'item' | 'caption';
  value: number | null;
  /** length of the numbering label in the line */
  length: number;
}

export function numberingOf(key: string): Numbering | null {
  const hit = matchNumbering(key);
  if (hit === null) return null;
  const { scheme: s, m } = hit;
  return { scheme: s.id, kind: s.kind, value: parseNumeral(m[1] ?? ''), length: m[0].length };
}

/** whitespace (a regex's \s), 、 or . after a numbering label (a code unit, without a string of it) */
const isLabelGap = (c: number) => c === 0x3001 || c === 0x2e || isSpaceCode(c);

/** `n`: the line's numbering when the caller has it already (numberingOf(b.key)) */
function makeNode(b: LineBlock | HeadingBlock, parent: OutlineNode | null, n: Numbering | null = numberingOf(b.key)): OutlineNode {
  const depth = b.kind === 'heading' ? b.depth : null;
  const labelLen = n && n.kind === 'item' ? n.length : 0;
  let cut = labelLen;
  while (cut < b.key.length && isLabelGap(b.key.charCodeAt(cut))) cut++;
  const rest = slice(b.piece, cut);
  return {
    scheme: depth !== null ? `md-h${depth}` : n!.scheme,
    depth,
    value: n && n.kind === 'item' ? n.value : null,
    label: b.piece.text.slice(0, labelLen),
    rest,
    restKey: b.key.slice(cut),
    line: b.piece,
    lineKey: b.key,
    body: [],
    tables: 0,
    children: [],
    parent,
    titleMemo: undefined,
  };
}

/** `blocks` may hold table markers: they count as content of the node they stand under. */
const LEAF_SCHEMES = new Set(['arabic-dot', 'arabic-paren', 'circled']);

/** an item whose own line is a heading, not an item run together with its text */
function isPureHeadingNode(n: OutlineNode): boolean {
  return n.restKey.length <= 40 && !n.restKey.includes('。');
}

/** Where the open box (专栏) stands in the stack, -1 where none is open. */
function boxIndex(stack: OutlineNode[]): number {
  for (let i = 0; i < stack.length; i++) if (stack[i].scheme === 'box') return i;
  return -1;
}

/** Whether the numbering `n` continues one of the items `closed` (the next value of its scheme). */
function continuesOne(closed: OutlineNode[], n: Numbering): boolean {
  for (const x of closed) if (x.scheme === n.scheme && x.value !== null && n.value === x.value + 1) return true;
  return false;
}

export function buildOutline(blocks: (LineBlock | HeadingBlock | { kind: 'table' })[], rootLine: Piece): OutlineNode {
  const root: OutlineNode = {
    scheme: 'root',
    depth: 0,
    value: null,
    label: '',
    rest: rootLine,
    restKey: '',
    line: rootLine,
    lineKey: '',
    body: [],
    tables: 0,
    children: [],
    parent: null,
    titleMemo: undefined,
  };
  // stack[0] is the root; each later entry is open
  const stack: OutlineNode[] = [root];
  const top = () => stack[stack.length - 1];
  // the items a box closed when it opened: a line that continues one of them ends the box
  const besideBox = new Map<OutlineNode, OutlineNode[]>();
  for (const b of blocks) {
    if (b.kind === 'table') {
      top().tables++;
      continue;
    }
    if (b.kind === 'heading') {
      while (stack.length > 1 && (top().depth === null || top().depth! >= b.depth)) stack.pop();
      const node = makeNode(b, top());
      // a Markdown heading that carries numbering keeps its value for ids
      top().children.push(node);
      stack.push(node);
      continue;
    }
    const n = numberingOf(b.key);
    if (!n || n.kind === 'caption') {
      top().body.push(b);
      continue;
    }
    // a box (专栏) stands beside the items of its section, not inside one: close the open items
    // that cannot hold it (ones run together with their text, and the lowest numbering levels)
    // (no list or closure made per numbered line where nothing is closed or reopened: most lines)
    let closed: OutlineNode[] | null = null;
    const boxAt = boxIndex(stack);
    if (n.scheme === 'box' && boxAt < 0) {
      while (stack.length > 1 && top().depth === null && (LEAF_SCHEMES.has(top().scheme) || !isPureHeadingNode(top())))
        (closed ??= []).unshift(stack.pop()!);
    } else if (boxAt > 0) {
      // "（二）" after a box that closed "（一）", "3﹒" after one that closed "2﹒": the text goes on
      // beside the box, so the box ends and the items it closed are open again
      const before = besideBox.get(stack[boxAt]);
      if (before !== undefined && continuesOne(before, n)) {
        stack.length = boxAt;
        stack.push(...before);
      }
    }
    // the scheme already open below the nearest Markdown heading: close back to its level
    let found = -1;
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i].depth !== null) break;
      if (stack[i].scheme === n.scheme) {
        found = i;
        break;
      }
    }
    if (found > 0) stack.length = found;
    const node = makeNode(b, top(), n);
    top().children.push(node);
    stack.push(node);
    if (closed !== null) besideBox.set(node, closed);
  }
  return root;
}

/** , ; : ， ； ： and the same without the colons, as code units */
const CLAUSE_MARKS = [0x2c, 0x3b, 0x3a, 0xff0c, 0xff1b, 0xff1a];
const LIST_MARKS = [0x2c, 0x3b, 0xff0c, 0xff1b];

/** Whether key[0, end) holds one of the code units `marks` (a scan instead of a slice and a regex). */
function holdsAny(key: string, end: number, marks: readonly number[]): boolean {
  for (let i = 0; i < end; i++) if (marks.includes(key.charCodeAt(i))) return true;
  return false;
}

/** Title of a node: the heading text, or the lead phrase of an item run together with its body. */
export function nodeTitle(n: OutlineNode): string | null {
  if (n.titleMemo === undefined) n.titleMemo = titleOf(n);
  return n.titleMemo;
}

function titleOf(n: OutlineNode): string | null {
  const key = n.restKey;
  const text = n.rest.text;
  if (!key) return null;
  const stop = key.indexOf('。');
  if (stop < 0 && key.length <= 40) {
    // a colon at the end dropped (tested alone: a $-anchored pattern is tried at every position)
    const c = text.charCodeAt(text.length - 1);
    return c === 0x3a || c === 0xff1a ? text.slice(0, -1) : text;
  }
  if (stop > 0 && stop <= 30 && !holdsAny(key, stop, CLAUSE_MARKS)) return text.slice(0, stop);
  // "气象监测站网建设工程:新建自动气象站50个。": a title before a colon
  const colon = key.indexOf(':');
  if (colon > 1 && colon <= 30 && (stop < 0 || colon < stop) && !holdsAny(key, colon, LIST_MARKS)) return text.slice(0, colon);
  return null;
}

export function walk(n: OutlineNode, fn: (n: OutlineNode) => void): void {
  fn(n);
  for (const c of n.children) walk(c, fn);
}
