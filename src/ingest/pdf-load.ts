// PDF bytes → the text items of each page with their positions (pdf.js, legacy build for Node).
// Positions are in the page's viewport: points, x to the right, y downwards, so page rotation
// and the text matrix are already applied. What pdf.js cannot open, or a PDF with nothing but
// images, becomes a PdfError with a one-line reason.
import { createRequire } from 'node:module';
import path from 'node:path';

/** A PDF that cannot be read; the message is the one-line reason. */
export class PdfError extends Error {
  override name = 'PdfError';
}

export interface PdfItem {
  text: string;
  /** left end of the baseline */
  x: number;
  /** baseline, from the top of the page */
  y: number;
  /** advance width along the baseline */
  width: number;
  /** font size (height of the em square) */
  size: number;
  font: string;
}

export interface PdfPage {
  /** 1-based page number */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export interface LoadedPdf {
  pages: PdfPage[];
  /** fonts whose glyphs have no Unicode map: their text became U+FFFD */
  unmappedFonts: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PDFPageProxy = import('pdfjs-dist/types/src/display/api.js').PDFPageProxy;
type TextContent = import('pdfjs-dist/types/src/display/api.js').TextContent;
let pdfjs: Promise<PdfJs> | null = null;

const require = createRequire(import.meta.url);

/**
 * pdf.js in Node takes DOMMatrix from its optional dependency @napi-rs/canvas (a native
 * module), and fails at import without one. Reading text never uses it: where the package was
 * not installed (npm --omit=optional, a platform without a prebuilt binary), a stand-in will do.
 */
function standInDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix) return;
  try {
    require.resolve('@napi-rs/canvas');
  } catch {
    g.DOMMatrix = class DOMMatrix {
      a = 1;
      b = 0;
      c = 0;
      d = 1;
      e = 0;
      f = 0;
    };
  }
}

/**
 * The engine's own built-ins as they stood before pdf.js was first loaded. pdf.js's legacy build
 * brings core-js, which replaces some of them with JavaScript versions for the whole process —
 * in Node 20 Array.prototype.push (~11× slower), JSON.parse and JSON.stringify (~10×) and
 * Function.prototype.toString —, when pdf.js loads and again when its worker side does (at the
 * first document opened): every file read after a PDF, and everything else the process did,
 * paid for it. They are put back after each PDF is read (restoreBuiltins); what core-js adds
 * where the engine has nothing (Set methods, Promise.withResolvers …) stays, for pdf.js.
 */
const BUILTINS: object[] = [Object, Object.prototype, Function.prototype, Array, Array.prototype, String, String.prototype, Number, Number.prototype, Math, JSON, Promise, Promise.prototype, RegExp.prototype, Map.prototype, Set.prototype, WeakMap.prototype, ArrayBuffer.prototype, Uint8Array, Object.getPrototypeOf(Uint8Array.prototype)];
let engineOwn: Map<PropertyKey, PropertyDescriptor>[] | null = null;

function restoreBuiltins(): void {
  if (!engineOwn) return;
  BUILTINS.forEach((o, i) => {
    for (const [k, own] of engineOwn![i]) {
      const now = Object.getOwnPropertyDescriptor(o, k);
      if (now && !(Object.is(now.value, own.value) && now.get === own.get && now.set === own.set)) Object.defineProperty(o, k, own);
    }
  });
}

/** pdf.js, loaded on first use (it is large); its import-time notices are not plan-lint's output. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    engineOwn ??= BUILTINS.map((o) => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)!])));
    standInDomMatrix();
    const warn = console.warn;
    console.warn = () => {};
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } catch (e) {
      pdfjs = null;
      throw new PdfError(`cannot load the PDF reader pdf.js (${messageOf(e)})`);
    } finally {
      console.warn = warn;
    }
  })();
  return pdfjs;
}
/** pdf.js's data folders (character maps of CJK fonts, metrics of the standard fonts) */
function dataDir(name: string): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name) + path.sep;
}

/**
 * Characters that a font without a Unicode map yields: pdf.js then takes each glyph's number
 * for a character, and glyph numbers of a subset font are small, so a Chinese text comes out
 * as control characters, accented and extended Latin letters, Greek, Cyrillic and other
 * scripts a Chinese plan does not use (common signs such as ° ± × ÷ · § are left out).
 */
const UNMAPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u0080-\u00a6\u00a8-\u00af\u00b4-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u1fff\ufffd]/u;
/** a font is taken to have no Unicode map when this share of its characters (and at least a few) are such */
const UNMAPPED_SHARE = 0.2;
const UNMAPPED_MIN = 5;
/** Kangxi radicals, which some PDF producers map ideographs to ("⼀" for "一"): NFKC folds them. */
const RADICALS = /[\u2f00-\u2fdf]/u;

function messageOf(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0].replace(/\.$/, '');
}

/** Classifies what pdf.js throws while opening a document. */
function openError(e: unknown): PdfError {
  const name = (e as Error)?.name;
  if (name === 'PasswordException') return new PdfError('encrypted PDF: opening it needs a password');
  if (/encrypt|crypt filter|security handler/i.test(messageOf(e))) return new PdfError(`encrypted PDF (${messageOf(e)})`);
  if (name === 'InvalidPDFException') return new PdfError(`damaged PDF (${messageOf(e)})`);
  return new PdfError(`damaged PDF (${messageOf(e)})`);
}

export async function loadPdf(bytes: Uint8Array): Promise<LoadedPdf> {
  try {
    return await readWithPdfJs(bytes);
  } finally {
    restoreBuiltins();
  }
}

async function readWithPdfJs(bytes: Uint8Array): Promise<LoadedPdf> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) throw new PdfError('not a PDF file (no %PDF header)');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  if (tail.indexOf('%%EOF') < 0) throw new PdfError('damaged PDF: truncated (no %%EOF end marker)');
  const { getDocument, Util } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw openError(e);
  }
  try {
    const pages: PdfPage[] = [];
    const fontChars = new Map<string, { all: number; unmapped: number }>();
    // pages are asked for a few at a time: each request is a round trip to pdf.js's worker side
    const pending = new Map<number, Promise<[PDFPageProxy, TextContent]>>();
    const ask = (n: number) => {
      if (n > doc.numPages || pending.has(n)) return;
      const got = doc.getPage(n).then(async (p): Promise<[PDFPageProxy, TextContent]> => [p, await p.getTextContent()]);
      got.catch(() => {}); // awaited below; a failure after an earlier one is not left unhandled
      pending.set(n, got);
    };
    for (let n = 1; n <= doc.numPages; n++) {
      for (let k = n; k < n + 8; k++) ask(k);
      let page;
      let content;
      try {
        [page, content] = await pending.get(n)!;
      } catch (e) {
        throw new PdfError(`damaged PDF (page ${n}: ${messageOf(e)})`);
      } finally {
        pending.delete(n);
      }
      const viewport = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        const [a, b, c, d, e, f] = Util.transform(viewport.transform, raw.transform) as number[];
        // text along the baseline, upright: a > 0, no rotation or shear (watermarks are rotated)
        if (a <= 0 || Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d)) continue;
        let text = raw.str;
        if (RADICALS.test(text)) text = text.replace(/[\u2f00-\u2fdf]/gu, (ch) => ch.normalize('NFKC'));
        const count = fontChars.get(raw.fontName) ?? { all: 0, unmapped: 0 };
        for (const ch of text) {
          if (ch === ' ') continue;
          count.all++;
          if (UNMAPPED.test(ch)) count.unmapped++;
        }
        fontChars.set(raw.fontName, count);
        const width = Math.abs(raw.width * (viewport.scale ?? 1));
        items.push({ text, x: e, y: f, width, size: Math.abs(d), font: raw.fontName });
      }
      pages.push({ number: n, width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    // a font without a usable Unicode map: all of its text is unreadable, not only the odd characters
    const unmapped = new Set([...fontChars].filter(([, c]) => c.unmapped >= UNMAPPED_MIN && c.unmapped >= c.all * UNMAPPED_SHARE).map(([f]) => f));
    if (unmapped.size)
      for (const p of pages) for (const it of p.items) if (unmapped.has(it.font)) it.text = it.text.replace(/\S/gu, '\ufffd');
    if (!pages.some((p) => p.items.some((it) => it.text.trim()))) throw new PdfError('no text layer: a scanned document needs OCR first');
    return { pages, unmappedFonts: unmapped.size };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
