// The intermediate form every input format is read into: a flat list of blocks of text,
// each holding offsets into the original file. Outline and extraction work on blocks only,
// so every input format shares one extractor.
import type { Piece } from '../normalize/piece.js';

export type { ReadResult } from './reader.js';

export interface LineBlock {
  kind: 'line';
  piece: Piece;
  /** matching view of piece.text (same length) */
  key: string;
  /** a text line laid out as table cells (tabs, wide gaps or │ between them) */
  cells?: Piece[];
  /** the line's words as written, when single spaces separate them (a table row typed with spaces) */
  words?: Piece[];
}

export interface HeadingBlock {
  kind: 'heading';
  piece: Piece;
  key: string;
  /** Markdown/HTML heading depth (1 = #) */
  depth: number;
}

export interface TableBlock {
  kind: 'table';
  /** rows of cells; the first row is the header when the source marks one */
  rows: Piece[][];
  /** start and end offsets of the whole table */
  start: number;
  end: number;
}

export type Block = LineBlock | HeadingBlock | TableBlock;
