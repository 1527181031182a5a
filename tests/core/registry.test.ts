// The reader registry is the one list of input formats: the walker, format detection, the
// model's format enum and the readers agree, whatever the format.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOf, inputExtensions, inputFormats, readerOf, readers } from '../../src/ingest/formats.js';
import { expandInputs } from '../../src/ingest/walk.js';
import { SourceSchema } from '../../src/model/schema.js';
import { workspace } from '../helpers/cli.js';

describe('the reader registry', () => {
  it('lists each format once, with its extensions', () => {
    expect(inputFormats).toEqual(['txt', 'md', 'html', 'docx', 'pdf']);
    expect(new Set(inputExtensions).size).toBe(inputExtensions.length);
    expect(inputExtensions).toEqual(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf']);
  });

  it('the model accepts exactly the registry formats', () => {
    for (const format of inputFormats) expect(SourceSchema.shape.format.parse(format)).toBe(format);
    expect(() => SourceSchema.shape.format.parse('doc')).toThrow();
  });

  it('a folder yields exactly the files some reader takes', async () => {
    const names = [...inputExtensions.map((e) => `plan${e}`), 'PLAN.TXT', 'notes.pdfx', 'data.json', 'plan.txt.bak'];
    const dir = workspace(Object.fromEntries(names.map((n) => [n, '示范区应急管理“十四五”规划\n'])));
    const { files } = await expandInputs([dir], dir);
    expect(files.map((f) => path.basename(f)).sort()).toEqual([...inputExtensions.map((e) => `plan${e}`), 'PLAN.TXT'].sort());
  });

  it('tells the format by extension, else by the first bytes, else plain text', () => {
    for (const r of readers) for (const e of r.extensions) expect(formatOf(`x${e.toUpperCase()}`)).toBe(r.format);
    const sniff = (s: string | Buffer) => formatOf('-', typeof s === 'string' ? Buffer.from(s) : s);
    expect(sniff(Buffer.from('504b0304', 'hex'))).toBe('docx');
    expect(sniff('  <!DOCTYPE html><html><body>规划</body></html>')).toBe('html');
    expect(sniff('# 示范区应急管理规划\n\n一、主要任务\n')).toBe('md');
    expect(sniff('示范区应急管理规划\n一、主要任务\n')).toBe('txt');
    expect(formatOf('plan.unknown', Buffer.from('| 指标 | 目标 |\n'))).toBe('md');
  });

  it('every reader reads through the same interface', () => {
    for (const r of readers) {
      expect(readerOf(r.format)).toBe(r);
      expect(typeof r.decode).toBe('function');
      expect(typeof r.read).toBe('function');
    }
  });
});
