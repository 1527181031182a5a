// A plan must read the same however it arrives: full-width punctuation and digits, traditional
// characters, GB18030 bytes, stray spaces, CRLF line ends, cells split over lines, Markdown.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { SEEDS, essence, extractString, fixture, seedText } from './helpers.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fullWidth = (t: string) => t.replace(/[,:;()%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const fullWidthDigits = (t: string) => fullWidth(t).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** a space after every 23rd Chinese character, as scrapes leave them */
const straySpaces = (t: string) => {
  let k = 0;
  return t.replace(/([\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g, (c) => (++k % 23 === 0 ? `${c} ` : c));
};

const renditions: [string, (t: string) => string][] = [
  ['full-width punctuation', fullWidth],
  ['full-width punctuation and digits', fullWidthDigits],
  ['traditional characters', toTraditional],
  ['traditional characters with full-width punctuation', (t) => fullWidth(toTraditional(t))],
  ['stray spaces inside words', straySpaces],
  ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
];

describe.each(Object.values(SEEDS))('%s', async (seed) => {
  const text = seedText(seed);
  const baseDoc = await extractString(text);
  const base = essence(baseDoc);
  // what every rendition must read as: the seed's own reading, in simplified characters
  const baseSimplified = essence(baseDoc, (s) => toSimplified(s));
  it.each(renditions)('reads the same in %s', async (_name, transform) => {
    const got = essence(await extractString(transform(text)), (s) => toSimplified(s));
    expect(got).toEqual(baseSimplified);
  });
  it('reads the same from GB18030 bytes, detected without a flag', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
    const file = path.join(dir, `${seed}.txt`);
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    const result = await extractPath(file);
    expect(result.source.encoding).toBe('gb18030');
    expect(essence(result.document)).toEqual(base);
  });
  it('reads the same from UTF-16 with a byte order mark', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lint-'));
    const file = path.join(dir, `${seed}.txt`);
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(essence((await extractPath(file)).document)).toEqual(base);
  });
});

describe('indicator cells split over two lines', () => {
  it('joins the pieces of a name', async () => {
    const text = seedText(SEEDS.district).replace('年均因灾直接经济损失占全区生产总值的比例', '年均因灾直接经济损失\n\n占全区生产总值的比例');
    const names = (await extractString(text)).plans[0].indicators.map((i) => i.name);
    expect(names).toContain('年均因灾直接经济损失占全区生产总值的比例');
    expect(names).toHaveLength(6);
  });
});

describe('Markdown renditions written by a drafter', () => {
  it.each([SEEDS.district, SEEDS.workPoints, SEEDS.county])('%s.md extracts what %s.txt does', async (seed) => {
    const md = await extractPath(fixture('md', `${seed}.md`));
    expect(md.source.format).toBe('md');
    const fromMd = essence(md.document);
    const fromTxt = essence(await extractString(seedText(seed)));
    expect(fromMd.map((p) => p.indicators)).toEqual(fromTxt.map((p) => p.indicators));
    expect(fromMd.map((p) => p.tasks)).toEqual(fromTxt.map((p) => p.tasks));
    expect(fromMd.map((p) => [p.title, p.kind, p.period])).toEqual(fromTxt.map((p) => [p.title, p.kind, p.period]));
  });

  it('reads a GFM indicator table with group rows', async () => {
    const md = readFileSync(fixture('md', `${SEEDS.county}.md`), 'utf8');
    expect(md).toMatch(/^\|.*指标名称.*\|$/m);
    const [plan] = (await extractPath(fixture('md', `${SEEDS.county}.md`))).document.plans;
    expect(plan.indicators.filter((i) => i.category === '防灾减灾')).toHaveLength(4);
  });
});
