// A paragraph that holds several numbered items on lines of their own ("　　1．危险化学品。…" /
// "　　2．烟花爆竹。…" in one Markdown paragraph, joined by soft line breaks) is several items:
// it is cut where a line break of the original stands right before a numbering.
import type { Block, LineBlock } from '../ingest/blocks.js';
import { foldKey, offsetAt, slice } from '../normalize/piece.js';
import { numberingOf } from './tree.js';

/** Indexes in `b` where a numbered line starts after a line break of the original text. */
function cutsOf(b: LineBlock, text: string): number[] {
  const cuts: number[] = [];
  const r = b.piece.runs;
  for (let k = 2; k < r.length; k += 2) {
    const at = r[k];
    const prevEnd = offsetAt(b.piece, at - 1) + 1;
    const start = r[k + 1];
    if (start <= prevEnd || text.slice(prevEnd, start).indexOf('\n') < 0) continue;
    const n = numberingOf(b.key.slice(at));
    if (n && n.kind === 'item' && n.scheme !== 'box') cuts.push(at);
  }
  return cuts;
}

/** The blocks with such paragraphs cut; `blocks` itself where there is none (most texts). */
export function splitNumberedBreaks(blocks: Block[], text: string): Block[] {
  // the blocks, from the first one cut on (null until then)
  let out: Block[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'line' || b.cells || b.piece.runs.length < 4) {
      out?.push(b);
      continue;
    }
    const cuts = cutsOf(b, text);
    if (!cuts.length) {
      out?.push(b);
      continue;
    }
    out ??= blocks.slice(0, i);
    const bounds = [0, ...cuts, b.piece.text.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const piece = slice(b.piece, bounds[k], bounds[k + 1]);
      out.push({ kind: 'line', piece, key: foldKey(piece.text) });
    }
  }
  return out ?? blocks;
}
