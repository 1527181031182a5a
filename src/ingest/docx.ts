// Word (.docx) → blocks: mammoth turns the document into HTML (paragraphs, headings, lists,
// tables kept), which the HTML reader reads. A .docx has no lines, so plan-lint gives it one:
// the text it reports positions in holds one paragraph (or table cell) per line, and a
// diagnostic's line is that paragraph's number within the document.
import { pieceOf, type Piece } from '../normalize/piece.js';
import type { Block } from './blocks.js';
import { htmlParser, readHtmlWith } from './html.js';
import { defineReader, ReadError, type Decoded } from './reader.js';
import { SourceText } from './source-text.js';

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

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Bytes → the text plan-lint lays out (one paragraph or cell a line) and its blocks. */
async function decodeDocx(bytes: Uint8Array): Promise<Decoded> {
  if (!isZip(bytes)) {
    const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
    throw new ReadError(head === '%PDF-' ? 'not a .docx file (it is a PDF)' : 'not a .docx file (no zip header)');
  }
  const [{ default: mammoth }, parser] = await Promise.all([import('mammoth'), htmlParser()]);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    throw new ReadError(`damaged .docx (${(e as Error).message.split('\n')[0]})`);
  }
  const page = `<html><body>${html}</body></html>`;
  const read = readHtmlWith(parser, new SourceText(page));
  const { text, blocks } = relinearize(read.blocks);
  if (!blocks.length) throw new ReadError('no text in document, not a plan text');
  return { text, encoding: 'docx', blocks };
}

export const docxReader = defineReader({
  format: 'docx',
  extensions: ['.docx'],
  sniff: (head) => head[0] === 0x50 && head[1] === 0x4b,
  decode: decodeDocx,
  read(_source, decoded) {
    // the blocks were found while the text was laid out
    if (!decoded?.blocks) throw new ReadError('a .docx is read from its bytes, not from text');
    return { blocks: decoded.blocks, directives: [] };
  },
});
