// Bytes → text. UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK detected
// when the bytes are not valid UTF-8. Binary data is refused rather than read as text.
import { isUtf8, transcode } from 'node:buffer';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import type { Decoded } from './reader.js';

// iconv-lite loads only for the files that need it (GB18030, UTF-16 BE, a declared charset):
// UTF-8 files, most of what plan-lint reads, start without it
const load = createRequire(import.meta.url);
let iconvLib: typeof Iconv | null = null;
const iconv = (): typeof Iconv => (iconvLib ??= load('iconv-lite') as typeof Iconv);

export class NotTextError extends Error {}

/**
 * The text when the bytes are valid UTF-8, else null. Validated by isUtf8 (the WHATWG decoder's
 * notion of valid), then converted by transcode and read as UTF-16: in this Node several times
 * faster than TextDecoder, which was a tenth of a run over Chinese text. TextDecoder drops a
 * leading byte order mark, which transcode keeps: such bytes (and a Node without transcode)
 * take the decoder.
 */
function utf8(buf: Uint8Array): string | null {
  if (!isUtf8(buf)) return null;
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (!bom && typeof transcode === 'function') {
    try {
      return transcode(buf, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // a Node built without ICU converters: the decoder below
    }
  }
  return new TextDecoder('utf-8').decode(buf);
}

/** The characters controlShare counts (as UTF-16 code units: the same bytes in valid UTF-8). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]/;

/** Share of bytes that are control characters other than tab/newline/CR/form feed. */
function controlShare(buf: Uint8Array): number {
  const n = Math.min(buf.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) bad++;
  }
  return bad / n;
}

export function decode(buf: Uint8Array): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom', wellFormed: true };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv().decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  const text8 = utf8(buf);
  if (text8 !== null) {
    // in valid UTF-8 a byte below 0x20 is that very character (no longer sequence holds one):
    // a text without control characters has none to count, found by one scan of the text
    // (a third of the bytes in Chinese) instead of a loop over the bytes
    if (CONTROL.test(text8) && controlShare(buf) > 0.01) throw new NotTextError('binary data, not a plan text');
    return { text: text8, encoding: 'utf-8', wellFormed: true };
  }
  if (controlShare(buf) > 0.01) throw new NotTextError('binary data, not a plan text');
  // UTF-8 with a few damaged bytes stays UTF-8 (each bad sequence becomes U+FFFD, which
  // garbled-text reports where it stands): read as GB18030, the whole file would be mojibake.
  const loose = new TextDecoder('utf-8').decode(buf);
  const { bad, cjk } = utf8Damage(loose);
  if (cjk >= 20 * bad) {
    return { text: loose, encoding: 'utf-8', note: `not valid UTF-8 (${bad} damaged byte sequence${bad > 1 ? 's' : ''}): read as UTF-8, each as U+FFFD`, wellFormed: true };
  }
  // Not UTF-8: Chinese government files are GB18030/GBK (a superset of GB2312).
  const text = iconv().decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > Math.max(4, text.length / 50)) throw new NotTextError('neither UTF-8 nor GB18030 text');
  return { text, encoding: 'gb18030', note: 'not UTF-8 and no byte order mark: read as GB18030' };
}

/** U+FFFD count and Chinese characters (CJK, full-width forms) of a lenient UTF-8 decoding. */
function utf8Damage(text: string): { bad: number; cjk: number } {
  let bad = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return { bad, cjk };
}

/** Decodes with a named encoding (a page's declared charset); binary data is still refused. */
export function decodeAs(buf: Uint8Array, encoding: string): Decoded {
  if (controlShare(buf) > 0.01) throw new NotTextError('binary data, not a plan text');
  return { text: iconv().decode(Buffer.from(buf), encoding), encoding };
}
