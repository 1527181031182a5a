// The whole pipeline for one input: read (the format's Reader) → normalize → outline → extract
// → facts. It yields the one Analysis object every later stage reads (src/model/analysis.ts).
import { createHash } from 'node:crypto';
import { buildFacts } from './analysis/facts.js';
import { tellCleanBlocks, textFactsTable } from './analysis/text-facts.js';
import { lintWords } from './grammars/lint-words.js';
import { formatOf, readerOf, type InputFormat } from './ingest/formats.js';
import { InputError } from './ingest/errors.js';
import { readBytes } from './ingest/read-bytes.js';
import { ReadError, type Decoded, type ReadResult } from './ingest/reader.js';
import { SourceText } from './ingest/source-text.js';
import type { Block } from './ingest/blocks.js';
import type { Analysis, PlanAnalysis, SourceFile, TextBlock } from './model/analysis.js';
import type { Plan, PlanDocument } from './model/schema.js';
import { headerMeta } from './extract/meta.js';
import { buildPlan } from './extract/plan.js';
import { segmentPlans, untitledTitle } from './outline/plans.js';
import { splitNumberedBreaks } from './outline/numbered-breaks.js';
import { dropSiteJunk } from './ingest/junk.js';
import { markLinesHolding } from './ingest/txt.js';
import { foldKey, offsetsOf, startOffset, type Piece } from './normalize/piece.js';
import { LazyProperty } from './util/lazy-property.js';
import { NOT_SPACE } from './util/text.js';

/** What a caller knows about a text it hands in as a string. */
export interface SourceMeta {
  path: string;
  sha256: string;
  encoding: string;
  /** how the encoding was chosen where it was a guess (src/ingest/decode.ts) */
  encodingNote?: string | null;
  format: InputFormat;
}

/**
 * A text block for the lint rules; its span and per-character offsets are built only if a rule
 * asks. A class: its lazy parts are getters on the prototype, not two closures and an object
 * with its own accessors per block.
 */
class LazyTextBlock implements TextBlock {
  private spanMemo: TextBlock['span'] | null = null;
  private offsetsMemo: number[] | null = null;
  readonly text: string;
  constructor(
    private readonly piece: Piece,
    readonly plan: number | null,
    private readonly source: SourceText,
  ) {
    this.text = piece.text;
  }
  get span(): TextBlock['span'] {
    return (this.spanMemo ??= this.source.span(startOffset(this.piece), this.piece.end));
  }
  get offsets(): number[] {
    return (this.offsetsMemo ??= offsetsOf(this.piece));
  }
}

/**
 * Lone surrogates (from damaged UTF-16) become U+FFFD, one code unit for one, so offsets stay
 * and every output format can hold the text; garbled-text reports them.
 */
function wellFormed(text: string): string {
  const s = text as string & { toWellFormed?: () => string };
  return s.toWellFormed ? s.toWellFormed() : text;
}

/** The reader's lines flagged (MARKED) by the text facts' table, for the text reader to tell which blocks need no scan. */
function markLines(): void {
  markLinesHolding(textFactsTable(lintWords()));
}

/** `lazyHash`: the source's sha256 is worked out when first read (lazySourceFile), and the document's with it */
function analyze(source: SourceFile, read: ReadResult, lazyHash = false): Analysis {
  const { directives } = read;
  const blocks = splitNumberedBreaks(dropSiteJunk(read.blocks, read.mayHoldJunk), source.text);
  let { header, plans: regions } = segmentPlans(blocks);
  if (!regions.length && blocks.length) {
    // no title line: the whole text is one plan, named by its notice or by itself, else untitled
    const piece = untitledTitle(header);
    regions = [{ title: { kind: 'line', piece, key: foldKey(piece.text) }, blocks: header, aside: [], titleInBody: true }];
    header = [];
  }
  const last = regions[regions.length - 1];
  const meta = headerMeta([...header, ...(regions[0]?.blocks.slice(0, 12) ?? [])], last?.signature ?? last?.blocks.slice(-3) ?? []);
  const plans: Plan[] = [];
  const analyses: PlanAnalysis[] = [];
  // the text blocks (their spans built only when asked for) and where each starts, in the order
  // the blocks come; sorted by start only when they are out of order (a plan's aside after its body)
  const unsorted: TextBlock[] = [];
  const starts: number[] = [];
  // per block: 1 where its piece is one the reader found no character of the text facts' table in
  // (found by a walk in text order: a block out of order is only scanned again)
  const clean: number[] = [];
  const { cleanPieces } = read;
  let k = 0;
  let inOrder = true;
  const addPiece = (p: Piece, plan: number | null) => {
    if (!p.text) return;
    // (as the span's start offset would say: clamped to the text)
    const start = Math.max(0, Math.min(startOffset(p), source.text.length));
    if (starts.length && start < starts[starts.length - 1]) inOrder = false;
    starts.push(start);
    unsorted.push(new LazyTextBlock(p, plan, source));
    if (cleanPieces !== undefined) {
      // (a clean piece is a line as written: its runs [0, start])
      while (k < cleanPieces.length && cleanPieces[k].runs[1] < start) k++;
      clean.push(k < cleanPieces.length && cleanPieces[k] === p ? 1 : 0);
    }
  };
  const addBlock = (b: Block, plan: number | null) => {
    if (b.kind !== 'table') addPiece(b.piece, plan);
    else for (const row of b.rows) for (const cell of row) addPiece(cell, plan);
  };
  for (const b of header) addBlock(b, null);
  regions.forEach((r, i) => {
    const { plan, analysis } = buildPlan(r, { ...meta }, source);
    plans.push(plan);
    analyses.push(analysis);
    if (!r.titleInBody) addBlock(r.title, i);
    for (const b of r.blocks) addBlock(b, i);
    for (const b of r.aside) addBlock(b, i);
  });
  // (a stable sort of the indexes: blocks that start at one offset keep their order)
  const order = inOrder ? null : starts.map((_, k) => k).sort((a, b) => starts[a] - starts[b]);
  const textBlocks = order === null ? unsorted : order.map((k) => unsorted[k]);
  if (cleanPieces !== undefined) tellCleanBlocks(textBlocks, lintWords(), Uint8Array.from(order === null ? clean : order.map((k) => clean[k])));
  const document: PlanDocument = {
    schemaVersion: 1,
    source: sourceRecord(source, lazyHash),
    plans,
  };
  return { source, document, facts: buildFacts(document, analyses, source, lintWords()), blocks: textBlocks, directives };
}

