// Real documents II (issue 12): what a document *is* — indicator tables with further columns,
// unread tables, notices printing two documents, titles, kind, period, header fields, HTML
// meta, traditional characters kept, site junk, damaged UTF-8, and the lint rules that judge
// them. Every case runs in-process through the real pipeline on a small text of our own wording
// in fixtures/minimal/r2-*.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPath } from '../../src/pipeline.js';
import { decode } from '../../src/ingest/decode.js';
import { lint } from '../../src/lint/engine.js';
import { exportTable } from '../../src/export/columns.js';
import { documentJsonSchema } from '../../src/model/schema.js';
import { planKind } from '../../src/outline/plans.js';
import { dropSiteJunk } from '../../src/ingest/junk.js';
import { SourceText } from '../../src/ingest/source-text.js';
import { readTxt } from '../../src/ingest/txt.js';
import { extractString, fixture } from './helpers.js';

const r2 = (name: string) => fixture('minimal', `r2-${name}`);
const read = (name: string) => extractPath(r2(name));
const doc = async (name: string) => (await read(name)).document;
/** the diagnostics of one rule on a fixture: "line:column message" */
const diagnostics = async (name: string, rule: string) =>
  lint(await read(name))
    .filter((m) => m.ruleId === rule)
    .map((m) => `${m.line}:${m.column} ${m.message}`);

describe('indicator tables with further columns (national 纲要 layout)', () => {
  it('reads every row of | 类别 | 指标 | 2020年 | 2025年 | 年均/累计 | 属性 | in Markdown', async () => {
    const [plan] = (await doc('indicator-extra-columns.md')).plans;
    expect(plan.indicators.map((i) => i.name)).toEqual([
      '地区生产总值增长（%）',
      '常住人口城镇化率（%）',
      '单位地区生产总值能源消耗降低（%）',
      '森林覆盖率（%）',
      '城镇调查失业率（%）',
    ]);
    const [gdp, urban, energy, forest, jobless] = plan.indicators;
    // the 2025 column holds "—": the target is the 年均/累计 cell, noted with its header
    expect(gdp.target).toMatchObject({ text: '6左右', value: 6, unit: '%', note: '年均/累计' });
    expect(gdp.baseline).toEqual({ year: 2020, text: '4.1', value: 4.1 });
    expect(gdp.extra).toEqual({ '年均/累计': '6左右' });
    expect(urban.target).toMatchObject({ text: '66', value: 66, unit: '%', note: null });
    expect(energy.baseline).toEqual({ year: 2020, text: '—', value: null });
    expect(energy.target).toMatchObject({ text: '[14]', value: 14 });
    expect(forest).toMatchObject({ category: '绿色生态', nature: 'binding' });
    expect(jobless.target).toMatchObject({ comparator: 'lt', value: 5.5, unit: '%' });
  });

  it('reads an HTML table with a 类别 cell spanning rows, 年均增长 and 备注 columns', async () => {
    const [plan] = (await doc('indicator-extra-columns.html')).plans;
    expect(plan.indicators).toHaveLength(3);
    const [air, water, waste] = plan.indicators;
    expect(air).toMatchObject({ category: '环境质量', nature: 'binding', baseline: { year: 2020, text: '86.2', value: 86.2 } });
    expect(air.target).toMatchObject({ text: '88', value: 88, unit: '%' });
    expect(air.extra).toEqual({ 年均增长: '—', 备注: '按国家考核口径' });
    expect(water.category).toBe('环境质量');
    expect(waste.extra).toMatchObject({ 备注: '新增指标' });
  });

  it('reads a tab-separated table with a 牵头单位 column; the unit in the name is the unit', async () => {
    const [plan] = (await doc('indicator-extra-columns-tabs.txt')).plans;
    expect(plan.indicators.map((i) => [i.name, i.target.text, i.target.unit, i.extra.牵头单位])).toEqual([
      ['亿元生产总值生产安全事故死亡率（人）', '下降33%', '%', '县应急管理局'],
      ['森林火灾受害率（‰）', '≤0.9', '‰', '县林业局'],
    ]);
    expect(plan.indicators[0].baseline).toEqual({ year: 2020, text: '0.05', value: 0.05 });
  });

  it('takes the first of three year columns as the base, the next as the target, the last as a further column', async () => {
    const text = '# 临江市“十四五”规划纲要\n\n## 一、主要目标\n\n| 指标 | 2020年 | 2025年 | 2035年 | 属性 |\n| --- | --- | --- | --- | --- |\n| 森林覆盖率（%） | 38 | 40 | 45 | 约束性 |\n';
    const [ind] = (await extractString(text, 'md')).plans[0].indicators;
    expect(ind).toMatchObject({ baseline: { year: 2020, value: 38 }, target: { text: '40', unit: '%' }, extra: { '2035年': '45' } });
  });

  it('describes baseline and extra in the JSON Schema and exports 基期值 and the further columns', async () => {
    const schema = JSON.stringify(documentJsonSchema());
    expect(schema).toContain('"baseline"');
    expect(schema).toContain('the base-year (基期/现状) column');
    expect(schema).toContain('年均/累计, 备注, 牵头单位');
    const table = exportTable('indicators', [{ file: 'r2.md', analysis: await read('indicator-extra-columns.md') }], 'zh');
    expect(table.headers).toEqual(expect.arrayContaining(['基期年份', '基期值', '基期数值', '其他列']));
    const row = table.rows[0];
    expect(row[table.headers.indexOf('基期值')]).toBe('4.1');
    expect(row[table.headers.indexOf('基期年份')]).toBe(2020);
    expect(row[table.headers.indexOf('其他列')]).toBe('年均/累计：6左右');
  });
});

