import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findCodePageRuns, findInjectedPinyin, findLostCharacters, isSuspectKind, SUSPECT_RANGES } from '../../src/analysis/garbled-scan.js';
import { GB2312_BITMAP_BASE64 } from '../../src/analysis/gb2312-table.js';
import { textFacts } from '../../src/analysis/text-facts.js';
import { findGarbled, findPlaceholders, lostDateReadings } from '../../src/analysis/text-scan.js';
import { lintWords } from '../../src/grammars/lint-words.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { extractText } from '../../src/pipeline.js';
import { same, sameDeep } from '../helpers/same.js';

const w = lintWords();
const ph = (s: string) => findPlaceholders(s, w).map((f) => f.text);

describe('findPlaceholders', () => {
  it('finds Latin X runs, full-width ones and 20XX as one placeholder', () => {
    expect(ph('截至20XX年底，全市消防站总数达到XXX个，XX单位')).toEqual(['20XX', 'XXX', 'XX']);
    expect(ph('ＸＸ市、xx区、××县')).toEqual(['ＸＸ', 'xx', '××']);
  });
  it('finds the listed tokens', () => {
    expect(ph('由某某负责，时间待定，见【】')).toEqual(['某某', '待定', '【】']);
  });
  it('finds a single X only before a count word', () => {
    expect(ph('X大类X种管线，超过X万幢')).toEqual(['X', 'X', 'X']);
    expect(ph('配备X光机和X射线探伤仪')).toEqual([]);
  });
  it('leaves real words and Roman numerals alone', () => {
    expect(ph('XXL号救生衣、第XIX届、XXI世纪、taXXi、MAXX')).toEqual([]);
  });
});

describe('findGarbled', () => {
  it('finds U+FFFD and mojibake runs', () => {
    expect(findGarbled('有序组织应急预\uFFFD', w).map((f) => f.text)).toEqual(['\uFFFD']);
    expect(findGarbled('鈥滃畨鍏ㄢ€', w).length).toBe(1);
    expect(findGarbled('cafÃ© and â€œquotedâ€\u009d', w).map((f) => f.text)[0]).toBe('Ã©');
    expect(findGarbled('安全生产“十四五”规划。', w)).toEqual([]);
  });
});

/** the date 7–8 digits read as first, or null */
const firstReading = (digits: string) => lostDateReadings(digits)[0] ?? null;

describe('lost dates (lostDateReadings)', () => {
  it('reads 7–8 digit dates that lost 年月日', () => {
    expect(firstReading('2022424')).toBe('2022-04-24');
    expect(firstReading('2023220')).toBe('2023-02-20');
    expect(firstReading('20221231')).toBe('2022-12-31');
  });
  it('rejects numbers that are not dates', () => {
    expect(firstReading('2022-04-24')).toBeNull();
    expect(firstReading('2023990')).toBeNull();
    expect(firstReading('12345678')).toBeNull();
    expect(firstReading('202244')).toBeNull();
    expect(firstReading('20230231')).toBeNull();
  });
});

describe('points', () => {
  it('counts lines from 1 and columns in code points', () => {
    const text = 'a𠀀b\r\n第二行X';
    expect(new SourceText(text).point(3)).toEqual({ line: 1, column: 3, offset: 3 });
    expect(new SourceText(text).point(text.indexOf('X'))).toEqual({ line: 2, column: 4, offset: text.indexOf('X') });
  });
});

describe('the GB2312 table garbled-text reads (src/analysis/gb2312-table.ts)', () => {
  it('is what iconv-lite decodes from every GB2312 code (scripts/gen-gb2312.mjs regenerates it)', () => {
    const bytes: number[] = [];
    for (let a = 0xa1; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) bytes.push(a, b);
    const want = new Uint8Array(8192);
    for (const ch of iconv.decode(Buffer.from(bytes), 'gbk'))
      if (ch !== '\ufffd' && ch.length === 1) want[ch.charCodeAt(0) >> 3] |= 1 << (ch.charCodeAt(0) & 7);
    expect(Buffer.from(GB2312_BITMAP_BASE64, 'base64').equals(Buffer.from(want))).toBe(true);
  });
  it('tells ordinary characters from text read with the wrong code page', () => {
    expect(findCodePageRuns('加强应急管理体系建设')).toEqual([]);
    expect(findCodePageRuns('瀹夊叏鐢熶骇').length).toBeGreaterThan(0);
  });
});