function sourceFile(text: string, meta: SourceMeta, pages?: number[]): SourceFile {
  return Object.assign(new SourceText(text, pages ?? null), meta);
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file's sha256 worked out when first read (the source's and the document's record of it: one hash for both). */
const lazySha256 = new LazyProperty<'sha256', string>('sha256');

/** sourceFile with its sha256 worked out when first read (the last field, as sourceFile puts it) */
function lazySourceFile(text: string, meta: Omit<SourceMeta, 'sha256'>, bytes: Uint8Array, pages?: number[]): SourceFile {
  return lazySha256.define(Object.assign(new SourceText(text, pages ?? null), meta), () => sha256Of(bytes)) as SourceFile;
}

/** The document's record of its source; its sha256 read from the source when first read where the source's is lazy. */
function sourceRecord(source: SourceFile, lazy: boolean): PlanDocument['source'] {
  const { path, encoding, encodingNote, format } = source;
  if (!lazy) return { path, sha256: source.sha256, encoding, encodingNote: encodingNote ?? null, format };
  return Object.assign(lazySha256.define({ path }, () => source.sha256), { encoding, encodingNote: encodingNote ?? null, format }) as PlanDocument['source'];
}

/** Runs the pipeline on a text given as a string (tests, examples): the format's reader reads it. */
export async function extractText(textIn: string, meta: SourceMeta): Promise<Analysis> {
  const source = sourceFile(wellFormed(textIn), meta);
  markLines();
  return analyze(source, await readerOf(meta.format).read(source));
}

export interface ExtractOptions {
  /** standard input, for `-` */
  stdin?: () => Promise<Uint8Array>;
  /** the path the document records and errors name (default: `file`, `<stdin>` for `-`) */
  name?: string;
  /**
   * the file's sha256 (source.sha256, document.source.sha256) worked out only when first read,
   * its bytes kept till then: for a caller that drops the analysis soon and may never read it
   * (check: ~2 % of a run). What is read is the same; only when the work is done changes.
   */
  lazyHash?: boolean;
}

/** The signature of OLE2 compound files: Word 97–2003 .doc (and .xls, .ppt, .wps). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const isOle2 = (bytes: Uint8Array) => bytes.length >= OLE2.length && OLE2.every((b, i) => bytes[i] === b);

/** Reads, decodes and extracts one file (`-` = standard input). Bad input throws InputError. */
export async function extractPath(file: string, opts: ExtractOptions = {}): Promise<Analysis> {
  const display = opts.name ?? (file === '-' ? '<stdin>' : file);
  const bytes = await readBytes(file, opts.stdin);
  if (bytes.length === 0) throw new InputError(display, 'empty file, not a plan text');
  // an old Word file: say what to do with it rather than "binary data"
  if (isOle2(bytes)) throw new InputError(display, 'an old Word .doc file (OLE2), not a plan text: open it in Word or WPS and save it as .docx');
  const format = formatOf(file, bytes);
  const reader = readerOf(format);
  const sha256 = opts.lazyHash ? null : sha256Of(bytes);
  try {
    const decoded: Decoded = await reader.decode(bytes);
    // (a decoder of UTF-8 yields no lone surrogate: nothing to make well-formed)
    const text = decoded.wellFormed ? decoded.text : wellFormed(decoded.text);
    // (a test for a character other than whitespace: trim() copies a text ending with a newline)
    if (!NOT_SPACE.test(text)) throw new InputError(display, 'no text in file, not a plan text');
    const meta = { path: display, encoding: decoded.encoding, encodingNote: decoded.note ?? null, format };
    const source = sha256 === null ? lazySourceFile(text, meta, bytes, decoded.pages) : sourceFile(text, { ...meta, sha256 }, decoded.pages);
    markLines();
    const read = await reader.read(source, decoded);
    if (!read.blocks.length && reader.noBlocks) throw new InputError(display, reader.noBlocks);
    return analyze(source, read, sha256 === null);
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(display, e.message);
    throw e;
  }
}
