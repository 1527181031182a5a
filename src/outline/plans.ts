// Splits a document into its plans: a notice may print several plans, each opening with its
// own title line; a title printed again after a table of contents (目录) continues its plan.
import { grammars } from '../grammars/load.js';
import { squeezedLongerThan, squeezeSpace } from '../normalize/squeeze.js';
import { matchNumbering, mayOpenNumbered } from '../grammars/numbering-start.js';
import { lastChars, squeezedTest } from '../grammars/prefilter.js';
import { firstChars, requiredChars } from '../grammars/prefilter-memo.js';
import { isIssuerLine, signatureDate } from './signature.js';
import type { Block, HeadingBlock, LineBlock } from '../ingest/blocks.js';
import type { PlanKind } from '../model/schema.js';
import { concat, foldKey, offsetAt, pieceOf, pinnedPiece, slice, startOffset, type Piece } from '../normalize/piece.js';
import { isSpaceCode, perCodeUnit } from '../util/text.js';

export interface PlanRegion {
  title: LineBlock | HeadingBlock;
  blocks: Block[];
  /** lines of the plan that are not its body: repeated titles, its table of contents */
  aside: Block[];
  /** the title was taken from a line of the body (a plan with no title line of its own) */
  titleInBody?: boolean;
  /** the signature that closes the plan (signing body, date), also in `aside`: not plan body */
  signature?: Block[];
}

export interface Segmented {
  /** page header and notice before the first plan */
  header: Block[];
  plans: PlanRegion[];
}

/**
 * The text without whitespace. Most keys hold none (squeezeSpace returns them as they are); of
 * the others the last one squeezed is kept (a line's tests ask for it several times).
 */
let squeezedFrom = '';
let squeezedTo = '';
const squeeze = (s: string) => {
  if (s === squeezedFrom) return squeezedTo;
  const out = squeezeSpace(s);
  if (out !== s) {
    squeezedTo = out;
    squeezedFrom = s;
  }
  return out;
};

/**
 * The last-character tests of the title patterns (lastChars, src/grammars/prefilter.ts): a line
 * must end with a document word or a bracket to be a title, which most lines (ending with 。)
 * are told by one lookup instead of a scan of the pattern.
 */
type EndTest = ((s: string, end?: number) => boolean) | null;
let titleEnds: { of: unknown; plan: EndTest; opening: EndTest } | null = null;
function titleEndTests() {
  const t = grammars().titles;
  if (titleEnds?.of !== t) titleEnds = { of: t, plan: lastChars([t.titleEnd]), opening: lastChars([t.openingTitleEnd]) };
  return titleEnds;
}

/** Whether squeeze keeps the code unit `c`: not JavaScript's \s. */
const squeezeKeeps = (c: number) => !isSpaceCode(c);

/** Index of the first character of `s` that squeeze keeps, -1 if none. */
function firstKept(s: string): number {
  for (let i = 0; i < s.length; i++) if (squeezeKeeps(s.charCodeAt(i))) return i;
  return -1;
}

/** Index of the last character of `s` that squeeze keeps, -1 if none. */
function lastKept(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (squeezeKeeps(s.charCodeAt(i))) return i;
  return -1;
}

/**
 * Whether the squeezed key may end as a plan title (`opening`: as an opening title) does, told
 * from the key itself before it is squeezed: false only where the title pattern cannot match.
 */
function mayEndTitle(key: string, opening: boolean): boolean {
  const tests = titleEndTests();
  const end = opening ? tests.opening : tests.plan;
  if (end === null) return true;
  const i = lastKept(key);
  if (i < 0) return false;
  // an opening title may stand in 《》, which it is unwrapped from first: not told here
  if (opening && key.charCodeAt(i) === 0x300b) return true;
  return end(key, i + 1);
}

export function isPlanTitle(key: string): boolean {
  return mayEndTitle(key, false) && isPlanTitleSq(squeeze(key));
}

