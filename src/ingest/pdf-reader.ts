// The PDF entry of the reader registry. pdf.js and the layout code load only when a PDF is read,
// so every other run starts without them. A PDF has no text lines of its own: the reader lays
// the pages out as text (one paragraph or table row a line) and positions point into that text,
// each with its page.
import { defineReader, ReadError } from './reader.js';

const isPdf = (head: Uint8Array) => Buffer.from(head.subarray(0, 1024)).toString('latin1').includes('%PDF-');

export const pdfReader = defineReader({
  format: 'pdf',
  extensions: ['.pdf'],
  sniff: isPdf,
  async decode(bytes) {
    const [{ readPdf }, { PdfError }] = await Promise.all([import('./pdf.js'), import('./pdf-load.js')]);
    try {
      const read = await readPdf(bytes);
      return { text: read.text, encoding: 'pdf', blocks: read.blocks, pages: read.pages };
    } catch (e) {
      if (e instanceof PdfError) throw new ReadError(e.message);
      throw e;
    }
  },
  read: (_source, decoded) => ({ blocks: decoded?.blocks ?? [], directives: [] }),
  noBlocks: 'no text in document, not a plan text',
});
