// Junk of document-sharing, database and encyclopedia sites that survives the readers: lines
// that are page chrome once their URL is left out ("原文链接：https://…"), and junk glued to the
// text of a line (citation marks "[67]", ".pdfVIP", an infobox label "中文名…"). It runs on the
// blocks every reader produces, so each format gets the same clean-up; patterns are in
// grammars/page-chrome.yaml. Pieces keep their offsets into the original file.
import { grammars } from '../grammars/load.js';
import { alternativesInnerChars, alternativesTest } from '../grammars/prefilter.js';
import type { Block } from './blocks.js';
import { concat, foldKey, slice, tidy, type Piece } from '../normalize/piece.js';

/** A line of page chrome, its length measured without the URLs it holds. */
export function isChromeLine(key: string): boolean {
  const g = grammars().chrome;
  if (!g.re.test(key)) return false;
  g.url.lastIndex = 0;
  return key.replace(g.url, '').length <= g.maxLength;
}

function hasUrl(key: string): boolean {
  const url = grammars().chrome.url;
  url.lastIndex = 0;
  return url.test(key);
}

let junkCharsMemo: { of: unknown; chars: number[] | null } | null = null;
/**
 * The code units (of a key) one of which a line must hold for dropSiteJunk to do more than look
 * at its ends: the URL pattern's characters and those the inline junk's quick test looks for
 * inside a line (alternativesInnerChars); null where the patterns give no such set. A reader
 * that sees every character of a line anyway tells dropSiteJunk which lines hold none.
 */
export function junkChars(): number[] | null {
  const g = grammars().chrome;
  if (junkCharsMemo?.of !== g) {
    const url = alternativesInnerChars(g.url.source, g.url.flags, true);
    const inline = g.inline ? alternativesInnerChars(g.inline.source, g.inline.flags) : [];
    junkCharsMemo = { of: g, chars: url && inline ? [...new Set([...url, ...inline])] : null };
  }
  return junkCharsMemo.chars;
}

let inlineTest: { of: unknown; test: ((s: string, inner?: boolean) => boolean) | null } | null = null;
/**
 * The quick test of the inline junk patterns (alternativesTest, src/grammars/prefilter.ts): most
 * of them stand at the end of a line, which is told by its last character; the characters every
 * match needs (inlineQuick) when the patterns allow no such test.
 */
function inlineQuickTest(): ((s: string, inner?: boolean) => boolean) | null {
  const { inline, inlineQuick } = grammars().chrome;
  if (inlineTest?.of !== inline) {
    const test = inline ? alternativesTest(inline.source, inline.flags) : null;
    inlineTest = { of: inline, test: test ?? (inlineQuick ? (s: string) => inlineQuick.test(s) : null) };
  }
  return inlineTest.test;
}

/**
 * The piece without what `re` matches in its key (same indexes), or null when nothing matched.
 * `inner` false: the key holds none of junkChars (only its ends need a look).
 */
function cutMatches(p: Piece, key: string, re: RegExp, quick: ((s: string, inner?: boolean) => boolean) | null, inner: boolean): Piece | null {
  // most lines hold no junk: a test of their ends or of the characters junk needs, then a plain
  // test, are several times cheaper than the pattern's own scan and starting matchAll
  if (quick && !quick(key, inner)) return null;
  re.lastIndex = 0;
  if (!re.test(key)) return null;
  re.lastIndex = 0;
  const keep: Piece[] = [];
  let from = 0;
  let cut = false;
  for (const m of key.matchAll(re)) {
    if (!m[0].length) continue;
    cut = true;
    if (m.index > from) keep.push(slice(p, from, m.index));
    from = m.index + m[0].length;
  }
  if (!cut) return null;
  if (from < key.length) keep.push(slice(p, from));
  return keep.length ? tidy(concat(keep)) : slice(p, 0, 0);
}

/**
 * The blocks without site junk: chrome lines dropped, glued junk cut out of lines and headings.
 * `blocks` itself where nothing is dropped or cut (most texts): no copy of the list.
 * `mayHold`: per block, 0 where its key holds none of junkChars (ReadResult.mayHoldJunk).
 */
export function dropSiteJunk(blocks: Block[], mayHold?: Uint8Array): Block[] {
  const { inline } = grammars().chrome;
  const inlineQuick = inlineQuickTest();
  // the blocks kept, from the first one dropped or changed on (null until then)
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      out?.push(b);
      continue;
    }
    const inner = mayHold === undefined || mayHold[i] !== 0;
    // the readers dropped chrome up to maxLength; what is longer is chrome only for its URL
    if (inner && b.key.length > grammars().chrome.maxLength && hasUrl(b.key) && isChromeLine(b.key)) {
      out ??= blocks.slice(0, i);
      continue;
    }
    const piece = inline ? cutMatches(b.piece, b.key, inline, inlineQuick, inner) : null;
    if (!piece) {
      out?.push(b);
      continue;
    }
    out ??= blocks.slice(0, i);
    if (!piece.text) continue;
    const key = foldKey(piece.text);
    if (isChromeLine(key)) continue;
    if (b.kind === 'heading') out.push({ ...b, piece, key });
    else out.push({ kind: 'line', piece, key });
  }
  return out ?? blocks;
}
