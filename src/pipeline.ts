// The whole pipeline for one input: ingest → normalize → outline → extract → model.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decode, decodeAs, NotTextError } from './ingest/decode.js';
import { InputError } from './ingest/errors.js';
import { readTxt } from './ingest/txt.js';
import type { Block, ReadResult } from './ingest/blocks.js';
import type { ExtractResult, InputFormat, SourceFile, TextBlock } from './model/analysis.js';
import { LineIndex } from './model/position.js';
import type { Plan, PlanDocument } from './model/schema.js';
import { headerMeta } from './extract/meta.js';
import { buildPlan } from './extract/plan.js';
import { segmentPlans, untitledTitle } from './outline/plans.js';
import { dropSiteJunk } from './normalize/junk.js';
import { foldKey, offsetsOf, startOffset, type Piece } from './normalize/piece.js';

/** A text block for the lint rules; its per-character offsets are built only if a rule asks. */
function textBlock(p: Piece, plan: number | null, idx: LineIndex): TextBlock {
  let offsets: number[] | null = null;
  return {
    text: p.text,
    plan,
    span: idx.span(startOffset(p), p.end),
    get offsets() {
      return (offsets ??= offsetsOf(p));
    },
  };
}

export const KNOWN_EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

export function formatOf(file: string, bytes?: Uint8Array): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (KNOWN_EXTENSIONS[ext]) return KNOWN_EXTENSIONS[ext];
  if (bytes) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
    if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
    if (/^#{1,6}\s/m.test(head) || /^\|.*\|\s*$/m.test(head)) return 'md';
  }
  return 'txt';
}

/** Largest input read (a plan is far smaller; this keeps a stray disk image out of memory). */
const MAX_BYTES = 512 * 1024 * 1024;

