// Word (.docx) → blocks: mammoth turns the document into HTML (paragraphs, headings, lists,
// tables kept), which the HTML reader reads. A .docx has no lines, so plan-lint gives it one:
// the text it reports positions in holds one paragraph (or table cell) per line, and a
// diagnostic's line is that paragraph's number within the document.
import { pieceOf, type Piece } from '../normalize/piece.js';
import type { Block, ReadResult } from './blocks.js';
import { readHtml } from './html.js';

export class DocxError extends Error {}

/** Re-lays blocks read from generated HTML as lines of a new text: one block (or cell) a line. */
function relinearize(blocks: Block[]): { text: string; blocks: Block[] } {
  let text = '';
  const renumber = (p: Piece): Piece => {
    const start = text.length;
    text += p.text + '\n';
    return pieceOf(p.text, start);
  };
  const out: Block[] = blocks.map((b) => {
    if (b.kind === 'table') {
      const start = text.length;
      const seen = new Map<Piece, Piece>();
      const rows = b.rows.map((row) =>
        row.map((cell) => {
          if (!cell.text) return pieceOf('', text.length);
          const again = seen.get(cell);
          if (again) return again; // a spanning cell is one paragraph, however many slots it fills
          const p = renumber(cell);
          seen.set(cell, p);
          return p;
        }),
      );
      return { kind: 'table', rows, start, end: text.length };
    }
    return { ...b, piece: renumber(b.piece) };
  });
  return { text, blocks: out };
}

export async function readDocx(bytes: Uint8Array): Promise<ReadResult & { text: string }> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
    throw new DocxError(head === '%PDF-' ? 'not a .docx file (it is a PDF)' : 'not a .docx file (no zip header)');
  }
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    throw new DocxError(`damaged .docx (${(e as Error).message.split('\n')[0]})`);
  }
  const read = readHtml(`<html><body>${html}</body></html>`);
  const { text, blocks } = relinearize(read.blocks);
  return { blocks, directives: [], text };
}