describe('text facts (src/analysis/text-facts.ts): found once, as every finder finds them', () => {
  const texts = [
    '截至20XX年底，全市消防站总数达到XXX个',
    '由某某负责，时间待定，见【】',
    '有序组织应急预\uFFFD',
    'cafÃ© and â€œquotedâ€\u009d',
    '鈥滃畨鍏ㄧ敓浜鈥',
    '完善应急指挥部运(yùn)行机制',
    '建设???平台',
    '瀹夊叏鐢熶骇',
    '示范区人民政府 2022424',
    '2022424',
    '加强应急管理体系建设，提高防灾减灾救灾能力。',
    '配备XXL号救生衣，对待定级的避难场所逐一评估',
  ];
  it('the same placeholders and damage as the finders run on every block', () => {
    const blocks = texts.map((text) => ({ text }));
    const facts = textFacts(blocks, w);
    const want = texts.flatMap((t, block) => findPlaceholders(t, w).map((f) => ({ ...f, block })));
    expect(facts.placeholders).toEqual(want);
    // the damage every finder finds in each block, overlaps kept once (the first kind wins)
    const wantDamage = texts.flatMap((t, block) => {
      const all = [
        ...findGarbled(t, w).map((f) => ({ ...f, kind: 'mojibake' })),
        ...findInjectedPinyin(t).map((f) => ({ ...f, kind: 'pinyin' })),
        ...findLostCharacters(t).map((f) => ({ ...f, kind: 'lostChars' })),
        ...findCodePageRuns(t).map((f) => ({ ...f, kind: 'codePage' })),
      ];
      const kept: typeof all = [];
      for (const d of all) if (!kept.some((o) => d.index < o.index + o.length && o.index < d.index + d.length)) kept.push(d);
      return kept.sort((a, b) => a.index - b.index).map((d) => ({ ...d, block }));
    });
    expect(facts.damage).toEqual(wantDamage);
    expect(new Set(facts.damage.map((d) => d.block))).toEqual(new Set([2, 3, 4, 5, 6, 7]));
    expect(facts.lostDates.map((d) => [d.block, d.text, d.date])).toEqual([
      [8, '2022424', '2022-04-24'],
      [9, '2022424', '2022-04-24'],
    ]);
  });
  it('the prefilter never hides a wrong code page run: every code unit, doubled or alone between Chinese', () => {
    const texts: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      texts.push(`应急${ch}${ch}管理`, `应急${ch}管理`);
    }
    const found = new Set(textFacts(texts.map((text) => ({ text })), w).damage.map((d) => d.block));
    const want = texts.flatMap((t, i) => (findCodePageRuns(t).length ? [i] : []));
    expect(want.length).toBeGreaterThan(1000);
    for (const i of want) same(found.has(i), true, texts[i]);
  });
  it('blocks scanned together (one buffer, four units at a time) find what each block alone finds', () => {
    // empty blocks, blocks of every length around the four-unit step, hits at their first and
    // last units, trailing whitespace after a lost date's digits
    const parts = ['', 'X', 'XX', '某某', '应急', '待定', '2022424', '2022424 　', '瀹夊叏', '有序\uFFFD', 'a?', '???', '20XX年'];
    const texts: string[] = [];
    for (let i = 0; i < 300; i++) texts.push(parts[i % parts.length] + '管理'.repeat(i % 5) + parts[(i * 7) % parts.length], ...(i % 50 ? [] : [...parts, '示范区人民政府 2022424']));
    const facts = textFacts(texts.map((text) => ({ text })), w);
    const alone = texts.map((text) => textFacts([{ text }], w));
    const strip = <T extends { block: number }>(f: T) => ({ ...f, block: 0 });
    for (let b = 0; b < texts.length; b++) {
      sameDeep(facts.placeholders.filter((f) => f.block === b).map(strip), alone[b].placeholders, texts[b]);
      sameDeep(facts.damage.filter((f) => f.block === b).map(strip), alone[b].damage, texts[b]);
      sameDeep(facts.lostDates.filter((f) => f.block === b).map(strip), alone[b].lostDates, texts[b]);
      // and each block alone as the finders find it
      sameDeep(alone[b].placeholders.map(({ block: _, ...f }) => f), findPlaceholders(texts[b], w), texts[b]);
    }
    expect(facts.lostDates.length).toBeGreaterThan(15);
    expect(facts.placeholders.length).toBeGreaterThan(100);
  });
  it('blocks the text reader saw no table character in (its MARKED lines) give what a scan of every block gives', async () => {
    // the texts above among plan lines, some joined over two lines, spaced, indented, in a table, full-width
    const lines = ['某市应急管理“十四五”规划', '一、总体要求', ...texts, '  坚持统筹发展和安全，加快推进应急管理体系和能', '力现代化建设，全面提升防灾减灾救灾水平XX。', '序号\t任务\t责任单位', '1\t完善预案\t待定', 'Ｘ Ｘ 某 某', '\t2022424  '];
    const { blocks } = await extractText(lines.join('\n'), { path: 'plan.txt', sha256: '', encoding: 'utf-8', format: 'txt' });
    const told = textFacts(blocks, w);
    // (a new list: nothing told about it)
    sameDeep(told, textFacts(blocks.map((b) => ({ text: b.text })), w));
    expect(told.placeholders.length).toBeGreaterThan(5);
    expect(told.damage.length).toBeGreaterThan(5);
    expect(told.lostDates.length).toBe(3);
  });
  it('the ranges the prefilter table is built from are exactly the characters a run can hold', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (SUSPECT_RANGES.some(([a, b]) => a <= c && c <= b) !== isSuspectKind(c)) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
    expect(isSuspectKind(0x9fa5) || isSuspectKind(0xfffd) || SUSPECT_RANGES.length > 0).toBe(true);
  });
});