async function readBytes(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_BYTES) throw new InputError('<stdin>', 'more than 512 MB, not a plan text');
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new InputError(file, 'is a folder');
    if (st.isCharacterDevice() || st.isBlockDevice() || st.isSocket()) throw new InputError(file, 'not a regular file');
    if (st.size > MAX_BYTES) throw new InputError(file, 'more than 512 MB, not a plan text');
    return await readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? (e as Error).message})`;
    throw new InputError(file, why);
  }
}

/** The reader of a format; Markdown and HTML readers are loaded only when a file needs them. */
async function readBlocks(text: string, format: InputFormat): Promise<ReadResult> {
  if (format === 'md') return (await import('./ingest/markdown.js')).readMarkdown(text);
  if (format === 'html') return (await import('./ingest/html.js')).readHtml(text);
  return readTxt(text);
}

function blockText(b: Block): Piece[] {
  if (b.kind === 'table') return b.rows.flat().filter((c) => c.text);
  return [b.piece];
}

/** Runs the pipeline on text already decoded (for .docx: the text the reader laid out). */
export async function extractText(textIn: string, source: Omit<SourceFile, 'text'>, read?: ReadResult): Promise<ExtractResult> {
  const text = wellFormed(textIn);
  return extractBlocks(text, source, read ?? (await readBlocks(text, source.format)));
}

/**
 * Lone surrogates (from damaged UTF-16) become U+FFFD, one code unit for one, so offsets stay
 * and every output format can hold the text; garbled-text reports them.
 */
function wellFormed(text: string): string {
  const s = text as string & { toWellFormed?: () => string };
  return s.toWellFormed ? s.toWellFormed() : text;
}

function extractBlocks(text: string, source: Omit<SourceFile, 'text'>, read: ReadResult): ExtractResult {
  const idx = new LineIndex(text, source.pages);
  const { directives } = read;
  const blocks = dropSiteJunk(read.blocks);
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
  const analyses: ExtractResult['plans'] = [];
  const textBlocks: TextBlock[] = [];
  const addBlocks = (bs: Block[], plan: number | null) => {
    for (const b of bs)
      for (const p of blockText(b)) {
        if (!p.text) continue;
        textBlocks.push(textBlock(p, plan, idx));
      }
  };
  addBlocks(header, null);
  regions.forEach((r, i) => {
    const { plan, analysis } = buildPlan(r, { ...meta }, idx);
    plans.push(plan);
    analyses.push(analysis);
    addBlocks([...(r.titleInBody ? [] : [r.title]), ...r.blocks, ...r.aside], i);
  });
  textBlocks.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const document: PlanDocument = {
    schemaVersion: 1,
    source: { path: source.path, sha256: source.sha256, encoding: source.encoding, encodingNote: source.encodingNote ?? null, format: source.format },
    plans,
  };
  return { document, source: { ...source, text }, plans: analyses, blocks: textBlocks, directives };
}

/** Reads, decodes and extracts one file (`-` = standard input). Bad input throws InputError. */
export async function extractPath(file: string): Promise<ExtractResult> {
  const bytes = await readBytes(file);
  const display = file === '-' ? '<stdin>' : file;
  if (bytes.length === 0) throw new InputError(display, 'empty file, not a plan text');
  const format = formatOf(file, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (format === 'pdf') {
    const { readPdf, PdfError } = await import('./ingest/pdf.js');
    try {
      const read = await readPdf(bytes);
      if (!read.blocks.length) throw new InputError(display, 'no text in document, not a plan text');
      return extractBlocks(read.text, { path: display, encoding: 'pdf', format, sha256, pages: read.pages }, read);
    } catch (e) {
      if (e instanceof PdfError) throw new InputError(display, e.message);
      throw e;
    }
  }
  if (format === 'docx') {
    const { readDocx, DocxError } = await import('./ingest/docx.js');
    try {
      const read = await readDocx(bytes);
      if (!read.blocks.length) throw new InputError(display, 'no text in document, not a plan text');
      return extractBlocks(read.text, { path: display, encoding: 'docx', format, sha256 }, read);
    } catch (e) {
      if (e instanceof DocxError) throw new InputError(display, e.message);
      throw e;
    }
  }
  let decoded;
  try {
    decoded = format === 'html' ? await decodeHtml(bytes) : decode(bytes);
  } catch (e) {
    if (e instanceof NotTextError) throw new InputError(display, e.message);
    throw e;
  }
  const text = wellFormed(decoded.text);
  if (!text.trim()) throw new InputError(display, 'no text in file, not a plan text');
  const read = await readGuarded(text, format, display);
  if (format === 'html' && !read.blocks.length) throw new InputError(display, 'no text in the page body, not a plan text');
  return extractBlocks(text, { path: display, encoding: decoded.encoding, encodingNote: decoded.note ?? null, format, sha256 }, read);
}

/** Deepest nesting read: Markdown and HTML parsers recurse (and slow down) with depth. */
const MAX_INDENT = 400;
const MAX_QUOTE_DEPTH = 200;

/**
 * Reads blocks, refusing structure nested beyond what any plan has: parsers recurse on it, and
 * remark takes cubic time on deeply nested lists.
 */
async function readGuarded(text: string, format: InputFormat, display: string): Promise<ReadResult> {
  if (format === 'md') {
    let indent = 0;
    let quotes = 0;
    for (const m of text.matchAll(/^([ \t>]*)/gm)) {
      const lead = m[1];
      if (!lead) continue;
      indent = Math.max(indent, lead.replace(/\t/g, '    ').length);
      quotes = Math.max(quotes, (lead.match(/>/g) ?? []).length);
    }
    if (indent > MAX_INDENT || quotes > MAX_QUOTE_DEPTH) throw new InputError(display, 'Markdown nested too deeply to be a plan');
  }
  try {
    return await readBlocks(text, format);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(display, `${format === 'html' ? 'HTML' : 'text'} nested too deeply to be a plan`);
    throw e;
  }
}

/** HTML: a byte order mark, else the charset the page declares, else detection as for text. */
async function decodeHtml(bytes: Uint8Array) {
  const { declaredCharset } = await import('./ingest/html.js');
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = hasBom ? null : declaredCharset(bytes);
  if (charset && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset)) return decodeAs(bytes, 'gb18030');
  if (charset && /^(?:big5|big5-hkscs)$/.test(charset)) return decodeAs(bytes, 'big5');
  return decode(bytes);
}