/** isPlanTitle of a key already squeezed (the outline tests several things of one line) */
function isPlanTitleSq(s: string): boolean {
  const t = grammars().titles;
  if (s.length < 4 || s.length > t.maxLength) return false;
  const end = titleEndTests().plan;
  if (end !== null && !end(s)) return false;
  // the document word first: one test that most lines fail, before the numbering and exclusions
  const m = t.titleEnd.exec(s);
  // a title names what it plans before its document word: "规划(2021—2025年)" alone is a fragment
  if (m === null || m.index < 4) return false;
  if (matchNumbering(s) !== null) return false;
  return !t.notTitle.some((re) => re.test(s));
}

/**
 * A title as it may stand at the top of the text or where the notice names it: it may end with
 * more document words (意见, 措施, 办法 …) and start with 关于, but is still no notice or sentence.
 */
export function isOpeningTitle(key: string): boolean {
  return mayEndTitle(key, true) && isOpeningTitleSq(squeeze(key));
}

function isOpeningTitleSq(squeezed: string): boolean {
  const t = grammars().titles;
  // unwrapping takes two characters at most: a longer line is no title either way
  if (squeezed.length > t.maxLength + 2) return false;
  const s = unwrapTitle(squeezed);
  if (s.length < 4 || s.length > t.maxLength) return false;
  const end = titleEndTests().opening;
  if (end !== null && !end(s)) return false;
  const m = t.openingTitleEnd.exec(s);
  if (m === null || m.index < 2) return false;
  if (matchNumbering(s) !== null) return false;
  return !t.openingNotTitle.some((re) => re.test(s));
}

/** "《某市若干措施》" written as a line: the title without the brackets around all of it */
export function unwrapTitle(s: string): string {
  return s.charCodeAt(0) === 0x300a && /^《[^《》]+》$/.test(s) ? s.slice(1, -1) : s;
}

/** A title as compared with the names a notice gives: no spaces, quotes or brackets of names, one dash. */
function nameKey(key: string): string {
  return nameKeySq(squeeze(key));
}

