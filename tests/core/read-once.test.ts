// Work the pipeline leaves out where it cannot change the result: a UTF-8 decoding is not
// scanned again for lone surrogates (it holds none), a month's days are counted without building
// a Date. Each checked against doing the work, beside what extractPath records of a file.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { extractPath } from '../../src/pipeline.js';
import fc from 'fast-check';
import { daysInMonth, isoDate, lastDayOfMonth } from '../../src/normalize/numbers.js';
import { same } from '../helpers/same.js';

const plan = '某市应急管理“十四五”规划\n一、总体要求\n（一）加强组织领导，市应急局牵头，2025年底前完成。\n';

describe('decode: wellFormed', () => {
  it('marks the UTF-8 decodings (strict, with a byte order mark, damaged), not the others', () => {
    const utf8 = Buffer.from(plan, 'utf8');
    expect(decode(utf8).wellFormed).toBe(true);
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).wellFormed).toBe(true);
    const damaged = Buffer.concat([utf8, Buffer.from([0xff]), utf8, utf8]);
    const d = decode(damaged);
    expect(d.encoding).toBe('utf-8');
    expect(d.wellFormed).toBe(true);
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')])).wellFormed).toBeUndefined();
  });

  it('leaves what it marks well-formed, as toWellFormed would', () => {
    for (const bytes of [Buffer.from(plan + '𠀀', 'utf8'), Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62, ...Buffer.from(plan.repeat(3), 'utf8')])]) {
      const { text } = decode(bytes);
      expect((text as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
    }
  });
});

describe('extractPath', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-lint-read-once-'));

  it('gives the sha256 of the bytes read, in its place among the source fields', async () => {
    const file = path.join(dir, 'plan.txt');
    const bytes = Buffer.from(plan, 'utf8');
    writeFileSync(file, bytes);
    const a = await extractPath(file);
    const want = createHash('sha256').update(bytes).digest('hex');
    expect(a.source.sha256).toBe(want);
    expect(a.document.source.sha256).toBe(want);
    const json = JSON.parse(JSON.stringify(a.document.source));
    expect(Object.keys(json)).toEqual(['path', 'sha256', 'encoding', 'encodingNote', 'format']);
    expect(json.sha256).toBe(want);
    expect(structuredClone(a.document.source).sha256).toBe(want);
  });

  it('with lazyHash works the sha256 out only when read, and gives the same fields in the same places', async () => {
    const file = path.join(dir, 'lazy.txt');
    const bytes = Buffer.from(plan, 'utf8');
    writeFileSync(file, bytes);
    const eager = await extractPath(file);
    const lazy = await extractPath(file, { lazyHash: true });
    // not a field yet: a getter on the source and on the document's record of it
    expect(typeof Object.getOwnPropertyDescriptor(lazy.source, 'sha256')?.get).toBe('function');
    expect(typeof Object.getOwnPropertyDescriptor(lazy.document.source, 'sha256')?.get).toBe('function');
    expect(Object.keys(lazy.source)).toEqual(Object.keys(eager.source));
    expect(JSON.stringify(lazy.document)).toBe(JSON.stringify(eager.document));
    expect({ ...lazy.document.source }).toEqual({ ...eager.document.source });
    expect(structuredClone(lazy.document.source)).toEqual(eager.document.source);
    expect(lazy.source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // one getter for every file (a closure per file gave each file's source a V8 map of its own)
    const other = await extractPath(file, { lazyHash: true });
    expect(Object.getOwnPropertyDescriptor(other.source, 'sha256')?.get).toBe(Object.getOwnPropertyDescriptor(lazy.source, 'sha256')?.get);
  });

  it('still makes lone surrogates of a UTF-16 file U+FFFD', async () => {
    const file = path.join(dir, 'utf16.txt');
    const units = Buffer.from(plan, 'utf16le').swap16();
    // a high surrogate with no low one after it, in the middle of the text (UTF-16 BE: iconv-lite's decoder keeps it)
    const lone = Buffer.from([0xd8, 0x3d]);
    writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), units.subarray(0, 20), lone, units.subarray(20)]));
    const a = await extractPath(file);
    expect(a.source.text).toContain('\ufffd');
    expect((a.source.text as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
  });
});

describe('daysInMonth', () => {
  const byDate = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  it('gives what a Date gives, for every month of the years plans and random numbers name', () => {
    for (let y = 1890; y <= 2110; y++) for (let m = 1; m <= 12; m++) same(daysInMonth(y, m), byDate(y, m));
    for (const y of [0, 4, 99, 100, 1600, 1700, 1900, 2000, 2100, 2400, 9999, 200000, 200001, -4, 2024.5]) for (let m = 0; m <= 13; m++) same(daysInMonth(y, m), byDate(y, m));
    fc.assert(
      fc.property(fc.integer({ min: -300000, max: 300000 }), fc.integer({ min: 1, max: 12 }), (y, m) => daysInMonth(y, m) === byDate(y, m) || (Number.isNaN(daysInMonth(y, m)) && Number.isNaN(byDate(y, m)))),
      { numRuns: 5000, seed: 15 },
    );
  });

  it('keeps isoDate and lastDayOfMonth as they were', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2025, 4, 31)).toBeNull();
    expect(lastDayOfMonth(2025, 12)).toBe('2025-12-31');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
  });
});
