// The whole pipeline for one input: ingest → normalize → outline → extract → model.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
import { segmentPlans, type PlanRegion } from './outline/plans.js';
import { offsetsOf, pieceOf, startOffset, type Piece } from './normalize/piece.js';

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
};

export function formatOf(file: string, bytes?: Uint8Array): InputFormat {
  const ext = path.extname(file).toLowerCase();
  if (KNOWN_EXTENSIONS[ext]) return KNOWN_EXTENSIONS[ext];
  if (bytes) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
    if (/^#{1,6}\s/m.test(head) || /^\|.*\|\s*$/m.test(head)) return 'md';
  }
  return 'txt';
}

async function readBytes(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
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
export async function extractText(text: string, source: Omit<SourceFile, 'text'>, read?: ReadResult): Promise<ExtractResult> {
  return extractBlocks(text, source, read ?? (await readBlocks(text, source.format)));
}

function extractBlocks(text: string, source: Omit<SourceFile, 'text'>, read: ReadResult): ExtractResult {
  const idx = new LineIndex(text);
  const { blocks, directives } = read;
  let { header, plans: regions } = segmentPlans(blocks);
  if (!regions.length && blocks.length) {
    // no title line: the whole text is one plan named by the notice's 《…》 or its first line
    const named = header.find((b) => b.kind !== 'table' && /《[^》]+》/.test(b.key));
    const first = header.find((b) => b.kind !== 'table') as PlanRegion['title'] | undefined;
    const titleText = named && named.kind !== 'table' ? /《([^》]+)》/.exec(named.piece.text)?.[1] ?? '' : first?.piece.text ?? '';
    const title = { kind: 'line' as const, piece: pieceOf(titleText, first ? startOffset(first.piece) : 0), key: titleText };
    regions = [{ title, blocks: header, aside: [] }];
    header = [];
  }
  const meta = headerMeta([...header, ...(regions[0]?.blocks.slice(0, 12) ?? [])], text);
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
    addBlocks([r.title, ...r.blocks, ...r.aside], i);
  });
  textBlocks.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const document: PlanDocument = {
    schemaVersion: 1,
    source: { path: source.path, sha256: source.sha256, encoding: source.encoding, format: source.format },
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
  if (!decoded.text.trim()) throw new InputError(display, 'no text in file, not a plan text');
  const read = await readBlocks(decoded.text, format);
  if (format === 'html' && !read.blocks.length) throw new InputError(display, 'no text in the page body, not a plan text');
  return extractBlocks(decoded.text, { path: display, encoding: decoded.encoding, format, sha256 }, read);
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