function nameKeySq(s: string): string {
  return s
    .replace(/[“”"'‘’《》〈〉<>]/g, '')
    .replace(/[—–~－]+/g, '-');
}

const stripPeriod = (s: string) => s.replace(/(?:[(][^()]*[)])+$/, '');

let naming: { of: unknown; test: ((key: string) => boolean) | null } | null = null;
/**
 * The quick test of a line for the printing words or the wrapper, which are tried on it
 * squeezed (squeezedTest: two characters they need side by side, whitespace allowed between):
 * a character they need (的, 发) stands in most lines of a plan, 印发 or 转发 in few.
 */
function namingQuick(): ((key: string) => boolean) | null {
  const t = grammars().titles;
  if (naming?.of !== t) {
    const source = `(?:${t.printing.source})|(?:${t.wrapper.source})`;
    const test = t.printing.flags === t.wrapper.flags ? squeezedTest(source, t.printing.flags) : null;
    const chars = test === null ? requiredChars(source, 'u') : null;
    naming = { of: t, test: test ?? (chars ? (key: string) => chars.test(key) : null) };
  }
  return naming.test;
}

/**
 * The documents a notice names as the ones it prints: 《X》 in a sentence with a printing word
 * ("…现印发给你们"), and the X of "关于印发X的通知" (which may join several with 和/及).
 */
export function namedTitles(blocks: Block[]): string[] {
  const t = grammars().titles;
  const out: string[] = [];
  const quick = namingQuick();
  for (const b of blocks.slice(0, 80)) {
    if (b.kind === 'table' || b.key.length > 600) continue;
    // a line the quick test rejects names nothing: squeezed, it holds nothing both patterns need
    if (quick !== null && !quick(b.key)) continue;
    const k = squeeze(b.key);
    if (t.printing.test(k)) for (const m of k.matchAll(/《((?:[^《》]|《[^《》]*》)+)》/g)) out.push(nameKey(m[1]));
    const w = t.wrapper.exec(k);
    if (w) out.push(nameKey(w[1]));
  }
  return [...new Set(out)].filter((n) => n.length >= 4);
}

/** Each named title as it stands and without its period, in order (computed once per document). */
const namedForms = (named: string[]) => named.flatMap((full) => [full, stripPeriod(full)]);

/** True when a squeezed key is one of the documents the notice names (alone or as one of a list). */
function isNamedSq(squeezed: string, forms: string[]): boolean {
  if (!forms.length) return false;
  const k = nameKeySq(unwrapTitle(squeezed));
  if (k.length < 4) return false;
  const { namedBefore, namedAfter } = grammars().titles;
  const keys = [k, stripPeriod(k)];
  for (const n of forms) {
    for (const kk of keys) {
      if (kk.length < 4) continue;
      let at = n.indexOf(kk);
      while (at >= 0) {
        const before = n.slice(0, at);
        const after = n.slice(at + kk.length);
        const okBefore = at === 0 || namedBefore.test(before);
        const okAfter = after === '' || namedAfter.test(after) || /^[(][^()]*[)]$/.test(after);
        if (okBefore && okAfter) return true;
        at = n.indexOf(kk, at + 1);
      }
    }
  }
  return false;
}

export function planKind(title: string): PlanKind {
  const s = squeeze(foldKey(title)).replace(/(?:[(][^()]*[)])+$/, '');
  for (const k of grammars().titles.kinds) if (k.res.some((re) => re.test(s))) return k.kind;
  return 'other';
}

/** Title as compared across repeats: no spaces, quotes or trailing period. */
function titleKey(key: string): string {
  return squeeze(key)
    .replace(/[“”"'‘’《》]/g, '')
    .replace(/(?:[(][^()]*[)])+$/, '');
}

const sameTitle = (a: string, b: string) => a === b || (a.length >= 6 && b.length >= 6 && (a.includes(b) || b.includes(a)));

const isTocSq = (s: string) => grammars().sections.toc.some((re) => re.test(s));

/** `opens(c)`: whether `re` takes a text opening with code unit c (kept per code unit) */
let tocStart: { of: unknown; re: RegExp | null; opens: (c: number) => boolean } | null = null;

/**
 * A line that may be a table of contents' marker: its squeezed form opens with a character a TOC
 * pattern can begin with (firstChars, its answer kept per code unit of the BMP: the pattern reads
 * the first code point only), else it holds a character every TOC pattern needs (or no such
 * character is known).
 */
const mayBeToc = (key: string) => {
  const { toc, tocQuick } = grammars().sections;
  if (tocStart?.of !== toc) {
    const re = firstChars(toc);
    tocStart = { of: toc, re, opens: perCodeUnit((ch) => re !== null && re.test(ch)) };
  }
  const { re, opens } = tocStart;
  if (re !== null) {
    // the squeezed key opens with the first character squeeze keeps
    const i = firstKept(key);
    if (i < 0) return false;
    const c = key.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return re.test(i === 0 ? key : key.slice(i));
    return opens(c);
  }
  return tocQuick === null || tocQuick.test(key);
};

const textOf = (b: Block) => (b.kind === 'table' ? '' : b.key);

const isItem = (h: { kind: string }) => h.kind === 'item';

/** A plan has begun once it holds a numbered heading or some prose. */
function hasBody(region: PlanRegion): boolean {
  let prose = 0;
  for (const b of region.blocks) {
    if (b.kind === 'table') return true;
    if (b.kind === 'heading') return true;
    if (matchNumbering(b.key, isItem) !== null) return true;
    if (b.key.length > 40) prose++;
    if (prose >= 2) return true;
  }
  return false;
}

/** The signing body and date that close a plan (a notice printed as one document) go aside. */
function setSignatureAside(region: PlanRegion): void {
  const bs = region.blocks;
  const last = bs[bs.length - 1];
  if (!last || last.kind === 'table' || last.key.length > 20 || !signatureDate(last.key)) return;
  let from = bs.length - 1;
  while (from > 0 && bs.length - from < 3) {
    const prev = bs[from - 1];
    if (prev.kind === 'table' || !isIssuerLine(prev.key)) break;
    from--;
  }
  region.signature = bs.splice(from);
  region.aside.push(...region.signature);
}

/** A TOC entry as compared with headings: no numbering, bullets or page number. */
const tocEntryKey = (key: string) =>
  squeeze(key)
    .replace(/^(?:\d{1,3}(?:\.\d{1,2})*|[▪•·■□◆◇●○\-*]+)/u, '')
    .replace(/[.…·\s]*\d{1,4}$/u, '');

/** Prose: a long line written as sentences (ends the top of the text where its title may stand). */
const isProse = (key: string) => key.length > 40 && /[。，,;；]/.test(key);

const isItemHeading = (key: string) => {
  // a first character squeeze keeps is the squeezed text's first: no numbering can open there
  const c = key.charCodeAt(0);
  if (key.length && squeezeKeeps(c) && !mayOpenNumbered(key)) return false;
  const s = squeeze(key.slice(0, 40));
  return matchNumbering(s, isItem) !== null;
};

/** bits of a block's end (endBitsOf): no character squeeze keeps, may end a plan title, may end an opening title */
const NO_KEPT = 1;
const ENDS_PLAN = 2;
const ENDS_OPENING = 4;
const KNOWN = 8;

/** What mayEndTitle says of a key, both ways, and whether it holds a character squeeze keeps, as bits. */
function endBitsOf(key: string): number {
  const tests = titleEndTests();
  const i = lastKept(key);
  // (mayEndTitle: true without a test, whatever the key)
  if (i < 0) return KNOWN | NO_KEPT | (tests.plan === null ? ENDS_PLAN : 0) | (tests.opening === null ? ENDS_OPENING : 0);
  let bits = KNOWN;
  if (tests.plan === null || tests.plan(key, i + 1)) bits |= ENDS_PLAN;
  // an opening title may stand in 《》, which it is unwrapped from first: not told here
  if (tests.opening === null || key.charCodeAt(i) === 0x300b || tests.opening(key, i + 1)) bits |= ENDS_OPENING;
  return bits;
}

export function segmentPlans(blocks: Block[]): Segmented {
  const t = grammars().titles;
  const header: Block[] = [];
  const plans: PlanRegion[] = [];
  const named = namedTitles(blocks);
  const forms = namedForms(named);
  const tocEntries = new Set<string>();
  let cur: PlanRegion | null = null;
  let toc: { first: string | null } | null = null;
  // the top of the text, where the document's own title stands: before any prose or numbered item
  let opening = true;
  let afterAttachment = false;
  // each block's squeezed key and end bits, worked out once when first asked for: a line is
  // asked about as the second line of a broken title, then again as a line of its own
  const squeezed: (string | undefined)[] = new Array(blocks.length);
  const sqAt = (i: number) => (squeezed[i] ??= squeeze(textOf(blocks[i])));
  const ends = new Uint8Array(blocks.length);
  const endsAt = (i: number) => (ends[i] ||= endBitsOf(textOf(blocks[i])));
  // titleKey of the current plan's title, kept while the title stays
  let curTitle: Block | null = null;
  let curTitleKey = '';
  const curKey = (c: PlanRegion) => {
    if (c.title !== curTitle) {
      curTitle = c.title;
      curTitleKey = titleKey(c.title.key);
    }
    return curTitleKey;
  };

  // the line at hand: blocks[here], or two lines joined as one title (then squeezed and end bits of the two)
  let here = 0;
  let joinedHere = false;
  let joinedSq = '';
  let joinedBits = 0;
  const sqOf = () => (joinedHere ? joinedSq : sqAt(here));
  const endsHere = () => (joinedHere ? joinedBits : endsAt(here));

  for (let bi = 0; bi < blocks.length; bi++) {
    let b = blocks[bi];
    joinedHere = false;
    // a title broken over two lines: "某市应急管理“十四五”" / "规划(2021—2025年)"
    const next = blocks[bi + 1];
    if (
      b.kind === 'line' &&
      next?.kind === 'line' &&
      b.key.length <= 40 &&
      // the two lines joined end as the second does: no title unless it may end one
      endsAt(bi + 1) & (NO_KEPT | ENDS_PLAN | ENDS_OPENING) &&
      !/[。,;:，；：]/.test(b.key) &&
      !(endsAt(bi) & ENDS_PLAN && isPlanTitleSq(sqAt(bi)))
    ) {
      const first = b.key;
      const nextEnds = endsAt(bi + 1);
      // squeezing drops characters one by one: the joined lines squeezed are the two squeezed
      const sqFirst = sqAt(bi);
      // longer than any title either test takes (isPlanTitleSq, isOpeningTitleSq): not joined
      if (!squeezedLongerThan(next.key, t.maxLength + 2 - sqFirst.length)) {
        const sqNext = sqAt(bi + 1);
        const joined = first + next.key;
        const sqJoined = sqFirst + sqNext;
        const joinedEnds = endBitsOf(joined);
        const planTitle = (e: number, s: string) => (e & ENDS_PLAN) !== 0 && isPlanTitleSq(s);
        const openingTitle = (e: number, s: string) => (e & ENDS_OPENING) !== 0 && isOpeningTitleSq(s);
        // at the top of the text or named by the notice, "关于加快…的" / "实施意见" is one title too
        const broad = () =>
          openingTitle(joinedEnds, sqJoined) &&
          (opening || isNamedSq(sqJoined, forms)) &&
          !openingTitle(endsAt(bi), sqFirst) &&
          (stripPeriod(sqNext).length <= 8 || !openingTitle(nextEnds, sqNext));
        if ((planTitle(joinedEnds, sqJoined) && !planTitle(nextEnds, sqNext)) || broad()) {
          b = { kind: 'line', piece: concat([b.piece, next.piece]), key: joined };
          joinedHere = true;
          joinedSq = sqJoined;
          joinedBits = joinedEnds;
          bi++;
        }
      }
    }
    const key = textOf(b);
    // (sqOf, endsHere: of blocks[bi] from here on, unless two lines were joined above)
    here = bi;
    if (toc && b.kind !== 'table') {
      // entries may carry their page number glued to the text ("建设区域创新高地15", "总体要求……1")
      const k = sqOf().replace(/[.…·_\-—\s]*\d+$/, '');
      // a long line ends a TOC, unless it is entries run together ("第一章…第二章…")
      const runTogether = (key.match(/第[一二三四五六七八九十百\d]+[篇章节]/g) ?? []).length >= 2;
      const ends = (toc.first !== null && k === toc.first) || (key.length > 50 && !runTogether) || (cur && sameTitle(titleKey(key), curKey(cur)));
      if (!ends) {
        if (toc.first === null && k) toc.first = k;
        const entry = tocEntryKey(key);
        if (entry) tocEntries.add(entry);
        (cur ? cur.aside : header).push(b);
        continue;
      }
      toc = null;
    }
    if (b.kind !== 'table' && isTitleHere(key, sqOf, endsHere)) {
      if (cur && sameTitle(titleKey(key), curKey(cur))) {
        cur.aside.push(b);
        continue;
      }
      // "（2021-2023年）" on the line under the title belongs to it
      const after = blocks[bi + 1];
      if (after && after.kind !== 'table' && t.periodLine.test(sqAt(bi + 1))) {
        b = { ...b, piece: concat([b.piece, after.piece]), key: b.key + after.key } as typeof b;
        bi++;
      }
      opening = false;
      afterAttachment = false;
      if (cur && !hasBody(cur)) {
        cur.aside.push(cur.title);
        cur.title = b;
        continue;
      }
      cur = { title: b, blocks: [], aside: [] };
      plans.push(cur);
      continue;
    }
    if (b.kind !== 'table' && mayBeToc(key) && isTocSq(sqOf())) {
      // "目录序言": the marker and the first entry on one line
      const glued = grammars()
        .sections.toc.map((re) => re.exec(sqOf())?.[1])
        .find((x) => x);
      toc = { first: glued ?? null };
      (cur ? cur.aside : header).push(b);
      continue;
    }
    // (the top of the text, once left, is not come back to: no line is asked after that)
    if (opening && (b.kind === 'table' || isProse(key) || isItemHeading(key))) opening = false;
    if (b.kind !== 'table') afterAttachment = key.length <= 20 && t.attachmentLine.test(sqOf());
    (cur ? cur.blocks : header).push(b);
  }
  for (const p of plans) setSignatureAside(p);
  return { header, plans };

  /** Whether the line at hand (`squeezed`: it squeezed, `endBits`: endBitsOf it) starts a plan (or repeats the current plan's title). */
  function isTitleHere(key: string, squeezed: () => string, endBits: () => number): boolean {
    if (key.length > 200) return false;
    // most lines end as no title does: told before the line is squeezed
    const e = endBits();
    if (!(e & (ENDS_PLAN | ENDS_OPENING))) return false;
    // longer than any title isPlanTitleSq or isOpeningTitleSq takes: told before it is squeezed
    if (squeezedLongerThan(key, t.maxLength + 2)) return false;
    const sq = squeezed();
    // whether the notice names it, found only when needed (null: not asked yet; no closure for
    // it: a function's variables a closure reads are allocated on every call, as this one was)
    let named: boolean | null = null;
    const title = isPlanTitleSq(sq) || (isOpeningTitleSq(sq) && (opening || (named = isNamedSq(sq, forms))));
    if (!title) return false;
    if (!cur || !hasBody(cur) || sameTitle(titleKey(key), curKey(cur))) return true;
    // a later plan: named by the notice, under an 附件 line, or a full title that is no TOC entry
    if ((named ?? isNamedSq(sq, forms)) || afterAttachment) return true;
    return squeeze(unwrapTitle(key)).length >= t.minLaterTitleLength && !tocEntries.has(tocEntryKey(key));
  }
}

/**
 * The title of a text with no title line: the plan its notice prints ("关于印发《X》的通知",
 * "关于印发X的通知"), else the name the text gives itself (grammars/plan-titles.yaml
 * implicitTitles), else empty. Never a document the text merely cites, never its first line.
 */
export function untitledTitle(header: Block[]): Piece {
  const t = grammars().titles;
  // the notice stands before the body: look no further than its first numbered item
  const lines: (LineBlock | HeadingBlock)[] = [];
  for (const b of header) {
    if (b.kind === 'table' || isItemHeading(b.key)) break;
    lines.push(b);
  }
  // 《X》 in the notice's printing sentence or its "关于印发《X》的通知" title, else the X of "关于印发X的通知"
  for (const b of lines.slice(0, 30)) {
    if (b.key.length > 200) continue;
    const quoted = t.printing.test(b.key) ? /《([^《》]+)》/.exec(b.key) : null;
    const m = quoted ?? t.wrapper.exec(b.key);
    if (!m || !m[1].trim()) continue;
    const at = m.index + m[0].indexOf(m[1]);
    return slice(b.piece, at, at + m[1].length);
  }
  for (const b of lines.slice(0, 6)) {
    for (const { re, title } of t.implicitTitles) {
      const m = re.exec(b.key);
      if (m) return pinnedPiece(title, offsetAt(b.piece, m.index));
    }
  }
  const first = lines[0];
  return pieceOf('', first ? startOffset(first.piece) : 0);
}
