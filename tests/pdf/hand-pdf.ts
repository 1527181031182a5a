// PDFs written byte by byte, for the cases a word processor never makes: a scan with no text
// layer, an encrypted file (with and without a password to open it), a file cut short, and a
// long document built in milliseconds. Text is set in Courier (no font to embed; every
// character 0.6 em wide, so lines can be filled to the margin by counting).
import { createHash, randomBytes } from 'node:crypto';

export type HandLine = [x: number, y: number, size: number, text: string];
export interface HandPage {
  lines?: HandLine[];
  /** a grey image over the page, as a scanner makes */
  image?: boolean;
}

export interface Encryption {
  /** password to open the file ('' = anyone may open it; the owner password restricts copying) */
  user: string;
  owner: string;
}

// ---- the Standard security handler, revision 2 (RC4, 40-bit key): PDF 1.7, 7.6.3 ----

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

function securityHandler(enc: Encryption, id: Buffer) {
  const P = -44; // no printing, no copying, no changes
  const O = rc4(md5(padded(enc.owner)).subarray(0, 5), padded(enc.user));
  const p = Buffer.alloc(4);
  p.writeInt32LE(P);
  const key = md5(padded(enc.user), O, p, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objectKey = (num: number) => md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  return {
    dict: `<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>`,
    encrypt: (num: number, data: Buffer) => rc4(objectKey(num), data),
  };
}

const escapeText = (t: string) => t.replace(/[()\\]/g, '\\$&');

/** A PDF of the given pages (A4), optionally encrypted. */
export function handPdf(pages: HandPage[], enc?: Encryption): Uint8Array {
  const id = randomBytes(16);
  const security = enc ? securityHandler(enc, id) : null;
  const objs: (string | { dict: string; data: Buffer })[] = [];
  const add = (o: string | { dict: string; data: Buffer }) => objs.push(o);
  add(''); // 1: catalog
  add(''); // 2: page tree
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>'); // 3
  const grey = Buffer.alloc(64 * 64, 0x99);
  add({ dict: '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8', data: grey }); // 4
  const kids: number[] = [];
  for (const page of pages) {
    const ops = [
      ...(page.image ? ['q 500 0 0 740 48 50 cm /Im1 Do Q'] : []),
      ...(page.lines ?? []).map(([x, y, size, t]) => `BT /F1 ${size} Tf ${x} ${y} Td (${escapeText(t)}) Tj ET`),
    ].join('\n');
    add({ dict: '<<', data: Buffer.from(ops, 'latin1') });
    const content = objs.length;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${content} 0 R >>`);
    kids.push(objs.length);
  }
  objs[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  if (security) add(security.dict);
  const encryptRef = security ? objs.length : 0;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = chunks[0].length;
  const push = (b: Buffer) => {
    chunks.push(b);
    size += b.length;
  };
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size);
    const num = i + 1;
    if (typeof o === 'string') push(Buffer.from(`${num} 0 obj\n${o}\nendobj\n`, 'latin1'));
    else {
      const data = security && num !== encryptRef ? security.encrypt(num, o.data) : o.data;
      push(Buffer.from(`${num} 0 obj\n${o.dict} /Length ${data.length} >>\nstream\n`, 'latin1'));
      push(data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = size;
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const encrypt = security ? ` /Encrypt ${encryptRef} 0 R` : '';
  push(
    Buffer.from(
      `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${encrypt} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

const CHAR = 0.6; // Courier's advance, in ems

/** Breaks a sentence at spaces into lines of at most `width` characters (the first `first`). */
function wrapWords(text: string, first: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const limit = lines.length ? width : first;
    if (line && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The numbered items of `longPdf`'s page n: two paragraphs. */
export function longPdfItems(n: number): string[] {
  const what = ['safety checks', 'flood control', 'fire rescue teams', 'training', 'drills', 'emergency supplies', 'inspections', 'early warnings'];
  return [0, 1].map((k) => {
    const item = (n - 1) * 2 + k + 1;
    return (
      `${item}. Improve ${what[item % what.length]} in district ${item} before the end of the year, ` +
      `with the office of district ${item} in the lead and every department of the district taking part in the work.`
    );
  });
}

/**
 * A long report: a running header and a page number on every page, and two numbered items a
 * page, each a paragraph of wrapped lines (the first indented) filled to the right margin.
 */
export function longPdf(pageCount: number): Uint8Array {
  const size = 12;
  const columns = 68; // 72 pt to 561.6 pt
  const pages: HandPage[] = [];
  for (let n = 1; n <= pageCount; n++) {
    const lines: HandLine[] = [[72, 800, 9, 'Annual Work Plan of the Emergency Office']];
    let y = 720;
    for (const item of longPdfItems(n)) {
      wrapWords(item, columns - 4, columns).forEach((text, i) => {
        lines.push([i === 0 ? 72 + 4 * CHAR * size : 72, y, size, text]);
        y -= 18;
      });
      y -= 18;
    }
    lines.push([285, 40, 10, `- ${n} -`]);
    pages.push({ lines });
  }
  return handPdf(pages);
}