describe('table-unread', () => {
  it('reports an indicator table whose header cannot be read, instead of silence', async () => {
    const result = await read('table-unread.md');
    expect(result.document.plans[0].indicators).toEqual([]);
    expect(await diagnostics('table-unread.md', 'table-unread')).toEqual([
      '5:1 表格“指标名称 | 目标值 | 指标的计算方法、统计口径和数据来源”像是指标表或任务表，但表头无法识别，表中内容未被读取',
    ]);
  });

  it('stays silent on tables it reads', async () => {
    for (const f of ['indicator-extra-columns.md', 'indicator-extra-columns.html', 'indicator-extra-columns-tabs.txt'])
      expect(await diagnostics(f, 'table-unread')).toEqual([]);
  });
});

describe('a notice printing two documents', () => {
  it('gives two plans, each with its own title, kind and period, sharing the notice\'s meta', async () => {
    const { plans } = await doc('notice-two-documents.txt');
    expect(plans.map((p) => [p.title, p.kind, p.period])).toEqual([
      ['支持数字经济发展若干措施', 'other', null],
      ['临江市数字经济创新发展行动计划（2022-2024年）', 'other', { start: 2022, end: 2024 }],
    ]);
    // each plan holds its own items only: none of the first reaches the second
    expect(plans[0].tasks).toHaveLength(2);
    expect(plans[1].tasks.map((t) => t.title)).toEqual(['建设算力基础设施', '培育数字产业集群']);
    for (const p of plans) expect(p.meta).toMatchObject({ docNumber: '临政办〔2022〕15号', issuer: '临江市人民政府办公室', written: '2022-06-08' });
  });
});

describe('titles', () => {
  it('drops the 《》 around a title written as 《…若干措施》 and never takes a cited document', async () => {
    expect((await doc('title-bracketed.txt')).plans.map((p) => p.title)).toEqual(['临江市促进民营经济高质量发展若干措施']);
  });

  it('takes the plan a forwarded notice prints, its title joined over two lines, not the notices around it', async () => {
    const { plans } = await doc('title-forwarded-notice.txt');
    expect(plans.map((p) => p.title)).toEqual(['临江市城乡供水一体化实施方案']);
    expect(plans[0].period).toEqual({ start: 2023, end: 2025 });
  });

  it('joins a title the top of the text breaks over two lines, with the stage of its draft; no period from what it cites', async () => {
    const { plans } = await doc('title-draft-two-lines.txt');
    expect(plans.map((p) => [p.title, p.kind, p.period])).toEqual([['关于加快推进临江市新型城镇化建设的实施意见（征求意见稿）', 'other', null]]);
    expect(plans[0].tasks).toHaveLength(2);
  });

  it('never takes a salutation: a work report is named by what it says it is', async () => {
    const { plans } = await doc('work-report.txt');
    expect(plans.map((p) => [p.title, p.kind])).toEqual([['政府工作报告', 'other']]);
  });
});

