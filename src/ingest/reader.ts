// What an input format is to plan-lint: a Reader. The registry (formats.ts) lists them; the file
// walker, format detection, the model's `format` enum and the InputFormat type all come from
// that list, so a new format (PDF) is one new file holding one Reader, named in the registry.
//
//   bytes ──decode──▶ text (+ blocks and pages, for formats the reader lays out itself)
//   text  ──read────▶ blocks + inline directives
import type { Block } from './blocks.js';
import type { InlineDirective } from './directives.js';
import type { SourceText } from './source-text.js';
import type { Piece } from '../normalize/piece.js';

export interface Decoded {
  /** the text positions refer to: the decoded file, or the text the reader laid out (.docx) */
  text: string;
  /** how the bytes were decoded: utf-8, gb18030 … or the format itself (docx) */
  encoding: string;
  /** how the encoding was chosen where it was a guess (damaged UTF-8 kept, GB18030 detected) */
  note?: string | null;
  /** readers that lay the text out themselves (.docx, .pdf) give the blocks they found doing it */
  blocks?: Block[];
  /** where each page starts in `text` (offsets, ascending, the first 0), for paged formats */
  pages?: number[];
  /** the text holds no lone surrogate (every UTF-8 decoding: a sequence that is no scalar value becomes U+FFFD), so no one scans it for them again */
  wellFormed?: true;
}

export interface ReadResult {
  blocks: Block[];
  /** inline configuration comments (Markdown, HTML); readers of other formats give none */
  directives: InlineDirective[];
  /** per block, 0 where its key holds none of junkChars (the text reader tells it; dropSiteJunk then looks only at the ends) */
  mayHoldJunk?: Uint8Array;
  /** the pieces, in text order, of lines the text reader took as written and found no character of markLinesHolding's table in (src/ingest/txt.ts) */
  cleanPieces?: Piece[];
}

export interface Reader<F extends string = string> {
  format: F;
  /** file extensions, lower case with the dot; the folder walker takes files with these */
  extensions: readonly string[];
  /**
   * Whether the first bytes say the data is of this format, whatever its name (stdin, unknown
   * extensions). Readers are sniffed from the most specific (last in the registry) to the most
   * general; the first in the registry is the fallback.
   */
  sniff?(head: Uint8Array): boolean;
  /** Bytes → text. Throws ReadError when the bytes are not a text of this format. */
  decode(bytes: Uint8Array): Decoded | Promise<Decoded>;
  /** Text → blocks. `decoded` is what decode gave (absent when the text came as a string). */
  read(source: SourceText, decoded?: Decoded): ReadResult | Promise<ReadResult>;
  /** Why a file of this format whose text gives no block is not a plan (absent: such a file is read as empty) */
  noBlocks?: string;
}

/** The input is not a plan text of the reader's format (binary, damaged, nested too deeply, empty). */
export class ReadError extends Error {}

/** Declares a reader, keeping its format name as a literal type. */
export const defineReader = <F extends string>(reader: Reader<F>): Reader<F> => reader;
