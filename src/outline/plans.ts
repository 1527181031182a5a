// Splits a document into its plans: a notice may print several plans, each opening with its
// own title line; a title printed again after a table of contents (目录) continues its plan.
import { grammars } from '../grammars/load.js';
import type { Block, HeadingBlock, LineBlock } from '../ingest/blocks.js';
import type { PlanKind } from '../model/schema.js';
import { concat, foldKey } from '../normalize/piece.js';

export interface PlanRegion {
  title: LineBlock | HeadingBlock;
  blocks: Block[];
  /** lines of the plan that are not its body: repeated titles, its table of contents */
  aside: Block[];
  /** the title was taken from a line of the body (a plan with no title line of its own) */
  titleInBody?: boolean;
}

export interface Segmented {
  /** page header and notice before the first plan */
  header: Block[];
  plans: PlanRegion[];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

export function isPlanTitle(key: string): boolean {
  const t = grammars().titles;
  const s = squeeze(key);
  if (s.length < 4 || s.length > t.maxLength) return false;
  if (grammars().headings.some((h) => h.re.test(s))) return false;
  if (t.notTitle.some((re) => re.test(s))) return false;
  const m = t.titleEnd.exec(s);
  // a title names what it plans before its document word: "规划(2021—2025年)" alone is a fragment
  return m !== null && m.index >= 4;
}

export function planKind(title: string): PlanKind {
  const s = squeeze(foldKey(title)).replace(/[(][^()]*[)]$/, '');
  for (const k of grammars().titles.kinds) if (k.res.some((re) => re.test(s))) return k.kind;
  return 'other';
}

/** Title as compared across repeats: no spaces, quotes or trailing period. */
function titleKey(key: string): string {
  return squeeze(key)
    .replace(/[“”"'‘’《》]/g, '')
    .replace(/[(][^()]*[)]$/, '');
}

const sameTitle = (a: string, b: string) => a === b || (a.length >= 6 && b.length >= 6 && (a.includes(b) || b.includes(a)));

const isToc = (key: string) => grammars().sections.toc.some((re) => re.test(squeeze(key)));

const textOf = (b: Block) => (b.kind === 'table' ? '' : b.key);

/** A plan has begun once it holds a numbered heading or some prose. */
function hasBody(region: PlanRegion): boolean {
  let prose = 0;
  for (const b of region.blocks) {
    if (b.kind === 'table') return true;
    if (b.kind === 'heading') return true;
    if (grammars().headings.some((h) => h.kind === 'item' && h.re.test(b.key))) return true;
    if (b.key.length > 40) prose++;
    if (prose >= 2) return true;
  }
  return false;
}

export function segmentPlans(blocks: Block[]): Segmented {
  const header: Block[] = [];
  const plans: PlanRegion[] = [];
  let cur: PlanRegion | null = null;
  let toc: { first: string | null } | null = null;

  for (let bi = 0; bi < blocks.length; bi++) {
    let b = blocks[bi];
    // a title broken over two lines: "某市应急管理“十四五”" / "规划(2021—2025年)"
    const next = blocks[bi + 1];
    if (b.kind === 'line' && next?.kind === 'line' && !isPlanTitle(b.key) && b.key.length <= 40 && !/[。,;:，；：]/.test(b.key)) {
      const joined = b.key + next.key;
      if (isPlanTitle(joined) && !isPlanTitle(next.key)) {
        b = { kind: 'line', piece: concat([b.piece, next.piece]), key: joined };
        bi++;
      }
    }
    const key = textOf(b);
    if (toc && b.kind !== 'table') {
      // entries may carry their page number glued to the text ("建设区域创新高地15", "总体要求……1")
      const k = squeeze(key).replace(/[.…·_\-—\s]*\d+$/, '');
      const ends = (toc.first !== null && k === toc.first) || key.length > 50 || (cur && sameTitle(titleKey(key), titleKey(cur.title.key)));
      if (!ends) {
        if (toc.first === null && k) toc.first = k;
        (cur ? cur.aside : header).push(b);
        continue;
      }
      toc = null;
    }
    if (b.kind !== 'table' && isPlanTitle(key)) {
      if (cur && sameTitle(titleKey(key), titleKey(cur.title.key))) {
        cur.aside.push(b);
        continue;
      }
      if (cur && !hasBody(cur)) {
        cur.aside.push(cur.title);
        cur.title = b;
        continue;
      }
      cur = { title: b, blocks: [], aside: [] };
      plans.push(cur);
      continue;
    }
    if (b.kind !== 'table' && isToc(key)) {
      toc = { first: null };
      (cur ? cur.aside : header).push(b);
      continue;
    }
    (cur ? cur.blocks : header).push(b);
  }
  return { header, plans };
}
