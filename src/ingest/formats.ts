// The reader registry: every input format plan-lint reads, from the most general to the most
// specific. Everything that knows formats is derived from this list: the model's `format`
// enum (src/model/schema.ts), the InputFormat type, the folder walker's extensions
// (src/ingest/walk.ts) and format detection (formatOf). A new format is one file exporting a
// Reader (src/ingest/reader.ts), added here.
import path from 'node:path';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { markdownReader } from './markdown.js';
import { pdfReader } from './pdf-reader.js';
import type { Reader } from './reader.js';
import { txtReader } from './txt.js';

export const readers = [txtReader, markdownReader, htmlReader, docxReader, pdfReader] as const;

export type InputFormat = (typeof readers)[number]['format'];

/** The format names, in registry order (the JSON Schema lists them so). */
export const inputFormats = readers.map((r) => r.format) as [InputFormat, ...InputFormat[]];

/** Every extension a reader takes, lower case with the dot, in registry order. */
export const inputExtensions: readonly string[] = readers.flatMap((r) => r.extensions);

const byExtension = new Map<string, InputFormat>(readers.flatMap((r) => r.extensions.map((e) => [e, r.format] as const)));

/** Whether a file name has an extension some reader takes. */
export const isInputFile = (file: string): boolean => byExtension.has(path.extname(file).toLowerCase());

/**
 * The format of a file: by its extension; else (standard input, unknown extensions) by sniffing
 * its first bytes, most specific reader first; else the first reader's (plain text).
 */
export function formatOf(file: string, bytes?: Uint8Array): InputFormat {
  const known = byExtension.get(path.extname(file).toLowerCase());
  if (known) return known;
  if (bytes) {
    for (let i = readers.length - 1; i > 0; i--) {
      const r: Reader<InputFormat> = readers[i];
      if (r.sniff?.(bytes)) return r.format;
    }
  }
  return readers[0].format;
}

export function readerOf(format: InputFormat): Reader<InputFormat> {
  const r = readers.find((x) => x.format === format);
  if (!r) throw new Error(`no reader for format ${format}`);
  return r;
}
