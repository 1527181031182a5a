// Damage of the kinds real PDF producers do to a good file: fonts without a Unicode map (the
// text extracts as glyph numbers), and a map that sends ideographs to their look-alike Kangxi
// radicals ("⼀" U+2F00 for "一" U+4E00).
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/** The same PDF with every font's /ToUnicode map removed. */
export async function withoutUnicodeMaps(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  for (const [, obj] of doc.context.enumerateIndirectObjects()) if (obj instanceof PDFDict) obj.delete(PDFName.of('ToUnicode'));
  return doc.save();
}

/** The same PDF with its Unicode maps sending the given ideographs to other code points. */
export async function remapped(bytes: Uint8Array, map: Record<string, string>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const hex = (ch: string) => ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const ref = obj.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = doc.context.lookup(ref) as PDFRawStream;
    let cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const [from, to] of Object.entries(map)) cmap = cmap.replace(new RegExp(`<${hex(from)}>`, 'gi'), `<${hex(to)}>`);
    doc.context.assign(ref, doc.context.flateStream(Buffer.from(cmap, 'latin1')));
  }
  return doc.save();
}