describe('kind', () => {
  it('任务分解 is a task breakdown; 工作要點 in traditional characters is work points', async () => {
    expect((await doc('kind-breakdown.txt')).plans.map((p) => p.kind)).toEqual(['taskBreakdown']);
    expect((await doc('kind-traditional.txt')).plans.map((p) => [p.title, p.kind])).toEqual([['臨江縣2024年應急管理工作要點', 'workPoints']]);
    expect(planKind('某区安全生产责任分工方案')).toBe('taskBreakdown');
    expect(planKind('某县2024年重点任务清单')).toBe('taskBreakdown');
    expect(planKind('某市促进消费若干措施')).toBe('other');
  });
});

describe('period', () => {
  it('comes from a 实施期限 sentence', async () => {
    expect((await doc('period-sentence.txt')).plans[0].period).toEqual({ start: 2022, end: 2024 });
  });

  it('never from a validity term (有效期) or a plan the text cites', async () => {
    expect((await doc('period-validity.txt')).plans[0].period).toBeNull();
  });
});

describe('header fields', () => {
  it('reads 发布机构/发布日期 from a Markdown header block', async () => {
    const [plan] = (await doc('header-block.md')).plans;
    expect(plan.title).toBe('临江市科技创新券管理办法');
    expect(plan.meta).toMatchObject({ issuer: '临江市科学技术局', published: '2024-03-01' });
  });

  it('prefers 发文机构 to a 来源 naming the website, in a crawler\'s header block', async () => {
    const [plan] = (await doc('header-crawl.md')).plans;
    expect(plan.title).toBe('临江市数据要素市场培育行动方案');
    expect(plan.meta).toEqual({ docNumber: '临政办发〔2024〕1号', issuer: '临江市人民政府办公室', written: '2023-12-28', published: '2024-01-02', indexNo: null });
  });

  it('leaves an empty field null, stops a value at the next label, reads the signature that ends the text', async () => {
    const [plan] = (await doc('header-fields.txt')).plans;
    expect(plan.meta).toEqual({
      indexNo: '11000000MB0000000X/2024-00012',
      docNumber: '临府办发〔2024〕23号',
      issuer: '临江市人民政府办公室',
      written: '2024-04-12',
      published: null,
    });
    // the signature is no task
    expect(plan.tasks.map((t) => t.title)).toEqual(['改造老旧小区']);
  });

  it('reads an HTML page\'s fields from the text, never from its markup', async () => {
    const [plan] = (await doc('html-meta.html')).plans;
    expect(plan.meta).toEqual({
      indexNo: '11000000MB0000000X/2023-00031',
      docNumber: '临水发〔2023〕5号',
      issuer: '临江市水利局',
      written: '2023-05-10',
      published: '2023-05-12',
    });
  });

  it('keeps the document\'s own characters in a traditional 发文字号', async () => {
    const [plan] = (await doc('traditional-docnumber.txt')).plans;
    expect(plan.meta).toMatchObject({ docNumber: '鄂政發〔2018〕26號', issuer: '臨江市人民政府', written: '2018-05-06' });
    expect(plan.title).toBe('臨江市應急管理“十四五”規劃');
  });
});

describe('junk of document-sharing and database sites', () => {
  it('never reaches the title, a task or meta', async () => {
    const result = await read('site-junk.txt');
    const [plan] = result.document.plans;
    expect(plan.title).toBe('临江县全域旅游发展实施方案');
    expect(plan.tasks.map((t) => t.text)).toEqual([
      '完善旅游基础设施。建设游客服务中心。（责任单位：县文化和旅游局）',
      '丰富旅游产品。打造精品旅游线路。（责任单位：县文化和旅游局）',
    ]);
    const text = result.blocks.map((b) => b.text).join('\n');
    for (const junk of ['第1页共4页', 'VIP', '文档评论', '法宝引证码', '原文链接', '原文下载', '播报', '编辑', '[3]', '[12-13]', '.pdf'])
      expect(text).not.toContain(junk);
    expect(Object.values(plan.meta).every((v) => v === null)).toBe(true);
  });

  it('keeps every line around the junk, in order, and the list itself where there is none', () => {
    const url = `https://www.example.gov.cn/${'abcdefghij/'.repeat(8)}`;
    const lines = ['一、总体要求', '加强统筹协调，确保取得实效。[3]', `原文链接：${url}`, '二、主要任务', '完善应急预案。'];
    const blocks = readTxt(new SourceText(lines.join('\n'), null)).blocks;
    const texts = dropSiteJunk(blocks).map((b) => (b.kind === 'table' ? '' : b.piece.text));
    expect(texts).toEqual(['一、总体要求', '加强统筹协调，确保取得实效。', '二、主要任务', '完善应急预案。']);
    const clean = readTxt(new SourceText([lines[0], lines[3], lines[4]].join('\n'), null)).blocks;
    expect(dropSiteJunk(clean)).toBe(clean);
  });
});

describe('encoding', () => {
  it('keeps a UTF-8 file with one bad byte as UTF-8 and says so, with garbled-text at that place', async () => {
    const bytes = readFileSync(r2('utf8-one-bad-byte.txt'));
    expect(decode(bytes)).toMatchObject({ encoding: 'utf-8', note: expect.stringContaining('not valid UTF-8') });
    const result = await read('utf8-one-bad-byte.txt');
    expect(result.document.source).toMatchObject({ encoding: 'utf-8', encodingNote: expect.stringContaining('read as UTF-8') });
    expect(result.document.plans[0].title).toBe('临江县“十四五”应急管理规划');
    expect(result.document.plans[0].tasks).toHaveLength(2);
    expect(await diagnostics('utf8-one-bad-byte.txt', 'garbled-text')).toEqual(['9:13 乱码：无法解码的字节“���”（文件编码是推测的：按 utf-8 读取）']);
  });

  it('still reads GB18030 text as GB18030 and says it was detected', async () => {
    const iconv = (await import('iconv-lite')).default;
    const d = decode(iconv.encode('临江县“十四五”应急管理规划\n一、主要任务\n（一）完善应急预案。', 'gb18030'));
    expect(d).toMatchObject({ encoding: 'gb18030', text: '临江县“十四五”应急管理规划\n一、主要任务\n（一）完善应急预案。' });
    expect(d.note).toContain('GB18030');
  });
});

describe('lint', () => {
  it('indicator-missing-target: a target of only —, 无 or / is no target', async () => {
    expect(await diagnostics('lint-blank-target.txt', 'indicator-missing-target')).toEqual([
      '13:1 指标“应急避难场所人均面积”的目标值只有“—”，没有给出目标',
      '17:1 指标“综合减灾示范社区数量”的目标值只有“无”，没有给出目标',
      '21:1 指标“灾害信息员覆盖率”的目标值只有“/”，没有给出目标',
    ]);
  });

  it('garbled-text: a wrong code page, injected pinyin, runs of "?"', async () => {
    expect(await diagnostics('garbled.txt', 'garbled-text')).toEqual([
      '9:19 乱码：“瞶快猭”像是用错误的中文编码读出的文字',
      '9:29 文中夹入了注音“(fā)”',
      '11:17 “????”疑为转换时丢失的字符',
    ]);
  });

  it('placeholder-text: 待定 as a word, not inside 对待定级', async () => {
    expect(await diagnostics('placeholder-word.txt', 'placeholder-text')).toEqual(['11:26 模板占位符“待定”未替换']);
  });
});

describe('header fields written one after another in one paragraph', () => {
  it('leaves an empty 发布机构 empty instead of taking the next heading, and reads the signature', async () => {
    const doc = (await read('meta-empty-fields-in-one-paragraph.md')).document;
    expect(doc.plans[0].meta).toMatchObject({ docNumber: '某府发〔2021〕36号', issuer: '国务院', written: '2021-12-30' });
  });
});
